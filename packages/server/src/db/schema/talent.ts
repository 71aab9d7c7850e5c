import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { timestamptz } from './columns.js';
import { earners } from './earners.js';
import { employers } from './employers.js';

/** An earner's consent to be found (see `TalentConsent`); `employer_id` null is the public directory. */
export const talentConsents = pgTable(
  'talent_consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    earnerId: uuid('earner_id')
      .notNull()
      .references(() => earners.id, { onDelete: 'cascade' }),
    employerId: uuid('employer_id').references(() => employers.id, { onDelete: 'cascade' }),
    showName: boolean('show_name').notNull(),
    showContact: boolean('show_contact').notNull(),
    credentialIds: uuid('credential_ids').array(),
    location: text('location'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    unique('talent_consents_earner_employer').on(t.earnerId, t.employerId).nullsNotDistinct(),
    index('talent_consents_employer_idx').on(t.employerId),
  ],
);

/**
 * The skills wallet of earners, one row per (skill, credential), rebuilt whenever an earner's portfolio
 * changes and pruned when a credential is revoked or suspended: talent search reads it by skill.
 */
export const talentEvidence = pgTable(
  'talent_evidence',
  {
    earnerId: uuid('earner_id')
      .notNull()
      .references(() => earners.id, { onDelete: 'cascade' }),
    skillUri: text('skill_uri').notNull(),
    credentialKind: text('credential_kind').$type<'issued' | 'imported'>().notNull(),
    credentialId: uuid('credential_id').notNull(),
    achievementName: text('achievement_name').notNull(),
    issuerName: text('issuer_name').notNull(),
    issuerVetted: boolean('issuer_vetted').notNull(),
    issuedAt: timestamptz('issued_at').notNull(),
    validUntil: timestamptz('valid_until'),
  },
  (t) => [
    primaryKey({ name: 'talent_evidence_pk', columns: [t.earnerId, t.skillUri, t.credentialId] }),
    // Covers every column talent search filters and ranks by, so that a search reads the index alone
    // (an index-only scan) rather than the table's rows for every holder of a popular skill.
    index('talent_evidence_skill_idx').on(
      t.skillUri,
      t.earnerId,
      t.credentialId,
      t.issuedAt,
      t.validUntil,
      t.issuerName,
    ),
    index('talent_evidence_credential_idx').on(t.credentialId),
    check('talent_evidence_kind', sql`${t.credentialKind} in ('issued', 'imported')`),
  ],
);
