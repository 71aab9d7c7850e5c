import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { BULK_ROW_STATES, type BulkRowState } from '../../domain/ports/bulk-job-repository.js';
import type { JsonObject } from '../../domain/ports/common.js';
import { bulkJobs } from './bulk-jobs.js';
import { oneOf, timestamptz } from './columns.js';
import { credentials } from './credentials.js';
import { statusLists } from './status-lists.js';

export const bulkJobRows = pgTable(
  'bulk_job_rows',
  {
    jobId: uuid('job_id')
      .notNull()
      .references(() => bulkJobs.id, { onDelete: 'cascade' }),
    rowNumber: integer('row_number').notNull(),
    input: jsonb('input').$type<JsonObject>().notNull(),
    state: text('state').$type<BulkRowState>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lockedBy: text('locked_by'),
    lockedUntil: timestamptz('locked_until'),
    error: text('error'),
    credentialId: uuid('credential_id').references(() => credentials.id),
    // A duplicate row names what it duplicates: the valid credential the recipient already held (found
    // when the row was processed), or the earlier row of the same upload naming the recipient.
    duplicateOf: uuid('duplicate_of').references(() => credentials.id),
    duplicateOfRow: integer('duplicate_of_row'),
    // The revocation entry reserved by the row's first attempt, kept so a retry signs with the same one.
    statusListId: uuid('status_list_id').references(() => statusLists.id),
    statusIndex: integer('status_index'),
  },
  (t) => [
    primaryKey({ columns: [t.jobId, t.rowNumber] }),
    // Claiming scans a job's unfinished rows in order.
    index('bulk_job_rows_claim_idx')
      .on(t.jobId, t.rowNumber)
      .where(sql`${t.state} in ('pending', 'running')`),
    check('bulk_job_rows_state', oneOf(t.state, BULK_ROW_STATES)),
    check('bulk_job_rows_lease', sql`(${t.state} = 'running') = (${t.lockedUntil} is not null)`),
    check(
      'bulk_job_rows_duplicate',
      sql`(${t.state} = 'duplicate') = (${t.duplicateOf} is not null or ${t.duplicateOfRow} is not null)`,
    ),
    check('bulk_job_rows_status_pair', sql`(${t.statusListId} is null) = (${t.statusIndex} is null)`),
  ],
);
