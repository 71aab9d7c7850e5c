import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  ENDORSEMENT_REQUEST_STATES,
  type EndorsementRequestState,
} from '../../domain/ports/endorsement-request-repository.js';
import { achievements } from './achievements.js';
import { oneOf, timestamptz } from './columns.js';
import { credentials } from './credentials.js';
import { employers } from './employers.js';
import { endorsements } from './endorsements.js';
import { issuers } from './issuers.js';

/**
 * An issuer asks an organisation (an employer, another issuer, or an invited address) to endorse one of
 * its achievements. One pending request per achievement and organisation or address: the partial unique
 * indexes make a second one a CONFLICT even when two arrive at once.
 */
export const endorsementRequests = pgTable(
  'endorsement_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    achievementId: uuid('achievement_id')
      .notNull()
      .references(() => achievements.id, { onDelete: 'cascade' }),
    requesterIssuerId: uuid('requester_issuer_id')
      .notNull()
      .references(() => issuers.id, { onDelete: 'cascade' }),
    targetEmployerId: uuid('target_employer_id').references(() => employers.id, { onDelete: 'cascade' }),
    targetIssuerId: uuid('target_issuer_id').references(() => issuers.id, { onDelete: 'cascade' }),
    invitedEmail: text('invited_email'),
    message: text('message').notNull(),
    /** One of the achievement's credentials the requester offers as an example, readable by anyone. */
    sampleCredentialId: uuid('sample_credential_id').references(() => credentials.id, {
      onDelete: 'set null',
    }),
    state: text('state').$type<EndorsementRequestState>().notNull().default('pending'),
    responseComment: text('response_comment'),
    endorsementId: uuid('endorsement_id').references(() => endorsements.id, { onDelete: 'set null' }),
    createdBy: text('created_by'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    respondedBy: text('responded_by'),
    respondedAt: timestamptz('responded_at'),
  },
  (t) => [
    check('endorsement_requests_state', oneOf(t.state, ENDORSEMENT_REQUEST_STATES)),
    // An employer, an issuer or an address; an address may gain the employer that answered it.
    check(
      'endorsement_requests_target',
      sql`num_nonnulls(${t.targetEmployerId}, ${t.targetIssuerId}, ${t.invitedEmail}) = 1 or (${t.targetIssuerId} is null and ${t.targetEmployerId} is not null and ${t.invitedEmail} is not null)`,
    ),
    check('endorsement_requests_email_lower', sql`${t.invitedEmail} = lower(${t.invitedEmail})`),
    uniqueIndex('endorsement_requests_pending_employer_unique')
      .on(t.achievementId, t.targetEmployerId)
      .where(sql`${t.state} = 'pending'`),
    uniqueIndex('endorsement_requests_pending_issuer_unique')
      .on(t.achievementId, t.targetIssuerId)
      .where(sql`${t.state} = 'pending'`),
    uniqueIndex('endorsement_requests_pending_email_unique')
      .on(t.achievementId, t.invitedEmail)
      .where(sql`${t.state} = 'pending'`),
    index('endorsement_requests_requester_idx').on(t.requesterIssuerId),
    index('endorsement_requests_employer_idx').on(t.targetEmployerId),
    index('endorsement_requests_issuer_idx').on(t.targetIssuerId),
    index('endorsement_requests_email_idx').on(t.invitedEmail),
  ],
);
