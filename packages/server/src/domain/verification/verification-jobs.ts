import { ErrorCode, type VerificationReport } from '@microcred/vc';
import type { Actor } from '../auth/actor.js';
import { ServerError, ServerErrorCode } from '../error/server-error.js';
import type { PlatformContext } from '../platform-context.js';
import type { ClaimedVerificationItem, NewVerificationItem, VerificationJob } from '../ports/index.js';
import { storableReport, storedReport } from './storable-report.js';
import { unreadableReport } from './verification-item.js';
import { BATCH_CONCURRENCY, type VerifyFunction, verifyItem } from './verify-batch.js';
import { mapInOrder } from './verify-in-order.js';

/** Most items one verification job takes. */
export const MAX_JOB_ITEMS = 100_000;

const DAY_MS = 24 * 60 * 60 * 1000;
/** How long a finished job's results stay downloadable (and an unfinished job at most). */
export const JOB_RESULTS_KEPT_MS = 7 * DAY_MS;
// An upload that never finished (the client went away) is deleted after this.
const RECEIVING_KEPT_MS = 60 * 60 * 1000;
const STORE_CHUNK = 500;
// A worker that died holding items (or an item that kills its worker) gives them back after this.
const LEASE_MS = 5 * 60_000;
// An item that took down its worker this often is reported as unverifiable instead of tried again.
const MAX_ATTEMPTS = 3;

function tooManyItems(): ServerError {
  return new ServerError(
    ServerErrorCode.VALIDATION_ERROR,
    `a verification job takes at most ${MAX_JOB_ITEMS} credentials`,
    { details: { errors: [{ path: 'credentials', in: 'body', message: `at most ${MAX_JOB_ITEMS} items` }] } },
  );
}

/** Whose job it is: only the API key (or administrator token) that created a job reads it. */
export function jobOwnerOf(actor: Actor): string {
  if (actor.apiKeyId !== undefined) return `key:${actor.apiKeyId}`;
  if (actor.kind === 'admin') return 'admin-token';
  throw new ServerError(ServerErrorCode.FORBIDDEN, 'verification jobs are created with an API key');
}

export interface CreateVerificationJobInput {
  /** The items, as they arrive (a streamed upload is stored chunk by chunk, never held whole). */
  readonly items: Iterable<unknown> | AsyncIterable<unknown>;
  readonly recipient?: string;
  /**
   * Called with each chunk's size before it is stored: the edge counts items against the caller's rate
   * limit here and throws to refuse the rest.
   */
  readonly admit?: (count: number) => Promise<void>;
}

/**
 * Stores a batch of up to `MAX_JOB_ITEMS` items for the verification worker and queues it. Nothing is
 * queued unless every item was stored: a failed or refused upload deletes what it stored.
 */
export async function createVerificationJob(
  context: PlatformContext,
  actor: Actor,
  input: CreateVerificationJobInput,
): Promise<VerificationJob> {
  const owner = jobOwnerOf(actor);
  // A batch whose size is known is refused before anything is stored; a stream, at the item over.
  if (Array.isArray(input.items) && input.items.length > MAX_JOB_ITEMS) throw tooManyItems();
  const repository = context.storage.verificationJobs;
  const job = await repository.create({
    owner,
    expiresAt: new Date(context.now().getTime() + RECEIVING_KEPT_MS),
  });
  let total = 0;
  let chunk: NewVerificationItem[] = [];
  const recipient = input.recipient ?? null;
  const store = async () => {
    if (chunk.length === 0) return;
    await input.admit?.(chunk.length);
    await repository.addItems({ jobId: job.id, from: total - chunk.length, items: chunk });
    chunk = [];
  };
  try {
    for await (const item of input.items) {
      total += 1;
      if (total > MAX_JOB_ITEMS) throw tooManyItems();
      chunk.push({ input: item, recipient });
      if (chunk.length >= STORE_CHUNK) await store();
    }
    await store();
    return await repository.finishReceiving({
      jobId: job.id,
      total,
      expiresAt: new Date(context.now().getTime() + JOB_RESULTS_KEPT_MS),
    });
  } catch (error) {
    await repository.delete({ id: job.id }).catch((cause: unknown) => {
      context.logger.warn({ err: cause, jobId: job.id }, 'could not delete a refused verification job');
    });
    throw error;
  }
}

