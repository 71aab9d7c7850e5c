import { and, asc, desc, eq, gt, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { ServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import type {
  BulkJob,
  BulkJobRepository,
  BulkJobRow,
  BulkRowResult,
  BulkRowState,
  NewBulkJob,
} from '../../domain/ports/bulk-job-repository.js';
import type { Page } from '../../domain/ports/common.js';
import type { StatusAllocation } from '../../domain/ports/status-list-repository.js';
import type { Database } from '../database.js';
import { bulkJobRows } from '../schema/bulk-job-rows.js';
import { bulkJobs } from '../schema/bulk-jobs.js';
import { credentials } from '../schema/credentials.js';
import { insertRows, jsonRecordset } from './json-recordset.js';
import { guarded, isUuid, onlyRow, pageLimit, pageOffset, rowsOf } from './query-helpers.js';

// Rows per statement: well under PostgreSQL's 65,535 bind parameters at 3-5 parameters a row (and, for
// the statements that send their rows as one JSON parameter, a bound on its size).
const CHUNK = 2_000;
const MAX_CLAIM = 1_000;
const MAX_LEASE_MS = 24 * 60 * 60 * 1000;
const DEFAULT_MAX_ATTEMPTS = 5;

type BulkJobDbRow = typeof bulkJobs.$inferSelect;
type BulkJobRowDbRow = typeof bulkJobRows.$inferSelect;

function toBulkJob(row: BulkJobDbRow): BulkJob {
  return {
    id: row.id,
    issuerId: row.issuerId,
    achievementId: row.achievementId,
    state: row.state,
    total: row.total,
    done: row.done,
    failed: row.failed,
    duplicates: row.duplicates,
    options: row.options,
    error: row.error,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
}

function toBulkJobRow(row: BulkJobRowDbRow): BulkJobRow {
  return {
    jobId: row.jobId,
    rowNumber: row.rowNumber,
    input: row.input,
    state: row.state,
    attempts: row.attempts,
    error: row.error,
    credentialId: row.credentialId,
    duplicateOf: row.duplicateOf,
    lockedBy: row.lockedBy,
    lockedUntil: row.lockedUntil,
    statusEntry:
      row.statusListId === null || row.statusIndex === null
        ? null
        : { statusListId: row.statusListId, index: row.statusIndex },
    duplicateOfRow: row.duplicateOfRow,
  };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

const ACTIVE_JOB_STATES = ['queued', 'running'] as const;

/** `BulkJobRepository` on PostgreSQL or PGlite. */
export class PgBulkJobRepository implements BulkJobRepository {
  readonly #db: Database;

  constructor(options: { readonly db: Database }) {
    this.#db = options.db;
  }

  async create(input: NewBulkJob): Promise<BulkJob> {
    const seen = new Set<number>();
    for (const row of input.rows) {
      if (!Number.isSafeInteger(row.rowNumber) || row.rowNumber < 1 || row.rowNumber > 2 ** 31 - 1) {
        throw new ServerError(ServerErrorCode.VALIDATION_ERROR, 'Row numbers are positive integers', {
          details: { rowNumber: row.rowNumber },
        });
      }
      if (seen.has(row.rowNumber)) {
        throw new ServerError(ServerErrorCode.VALIDATION_ERROR, 'Row numbers must be unique', {
          details: { rowNumber: row.rowNumber },
        });
      }
      seen.add(row.rowNumber);
    }
    const failed = input.rows.filter((row) => row.error !== undefined).length;
    const duplicates = input.rows.filter(
      (row) => row.error === undefined && row.duplicateOfRow !== undefined,
    ).length;
    const finished = failed + duplicates === input.rows.length;
    return guarded('bulk job', () =>
      this.#db.transaction(async (tx) => {
        const jobRows = await tx
          .insert(bulkJobs)
          .values({
            id: input.job.id,
            issuerId: input.job.issuerId,
            achievementId: input.job.achievementId,
            options: input.job.options ?? {},
            total: input.rows.length,
            failed,
            duplicates,
            state: finished ? 'completed' : 'queued',
            finishedAt: finished ? sql`now()` : null,
          })
          .returning();
        const job = onlyRow(jobRows, 'bulk job');
        for (const chunk of chunks(input.rows, CHUNK)) {
          await insertRows(
            tx,
            bulkJobRows,
            ['jobId', 'rowNumber', 'input', 'state', 'error', 'duplicateOfRow'],
            chunk.map((row) => {
              const duplicateOfRow = row.error === undefined ? (row.duplicateOfRow ?? null) : null;
              return {
                jobId: job.id,
                rowNumber: row.rowNumber,
                input: row.input,
                state:
                  row.error !== undefined
                    ? ('failed' as const)
                    : duplicateOfRow !== null
                      ? ('duplicate' as const)
                      : ('pending' as const),
                error: row.error ?? null,
                duplicateOfRow,
              };
            }),
          );
        }
        return toBulkJob(job);
      }),
    );
  }

  async findById(options: { readonly id: string }): Promise<BulkJob | null> {
    if (!isUuid(options.id)) return null;
    const [row] = await guarded('bulk job', () =>
      this.#db.select().from(bulkJobs).where(eq(bulkJobs.id, options.id)),
    );
    return row === undefined ? null : toBulkJob(row);
  }

  async list(options: Page & { readonly issuerId?: string }): Promise<BulkJob[]> {
    if (options.issuerId !== undefined && !isUuid(options.issuerId)) return [];
    const rows = await guarded('bulk job', () =>
      this.#db
        .select()
        .from(bulkJobs)
        .where(options.issuerId === undefined ? undefined : eq(bulkJobs.issuerId, options.issuerId))
        .orderBy(desc(bulkJobs.createdAt), desc(bulkJobs.id))
        .limit(pageLimit(options.limit, { fallback: 100, max: 500 }))
        .offset(pageOffset(options.offset)),
    );
    return rows.map(toBulkJob);
  }

  async claimRows(options: {
    readonly workerId: string;
    readonly limit: number;
    readonly leaseMs: number;
    readonly jobId?: string;
    readonly maxAttempts?: number;
  }): Promise<BulkJobRow[]> {
    const { workerId, jobId } = options;
    const limit = pageLimit(options.limit, { fallback: 1, max: MAX_CLAIM });
    const leaseMs = checkLease(options.leaseMs);
    const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    if (jobId !== undefined && !isUuid(jobId)) return [];
    return guarded('bulk job row', () =>
      this.#db.transaction(async (tx) => {
        const due = or(
          eq(bulkJobRows.state, 'pending'),
          and(eq(bulkJobRows.state, 'running'), lt(bulkJobRows.lockedUntil, sql`now()`)),
        );
        // SKIP LOCKED: a row another worker is claiming right now is passed over, not waited for, so
        // concurrent claims take disjoint rows without queueing behind each other.
        const candidates = await tx
          .select({
            jobId: bulkJobRows.jobId,
            rowNumber: bulkJobRows.rowNumber,
            attempts: bulkJobRows.attempts,
          })
          .from(bulkJobRows)
          .innerJoin(bulkJobs, eq(bulkJobs.id, bulkJobRows.jobId))
          .where(
            and(
              jobId === undefined ? undefined : eq(bulkJobRows.jobId, jobId),
              inArray(bulkJobs.state, ACTIVE_JOB_STATES),
              due,
            ),
          )
          .orderBy(asc(bulkJobs.createdAt), asc(bulkJobRows.jobId), asc(bulkJobRows.rowNumber))
          .limit(limit)
          .for('update', { of: bulkJobRows, skipLocked: true });
        if (candidates.length === 0) return [];

        const exhausted = candidates.filter((row) => row.attempts >= maxAttempts);
        for (const [exhaustedJobId, rows] of groupByJob(exhausted)) {
          await settleExhaustedRows(tx, exhaustedJobId, rows, maxAttempts);
        }
        const claimable = candidates.filter((row) => row.attempts < maxAttempts);
        if (claimable.length === 0) return [];

        const claimed = await tx
          .update(bulkJobRows)
          .set({
            state: 'running',
            lockedBy: workerId,
            lockedUntil: sql`now() + ${leaseMs}::int * interval '1 millisecond'`,
            attempts: sql`${bulkJobRows.attempts} + 1`,
          })
          .where(rowKeyIn(claimable))
          .returning();
        await tx
          .update(bulkJobs)
          .set({ state: 'running', startedAt: sql`coalesce(${bulkJobs.startedAt}, now())` })
          .where(
            and(
              inArray(bulkJobs.id, [...new Set(claimable.map((row) => row.jobId))]),
              eq(bulkJobs.state, 'queued'),
            ),
          );
        // Hand rows out in the order they were chosen: oldest job first, then by row number.
        const order = new Map(claimable.map((row, position) => [`${row.jobId}:${row.rowNumber}`, position]));
        const position = (row: BulkJobRow) => order.get(`${row.jobId}:${row.rowNumber}`) ?? 0;
        return claimed.map(toBulkJobRow).sort((a, b) => position(a) - position(b));
      }),
    );
  }

  async lockHeldRows(options: {
    readonly jobId: string;
    readonly workerId: string;
    readonly rowNumbers: readonly number[];
  }): Promise<BulkJobRow[]> {
    if (!isUuid(options.jobId) || options.rowNumbers.length === 0) return [];
    const held: BulkJobRow[] = [];
    for (const numbers of chunks(options.rowNumbers, CHUNK)) {
      const rows = await guarded('bulk job row', () =>
        this.#db
          .select()
          .from(bulkJobRows)
          .where(
            and(
              rowKeyIn(numbers.map((rowNumber) => ({ jobId: options.jobId, rowNumber }))),
              eq(bulkJobRows.state, 'running'),
              eq(bulkJobRows.lockedBy, options.workerId),
            ),
          )
          .orderBy(asc(bulkJobRows.rowNumber))
          .for('update'),
      );
      held.push(...rows.map(toBulkJobRow));
    }
    return held;
  }

  async rememberStatusEntries(options: {
    readonly jobId: string;
    readonly workerId: string;
    readonly entries: readonly (StatusAllocation & { readonly rowNumber: number })[];
  }): Promise<number> {
    if (!isUuid(options.jobId) || options.entries.length === 0) return 0;
    let remembered = 0;
    for (const chunk of chunks(options.entries, CHUNK)) {
      const { recordset } = jsonRecordset(
        bulkJobRows,
        ['rowNumber', 'statusListId', 'statusIndex'],
        chunk.map((entry) => ({
          rowNumber: entry.rowNumber,
          statusListId: entry.statusListId,
          statusIndex: entry.index,
        })),
      );
      const rows = rowsOf(
        await guarded('bulk job row', () =>
          this.#db.execute(sql`
            update ${bulkJobRows} set status_list_id = r.status_list_id, status_index = r.status_index
            from ${recordset}
            where ${bulkJobRows.jobId} = ${options.jobId} and ${bulkJobRows.rowNumber} = r.row_number
              and ${bulkJobRows.state} = 'running' and ${bulkJobRows.lockedBy} = ${options.workerId}
            returning ${bulkJobRows.rowNumber}`),
        ),
      );
      remembered += rows.length;
    }
    return remembered;
  }

  async renewLease(options: {
    readonly jobId: string;
    readonly workerId: string;
    readonly rowNumbers: readonly number[];
    readonly leaseMs: number;
  }): Promise<number> {
    const leaseMs = checkLease(options.leaseMs);
    if (!isUuid(options.jobId) || options.rowNumbers.length === 0) return 0;
    return this.#updateHeldRows(options, {
      lockedUntil: sql`now() + ${leaseMs}::int * interval '1 millisecond'`,
    });
  }

  async releaseRows(options: {
    readonly jobId: string;
    readonly workerId: string;
    readonly rowNumbers: readonly number[];
  }): Promise<number> {
    if (!isUuid(options.jobId) || options.rowNumbers.length === 0) return 0;
    return this.#updateHeldRows(options, {
      state: 'pending',
      lockedBy: null,
      lockedUntil: null,
      attempts: sql`greatest(${bulkJobRows.attempts} - 1, 0)`,
    });
  }

  /** Sets `changes` on those of the rows that this worker still holds; resolves to how many it changed. */
  async #updateHeldRows(
    options: { readonly jobId: string; readonly workerId: string; readonly rowNumbers: readonly number[] },
    changes: PgUpdateSetSource<typeof bulkJobRows>,
  ): Promise<number> {
    let changed = 0;
    for (const numbers of chunks(options.rowNumbers, CHUNK)) {
      const rows = await guarded('bulk job row', () =>
        this.#db
          .update(bulkJobRows)
          .set(changes)
          .where(
            and(
              eq(bulkJobRows.jobId, options.jobId),
              inArray(bulkJobRows.rowNumber, numbers),
              eq(bulkJobRows.state, 'running'),
              eq(bulkJobRows.lockedBy, options.workerId),
            ),
          )
          .returning({ rowNumber: bulkJobRows.rowNumber }),
      );
      changed += rows.length;
    }
    return changed;
  }

  async recordResults(options: {
    readonly jobId: string;
    readonly workerId: string;
    readonly results: readonly BulkRowResult[];
  }): Promise<BulkJob> {
    if (!isUuid(options.jobId)) throw notFound(options.jobId);
    return guarded('bulk job', () =>
      this.#db.transaction(async (tx) => {
        const job = await settleRows(tx, options.jobId, options.results, options.workerId);
        if (job === undefined) throw notFound(options.jobId);
        return toBulkJob(job);
      }),
    );
  }

  async cancel(options: { readonly id: string }): Promise<BulkJob> {
    return this.#finish(options.id, { state: 'cancelled' });
  }

  async fail(options: { readonly id: string; readonly error: string }): Promise<BulkJob> {
    return this.#finish(options.id, { state: 'failed', error: options.error });
  }

  async #finish(
    id: string,
    change: { readonly state: 'cancelled' } | { readonly state: 'failed'; readonly error: string },
  ): Promise<BulkJob> {
    if (!isUuid(id)) throw notFound(id);
    const [row] = await guarded('bulk job', () =>
      this.#db
        .update(bulkJobs)
        .set({ ...change, finishedAt: sql`now()` })
        .where(and(eq(bulkJobs.id, id), inArray(bulkJobs.state, ACTIVE_JOB_STATES)))
        .returning(),
    );
    if (row !== undefined) return toBulkJob(row);
    const current = await this.findById({ id });
    if (current === null) throw notFound(id);
    return current;
  }

  async listRows(options: {
    readonly jobId: string;
    readonly state?: BulkRowState | readonly BulkRowState[];
    readonly afterRowNumber?: number;
    readonly limit?: number;
  }): Promise<BulkJobRow[]> {
    if (!isUuid(options.jobId)) return [];
    const states = options.state === undefined ? undefined : [options.state].flat();
    const rows = await guarded('bulk job row', () =>
      this.#db
        .select()
        .from(bulkJobRows)
        .where(
          and(
            eq(bulkJobRows.jobId, options.jobId),
            states === undefined ? undefined : inArray(bulkJobRows.state, states),
            options.afterRowNumber === undefined
              ? undefined
              : gt(bulkJobRows.rowNumber, options.afterRowNumber),
          ),
        )
        .orderBy(asc(bulkJobRows.rowNumber))
        .limit(pageLimit(options.limit, { fallback: 1_000, max: 5_000 })),
    );
    return rows.map(toBulkJobRow);
  }
}

function stateOf(outcome: BulkRowResult): BulkRowState {
  if ('credentialId' in outcome) return 'done';
  return 'duplicateOf' in outcome ? 'duplicate' : 'failed';
}

/**
 * Moves running rows of one job to done, failed or duplicate and adds them to the job's counts,
 * completing the job when nothing is left. With `heldBy`, only rows that worker still holds are touched:
 * a worker whose lease expired cannot overwrite the outcome of the worker that took the row over.
 */
async function settleRows(
  tx: Database,
  jobId: string,
  outcomes: readonly BulkRowResult[],
  heldBy: string | null,
): Promise<BulkJobDbRow | undefined> {
  const counts: Record<'done' | 'failed' | 'duplicate', number> = { done: 0, failed: 0, duplicate: 0 };
  for (const chunk of chunks(outcomes, CHUNK)) {
    const { recordset } = jsonRecordset(
      bulkJobRows,
      ['rowNumber', 'state', 'credentialId', 'duplicateOf', 'error'],
      chunk.map((outcome) => ({
        rowNumber: outcome.rowNumber,
        state: stateOf(outcome),
        credentialId: 'credentialId' in outcome ? outcome.credentialId : null,
        duplicateOf: 'duplicateOf' in outcome ? outcome.duplicateOf : null,
        error: 'error' in outcome ? outcome.error : null,
      })),
    );
    const settled = rowsOf<{ readonly state: string }>(
      await tx.execute(sql`
        update ${bulkJobRows}
        set state = r.state, credential_id = r.credential_id, duplicate_of = r.duplicate_of, error = r.error,
          locked_by = null, locked_until = null
        from ${recordset}
        where ${bulkJobRows.jobId} = ${jobId} and ${bulkJobRows.rowNumber} = r.row_number
          and ${bulkJobRows.state} = 'running'
          ${heldBy === null ? sql`` : sql`and ${bulkJobRows.lockedBy} = ${heldBy}`}
        returning ${bulkJobRows.state}`),
    );
    for (const row of settled) {
      if (row.state === 'done' || row.state === 'failed' || row.state === 'duplicate') counts[row.state] += 1;
    }
  }
  const settledCount = counts.done + counts.failed + counts.duplicate;
  const completes = sql`${bulkJobs.state} in ('queued', 'running') and ${bulkJobs.done} + ${bulkJobs.failed} + ${bulkJobs.duplicates} + ${settledCount}::int >= ${bulkJobs.total}`;
  const [job] = await tx
    .update(bulkJobs)
    .set({
      done: sql`${bulkJobs.done} + ${counts.done}::int`,
      failed: sql`${bulkJobs.failed} + ${counts.failed}::int`,
      duplicates: sql`${bulkJobs.duplicates} + ${counts.duplicate}::int`,
      state: sql`case when ${completes} then 'completed' else ${bulkJobs.state} end`,
      finishedAt: sql`case when ${completes} then now() else ${bulkJobs.finishedAt} end`,
    })
    .where(eq(bulkJobs.id, jobId))
    .returning();
  return job;
}

/**
 * Rows whose lease expired `maxAttempts` times: some worker keeps dying on them. A credential may
 * still have been stored before the last crash, so look for it before calling the row failed.
 */
async function settleExhaustedRows(
  tx: Database,
  jobId: string,
  rows: readonly { readonly rowNumber: number }[],
  maxAttempts: number,
): Promise<void> {
  const issued = await tx
    .select({ id: credentials.id, bulkRow: credentials.bulkRow })
    .from(credentials)
    .where(
      and(
        eq(credentials.bulkJobId, jobId),
        inArray(
          credentials.bulkRow,
          rows.map((row) => row.rowNumber),
        ),
      ),
    );
  const credentialByRow = new Map(issued.map((credential) => [credential.bulkRow, credential.id]));
  await settleRows(
    tx,
    jobId,
    rows.map((row): BulkRowResult => {
      const credentialId = credentialByRow.get(row.rowNumber);
      return credentialId === undefined
        ? {
            rowNumber: row.rowNumber,
            error: `Gave up after ${maxAttempts} attempts: the worker stopped each time`,
          }
        : { rowNumber: row.rowNumber, credentialId };
    }),
    null,
  );
}

function groupByJob<T extends { readonly jobId: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.jobId);
    if (group === undefined) groups.set(row.jobId, [row]);
    else group.push(row);
  }
  return groups;
}

/**
 * Rows by key, as one `row_number = any(array)` per job: an IN list of row constructors would grow the
 * expression tree with every row, and a few hundred overflow PGlite's WebAssembly stack.
 */
function rowKeyIn(rows: readonly { readonly jobId: string; readonly rowNumber: number }[]): SQL {
  const byJob = new Map<string, number[]>();
  for (const row of rows) byJob.set(row.jobId, [...(byJob.get(row.jobId) ?? []), row.rowNumber]);
  const perJob = [...byJob].map(
    ([jobId, numbers]) =>
      sql`(${bulkJobRows.jobId} = ${jobId}::uuid and ${bulkJobRows.rowNumber} = any(${`{${numbers.join(',')}}`}::int[]))`,
  );
  return sql`(${sql.join(perJob, sql` or `)})`;
}

function checkLease(leaseMs: number): number {
  if (!Number.isSafeInteger(leaseMs) || leaseMs < 1 || leaseMs > MAX_LEASE_MS) {
    throw new ServerError(ServerErrorCode.RANGE_ERROR, 'A lease is between 1 ms and 24 hours');
  }
  return leaseMs;
}

function notFound(id: string): ServerError {
  return new ServerError(ServerErrorCode.NOT_FOUND, 'No such bulk job', { details: { id } });
}
