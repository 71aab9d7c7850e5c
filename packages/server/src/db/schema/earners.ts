import { sql } from 'drizzle-orm';
import { check, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { timestamptz } from './columns.js';

/** A person who holds credentials; signs in by email link, so there is no password to store. */
export const earners = pgTable(
  'earners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    displayName: text('display_name'),
    // The public portfolio lives at /u/{handle}; none until the earner picks one.
    handle: text('handle').unique(),
    locale: text('locale').notNull().default('en'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [check('earners_handle_format', sql`${t.handle} ~ '^[a-z0-9](?:[a-z0-9-]{1,30}[a-z0-9])$'`)],
);
