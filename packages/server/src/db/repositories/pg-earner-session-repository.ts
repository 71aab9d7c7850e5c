import { and, eq, gt } from 'drizzle-orm';
import type { EarnerSessionRepository } from '../../domain/ports/earner-session-repository.js';
import type { Database } from '../database.js';
import { earnerSessions } from '../schema/earner-sessions.js';
import { guarded } from './query-helpers.js';

/** `EarnerSessionRepository` on PostgreSQL or PGlite. */
export class PgEarnerSessionRepository implements EarnerSessionRepository {
  readonly #db: Database;

  constructor(options: { readonly db: Database }) {
    this.#db = options.db;
  }

  async create(input: {
    readonly tokenHash: string;
    readonly earnerId: string;
    readonly expiresAt: Date;
  }): Promise<void> {
    await guarded('session', () => this.#db.insert(earnerSessions).values(input));
  }

  async findEarnerId(options: { readonly tokenHash: string; readonly at: Date }): Promise<string | null> {
    const [row] = await guarded('session', () =>
      this.#db
        .select({ earnerId: earnerSessions.earnerId })
        .from(earnerSessions)
        .where(
          and(eq(earnerSessions.tokenHash, options.tokenHash), gt(earnerSessions.expiresAt, options.at)),
        ),
    );
    return row?.earnerId ?? null;
  }

  async delete(options: { readonly tokenHash: string }): Promise<void> {
    await guarded('session', () =>
      this.#db.delete(earnerSessions).where(eq(earnerSessions.tokenHash, options.tokenHash)),
    );
  }
}
