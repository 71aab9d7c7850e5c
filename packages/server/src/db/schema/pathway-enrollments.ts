import { index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { timestamptz } from './columns.js';
import { pathways } from './pathways.js';

// `earner` is a recipient lookup hash (hex HMAC of the email) or a DID, as on credentials.
export const pathwayEnrollments = pgTable(
  'pathway_enrollments',
  {
    pathwayId: uuid('pathway_id')
      .notNull()
      .references(() => pathways.id),
    earner: text('earner').notNull(),
    version: integer('version').notNull(),
    startedAt: timestamptz('started_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.pathwayId, t.earner] }),
    index('pathway_enrollments_earner_idx').on(t.earner),
  ],
);
