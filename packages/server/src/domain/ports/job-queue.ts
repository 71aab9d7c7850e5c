import type { JsonObject } from './common.js';

export const QUEUED_JOB_STATES = ['pending', 'running', 'done', 'failed'] as const;
export type QueuedJobState = (typeof QUEUED_JOB_STATES)[number];

/** A unit of background work (a notification, a webhook delivery) taken by any worker. */
export interface QueuedJob {
  readonly id: string;
  /** What to do, e.g. `email.claim-link`; workers ask only for kinds they handle. */
  readonly kind: string;
  readonly payload: JsonObject;
  readonly state: QueuedJobState;
  readonly attempts: number;
  readonly maxAttempts: number;
  /** Not taken before this time. */
  readonly runAt: Date;
  readonly lockedBy: string | null;
  readonly lockedUntil: Date | null;
  readonly lastError: string | null;
  readonly dedupeKey: string | null;
  readonly createdAt: Date;
  readonly finishedAt: Date | null;
}

/** A durable queue in the database: at-least-once delivery, so handlers must be idempotent. */
export interface JobQueue {
  /** With a `dedupeKey` used before (by a job in any state), returns that job instead of adding one. */
  enqueue(options: {
    readonly kind: string;
    readonly payload: JsonObject;
    readonly runAt?: Date;
    readonly maxAttempts?: number;
    readonly dedupeKey?: string;
  }): Promise<QueuedJob>;
  /**
   * Takes up to `limit` due jobs (pending, or running under an expired lease) of the given kinds,
   * leasing them to `workerId`; concurrent callers never get the same job.
   */
  claim(options: {
    readonly workerId: string;
    readonly kinds: readonly string[];
    readonly limit: number;
    readonly leaseMs: number;
    /** Only these jobs (e.g. the ones a request just queued, run at once after its commit). */
    readonly ids?: readonly string[];
  }): Promise<QueuedJob[]>;
  /**
   * Hands jobs the worker holds but has not started back to the queue, due at once and their claim not
   * counted as an attempt (a worker told to stop). Returns how many it released.
   */
  release(options: { readonly ids: readonly string[]; readonly workerId: string }): Promise<number>;
  /** Returns false when the worker no longer holds the job. */
  complete(options: { readonly id: string; readonly workerId: string }): Promise<boolean>;
  /**
   * Puts the job back to run after `retryDelayMs`, or fails it for good once `maxAttempts` is reached.
   * Returns false when the worker no longer holds the job.
   */
  fail(options: {
    readonly id: string;
    readonly workerId: string;
    readonly error: string;
    readonly retryDelayMs: number;
  }): Promise<boolean>;
}
