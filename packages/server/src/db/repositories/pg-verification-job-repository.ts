import { and, asc, eq, gt, inArray, lt, or, sql } from 'drizzle-orm';
import { ServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import type { JsonObject } from '../../domain/ports/common.js';
import type {
  ClaimedVerificationItem,
  NewVerificationItem,
  VerificationJob,
  VerificationJobRepository,
} from '../../domain/ports/verification-job-repository.js';
import type { Database } from '../database.js';
import { verificationJobItems, verificationJobs } from '../schema/verification-jobs.js';
import { guarded, isUuid, onlyRow, pageLimit } from './query-helpers.js';

// Items per statement: a credential is a few kilobytes, so this keeps one statement to a few megabytes.
const CHUNK = 500;
const MAX_CLAIM = 1_000;
const MAX_LEASE_MS = 24 * 60 * 60 * 1000;

function toJob(row: typeof verificationJobs.$inferSelect): VerificationJob {
  return {
    id: row.id,
    owner: row.owner,
    state: row.state,
    total: row.total,
    done: row.done,
    unverified: row.unverified,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
    expiresAt: row.expiresAt,
  };
}

function notFound(id: string): ServerError {
  return new ServerError(ServerErrorCode.NOT_FOUND, 'No such verification job', { details: { id } });
}

/** `VerificationJobRepository` on PostgreSQL or PGlite. */
export class PgVerificationJobRepository implements VerificationJobRepository {
  readonly #db: Database;

  constructor(options: { readonly db: Database }) {
    this.#db = options.db;
  }

  async create(options: { readonly owner: string; readonly expiresAt: Date }): Promise<VerificationJob> {
    const rows = await guarded('verification job', () =>
      this.#db
        .insert(verificationJobs)
        .values({ owner: options.owner, expiresAt: options.expiresAt })
        .returning(),
    );
    return toJob(onlyRow(rows, 'verification job'));
  }

  async addItems(options: {
    readonly jobId: string;
    readonly from: number;
    readonly items: readonly NewVerificationItem[];
  }): Promise<void> {
    if (options.items.length === 0) return;
    for (let start = 0; start < options.items.length; start += CHUNK) {
      const chunk = options.items.slice(start, start + CHUNK);
      await guarded('verification job item', () =>
        this.#db.insert(verificationJobItems).values(
          chunk.map((item, offset) => ({
            jobId: options.jobId,
            position: options.from + start + offset,
            input: item.input,
            recipient: item.recipient,
          })),
        ),
      );
    }
  }

  async finishReceiving(options: {
    readonly jobId: string;
    readonly total: number;
    readonly expiresAt: Date;
  }): Promise<VerificationJob> {
    const empty = options.total === 0;
    const rows = await guarded('verification job', () =>
      this.#db
        .update(verificationJobs)
        .set({
          state: empty ? 'completed' : 'queued',
          total: options.total,
          expiresAt: options.expiresAt,
          ...(empty ? { finishedAt: sql`now()` } : {}),
        })
        .where(and(eq(verificationJobs.id, options.jobId), eq(verificationJobs.state, 'receiving')))
        .returning(),
    );
    const row = rows[0];
    if (row === undefined) throw notFound(options.jobId);
    return toJob(row);
  }

  async find(options: { readonly id: string }): Promise<VerificationJob | null> {
    if (!isUuid(options.id)) return null;
    const rows = await guarded('verification job', () =>
      this.#db.select().from(verificationJobs).where(eq(verificationJobs.id, options.id)),
    );
    const row = rows[0];
    return row === undefined ? null : toJob(row);
  }

  async delete(options: { readonly id: string }): Promise<void> {
    if (!isUuid(options.id)) return;
    await guarded('verification job', () =>
      this.#db.delete(verificationJobs).where(eq(verificationJobs.id, options.id)),
    );
  }

  async claimItems(options: {
    readonly workerId: string;
    readonly limit: number;
    readonly leaseMs: number;
  }): Promise<ClaimedVerificationItem[]> {
    const limit = pageLimit(options.limit, { fallback: 1, max: MAX_CLAIM });
    if (!Number.isSafeInteger(options.leaseMs) || options.leaseMs < 1 || options.leaseMs > MAX_LEASE_MS) {
      throw new ServerError(ServerErrorCode.RANGE_ERROR, 'A lease is between 1 ms and 24 hours');
    }
    return guarded('verification job item', () =>
      this.#db.transaction(async (tx) => {
        // SKIP LOCKED: concurrent workers take disjoint items instead of queueing behind each other.
        const candidates = await tx
          .select({ jobId: verificationJobItems.jobId, position: verificationJobItems.position })
          .from(verificationJobItems)
          .innerJoin(verificationJobs, eq(verificationJobs.id, verificationJobItems.jobId))
          .where(
            and(
              inArray(verificationJobs.state, ['queued', 'running']),
              or(
                eq(verificationJobItems.state, 'pending'),
                and(
                  eq(verificationJobItems.state, 'running'),
                  lt(verificationJobItems.lockedUntil, sql`now()`),
                ),
              ),
            ),
          )
          .orderBy(
            asc(verificationJobs.createdAt),
            asc(verificationJobItems.jobId),
            asc(verificationJobItems.position),
          )
          .limit(limit)
          .for('update', { of: verificationJobItems, skipLocked: true });
        if (candidates.length === 0) return [];
        const claimed: ClaimedVerificationItem[] = [];
        for (const [jobId, positions] of byJob(candidates)) {
          const rows = await tx
            .update(verificationJobItems)
            .set({
              state: 'running',
              lockedBy: options.workerId,
              lockedUntil: sql`now() + ${options.leaseMs}::int * interval '1 millisecond'`,
              attempts: sql`${verificationJobItems.attempts} + 1`,
            })
            .where(
              and(eq(verificationJobItems.jobId, jobId), inArray(verificationJobItems.position, positions)),
            )
            .returning();
          await tx
            .update(verificationJobs)
            .set({ state: 'running' })
            .where(and(eq(verificationJobs.id, jobId), eq(verificationJobs.state, 'queued')));
          for (const row of rows.sort((a, b) => a.position - b.position)) {
            // A JSON `null` item is stored as SQL null: it is claimed like any other and reported as unreadable.
            claimed.push({
              jobId: row.jobId,
              position: row.position,
              input: row.input,
              recipient: row.recipient,
              attempts: row.attempts,
            });
          }
        }
        return claimed;
      }),
    );
  }

  async releaseItems(options: {
    readonly workerId: string;
    readonly items: readonly { readonly jobId: string; readonly position: number }[];
  }): Promise<number> {
    if (options.items.length === 0) return 0;
    return guarded('verification job item', async () => {
      let released = 0;
      for (const [jobId, positions] of byJob(options.items)) {
        const rows = await this.#db
          .update(verificationJobItems)
          .set({
            state: 'pending',
            lockedBy: null,
            lockedUntil: null,
            attempts: sql`greatest(${verificationJobItems.attempts} - 1, 0)`,
          })
          .where(
            and(
              eq(verificationJobItems.jobId, jobId),
              inArray(verificationJobItems.position, positions),
              eq(verificationJobItems.state, 'running'),
              eq(verificationJobItems.lockedBy, options.workerId),
            ),
          )
          .returning({ position: verificationJobItems.position });
        released += rows.length;
      }
      return released;
    });
  }

  async completeItems(options: {
    readonly workerId: string;
    readonly results: readonly {
      readonly jobId: string;
      readonly position: number;
      readonly result: JsonObject;
      readonly verified: boolean;
    }[];
    readonly expiresAt: Date;
  }): Promise<number> {
    if (options.results.length === 0) return 0;
    return guarded('verification job item', () =>
      this.#db.transaction(async (tx) => {
        let stored = 0;
        const perJob = new Map<string, { done: number; unverified: number }>();
        for (const entry of options.results) {
          const rows = await tx
            .update(verificationJobItems)
            .set({
              state: 'done',
              result: entry.result,
              verified: entry.verified,
              input: null,
              recipient: null,
              lockedBy: null,
              lockedUntil: null,
            })
            .where(
              and(
                eq(verificationJobItems.jobId, entry.jobId),
                eq(verificationJobItems.position, entry.position),
                eq(verificationJobItems.state, 'running'),
                eq(verificationJobItems.lockedBy, options.workerId),
              ),
            )
            .returning({ position: verificationJobItems.position });
          if (rows.length === 0) continue;
          stored += 1;
          const counts = perJob.get(entry.jobId) ?? { done: 0, unverified: 0 };
          counts.done += 1;
          if (!entry.verified) counts.unverified += 1;
          perJob.set(entry.jobId, counts);
        }
        for (const [jobId, counts] of perJob) {
          const done = sql`${verificationJobs.done} + ${counts.done}::int`;
          await tx
            .update(verificationJobs)
            .set({
              done,
              unverified: sql`${verificationJobs.unverified} + ${counts.unverified}::int`,
              state: sql`case when ${done} >= ${verificationJobs.total} then 'completed' else ${verificationJobs.state} end`,
              finishedAt: sql`case when ${done} >= ${verificationJobs.total} then now() else null end`,
              expiresAt: sql`case when ${done} >= ${verificationJobs.total}
                then ${options.expiresAt.toISOString()}::timestamptz else ${verificationJobs.expiresAt} end`,
            })
            .where(eq(verificationJobs.id, jobId));
        }
        return stored;
      }),
    );
  }

  async listResults(options: {
    readonly jobId: string;
    readonly after: number;
    readonly limit: number;
  }): Promise<{ readonly position: number; readonly result: JsonObject }[]> {
    if (!isUuid(options.jobId)) return [];
    const rows = await guarded('verification job item', () =>
      this.#db
        .select({ position: verificationJobItems.position, result: verificationJobItems.result })
        .from(verificationJobItems)
        .where(
          and(
            eq(verificationJobItems.jobId, options.jobId),
            gt(verificationJobItems.position, options.after),
            eq(verificationJobItems.state, 'done'),
          ),
        )
        .orderBy(asc(verificationJobItems.position))
        .limit(pageLimit(options.limit, { fallback: 100, max: 5_000 })),
    );
    return rows.flatMap((row) =>
      row.result === null ? [] : [{ position: row.position, result: row.result }],
    );
  }

  async deleteExpired(options: { readonly now: Date }): Promise<number> {
    const rows = await guarded('verification job', () =>
      this.#db
        .delete(verificationJobs)
        .where(lt(verificationJobs.expiresAt, options.now))
        .returning({ id: verificationJobs.id }),
    );
    return rows.length;
  }
}

function byJob(
  rows: readonly { readonly jobId: string; readonly position: number }[],
): Map<string, number[]> {
  const grouped = new Map<string, number[]>();
  for (const row of rows) grouped.set(row.jobId, [...(grouped.get(row.jobId) ?? []), row.position]);
  return grouped;
}
