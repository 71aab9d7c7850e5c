import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { API_KEY_ROLES, type ApiKeyRole } from '../../domain/ports/api-key-repository.js';
import { oneOf, timestamptz } from './columns.js';
import { employers } from './employers.js';
import { issuers } from './issuers.js';

export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    issuerId: uuid('issuer_id').references(() => issuers.id, { onDelete: 'cascade' }),
    employerId: uuid('employer_id').references(() => employers.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    prefix: text('prefix').notNull().unique(),
    // SHA-256 of the secret part only: a database leak does not leak usable keys.
    hash: text('hash').notNull(),
    scopes: text('scopes').array().notNull().default(sql`'{}'::text[]`),
    role: text('role').$type<ApiKeyRole>().notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    lastUsedAt: timestamptz('last_used_at'),
    revokedAt: timestamptz('revoked_at'),
  },
  (t) => [
    index('api_keys_issuer_id_idx').on(t.issuerId),
    check('api_keys_role', oneOf(t.role, API_KEY_ROLES)),
    // Exactly one owner: the platform (admin), one issuer, or one employer.
    check(
      'api_keys_admin_has_no_issuer',
      sql`(${t.role} = 'admin') = (${t.issuerId} is null and ${t.employerId} is null)`,
    ),
    check('api_keys_employer_role', sql`(${t.role} = 'employer') = (${t.employerId} is not null)`),
    check('api_keys_one_owner', sql`${t.issuerId} is null or ${t.employerId} is null`),
    check('api_keys_hash_format', sql`${t.hash} ~ '^[0-9a-f]{64}$'`),
  ],
);
