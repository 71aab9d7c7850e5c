import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { OUTCOME_WAVES, OUTCOMES, type Outcome } from '../../domain/ports/outcome-repository.js';
import { timestamptz } from './columns.js';
import { credentials } from './credentials.js';
import { earners } from './earners.js';

/**
 * One wave (3, 6 or 12 months) of the career outcomes survey for one credential: the row exists once
 * the earner was asked, so "asked" and "answered" are counted from the same rows (the response rate).
 */
export const outcomeSurveys = pgTable(
  'outcome_surveys',
  {
    credentialId: uuid('credential_id')
      .notNull()
      .references(() => credentials.id, { onDelete: 'cascade' }),
    wave: integer('wave').notNull(),
    earnerId: uuid('earner_id')
      .notNull()
      .references(() => earners.id, { onDelete: 'cascade' }),
    // Kept beside the credential so an achievement's aggregate reads one index.
    achievementId: uuid('achievement_id').notNull(),
    askedAt: timestamptz('asked_at').notNull(),
    answeredAt: timestamptz('answered_at'),
    outcomes: text('outcomes').array().$type<Outcome[]>().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    primaryKey({ columns: [t.credentialId, t.wave] }),
    index('outcome_surveys_achievement_idx').on(t.achievementId),
    index('outcome_surveys_earner_idx').on(t.earnerId),
    check('outcome_surveys_wave', sql`${t.wave} in (${sql.raw(OUTCOME_WAVES.join(', '))})`),
    check(
      'outcome_surveys_outcomes',
      sql`${t.outcomes} <@ array[${sql.raw(OUTCOMES.map((o) => `'${o}'`).join(', '))}]::text[]`,
    ),
    check('outcome_surveys_answered', sql`(${t.answeredAt} is null) = (cardinality(${t.outcomes}) = 0)`),
  ],
);
