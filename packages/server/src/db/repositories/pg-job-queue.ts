import { ErrorCode, MicrocredError } from '@microcred/vc';
import { and, asc, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { JsonObject } from '../../domain/ports/common.js';
import type { JobQueue, QueuedJob } from '../../domain/ports/job-queue.js';
import type { Database } from '../database.js';
import { jobs } from '../schema/jobs.js';
import { guarded, isUuid, onlyRow, pageLimit } from './query-helpers.js';

const MAX_CLAIM = 1_000;
const MAX_LEASE_MS = 24 * 60 * 60 * 1000;

type JobRow = typeof jobs.$inferSelect;

function toQueuedJob(row: JobRow): QueuedJob {
  return {
    id: row.id,
    kind: row.kind,
    payload: row.payload,
    state: row.state,
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    runAt: row.runAt,
    lockedBy: row.lockedBy,
    lockedUntil: row.lockedUntil,
    lastError: row.lastError,
    dedupeKey: row.dedupeKey,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
  };
}

function checkMilliseconds(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 0 || value > MAX_LEASE_MS) {
    throw new MicrocredError(ErrorCode.RANGE_ERROR, `${what} is between 0 ms and 24 hours`);
  }
  return value;
}

/** `JobQueue` on PostgreSQL or PGlite. */
export class PgJobQueue implements JobQueue {
  readonly #db: Database;

  constructor(options: { readonly db: Database }) {
    this.#db = options.db;
  }

  async enqueue(options: {
    readonly kind: string;
    readonly payload: JsonObject;
    readonly runAt?: Date;
    readonly maxAttempts?: number;
    readonly dedupeKey?: string;
  }): Promise<QueuedJob> {
    const [row] = await guarded('job', () =>
      this.#db
        .insert(jobs)
        .values({
          kind: options.kind,
          payload: options.payload,
          runAt: options.runAt,
          maxAttempts: options.maxAttempts,
          dedupeKey: options.dedupeKey ?? null,
        })
        .onConflictDoNothing({ target: jobs.dedupeKey })
        .returning(),
    );
    if (row !== undefined) return toQueuedJob(row);
    const { dedupeKey } = options;
    if (dedupeKey === undefined) throw new MicrocredError(ErrorCode.INTERNAL, 'The job was not queued');
    const existing = await guarded('job', () =>
      this.#db.select().from(jobs).where(eq(jobs.dedupeKey, dedupeKey)),
    );
    return toQueuedJob(onlyRow(existing, 'job'));
  }

  async claim(options: {
    readonly workerId: string;
    readonly kinds: readonly string[];
    readonly limit: number;
    readonly leaseMs: number;
    readonly ids?: readonly string[];
  }): Promise<QueuedJob[]> {
    if (options.kinds.length === 0) return [];
    const ids = options.ids?.filter(isUuid);
    if (ids !== undefined && ids.length === 0) return [];
    const limit = pageLimit(options.limit, { fallback: 1, max: MAX_CLAIM });
    const leaseMs = checkMilliseconds(options.leaseMs, 'A lease');
    if (leaseMs < 1) throw new MicrocredError(ErrorCode.RANGE_ERROR, 'A lease is at least 1 ms');
    return guarded('job', () =>
      this.#db.transaction(async (tx) => {
        const candidates = await tx
          .select({ id: jobs.id, attempts: jobs.attempts, maxAttempts: jobs.maxAttempts })
          .from(jobs)
          .where(
            and(
              inArray(jobs.kind, [...options.kinds]),
              ids === undefined ? undefined : inArray(jobs.id, ids),
              or(
                and(eq(jobs.state, 'pending'), lte(jobs.runAt, sql`now()`)),
                and(eq(jobs.state, 'running'), lt(jobs.lockedUntil, sql`now()`)),
              ),
            ),
          )
          .orderBy(asc(jobs.runAt), asc(jobs.id))
          .limit(limit)
          .for('update', { skipLocked: true });
        // A job whose lease expired on its last attempt crashed its worker every time: stop retrying it.
        const exhausted = candidates.filter((job) => job.attempts >= job.maxAttempts).map((job) => job.id);
        if (exhausted.length > 0) {
          await tx
            .update(jobs)
            .set({
              state: 'failed',
              lastError: 'The worker stopped before finishing, on every attempt',
              lockedBy: null,
              lockedUntil: null,
              finishedAt: sql`now()`,
            })
            .where(inArray(jobs.id, exhausted));
        }
        const claimable = candidates.filter((job) => job.attempts < job.maxAttempts).map((job) => job.id);
        if (claimable.length === 0) return [];
        const claimed = await tx
          .update(jobs)
          .set({
            state: 'running',
            lockedBy: options.workerId,
            lockedUntil: sql`now() + ${leaseMs}::int * interval '1 millisecond'`,
            attempts: sql`${jobs.attempts} + 1`,
          })
          .where(inArray(jobs.id, claimable))
          .returning();
        return claimed.map(toQueuedJob).sort((a, b) => a.runAt.getTime() - b.runAt.getTime());
      }),
    );
  }

  async release(options: { readonly ids: readonly string[]; readonly workerId: string }): Promise<number> {
    const ids = options.ids.filter(isUuid);
    if (ids.length === 0) return 0;
    const rows = await guarded('job', () =>
      this.#db
        .update(jobs)
        .set({
          state: 'pending',
          lockedBy: null,
          lockedUntil: null,
          attempts: sql`greatest(${jobs.attempts} - 1, 0)`,
        })
        .where(and(inArray(jobs.id, ids), eq(jobs.state, 'running'), eq(jobs.lockedBy, options.workerId)))
        .returning({ id: jobs.id }),
    );
    return rows.length;
  }

  async complete(options: { readonly id: string; readonly workerId: string }): Promise<boolean> {
    if (!isUuid(options.id)) return false;
    const rows = await guarded('job', () =>
      this.#db
        .update(jobs)
        .set({ state: 'done', lockedBy: null, lockedUntil: null, finishedAt: sql`now()` })
        .where(and(eq(jobs.id, options.id), eq(jobs.state, 'running'), eq(jobs.lockedBy, options.workerId)))
        .returning({ id: jobs.id }),
    );
    return rows.length > 0;
  }

  async fail(options: {
    readonly id: string;
    readonly workerId: string;
    readonly error: string;
    readonly retryDelayMs: number;
  }): Promise<boolean> {
    const delay = checkMilliseconds(options.retryDelayMs, 'A retry delay');
    if (!isUuid(options.id)) return false;
    const givesUp = sql`${jobs.attempts} >= ${jobs.maxAttempts}`;
    const rows = await guarded('job', () =>
      this.#db
        .update(jobs)
        .set({
          state: sql`case when ${givesUp} then 'failed' else 'pending' end`,
          runAt: sql`case when ${givesUp} then ${jobs.runAt} else now() + ${delay}::int * interval '1 millisecond' end`,
          finishedAt: sql`case when ${givesUp} then now() else null end`,
          lastError: options.error,
          lockedBy: null,
          lockedUntil: null,
        })
        .where(and(eq(jobs.id, options.id), eq(jobs.state, 'running'), eq(jobs.lockedBy, options.workerId)))
        .returning({ id: jobs.id }),
    );
    return rows.length > 0;
  }
}
