import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { EMPLOYER_ROLES, type EmployerRole } from '../../domain/ports/employer-repository.js';
import { oneOf, timestamptz } from './columns.js';

export const employers = pgTable(
  'employers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    description: text('description'),
    website: text('website'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [check('employers_slug_format', sql`${t.slug} ~ '^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$'`)],
);

/** Staff by the address they were invited with: whoever proves that address by a sign-in link is them. */
export const employerMembers = pgTable(
  'employer_members',
  {
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role').$type<EmployerRole>().notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.employerId, t.email] }),
    index('employer_members_email_idx').on(t.email),
    check('employer_members_role', oneOf(t.role, EMPLOYER_ROLES)),
    check('employer_members_email_lower', sql`${t.email} = lower(${t.email})`),
  ],
);
