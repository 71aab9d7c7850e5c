import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { timestamptz } from './columns.js';
import { earners } from './earners.js';

/** Signed-in browsers; only the hash of the cookie's token is kept. */
export const earnerSessions = pgTable(
  'earner_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    earnerId: uuid('earner_id')
      .notNull()
      .references(() => earners.id, { onDelete: 'cascade' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    expiresAt: timestamptz('expires_at').notNull(),
  },
  (t) => [index('earner_sessions_earner_idx').on(t.earnerId)],
);
