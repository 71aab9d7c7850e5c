import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import {
  EMPLOYER_ROLES,
  type EmployerRole,
  type SavedRoleSkill,
} from '../../domain/ports/employer-repository.js';
import { oneOf, timestamptz } from './columns.js';
import { earners } from './earners.js';
import { issuers } from './issuers.js';

export const employers = pgTable(
  'employers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    description: text('description'),
    website: text('website'),
    /** The profile it signs endorsements as (its did:web, keys, status lists), made when first needed. */
    profileIssuerId: uuid('profile_issuer_id')
      .unique()
      .references(() => issuers.id, { onDelete: 'set null' }),
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

/**
 * A role an employer saved: the skills it needs, as reviewed (`SavedRoleSkill[]`, validated by the domain),
 * so that a search, an inventory's gaps and internal candidates all read the same list.
 */
export const employerRoles = pgTable(
  'employer_roles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    occupationUri: text('occupation_uri'),
    skills: jsonb('skills').$type<readonly SavedRoleSkill[]>().notNull(),
    createdBy: text('created_by'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [index('employer_roles_employer_idx').on(t.employerId, t.title)],
);

/**
 * The people an employer invited to connect their portfolio to its workforce inventory: invited by
 * address; connected once the earner who proves that address accepts, with the credentials they chose.
 */
export const employerEmployees = pgTable(
  'employer_employees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    team: text('team'),
    invitedBy: text('invited_by'),
    invitedAt: timestamptz('invited_at').notNull().defaultNow(),
    earnerId: uuid('earner_id').references(() => earners.id, { onDelete: 'set null' }),
    /** The credentials the employee shows; null: every one, now and later. */
    credentialIds: uuid('credential_ids').array(),
    connectedAt: timestamptz('connected_at'),
    declinedAt: timestamptz('declined_at'),
  },
  (t) => [
    unique('employer_employees_employer_email').on(t.employerId, t.email),
    index('employer_employees_email_idx').on(t.email),
    index('employer_employees_earner_idx').on(t.earnerId),
    check('employer_employees_email_lower', sql`${t.email} = lower(${t.email})`),
    check(
      'employer_employees_connection',
      sql`(${t.earnerId} is null) = (${t.connectedAt} is null) and (${t.earnerId} is null or ${t.declinedAt} is null)`,
    ),
  ],
);
