import { index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { timestamptz } from './columns.js';

/**
 * Request counters for rate limits, shared by every process on the database: one row per limit and key
 * (the key is a SHA-256 digest, so no email or network address is kept here), holding the current fixed
 * window's count and the previous one's. Rows past `expires_at` carry no weight and are deleted.
 */
export const rateLimitBuckets = pgTable(
  'rate_limit_buckets',
  {
    name: text('name').notNull(),
    keyHash: text('key_hash').notNull(),
    windowStart: timestamptz('window_start').notNull(),
    count: integer('count').notNull(),
    previousCount: integer('previous_count').notNull().default(0),
    expiresAt: timestamptz('expires_at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'rate_limit_buckets_pk', columns: [t.name, t.keyHash] }),
    index('rate_limit_buckets_expires_idx').on(t.expiresAt),
  ],
);
