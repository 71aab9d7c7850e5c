import { MEMBERSHIP_ROLES } from './user-repository.js';

/**
 * `admin` keys belong to the platform (no issuer); `employer` keys to one employer (talent search, roles);
 * the others act within one issuer.
 */
export const API_KEY_ROLES = ['admin', 'employer', ...MEMBERSHIP_ROLES] as const;
export type ApiKeyRole = (typeof API_KEY_ROLES)[number];

/**
 * A stored API key. The secret itself is never stored: a presented token is split into its public
 * `prefix` (found by index) and its secret, whose SHA-256 is compared in constant time with `hash`.
 */
export interface ApiKey {
  readonly id: string;
  /** Null when `role` is `admin` or `employer`. */
  readonly issuerId: string | null;
  /** Set exactly when `role` is `employer`. */
  readonly employerId: string | null;
  readonly name: string;
  readonly prefix: string;
  /** Lower-case hex SHA-256 of the secret part. */
  readonly hash: string;
  readonly scopes: readonly string[];
  readonly role: ApiKeyRole;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
  readonly revokedAt: Date | null;
}

export interface NewApiKey {
  readonly id?: string;
  readonly issuerId: string | null;
  readonly employerId?: string | null;
  readonly name: string;
  readonly prefix: string;
  readonly hash: string;
  readonly scopes?: readonly string[];
  readonly role: ApiKeyRole;
}

/** Hashed API keys. */
export interface ApiKeyRepository {
  /** Throws `CONFLICT` when the prefix is taken, `VALIDATION_ERROR` when role and issuer disagree. */
  create(input: NewApiKey): Promise<ApiKey>;
  /** Returns revoked keys too: the caller checks `revokedAt`. */
  findByPrefix(options: { readonly prefix: string }): Promise<ApiKey | null>;
  /** The keys of one issuer, or the platform's admin keys when `issuerId` is null. Newest first. */
  list(options: { readonly issuerId: string | null } | { readonly employerId: string }): Promise<ApiKey[]>;
  /** Records use; cheap enough to call on every authenticated request. */
  touch(options: { readonly id: string; readonly at: Date }): Promise<void>;
  /** Returns false when the key does not exist or was already revoked. */
  revoke(options: { readonly id: string; readonly at: Date }): Promise<boolean>;
}
