import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import type { JsonObject } from '../../domain/ports/common.js';
import { achievements } from './achievements.js';
import { timestamptz } from './columns.js';
import { issuers } from './issuers.js';
import { statusLists } from './status-lists.js';

/**
 * Signed OB 3.0 EndorsementCredentials: an organisation's (an issuer's, or an employer's signing profile's)
 * statement about an achievement or an issuer, with its own revocation entry; `withdrawn_at` once revoked.
 */
export const endorsements = pgTable(
  'endorsements',
  {
    id: uuid('id').primaryKey(),
    endorserId: uuid('endorser_id')
      .notNull()
      .references(() => issuers.id, { onDelete: 'cascade' }),
    achievementId: uuid('achievement_id').references(() => achievements.id, { onDelete: 'cascade' }),
    endorsedIssuerId: uuid('endorsed_issuer_id').references(() => issuers.id, { onDelete: 'cascade' }),
    comment: text('comment').notNull(),
    document: jsonb('document').$type<JsonObject>().notNull(),
    statusListId: uuid('status_list_id')
      .notNull()
      .references(() => statusLists.id),
    statusIndex: integer('status_index').notNull(),
    createdBy: text('created_by'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    withdrawnAt: timestamptz('withdrawn_at'),
    withdrawnReason: text('withdrawn_reason'),
  },
  (t) => [
    check('endorsements_one_subject', sql`(${t.achievementId} is null) <> (${t.endorsedIssuerId} is null)`),
    unique('endorsements_status_entry_unique').on(t.statusListId, t.statusIndex),
    index('endorsements_achievement_idx').on(t.achievementId),
    index('endorsements_endorsed_issuer_idx').on(t.endorsedIssuerId),
    index('endorsements_endorser_idx').on(t.endorserId),
  ],
);
