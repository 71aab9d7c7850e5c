import type { JsonObject } from './common.js';

/**
 * `receiving`: the upload is still being stored (no worker touches it; one that never finishes expires);
 * `queued` and `running`: workers verify its items; `completed`: every item has its result.
 */
export const VERIFICATION_JOB_STATES = ['receiving', 'queued', 'running', 'completed'] as const;
export type VerificationJobState = (typeof VERIFICATION_JOB_STATES)[number];

export const VERIFICATION_ITEM_STATES = ['pending', 'running', 'done'] as const;
export type VerificationItemState = (typeof VERIFICATION_ITEM_STATES)[number];

/** A large batch verification: its items are verified in the background, its results downloaded later. */
export interface VerificationJob {
  readonly id: string;
  /** Who may read it: the API key that created it (`key:<id>`), or `admin-token`. */
  readonly owner: string;
  readonly state: VerificationJobState;
  readonly total: number;
  readonly done: number;
  /** Items whose report says `verified: false` (a count of results, not of failures of the job). */
  readonly unverified: number;
  readonly createdAt: Date;
  readonly finishedAt: Date | null;
  /** When the job and its results are deleted. */
  readonly expiresAt: Date;
}

/**
 * One item as stored until it is verified: the item as the caller sent it (any JSON: it is read, and a
 * bad one reported, when it is verified), and the batch's address to match, if any.
 */
export interface NewVerificationItem {
  readonly input: unknown;
  readonly recipient: string | null;
}

export interface ClaimedVerificationItem {
  readonly jobId: string;
  readonly position: number;
  readonly input: unknown;
  readonly recipient: string | null;
  /** How many times a worker took it, this time included. */
  readonly attempts: number;
}

export interface VerificationJobRepository {
  /** A job in state `receiving`, expiring at `expiresAt` unless `finishReceiving` moves it on. */
  create(options: { readonly owner: string; readonly expiresAt: Date }): Promise<VerificationJob>;
  /** Stores items at positions `from`, `from + 1`, … of a job still `receiving`. */
  addItems(options: {
    readonly jobId: string;
    readonly from: number;
    readonly items: readonly NewVerificationItem[];
  }): Promise<void>;
  /** `receiving` → `queued` with its total (or `completed` at once for an empty job). */
  finishReceiving(options: {
    readonly jobId: string;
    readonly total: number;
    readonly expiresAt: Date;
  }): Promise<VerificationJob>;
  /** Null when unknown (or not a UUID). */
  find(options: { readonly id: string }): Promise<VerificationJob | null>;
  delete(options: { readonly id: string }): Promise<void>;
  /**
   * Leases up to `limit` due items (pending, or running under an expired lease) of queued or running
   * jobs, oldest job first, in order; concurrent callers never get the same item.
   */
  claimItems(options: {
    readonly workerId: string;
    readonly limit: number;
    readonly leaseMs: number;
  }): Promise<ClaimedVerificationItem[]>;
  /**
   * Hands items this worker holds but has not started back to the queue at once, their claim not counted
   * as an attempt (a worker told to stop). Returns how many it released.
   */
  releaseItems(options: {
    readonly workerId: string;
    readonly items: readonly { readonly jobId: string; readonly position: number }[];
  }): Promise<number>;
  /**
   * Stores the results of items this worker still holds and forgets their inputs; counts them into their
   * jobs and completes a job whose last item this was (its results then kept until `expiresAt`). Returns
   * how many items it stored (an item whose lease another worker took since is not).
   */
  completeItems(options: {
    readonly workerId: string;
    readonly results: readonly {
      readonly jobId: string;
      readonly position: number;
      readonly result: JsonObject;
      readonly verified: boolean;
    }[];
    readonly expiresAt: Date;
  }): Promise<number>;
  /** Results in input order from position `after + 1`, at most `limit`. */
  listResults(options: {
    readonly jobId: string;
    readonly after: number;
    readonly limit: number;
  }): Promise<{ readonly position: number; readonly result: JsonObject }[]>;
  /** Deletes jobs (with their items and results) that expired before `now`; returns how many. */
  deleteExpired(options: { readonly now: Date }): Promise<number>;
}
