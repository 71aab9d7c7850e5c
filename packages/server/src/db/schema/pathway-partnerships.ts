import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { timestamptz } from './columns.js';
import { issuers } from './issuers.js';

export const pathwayPartnerships = pgTable(
  'pathway_partnerships',
  {
    grantorIssuerId: uuid('grantor_issuer_id')
      .notNull()
      .references(() => issuers.id),
    granteeIssuerId: uuid('grantee_issuer_id')
      .notNull()
      .references(() => issuers.id),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.grantorIssuerId, t.granteeIssuerId] }),
    index('pathway_partnerships_grantee_idx').on(t.granteeIssuerId),
    check('pathway_partnerships_distinct', sql`${t.grantorIssuerId} <> ${t.granteeIssuerId}`),
  ],
);
