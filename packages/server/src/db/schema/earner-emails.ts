import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamptz } from './columns.js';
import { earners } from './earners.js';

/**
 * An earner's addresses. `lookup_hash` is the same keyed hash credentials carry, so a portfolio is the
 * credentials whose hash is one of the earner's verified addresses: no email is stored on credentials.
 */
export const earnerEmails = pgTable(
  'earner_emails',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    earnerId: uuid('earner_id')
      .notNull()
      .references(() => earners.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    lookupHash: text('lookup_hash').notNull(),
    verifiedAt: timestamptz('verified_at'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('earner_emails_earner_address_unique').on(t.earnerId, t.lookupHash),
    // An address proven by one person cannot be proven by another: credentials sent to it have one home.
    uniqueIndex('earner_emails_verified_unique').on(t.lookupHash).where(sql`${t.verifiedAt} is not null`),
    index('earner_emails_lookup_idx').on(t.lookupHash),
    check('earner_emails_lower', sql`${t.email} = lower(${t.email})`),
  ],
);
