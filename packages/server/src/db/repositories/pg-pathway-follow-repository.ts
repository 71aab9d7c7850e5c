import { and, eq } from 'drizzle-orm';
import type { PathwayFollowRepository } from '../../domain/ports/pathway-follow-repository.js';
import type { Database } from '../database.js';
import { pathwayFollows } from '../schema/pathway-follows.js';
import { guarded } from './query-helpers.js';

/** `PathwayFollowRepository` on PostgreSQL or PGlite. */
export class PgPathwayFollowRepository implements PathwayFollowRepository {
  readonly #db: Database;

  constructor(options: { readonly db: Database }) {
    this.#db = options.db;
  }

  async follow(options: { readonly earnerId: string; readonly pathwayId: string }): Promise<void> {
    await guarded('pathway', () => this.#db.insert(pathwayFollows).values(options).onConflictDoNothing());
  }

  async unfollow(options: { readonly earnerId: string; readonly pathwayId: string }): Promise<void> {
    await guarded('pathway', () =>
      this.#db
        .delete(pathwayFollows)
        .where(
          and(eq(pathwayFollows.earnerId, options.earnerId), eq(pathwayFollows.pathwayId, options.pathwayId)),
        ),
    );
  }

  async list(options: { readonly earnerId: string }): Promise<string[]> {
    const rows = await guarded('pathway', () =>
      this.#db
        .select({ pathwayId: pathwayFollows.pathwayId })
        .from(pathwayFollows)
        .where(eq(pathwayFollows.earnerId, options.earnerId))
        .orderBy(pathwayFollows.createdAt),
    );
    return rows.map((row) => row.pathwayId);
  }
}
