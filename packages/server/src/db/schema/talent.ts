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
 * changes and pruned when a credential is revoked or suspended: the source of `talent_listing`, and of
 * the details (achievement, issuer) a search shows for its page of candidates.
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
    index('talent_evidence_credential_idx').on(t.credentialId),
    check('talent_evidence_kind', sql`${t.credentialKind} in ('issued', 'imported')`),
  ],
);

/** The `audience` of the public directory's rows in `talent_listing`. */
export const DIRECTORY_AUDIENCE = '00000000-0000-0000-0000-000000000000';

/**
 * The evidence each audience may count, one row per (audience, skill, credential): the directory
 * (`employer_id` null), one employer through the earner's consent to it, or one employer's workforce
 * inventory (`workforce`). Derived from `talent_evidence` and the consents and connections that show it,
 * and rebuilt for an earner whenever either changes, so that a search reads one narrow index instead of
 * joining every holder of a skill to their consent.
 */
export const talentListing = pgTable(
  'talent_listing',
  {
    earnerId: uuid('earner_id')
      .notNull()
      .references(() => earners.id, { onDelete: 'cascade' }),
    employerId: uuid('employer_id').references(() => employers.id, { onDelete: 'cascade' }),
    workforce: boolean('workforce').notNull(),
    /**
     * `employer_id`, or the nil UUID for the directory: a search asks `audience = $1`, an equality that
     * lets the index hand each skill's rows over in order (`employer_id is null` does not).
     */
    audience: uuid('audience')
      .notNull()
      .generatedAlwaysAs(sql`coalesce(employer_id, '${sql.raw(DIRECTORY_AUDIENCE)}'::uuid)`),
    skillUri: text('skill_uri').notNull(),
    credentialId: uuid('credential_id').notNull(),
    issuedAt: timestamptz('issued_at').notNull(),
    validUntil: timestamptz('valid_until'),
    issuerName: text('issuer_name').notNull(),
  },
  (t) => [
    // In the order a search reads it: an audience's holders of a skill, each earner's newest credential
    // first, so that "one row per (skill, earner)" is the first row of each run, with no sort.
    // The last two columns are there to be read from the index alone (an index-only scan).
    index('talent_listing_search_idx').on(
      t.workforce,
      t.audience,
      t.skillUri,
      t.earnerId,
      t.issuedAt.desc(),
      t.validUntil,
      t.issuerName,
      t.credentialId,
    ),
    index('talent_listing_earner_idx').on(t.earnerId),
    index('talent_listing_credential_idx').on(t.credentialId),
    check('talent_listing_workforce_employer', sql`not ${t.workforce} or ${t.employerId} is not null`),
  ],
);
