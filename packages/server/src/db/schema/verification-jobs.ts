import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import type { JsonObject } from '../../domain/ports/common.js';
import {
  VERIFICATION_ITEM_STATES,
  VERIFICATION_JOB_STATES,
  type VerificationItemState,
  type VerificationJobState,
} from '../../domain/ports/verification-job-repository.js';
import { oneOf, timestamptz } from './columns.js';

export const verificationJobs = pgTable(
  'verification_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    owner: text('owner').notNull(),
    state: text('state').$type<VerificationJobState>().notNull().default('receiving'),
    total: integer('total').notNull().default(0),
    done: integer('done').notNull().default(0),
    unverified: integer('unverified').notNull().default(0),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    finishedAt: timestamptz('finished_at'),
    expiresAt: timestamptz('expires_at').notNull(),
  },
  (t) => [
    index('verification_jobs_active_idx').on(t.createdAt).where(sql`${t.state} in ('queued', 'running')`),
    index('verification_jobs_expires_idx').on(t.expiresAt),
    check('verification_jobs_state', oneOf(t.state, VERIFICATION_JOB_STATES)),
    check(
      'verification_jobs_counts',
      sql`${t.done} >= 0 and ${t.unverified} >= 0 and ${t.unverified} <= ${t.done} and ${t.done} <= ${t.total}`,
    ),
  ],
);

// The input (and the address to match) is kept only until the item is verified; then only its result.
export const verificationJobItems = pgTable(
  'verification_job_items',
  {
    jobId: uuid('job_id')
      .notNull()
      .references(() => verificationJobs.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    input: jsonb('input').$type<unknown>(),
    recipient: text('recipient'),
    state: text('state').$type<VerificationItemState>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lockedBy: text('locked_by'),
    lockedUntil: timestamptz('locked_until'),
    result: jsonb('result').$type<JsonObject>(),
    verified: boolean('verified'),
  },
  (t) => [
    primaryKey({ columns: [t.jobId, t.position] }),
    index('verification_job_items_claim_idx')
      .on(t.jobId, t.position)
      .where(sql`${t.state} in ('pending', 'running')`),
    check('verification_job_items_state', oneOf(t.state, VERIFICATION_ITEM_STATES)),
    check('verification_job_items_lease', sql`(${t.state} = 'running') = (${t.lockedUntil} is not null)`),
    check(
      'verification_job_items_done',
      sql`(${t.state} = 'done') = (${t.result} is not null and ${t.input} is null)`,
    ),
  ],
);
