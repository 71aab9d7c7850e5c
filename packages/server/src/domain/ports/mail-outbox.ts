import type { NewEvent } from './event-repository.js';

/** The event a mail announces by leaving: recorded, with the time it left, when the transport took it. */
export type MailEvent = Omit<NewEvent, 'at' | 'dedupeKey'>;

/** A message waiting in, or delivered from, the outbox. */
export interface OutboxMail {
  readonly id: string;
  readonly toAddress: string;
  readonly subject: string;
  readonly textBody: string;
  readonly htmlBody: string;
  readonly createdAt: Date;
  readonly attempts: number;
  readonly sentAt: Date | null;
  readonly lastError: string | null;
  /** Header fields the transport adds as they are (e.g. `List-Unsubscribe`). */
  readonly headers: Readonly<Record<string, string>>;
  readonly announces: MailEvent | null;
}

export interface NewMail {
  readonly toAddress: string;
  readonly subject: string;
  readonly textBody: string;
  readonly htmlBody: string;
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Names the event a notification announces: a mail whose key is already in the outbox is not added
   * again, so retries, repeated sweeps and concurrent processes mail once.
   */
  readonly dedupeKey?: string;
  /** Recorded once the mail has gone (e.g. `credential.claim_mail_sent`), not when it was written. */
  readonly announces?: MailEvent;
}

/** Mail written with the change it announces and delivered later (transactional outbox). */
export interface MailOutbox {
  /** Resolves to how many were added (mails whose `dedupeKey` is already there are skipped). */
  enqueue(mails: readonly NewMail[]): Promise<number>;
  /**
   * Takes up to `limit` undelivered mails that are due and not taken by another worker, for `leaseMs`
   * (a worker that dies leaves them to the next after that): leased until `now + leaseMs`.
   */
  claimDue(options: {
    readonly now: Date;
    readonly limit: number;
    readonly leaseMs: number;
  }): Promise<OutboxMail[]>;
  /**
   * Hands back, due at once, mails claimed but not sent (a worker told to stop), their claim not counted
   * as an attempt. The lease names no worker: `leasedUntil`, the end of the claim's lease, tells that claim
   * from a later one by another worker. Returns how many it released.
   */
  release(options: { readonly ids: readonly string[]; readonly leasedUntil: Date }): Promise<number>;
  markSent(options: { readonly id: string; readonly at: Date }): Promise<void>;
  markFailed(options: { readonly id: string; readonly error: string; readonly retryAt: Date }): Promise<void>;
  /** Newest first, for the development mailbox. */
  list(options: { readonly limit: number }): Promise<OutboxMail[]>;
  findById(options: { readonly id: string }): Promise<OutboxMail | null>;
  /**
   * Forgets up to `limit` mails sent before `before`: a mail without a dedupe key is deleted; one with a key
   * keeps its row (the key still stops the same notification from going twice) but loses its address,
   * subject and bodies. Resolves to how many were forgotten.
   */
  forgetSent(options: { readonly before: Date; readonly limit: number }): Promise<number>;
}
