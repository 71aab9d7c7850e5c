import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { PATHWAY_STATUSES, type PathwayStatus } from '../../domain/ports/pathway-repository.js';
import { oneOf, timestamptz } from './columns.js';
import { issuers } from './issuers.js';

export const pathways = pgTable(
  'pathways',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    issuerId: uuid('issuer_id')
      .notNull()
      .references(() => issuers.id),
    name: text('name').notNull(),
    description: text('description'),
    status: text('status').$type<PathwayStatus>().notNull().default('draft'),
    currentVersion: integer('current_version').notNull().default(1),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('pathways_issuer_idx').on(t.issuerId, t.createdAt),
    check('pathways_status', oneOf(t.status, PATHWAY_STATUSES)),
    check('pathways_current_version', sql`${t.currentVersion} > 0`),
  ],
);
