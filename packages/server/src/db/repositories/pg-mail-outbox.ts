import { and, asc, desc, eq, inArray, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { MailOutbox, NewMail, OutboxMail } from '../../domain/ports/mail-outbox.js';
import type { Database } from '../database.js';
import { mailOutbox } from '../schema/mail-outbox.js';
import { insertRows, SKIP_KNOWN_DEDUPE_KEYS } from './json-recordset.js';
import { guarded, isUuid } from './query-helpers.js';

type MailRow = typeof mailOutbox.$inferSelect;

function toMail(row: MailRow): OutboxMail {
  return {
    id: row.id,
    toAddress: row.toAddress,
    subject: row.subject,
    textBody: row.textBody,
    htmlBody: row.htmlBody,
    createdAt: row.createdAt,
    attempts: row.attempts,
    sentAt: row.sentAt,
    lastError: row.lastError,
    headers: row.headers,
    announces: row.announces,
  };
}

/** `MailOutbox` on PostgreSQL or PGlite. */
export class PgMailOutbox implements MailOutbox {
  readonly #db: Database;

  constructor(options: { readonly db: Database }) {
    this.#db = options.db;
  }

  async enqueue(mails: readonly NewMail[]): Promise<number> {
    if (mails.length === 0) return 0;
    const rows = await guarded('mail', () =>
      insertRows(
        this.#db,
        mailOutbox,
        ['toAddress', 'subject', 'textBody', 'htmlBody', 'headers', 'dedupeKey', 'announces'],
        mails.map((mail) => ({
          toAddress: mail.toAddress,
          subject: mail.subject,
          textBody: mail.textBody,
          htmlBody: mail.htmlBody,
          headers: { ...(mail.headers ?? {}) },
          dedupeKey: mail.dedupeKey ?? null,
          announces: mail.announces ?? null,
        })),
        sql`${SKIP_KNOWN_DEDUPE_KEYS} returning id`,
      ),
    );
    return rows.length;
  }

  async claimDue(options: {
    readonly now: Date;
    readonly limit: number;
    readonly leaseMs: number;
  }): Promise<OutboxMail[]> {
    return guarded('mail', () =>
      this.#db.transaction(async (tx) => {
        const due = await tx
          .select({ id: mailOutbox.id })
          .from(mailOutbox)
          .where(
            and(
              isNull(mailOutbox.sentAt),
              lte(mailOutbox.nextAttemptAt, options.now),
              or(isNull(mailOutbox.lockedUntil), lte(mailOutbox.lockedUntil, options.now)),
            ),
          )
          .orderBy(asc(mailOutbox.nextAttemptAt))
          .limit(Math.max(1, Math.trunc(options.limit)))
          .for('update', { skipLocked: true });
        if (due.length === 0) return [];
        const lockedUntil = new Date(options.now.getTime() + options.leaseMs);
        const rows = await tx
          .update(mailOutbox)
          .set({ lockedUntil, attempts: sql`${mailOutbox.attempts} + 1` })
          .where(
            inArray(
              mailOutbox.id,
              due.map((row) => row.id),
            ),
          )
          .returning();
        return rows.map(toMail);
      }),
    );
  }

  async markSent(options: { readonly id: string; readonly at: Date }): Promise<void> {
    await guarded('mail', () =>
      this.#db
        .update(mailOutbox)
        .set({ sentAt: options.at, lockedUntil: null, lastError: null })
        .where(eq(mailOutbox.id, options.id)),
    );
  }

  async release(options: { readonly ids: readonly string[]; readonly leasedUntil: Date }): Promise<number> {
    const ids = options.ids.filter(isUuid);
    if (ids.length === 0) return 0;
    const rows = await guarded('mail', () =>
      this.#db
        .update(mailOutbox)
        .set({ lockedUntil: null, attempts: sql`greatest(${mailOutbox.attempts} - 1, 0)` })
        .where(
          and(
            inArray(mailOutbox.id, ids),
            isNull(mailOutbox.sentAt),
            eq(mailOutbox.lockedUntil, options.leasedUntil),
          ),
        )
        .returning({ id: mailOutbox.id }),
    );
    return rows.length;
  }

  async markFailed(options: {
    readonly id: string;
    readonly error: string;
    readonly retryAt: Date;
  }): Promise<void> {
    await guarded('mail', () =>
      this.#db
        .update(mailOutbox)
        .set({ lockedUntil: null, lastError: options.error.slice(0, 1000), nextAttemptAt: options.retryAt })
        .where(eq(mailOutbox.id, options.id)),
    );
  }

  async list(options: { readonly limit: number }): Promise<OutboxMail[]> {
    const rows = await guarded('mail', () =>
      this.#db
        .select()
        .from(mailOutbox)
        .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
        .limit(Math.min(500, Math.max(1, Math.trunc(options.limit)))),
    );
    return rows.map(toMail);
  }

  async findById(options: { readonly id: string }): Promise<OutboxMail | null> {
    if (!isUuid(options.id)) return null;
    const [row] = await guarded('mail', () =>
      this.#db.select().from(mailOutbox).where(eq(mailOutbox.id, options.id)),
    );
    return row === undefined ? null : toMail(row);
  }

  async forgetSent(options: { readonly before: Date; readonly limit: number }): Promise<number> {
    const limit = Math.max(1, Math.trunc(options.limit));
    return guarded('mail', () =>
      this.#db.transaction(async (tx) => {
        // Read through the partial index of mails still remembered, so each sweep costs what it forgets.
        const due = await tx
          .select({ id: mailOutbox.id, dedupeKey: mailOutbox.dedupeKey })
          .from(mailOutbox)
          .where(and(lt(mailOutbox.sentAt, options.before), ne(mailOutbox.toAddress, '')))
          .orderBy(asc(mailOutbox.sentAt))
          .limit(limit)
          .for('update', { skipLocked: true });
        const unkeyed = due.filter((row) => row.dedupeKey === null).map((row) => row.id);
        const keyed = due.filter((row) => row.dedupeKey !== null).map((row) => row.id);
        if (unkeyed.length > 0) await tx.delete(mailOutbox).where(inArray(mailOutbox.id, unkeyed));
        if (keyed.length > 0)
          await tx
            .update(mailOutbox)
            .set({ toAddress: '', subject: '', textBody: '', htmlBody: '', headers: {}, lastError: null })
            .where(inArray(mailOutbox.id, keyed));
        return due.length;
      }),
    );
  }
}
