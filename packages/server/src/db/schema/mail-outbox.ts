import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { MailEvent } from '../../domain/ports/mail-outbox.js';
import { timestamptz } from './columns.js';

/**
 * Mail written in the same transaction as what it announces, and delivered afterwards by a worker
 * (transactional outbox): a credential is never issued without its claim mail, nor a mail sent for a
 * rolled-back issuance.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamptz('next_attempt_at').notNull().defaultNow(),
    lockedUntil: timestamptz('locked_until'),
    sentAt: timestamptz('sent_at'),
    lastError: text('last_error'),
    // Extra header fields (e.g. RFC 8058 List-Unsubscribe) handed to the transport as they are.
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    // A notification names its event here: a second enqueue of the same event, by a retried job, a sweep
    // run twice or another process, is refused by the unique index and mails nobody twice.
    dedupeKey: text('dedupe_key'),
    // The event to record when the mail leaves: the issuing transaction writes this row anyway, so the
    // claim mail's event costs issuing nothing and says when the mail really went.
    announces: jsonb('announces').$type<MailEvent>(),
  },
  (t) => [
    index('mail_outbox_pending_idx').on(t.nextAttemptAt).where(sql`${t.sentAt} is null`),
    // Only notifications carry a key (one mail per event and recipient); claim mails cost this index nothing.
    // The retention sweep's way in: only mails sent and not yet forgotten, so the index stays small.
    index('mail_outbox_remembered_idx')
      .on(t.sentAt)
      .where(sql`${t.sentAt} is not null and ${t.toAddress} <> ''`),
    uniqueIndex('mail_outbox_dedupe_key_unique').on(t.dedupeKey).where(sql`${t.dedupeKey} is not null`),
  ],
);
