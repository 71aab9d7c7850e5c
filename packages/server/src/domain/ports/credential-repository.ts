import type { JsonObject, Page } from './common.js';
import type { StatusPurpose } from './status-list-repository.js';

/** `di`: Data Integrity proof (eddsa-rdfc-2022); `jwt`: VC-JWT. */
export const CREDENTIAL_FORMATS = ['di', 'jwt'] as const;
export type CredentialFormat = (typeof CREDENTIAL_FORMATS)[number];

/**
 * An issued credential as stored. The recipient's email is never stored: `recipientEmailHash` is the
 * salted hash inside the credential's IdentityObject, and `recipientLookupHash` a deterministic keyed
 * hash (HMAC with a server-side pepper) so credentials can be found by email without keeping it.
 */
export interface CredentialRecord {
  /** A random v4 UUID chosen by the caller (122 random bits: unguessable); the document's id ends with it. */
  readonly id: string;
  readonly issuerId: string;
  readonly achievementId: string;
  readonly recipientEmailHash: string | null;
  readonly recipientLookupHash: string | null;
  readonly recipientDid: string | null;
  readonly recipientName: string | null;
  readonly idempotencyKey: string | null;
  readonly format: CredentialFormat;
  /** The signed credential (for `jwt`, the payload's `vc` document). */
  readonly document: JsonObject;
  readonly jwt: string | null;
  readonly statusListId: string | null;
  readonly statusIndex: number | null;
  /** The purpose of the credential's one status entry: `suspension` only for suspendable achievements. */
  readonly statusPurpose: StatusPurpose;
  readonly revokedAt: Date | null;
  readonly revocationReason: string | null;
  /** Set while the credential is suspended (only with a `suspension` entry); cleared on reinstatement. */
  readonly suspendedAt: Date | null;
  readonly suspensionReason: string | null;
  readonly issuedAt: Date;
  readonly validUntil: Date | null;
  readonly bulkJobId: string | null;
  readonly bulkRow: number | null;
}

export interface NewCredential {
  readonly id: string;
  readonly issuerId: string;
  readonly achievementId: string;
  readonly recipientEmailHash?: string | null;
  readonly recipientLookupHash?: string | null;
  readonly recipientDid?: string | null;
  readonly recipientName?: string | null;
  readonly idempotencyKey?: string | null;
  readonly format: CredentialFormat;
  readonly document: JsonObject;
  readonly jwt?: string | null;
  readonly statusListId?: string | null;
  readonly statusIndex?: number | null;
  readonly statusPurpose?: StatusPurpose;
  readonly issuedAt: Date;
  readonly validUntil?: Date | null;
  readonly bulkJobId?: string | null;
  readonly bulkRow?: number | null;
}

export interface InsertCredentialResult {
  readonly credential: CredentialRecord;
  /** False when an earlier insert with the same idempotency key (or bulk job row) won: nothing was written. */
  readonly created: boolean;
}

export interface CredentialQuery extends Page {
  readonly issuerId?: string;
  readonly achievementId?: string;
  /** Any of these achievements (combined with `achievementId` when both are given). */
  readonly achievementIds?: readonly string[];
  readonly recipientLookupHash?: string;
  readonly recipientDid?: string;
}

/** Who a credential was issued to, as duplicates are found: the keyed email hash, or the DID. */
export interface RecipientKey {
  readonly lookupHash: string | null;
  readonly did: string | null;
}

/** A credential someone holds, without its document. */
export interface CredentialHolding {
  readonly id: string;
  readonly recipientLookupHash: string | null;
  readonly recipientDid: string | null;
  readonly bulkJobId: string | null;
  readonly bulkRow: number | null;
}

/** What can happen to a credential after issuance (its issuance is the record itself). */
export const CREDENTIAL_EVENT_KINDS = ['revoked', 'suspended', 'reinstated'] as const;
export type CredentialEventKind = (typeof CREDENTIAL_EVENT_KINDS)[number];

/** One step of a credential's history (`issued` is its record, never stored as an event). */
export interface CredentialEvent {
  readonly kind: CredentialEventKind | 'issued';
  readonly reason: string | null;
  readonly actor: string | null;
  readonly at: Date;
}

/**
 * Where an issued credential stands, as its issuer sees it, the first that applies: revoked, suspended,
 * expired, then what its earner did with it (declined, accepted), else pending (not claimed yet).
 */
export const ISSUED_STATES = ['pending', 'accepted', 'declined', 'revoked', 'suspended', 'expired'] as const;
export type IssuedState = (typeof ISSUED_STATES)[number];

