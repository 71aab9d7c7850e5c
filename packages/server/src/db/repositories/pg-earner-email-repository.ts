import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { EarnerEmail, EarnerEmailRepository } from '../../domain/ports/earner-email-repository.js';
import type { Database } from '../database.js';
import { earnerEmails } from '../schema/earner-emails.js';
import { guarded, isUuid, onlyRow } from './query-helpers.js';

/** `EarnerEmailRepository` on PostgreSQL or PGlite. */
export class PgEarnerEmailRepository implements EarnerEmailRepository {
  readonly #db: Database;

  constructor(options: { readonly db: Database }) {
    this.#db = options.db;
  }

  async list(options: { readonly earnerId: string }): Promise<EarnerEmail[]> {
    return guarded('email address', () =>
      this.#db
        .select()
        .from(earnerEmails)
        .where(eq(earnerEmails.earnerId, options.earnerId))
        .orderBy(earnerEmails.createdAt, earnerEmails.email),
    );
  }

  async put(input: {
    readonly earnerId: string;
    readonly email: string;
    readonly lookupHash: string;
    readonly verifiedAt: Date | null;
  }): Promise<EarnerEmail> {
    const rows = await guarded('email address', () =>
      this.#db
        .insert(earnerEmails)
        .values({
          earnerId: input.earnerId,
          email: input.email.toLowerCase(),
          lookupHash: input.lookupHash,
          verifiedAt: input.verifiedAt,
        })
        .onConflictDoUpdate({
          target: [earnerEmails.earnerId, earnerEmails.lookupHash],
          // Verifying again keeps the first verification time; adding again never un-verifies.
          set: { verifiedAt: sql`coalesce(${earnerEmails.verifiedAt}, excluded.verified_at)` },
        })
        .returning(),
    );
    return onlyRow(rows, 'email address');
  }

  async findVerified(options: { readonly lookupHash: string }): Promise<EarnerEmail | null> {
    const [row] = await guarded('email address', () =>
      this.#db
        .select()
        .from(earnerEmails)
        .where(and(eq(earnerEmails.lookupHash, options.lookupHash), isNotNull(earnerEmails.verifiedAt))),
    );
    return row ?? null;
  }

  async remove(options: { readonly earnerId: string; readonly emailId: string }): Promise<boolean> {
    if (!isUuid(options.emailId)) return false;
    const rows = await guarded('email address', () =>
      this.#db
        .delete(earnerEmails)
        .where(and(eq(earnerEmails.id, options.emailId), eq(earnerEmails.earnerId, options.earnerId)))
        .returning({ id: earnerEmails.id }),
    );
    return rows.length > 0;
  }
}
