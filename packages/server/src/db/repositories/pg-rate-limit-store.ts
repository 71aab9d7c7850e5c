import { createHash } from 'node:crypto';
import { lt, sql } from 'drizzle-orm';
import type { RateLimitBucket, RateLimitStore } from '../../domain/ports/rate-limit-store.js';
import type { Database } from '../database.js';
import { rateLimitBuckets } from '../schema/rate-limit-buckets.js';
import { guarded, onlyRow } from './query-helpers.js';

/** Keys are email and network addresses: only their digest is stored. */
function digestOf(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/**
 * `RateLimitStore` on PostgreSQL or PGlite. One `insert … on conflict do update` per request: the row
 * lock it takes makes concurrent requests, from any process, count one after another.
 */
export class PgRateLimitStore implements RateLimitStore {
  readonly #db: Database;

  constructor(options: { readonly db: Database }) {
    this.#db = options.db;
  }

  async hit(options: {
    readonly name: string;
    readonly key: string;
    readonly windowStart: Date;
    readonly windowMs: number;
    readonly cap: number;
    readonly cost?: number;
    readonly expiresAt: Date;
  }): Promise<RateLimitBucket> {
    const cost = options.cost ?? 1;
    const current = sql`${options.windowStart.toISOString()}::timestamptz`;
    const previous = sql`${new Date(options.windowStart.getTime() - options.windowMs).toISOString()}::timestamptz`;
    const stored = rateLimitBuckets;
    // Every expression reads the row as it was before this statement. A stored window ahead of ours
    // (another server's clock runs ahead) is kept and counted into, rather than rolled back.
    const rows = await guarded('rate limit', () =>
      this.#db
        .insert(rateLimitBuckets)
        .values({
          name: options.name,
          keyHash: digestOf(options.key),
          windowStart: options.windowStart,
          count: Math.min(cost, options.cap),
          previousCount: 0,
          expiresAt: options.expiresAt,
        })
        .onConflictDoUpdate({
          target: [rateLimitBuckets.name, rateLimitBuckets.keyHash],
          set: {
            count: sql`case when ${stored.windowStart} >= ${current}
              then least(${stored.count} + ${cost}::int, ${options.cap}) else least(${cost}::int, ${options.cap}) end`,
            previousCount: sql`case when ${stored.windowStart} >= ${current} then ${stored.previousCount}
              when ${stored.windowStart} = ${previous} then ${stored.count} else 0 end`,
            windowStart: sql`greatest(${stored.windowStart}, ${current})`,
            expiresAt: sql`greatest(${stored.expiresAt}, ${options.expiresAt.toISOString()}::timestamptz)`,
          },
        })
        .returning({
          windowStart: rateLimitBuckets.windowStart,
          count: rateLimitBuckets.count,
          previousCount: rateLimitBuckets.previousCount,
        }),
    );
    return onlyRow(rows, 'rate limit');
  }

  async deleteExpired(options: { readonly now: Date }): Promise<number> {
    const rows = await guarded('rate limit', () =>
      this.#db
        .delete(rateLimitBuckets)
        .where(lt(rateLimitBuckets.expiresAt, options.now))
        .returning({ name: rateLimitBuckets.name }),
    );
    return rows.length;
  }
}
