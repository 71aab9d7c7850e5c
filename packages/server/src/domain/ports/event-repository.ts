import type { JsonObject } from './common.js';

/** What can happen to a credential or a pathway after issuance; the names integrators subscribe to. */
export const EVENT_TYPES = [
  'credential.issued',
  'credential.claim_mail_sent',
  'credential.claimed',
  'credential.declined',
  'credential.viewed',
  'credential.shared',
  'credential.linkedin_added',
  'credential.downloaded',
  'credential.verified',
  'credential.revoked',
  'credential.suspended',
  'credential.reinstated',
  'credential.expired',
  'credential.wallet_copied',
  'pathway.progressed',
  'pathway.awarded',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface NewEvent {
  readonly type: EventType;
  readonly issuerId: string;
  readonly credentialId?: string | null;
  readonly achievementId?: string | null;
  /**
   * Ids and enumerations only: events leave the platform (feed, webhooks), so never names, emails or IPs.
   * Not the three ids above: they are stored once, in columns, and `StoredEvent.data` carries them again.
   */
  readonly data?: JsonObject;
  /** A second event with the same key is dropped (daily view de-duplication, one expiry per credential). */
  readonly dedupeKey?: string;
  readonly at: Date;
}

export interface StoredEvent {
  /** Decimal string of the bigserial id. */
  readonly id: string;
  /** Where a reader that has seen this event goes on from (`txid.id`, see event-cursor.ts). */
  readonly cursor: string;
  readonly type: EventType;
  readonly issuerId: string;
  readonly credentialId: string | null;
  readonly achievementId: string | null;
  /** The event's own data, after `issuerId` and, when the event has them, `credentialId` and `achievementId`. */
  readonly data: JsonObject;
  readonly at: Date;
}

/** An event named by its credential alone, which is stored only if that credential exists here. */
export type EventAboutCredential = Omit<
  NewEvent,
  'issuerId' | 'credentialId' | 'achievementId' | 'dedupeKey'
> & {
  readonly credentialId: string;
};

/** The append-only event record. */
export interface EventRepository {
  /** One multi-row INSERT; rows whose `dedupeKey` exists already are skipped. Returns how many were stored. */
  append(events: readonly NewEvent[]): Promise<number>;
  /**
   * One event about the credential `credentialId`, with its issuer and achievement read from the credential
   * in the same statement; nothing when no such credential exists or the `dedupeKey` exists already.
   * Returns how many were stored (0 or 1).
   */
  appendAboutCredential(
    event: Omit<NewEvent, 'issuerId' | 'credentialId' | 'achievementId'> & { readonly credentialId: string },
  ): Promise<number>;
  /**
   * Many events about credentials, as {@link appendAboutCredential} stores one, in one statement; none may
   * carry a `dedupeKey`. Returns, per event in order, whether it was stored (false when no such credential
   * exists here).
   */
  appendAboutCredentials(events: readonly EventAboutCredential[]): Promise<boolean[]>;
  /**
   * Events after the cursor `after` (`txid.id`), in (transaction, id) order, among those whose transaction
   * ended before any running one began: a later read never finds one behind a cursor already returned.
   */
  list(options: {
    readonly after?: string;
    readonly issuerId?: string;
    readonly types?: readonly EventType[];
    readonly limit: number;
  }): Promise<StoredEvent[]>;
  /**
   * Appends `credential.expired` (at the credential's `validUntil`) for up to `limit` credentials that
   * expired by `now`, unrevoked, and have none yet. Returns how many were added: 0 means caught up.
   */
  appendExpired(options: { readonly now: Date; readonly limit: number }): Promise<number>;
  /** The cursor of the last visible event (or "0"): where a new webhook endpoint starts. */
  lastCursor(): Promise<string>;
}
