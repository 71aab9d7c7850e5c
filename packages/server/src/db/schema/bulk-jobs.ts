import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { BULK_JOB_STATES, type BulkJobState } from '../../domain/ports/bulk-job-repository.js';
import type { JsonObject } from '../../domain/ports/common.js';
import { achievements } from './achievements.js';
import { oneOf, timestamptz } from './columns.js';
import { issuers } from './issuers.js';

// Leases are per row (bulk_job_rows), not per job: any number of workers share one job.
export const bulkJobs = pgTable(
  'bulk_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    issuerId: uuid('issuer_id')
      .notNull()
      .references(() => issuers.id),
    achievementId: uuid('achievement_id').notNull(),
    state: text('state').$type<BulkJobState>().notNull().default('queued'),
    total: integer('total').notNull(),
    done: integer('done').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    duplicates: integer('duplicates').notNull().default(0),
    options: jsonb('options').$type<JsonObject>().notNull().default({}),
    error: text('error'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    startedAt: timestamptz('started_at'),
    finishedAt: timestamptz('finished_at'),
  },
  (t) => [
    // The achievement must be one of this issuer's: enforced here, not only by the domain.
    foreignKey({
      name: 'bulk_jobs_achievement_of_issuer_fk',
      columns: [t.achievementId, t.issuerId],
      foreignColumns: [achievements.id, achievements.issuerId],
    }),
    index('bulk_jobs_issuer_idx').on(t.issuerId, t.createdAt),
    index('bulk_jobs_active_idx').on(t.createdAt).where(sql`${t.state} in ('queued', 'running')`),
    check('bulk_jobs_state', oneOf(t.state, BULK_JOB_STATES)),
    check(
      'bulk_jobs_counts',
      sql`${t.done} >= 0 and ${t.failed} >= 0 and ${t.duplicates} >= 0 and ${t.done} + ${t.failed} + ${t.duplicates} <= ${t.total}`,
    ),
  ],
);
