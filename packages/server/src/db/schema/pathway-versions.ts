import { index, integer, jsonb, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import type { PathwayRules } from '../../domain/pathway/model/pathway-rules.js';
import { timestamptz } from './columns.js';
import { pathways } from './pathways.js';

export const pathwayVersions = pgTable(
  'pathway_versions',
  {
    pathwayId: uuid('pathway_id')
      .notNull()
      .references(() => pathways.id),
    version: integer('version').notNull(),
    rules: jsonb('rules').$type<PathwayRules>().notNull(),
    completionAchievementId: uuid('completion_achievement_id').notNull(),
    requiredAchievementIds: uuid('required_achievement_ids').array().notNull(),
    milestoneAchievementIds: uuid('milestone_achievement_ids').array().notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    publishedAt: timestamptz('published_at'),
  },
  (t) => [
    // The key makes concurrent edits safe: two edits of version n both try to add n + 1, one wins.
    primaryKey({ columns: [t.pathwayId, t.version] }),
    // "Which pathways does a credential for this achievement touch?", asked on every issue and revocation.
    index('pathway_versions_required_idx').using('gin', t.requiredAchievementIds),
  ],
);
