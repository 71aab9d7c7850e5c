import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { JsonObject } from '../../domain/ports/common.js';
import { QUEUED_JOB_STATES, type QueuedJobState } from '../../domain/ports/job-queue.js';
import { oneOf, timestamptz } from './columns.js';

export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<JsonObject>().notNull(),
    state: text('state').$type<QueuedJobState>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    runAt: timestamptz('run_at').notNull().defaultNow(),
    lockedBy: text('locked_by'),
    lockedUntil: timestamptz('locked_until'),
    lastError: text('last_error'),
    dedupeKey: text('dedupe_key').unique(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    finishedAt: timestamptz('finished_at'),
  },
  (t) => [
    index('jobs_due_idx').on(t.kind, t.runAt).where(sql`${t.state} in ('pending', 'running')`),
    check('jobs_state', oneOf(t.state, QUEUED_JOB_STATES)),
    check('jobs_max_attempts', sql`${t.maxAttempts} > 0`),
  ],
);
