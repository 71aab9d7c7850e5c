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
}

export interface NewMail {
  readonly toAddress: string;
  readonly subject: string;
  readonly textBody: string;
  readonly htmlBody: string;
}

/** Mail written with the change it announces and delivered later (transactional outbox). */
export interface MailOutbox {
  enqueue(mails: readonly NewMail[]): Promise<void>;
  /**
   * Takes up to `limit` undelivered mails that are due and not taken by another worker, for `leaseMs`
   * (a worker that dies leaves them to the next after that).
   */
  claimDue(options: {
    readonly now: Date;
    readonly limit: number;
    readonly leaseMs: number;
  }): Promise<OutboxMail[]>;
  markSent(options: { readonly id: string; readonly at: Date }): Promise<void>;
  markFailed(options: { readonly id: string; readonly error: string; readonly retryAt: Date }): Promise<void>;
  /** Newest first, for the development mailbox. */
  list(options: { readonly limit: number }): Promise<OutboxMail[]>;
  findById(options: { readonly id: string }): Promise<OutboxMail | null>;
}
