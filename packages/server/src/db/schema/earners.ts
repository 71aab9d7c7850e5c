import { sql } from 'drizzle-orm';
import { check, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { ProfileLink } from '../../domain/ports/earner-repository.js';
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
    // The portfolio's header: one line under the name, and a few https links (validated by the use case).
    headline: text('headline'),
    links: jsonb('links').$type<ProfileLink[]>().notNull().default([]),
    // Ids of credentials or imports shown first on the portfolio; a stale id is simply not shown.
    featured: jsonb('featured').$type<string[]>().notNull().default([]),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [check('earners_handle_format', sql`${t.handle} ~ '^[a-z0-9](?:[a-z0-9-]{1,30}[a-z0-9])$'`)],
);