/** The job, to the key that created it; NOT_FOUND to anyone else (as for a job that does not exist). */
export async function getVerificationJob(
  context: PlatformContext,
  actor: Actor,
  id: string,
): Promise<VerificationJob> {
  const job = await context.storage.verificationJobs.find({ id });
  if (job === null || job.state === 'receiving' || job.owner !== jobOwnerOf(actor)) {
    throw new ServerError(ServerErrorCode.NOT_FOUND, 'No such verification job', { details: { id } });
  }
  return job;
}

/**
 * The results of a completed job, in input order, page by page (so a download of 100,000 never holds them
 * all): CONFLICT while it is still running.
 */
export async function verificationJobResults(
  context: PlatformContext,
  actor: Actor,
  id: string,
): Promise<AsyncIterable<{ readonly index: number; readonly report: VerificationReport }>> {
  const job = await getVerificationJob(context, actor, id);
  if (job.state !== 'completed') {
    throw new ServerError(
      ServerErrorCode.CONFLICT,
      `the job is ${job.state} (${job.done} of ${job.total} verified); its results are ready when it completes`,
    );
  }
  return (async function* pages() {
    let after = -1;
    for (;;) {
      const page = await context.storage.verificationJobs.listResults({ jobId: id, after, limit: 1_000 });
      for (const row of page) yield { index: row.position, report: storedReport(row.result) };
      const last = page.at(-1);
      if (last === undefined) return;
      after = last.position;
    }
  })();
}

export interface VerificationWorkerOptions {
  readonly workerId: string;
  /** Items claimed at once (default 50). */
  readonly batchSize?: number;
  /** Aborted when the worker is told to stop: items being verified finish, the others are released. */
  readonly signal?: AbortSignal;
}

/**
 * One worker step: claims items of any queued job, verifies them (a few at a time, as a synchronous batch
 * does) and stores their results, forgetting their inputs. Returns how many items it handled.
 */
export async function processVerificationItems(
  context: PlatformContext,
  verify: VerifyFunction,
  options: VerificationWorkerOptions,
): Promise<number> {
  const repository = context.storage.verificationJobs;
  const claimed = await repository.claimItems({
    workerId: options.workerId,
    limit: options.batchSize ?? 50,
    leaseMs: LEASE_MS,
  });
  if (claimed.length === 0) return 0;
  const unstarted: ClaimedVerificationItem[] = [];
  const outcomes = await mapInOrder(claimed, BATCH_CONCURRENCY, async (item) => {
    if (options.signal?.aborted === true) {
      unstarted.push(item);
      return undefined;
    }
    const report =
      item.attempts > MAX_ATTEMPTS
        ? unreadableReport(
            { unreadable: `the verifier stopped on this item ${MAX_ATTEMPTS} times; it was not verified` },
            ErrorCode.INTERNAL,
          )
        : await verifyItem(context, verify, item.input, item.recipient ?? undefined);
    return {
      jobId: item.jobId,
      position: item.position,
      verified: report.verified,
      result: storableReport(report),
    };
  });
  const results = outcomes.flatMap((outcome) => (outcome === undefined ? [] : [outcome]));
  await repository.completeItems({
    workerId: options.workerId,
    results,
    expiresAt: new Date(context.now().getTime() + JOB_RESULTS_KEPT_MS),
  });
  // Their lease is 5 minutes: given back now, another worker verifies them at once.
  if (unstarted.length > 0) await repository.releaseItems({ workerId: options.workerId, items: unstarted });
  return results.length;
}

/** Deletes jobs past their expiry, with their results; returns how many. */
export function deleteExpiredVerificationJobs(context: PlatformContext): Promise<number> {
  return context.storage.verificationJobs.deleteExpired({ now: context.now() });
}
