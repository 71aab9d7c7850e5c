import { check, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { MEMBERSHIP_ROLES, type MembershipRole } from '../../domain/ports/user-repository.js';
import { oneOf, timestamptz } from './columns.js';
import { issuers } from './issuers.js';
import { users } from './users.js';

export const memberships = pgTable(
  'memberships',
  {
    issuerId: uuid('issuer_id')
      .notNull()
      .references(() => issuers.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').$type<MembershipRole>().notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.issuerId, t.userId] }),
    index('memberships_user_id_idx').on(t.userId),
    check('memberships_role', oneOf(t.role, MEMBERSHIP_ROLES)),
  ],
);
