import { sql } from 'drizzle-orm';
import { check, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { timestamptz } from './columns.js';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull().unique(),
    name: text('name'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  // Stored lower-cased so the unique constraint is case-insensitive without citext (absent from PGlite's core).
  (t) => [check('users_email_lower', sql`${t.email} = lower(${t.email})`)],
);
