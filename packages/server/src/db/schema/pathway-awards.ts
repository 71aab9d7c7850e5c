import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import {
  PATHWAY_AWARD_STATES,
  type PathwayAwardState,
} from '../../domain/ports/pathway-earner-repository.js';
import { oneOf, timestamptz } from './columns.js';
import { credentials } from './credentials.js';
import { pathways } from './pathways.js';

export const pathwayAwards = pgTable(
  'pathway_awards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pathwayId: uuid('pathway_id')
      .notNull()
      .references(() => pathways.id),
    achievementId: uuid('achievement_id').notNull(),
    earner: text('earner').notNull(),
    generation: integer('generation').notNull(),
    version: integer('version').notNull(),
    credentialId: uuid('credential_id')
      .notNull()
      .references(() => credentials.id),
    state: text('state').$type<PathwayAwardState>().notNull().default('active'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    revokedAt: timestamptz('revoked_at'),
  },
  (t) => [
    // Exactly once: a retried or concurrent award of the same generation hits this instead of adding a row.
    unique('pathway_awards_once').on(t.pathwayId, t.achievementId, t.earner, t.generation),
    index('pathway_awards_earner_idx').on(t.pathwayId, t.earner),
    check('pathway_awards_state', oneOf(t.state, PATHWAY_AWARD_STATES)),
    check('pathway_awards_generation', sql`${t.generation} >= 0`),
    check('pathway_awards_revoked', sql`(${t.state} = 'revoked') = (${t.revokedAt} is not null)`),
  ],
);
