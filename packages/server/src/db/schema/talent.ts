import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
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
 * and rebuilt for an earner whenever either changes, so that a search never joins every holder of a skill
 * to their consent; `talent_holdings` condenses it to one row per (audience, skill, earner).
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
    // What a search that names an issuer reads: the issuers whose names match (from
    // `talent_issuer_names`), then one range per (issuer, skill), each earner's newest credential first.
    // A search that names none reads `talent_holdings`.
    index('talent_listing_issuer_idx').on(
      t.workforce,
      t.audience,
      t.issuerName,
      t.skillUri,
      t.earnerId,
      t.issuedAt.desc(),
      t.validUntil,
    ),
    index('talent_listing_earner_idx').on(t.earnerId),
    index('talent_listing_credential_idx').on(t.credentialId),
    check('talent_listing_workforce_employer', sql`not ${t.workforce} or ${t.employerId} is not null`),
  ],
);

/** Every issuer name the listing has named: where a search for an issuer finds the names it matches. */
export const talentIssuerNames = pgTable('talent_issuer_names', {
  name: text('name').primaryKey(),
});

/** A small number for each skill URI the listing names, so that `talent_holdings` rows stay narrow. */
export const talentSkillKeys = pgTable('talent_skill_keys', {
  key: integer('key').primaryKey().generatedAlwaysAsIdentity(),
  uri: text('uri').notNull().unique('talent_skill_keys_uri'),
});

/**
 * One row per (audience, skill, earner) of `talent_listing`: what a ranking needs of the pair, read
 * from an index a fifth the size of the listing's. Which credential counts depends on the time of the
 * search (expired ones do not), so a row keeps the newest credential (`latest`, valid `until`), the
 * newest of those that outlive it (`next_latest`, `next_until`) and whether any outlives that one
 * (`more`): a search at any time knows the pair's newest counting credential from the row alone, except
 * after two of its credentials expired, when it reads the pair's listing rows.
 */
export const talentHoldings = pgTable(
  'talent_holdings',
  {
    workforce: boolean('workforce').notNull(),
    audience: uuid('audience').notNull(),
    employerId: uuid('employer_id').references(() => employers.id, { onDelete: 'cascade' }),
    skillKey: integer('skill_key')
      .notNull()
      .references(() => talentSkillKeys.key),
    earnerId: uuid('earner_id')
      .notNull()
      .references(() => earners.id, { onDelete: 'cascade' }),
    latest: timestamptz('latest').notNull(),
    until: timestamptz('until'),
    nextLatest: timestamptz('next_latest'),
    nextUntil: timestamptz('next_until'),
    more: boolean('more').notNull(),
  },
  (t) => [
    // Every column a search reads is in the index, so that the search never visits the table.
    index('talent_holdings_search_idx').on(
      t.workforce,
      t.audience,
      t.skillKey,
      t.earnerId,
      t.latest,
      t.until,
      t.nextLatest,
      t.nextUntil,
      t.more,
    ),
    index('talent_holdings_earner_idx').on(t.earnerId),
  ],
);
