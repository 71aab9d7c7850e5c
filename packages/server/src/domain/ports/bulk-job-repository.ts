import type { JsonObject, Page } from './common.js';
import type { StatusAllocation } from './status-list-repository.js';

export const BULK_JOB_STATES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export type BulkJobState = (typeof BULK_JOB_STATES)[number];

/**
 * `duplicate`: skipped because the recipient already holds a valid credential of the achievement, or an
 * earlier row of the same upload names them. Like `done` and `failed`, a state a row ends in.
 */
export const BULK_ROW_STATES = ['pending', 'running', 'done', 'failed', 'duplicate'] as const;
export type BulkRowState = (typeof BULK_ROW_STATES)[number];

/**
 * A bulk issuance: one row per recipient; `done + failed + duplicates` reaches `total` when it completes.
 */
export interface BulkJob {
  readonly id: string;
  readonly issuerId: string;
  readonly achievementId: string;
  readonly state: BulkJobState;
  readonly total: number;
  /** Rows that hold a credential: issued, or returned again for an idempotency key already used. */
  readonly done: number;
  readonly failed: number;
  /** Rows skipped because the recipient already held a valid credential of the achievement. */
  readonly duplicates: number;
  /** Issuance options shared by every row (format, who asked), as the domain chose them. */
  readonly options: JsonObject;
  /** Why the whole job failed (state `failed`). Row errors are on the rows. */
  readonly error: string | null;
  readonly createdAt: Date;
  readonly startedAt: Date | null;
  readonly finishedAt: Date | null;
}

export interface BulkJobRow {
  readonly jobId: string;
  /** 1-based row of the uploaded file (data rows), as shown to the user in error reports. */
  readonly rowNumber: number;
  readonly input: JsonObject;
  readonly state: BulkRowState;
  /** How many times a worker took the row. */
  readonly attempts: number;
  readonly error: string | null;
  /** For a `done` row: the credential it issued, or the one returned again for its idempotency key. */
  readonly credentialId: string | null;
  /** For a row skipped as a duplicate when it was processed: the valid credential the recipient held. */
  readonly duplicateOf: string | null;
  readonly lockedBy: string | null;
  readonly lockedUntil: Date | null;
  /**
   * The revocation entry reserved for the row by its first attempt: a retry after a crash signs with the
   * same entry, so a row uses at most one status list entry however often its worker dies.
   */
  readonly statusEntry: StatusAllocation | null;
  /** For a row skipped on upload as a duplicate: the earlier row of the same upload naming the recipient. */
  readonly duplicateOfRow: number | null;
}

export interface NewBulkJob {
  readonly job: {
    readonly id?: string;
    readonly issuerId: string;
    readonly achievementId: string;
    readonly options?: JsonObject;
  };
  /**
   * Rows that failed validation on upload carry their `error`: they count as failed from the start. A row
   * naming the same recipient as an earlier row carries `duplicateOfRow`: it counts as a duplicate.
   */
  readonly rows: readonly {
    readonly rowNumber: number;
    readonly input: JsonObject;
    readonly error?: string;
    readonly duplicateOfRow?: number;
  }[];
}

/**
 * The outcome of one claimed row: the credential it issued (or an earlier one returned for its idempotency
 * key), why it could not, or that it was skipped because the recipient already holds `duplicateOf`.
 */
export type BulkRowResult =
  | { readonly rowNumber: number; readonly credentialId: string }
  | { readonly rowNumber: number; readonly error: string }
  | { readonly rowNumber: number; readonly duplicateOf: string };

/**
 * Durable bulk issuance. Any number of workers, on any number of machines, claim rows under a lease;
 * a row whose worker died is claimed again once the lease expires (the credential's unique
 * `(bulkJobId, bulkRow)` makes the retry return the credential already issued, never a second one).
 * Lease times use the database clock, the one clock all machines share.
 */
export interface BulkJobRepository {
  /** Creates the job and all its rows in one transaction. Throws `NOT_FOUND` for an unknown issuer or achievement. */
  create(input: NewBulkJob): Promise<BulkJob>;
  findById(options: { readonly id: string }): Promise<BulkJob | null>;
  /** Newest first; `limit` is capped at 500. */
  list(options: Page & { readonly issuerId?: string }): Promise<BulkJob[]>;
  /**
   * Takes up to `limit` rows that are pending, or running under an expired lease, of one job (or of any
   * queued or running job, oldest first), leasing them to `workerId` for `leaseMs`. Concurrent callers
   * never receive the same row (`FOR UPDATE SKIP LOCKED`). A row already taken `maxAttempts` times
   * (default 5) is failed instead of being handed out again, so a row that crashes workers cannot stall
   * the job. The job moves to `running`.
   */
  claimRows(options: {
    readonly workerId: string;
    readonly limit: number;
    readonly leaseMs: number;
    readonly jobId?: string;
    readonly maxAttempts?: number;
  }): Promise<BulkJobRow[]>;
  /**
   * Locks (until the transaction ends) and returns the given rows that `workerId` still holds. Call it in
   * the transaction that reserves their status entries, so a row taken over meanwhile gets none.
   */
  lockHeldRows(options: {
    readonly jobId: string;
    readonly workerId: string;
    readonly rowNumbers: readonly number[];
  }): Promise<BulkJobRow[]>;
  /** Records the status entry reserved for each row (see `BulkJobRow.statusEntry`); only rows `workerId` holds. */
  rememberStatusEntries(options: {
    readonly jobId: string;
    readonly workerId: string;
    readonly entries: readonly (StatusAllocation & { readonly rowNumber: number })[];
  }): Promise<number>;
  /** Extends the lease of rows still held by `workerId`; returns how many it still holds. */
  renewLease(options: {
    readonly jobId: string;
    readonly workerId: string;
    readonly rowNumbers: readonly number[];
    readonly leaseMs: number;
  }): Promise<number>;
  /**
   * Hands rows `workerId` holds but has not started back to the pool at once, as if never claimed (their
   * claim's attempt is not counted): a worker told to stop gives back what it will not do, rather than
   * leaving it to wait out its lease. Returns how many it released.
   */
  releaseRows(options: {
    readonly jobId: string;
    readonly workerId: string;
    readonly rowNumbers: readonly number[];
  }): Promise<number>;
  /**
   * Records outcomes of rows held by `workerId` and updates the job's counts in one transaction; the job
   * completes when every row is done, failed or a duplicate. Rows no longer held (lease lost) are left alone.
   */
  recordResults(options: {
    readonly jobId: string;
    readonly workerId: string;
    readonly results: readonly BulkRowResult[];
  }): Promise<BulkJob>;
  /** Stops a queued or running job: no row is handed out any more. Throws `NOT_FOUND`; a finished job is returned unchanged. */
  cancel(options: { readonly id: string }): Promise<BulkJob>;
  /** Marks a queued or running job failed as a whole (e.g. its achievement was archived). Throws `NOT_FOUND`. */
  fail(options: { readonly id: string; readonly error: string }): Promise<BulkJob>;
  /** Rows in order, e.g. the failed and duplicate ones for an error report; `limit` is capped at 5,000. */
  listRows(options: {
    readonly jobId: string;
    /** One state, or any of several. */
    readonly state?: BulkRowState | readonly BulkRowState[];
    readonly afterRowNumber?: number;
    readonly limit?: number;
  }): Promise<BulkJobRow[]>;
}