/** An issuer's search of what it issued (the console's credentials list and its CSV export). */
export interface IssuedCredentialQuery extends Page {
  readonly issuerId: string;
  /** States are judged at this time (expiry). */
  readonly at: Date;
  /** One credential (the console's detail page reads its state). */
  readonly id?: string;
  readonly achievementId?: string;
  readonly recipientLookupHash?: string;
  readonly recipientDid?: string;
  /** Part of the recipient's name, case-insensitive. */
  readonly recipientName?: string;
  readonly state?: IssuedState;
  readonly issuedFrom?: Date;
  readonly issuedBefore?: Date;
}

export interface IssuedCredential {
  readonly record: CredentialRecord;
  readonly state: IssuedState;
}

/** How many credentials an issuer has issued, in all and by state, and since a date. */
export interface IssuedStatistics {
  readonly total: number;
  readonly issuedSince: number;
  readonly byState: Readonly<Record<IssuedState, number>>;
}

/** Issued credentials. */
export interface CredentialRepository {
  /**
   * Inserts once. When `(issuerId, idempotencyKey)` or `(bulkJobId, bulkRow)` already exists, returns
   * the existing row with `created: false` instead (race-safe: the unique constraint decides).
   */
  insert(input: NewCredential): Promise<InsertCredentialResult>;
  /** `insert` for many at once (one statement), results in input order; for bulk issuance. */
  insertMany(inputs: readonly NewCredential[]): Promise<InsertCredentialResult[]>;
  findById(options: { readonly id: string }): Promise<CredentialRecord | null>;
  findByIdempotencyKey(options: {
    readonly issuerId: string;
    readonly idempotencyKey: string;
  }): Promise<CredentialRecord | null>;
  /** The credentials among `idempotencyKeys` of the issuer (at most 1,000 keys at a time). */
  findByIdempotencyKeys(options: {
    readonly issuerId: string;
    readonly idempotencyKeys: readonly string[];
  }): Promise<CredentialRecord[]>;
  /**
   * The credentials of `achievementId` that these recipients hold and that are valid at `at`: not revoked,
   * not expired (an email matches by its lookup hash, a DID exactly). At most 1,000 recipients at a time.
   */
  listValidHoldings(options: {
    readonly achievementId: string;
    readonly recipients: readonly RecipientKey[];
    readonly at: Date;
  }): Promise<CredentialHolding[]>;
  /**
   * Waits (until the transaction ends) for exclusive use of each (achievement, recipient): a transaction
   * that checks for a valid credential and then issues one must hold it, so two never both issue.
   * Only meaningful inside a transaction.
   */
  lockRecipients(options: {
    readonly achievementId: string;
    readonly recipients: readonly RecipientKey[];
  }): Promise<void>;
  /** Newest first; `limit` is capped at 500. */
  list(query: CredentialQuery): Promise<CredentialRecord[]>;
  /**
   * How many distinct recipients hold an unrevoked credential of each achievement that anyone may read
   * (`mayReadCredential` with no viewer): accepted and public, or in no portfolio yet; absent: none.
   */
  countEarners(options: { readonly achievementIds: readonly string[] }): Promise<Map<string, number>>;
  /**
   * Records a permanent revocation (the status bit is the `StatusListRepository`'s job: do both in one
   * transaction). Revoking again with the same reason returns the record unchanged; with another
   * reason throws `CONFLICT`. Throws `NOT_FOUND`.
   */
  revoke(options: {
    readonly id: string;
    readonly reason: string;
    readonly at: Date;
  }): Promise<CredentialRecord>;
  /**
   * Suspends (`suspended: true`, with a reason) or reinstates (`false`) an unrevoked credential with a
   * suspension entry; the status bit is the caller's job, in the same transaction. Returns null when the
   * credential was already in that state (nothing changed). Throws `NOT_FOUND`, and `CONFLICT` when it is
   * revoked or has no suspension entry.
   */
  setSuspended(options: {
    readonly id: string;
    readonly suspended: boolean;
    readonly reason: string | null;
    readonly at: Date;
  }): Promise<CredentialRecord | null>;
  /** Newest first, with the total that match (`limit` capped at 1,000). */
  searchIssued(query: IssuedCredentialQuery): Promise<{ items: IssuedCredential[]; total: number }>;
  statistics(options: {
    readonly issuerId: string;
    readonly since: Date;
    readonly at: Date;
  }): Promise<IssuedStatistics>;
  /** Appends to a credential's history (in the transaction of the change it records). */
  recordEvent(
    options: { readonly credentialId: string; readonly kind: CredentialEventKind } & Omit<
      CredentialEvent,
      'kind'
    >,
  ): Promise<void>;
  /** A credential's history, oldest first. */
  listEvents(options: { readonly credentialId: string }): Promise<CredentialEvent[]>;
}
