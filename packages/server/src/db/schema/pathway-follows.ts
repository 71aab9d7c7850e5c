import { pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { timestamptz } from './columns.js';
import { earners } from './earners.js';
import { pathways } from './pathways.js';

/** Pathways an earner chose to follow (they also see the ones they have progress on). */
export const pathwayFollows = pgTable(
  'pathway_follows',
  {
    earnerId: uuid('earner_id')
      .notNull()
      .references(() => earners.id, { onDelete: 'cascade' }),
    pathwayId: uuid('pathway_id')
      .notNull()
      .references(() => pathways.id),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.earnerId, t.pathwayId] })],
);
