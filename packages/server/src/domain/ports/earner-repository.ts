import type { JsonObject } from './common.js';
import type { CredentialRecord } from './credential-repository.js';

export const EMAIL_TOKEN_PURPOSES = ['sign-in', 'claim', 'verify-email'] as const;
export type EmailTokenPurpose = (typeof EMAIL_TOKEN_PURPOSES)[number];

export const CREDENTIAL_CHOICES = ['accepted', 'declined'] as const;
export type CredentialChoice = (typeof CREDENTIAL_CHOICES)[number];

export const VISIBILITIES = ['public', 'private'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export interface Earner {
  readonly id: string;
  readonly displayName: string | null;
  readonly handle: string | null;
  readonly locale: string;
  readonly createdAt: Date;
}

export interface EarnerEmail {
  readonly id: string;
  readonly earnerId: string;
  readonly email: string;
  /** The keyed hash credentials name their recipient by (see `recipientLookupHash`). */
  readonly lookupHash: string;
  readonly verifiedAt: Date | null;
  readonly createdAt: Date;
}

export interface EmailToken {
  readonly tokenHash: string;
  readonly purpose: EmailTokenPurpose;
  readonly email: string;
  readonly earnerId: string | null;
  readonly credentialId: string | null;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly usedAt: Date | null;
}

export type NewEmailToken = Omit<EmailToken, 'createdAt' | 'usedAt'> & { readonly createdAt: Date };

export interface CredentialChoiceRecord {
  readonly credentialId: string;
  readonly earnerId: string | null;
  readonly choice: CredentialChoice;
  readonly visibility: Visibility;
  readonly updatedAt: Date;
}

export interface ImportedCredential {
  readonly id: string;
  readonly earnerId: string;
  readonly document: JsonObject;
  readonly jwt: string | null;
  readonly sourceUrl: string | null;
  readonly verified: boolean;
  /** The verification report on import, as `VerificationReport` serialises it. */
  readonly report: JsonObject;
  readonly visibility: Visibility;
  readonly importedAt: Date;
}

export type NewImportedCredential = Omit<ImportedCredential, 'id' | 'visibility'>;

/** Earner accounts and everything they own: addresses, sessions, email links, choices, imports, follows. */
export interface EarnerRepository {
  create(input: { readonly displayName: string | null; readonly locale: string }): Promise<Earner>;
  findById(options: { readonly id: string }): Promise<Earner | null>;
  findByHandle(options: { readonly handle: string }): Promise<Earner | null>;
  /** Throws `CONFLICT` when the handle is taken. */
  update(options: {
    readonly id: string;
    readonly displayName?: string | null;
    readonly handle?: string | null;
    readonly locale?: string;
  }): Promise<Earner>;
  /**
   * Deletes the account and all it owns (addresses, sessions, choices, imports, follows), except that
   * declines and private choices stay, naming no account, so those credentials stay hidden.
   */
  delete(options: { readonly id: string }): Promise<void>;

  listEmails(options: { readonly earnerId: string }): Promise<EarnerEmail[]>;
  /**
   * Adds an address to an account, or marks it verified if it is there already. Throws `CONFLICT` when
   * verifying an address another account has verified.
   */
  putEmail(input: {
    readonly earnerId: string;
    readonly email: string;
    readonly lookupHash: string;
    readonly verifiedAt: Date | null;
  }): Promise<EarnerEmail>;
  /** The account that has verified this address, if any. */
  findVerifiedEmail(options: { readonly lookupHash: string }): Promise<EarnerEmail | null>;
  /** False when there was no such address on this account. */
  removeEmail(options: { readonly earnerId: string; readonly emailId: string }): Promise<boolean>;

  createTokens(tokens: readonly NewEmailToken[]): Promise<void>;
  /**
   * Marks an unused, unexpired token of this purpose used and returns it; null when it does not exist, was
   * used, or has expired (one statement, so two concurrent uses cannot both succeed).
   */
  useToken(options: {
    readonly tokenHash: string;
    readonly purpose: EmailTokenPurpose;
    readonly at: Date;
  }): Promise<EmailToken | null>;
  findToken(options: { readonly tokenHash: string }): Promise<EmailToken | null>;

  createSession(input: {
    readonly tokenHash: string;
    readonly earnerId: string;
    readonly expiresAt: Date;
  }): Promise<void>;
  /** The earner of an unexpired session. */
  findSession(options: { readonly tokenHash: string; readonly at: Date }): Promise<string | null>;
  deleteSession(options: { readonly tokenHash: string }): Promise<void>;

  findChoice(options: { readonly credentialId: string }): Promise<CredentialChoiceRecord | null>;
  putChoice(
    input: Omit<CredentialChoiceRecord, 'updatedAt'> & { readonly at: Date },
  ): Promise<CredentialChoiceRecord>;
  listChoices(options: { readonly earnerId: string }): Promise<CredentialChoiceRecord[]>;
  /** Credentials issued to any of the earner's verified addresses, newest first (at most 1,000). */
  listCredentials(options: { readonly earnerId: string }): Promise<CredentialRecord[]>;
  /** The earner whose verified address a credential was issued to, if any. */
  findCredentialOwner(options: { readonly credentialId: string }): Promise<string | null>;

  insertImport(input: NewImportedCredential): Promise<ImportedCredential>;
  listImports(options: { readonly earnerId: string }): Promise<ImportedCredential[]>;
  findImport(options: { readonly id: string }): Promise<ImportedCredential | null>;
  /** Throws `VALIDATION_ERROR` when making an unverified import public. */
  setImportVisibility(options: { readonly id: string; readonly visibility: Visibility }): Promise<void>;
  deleteImport(options: { readonly id: string }): Promise<void>;

  follow(options: { readonly earnerId: string; readonly pathwayId: string }): Promise<void>;
  unfollow(options: { readonly earnerId: string; readonly pathwayId: string }): Promise<void>;
  listFollows(options: { readonly earnerId: string }): Promise<string[]>;
}
