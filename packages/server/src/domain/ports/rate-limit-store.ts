/** What the store keeps per limit and key: this window's count and the one before it. */
export interface RateLimitBucket {
  readonly windowStart: Date;
  /** Requests in the window starting at `windowStart`, this one included (capped at `limit + 1`). */
  readonly count: number;
  /** Requests in the window just before it (0 when that window saw none). */
  readonly previousCount: number;
}

/** Counters of recent requests, shared by every process that uses the same database. */
export interface RateLimitStore {
  /**
   * Counts one request (`cost`, default 1) for `(name, key)` in the window starting at `windowStart`, atomically: a bucket
   * still on the window before becomes the previous count, an older one starts over. Never counts past
   * `cap`. Returns the bucket after counting.
   */
  hit(options: {
    readonly name: string;
    readonly key: string;
    readonly windowStart: Date;
    readonly windowMs: number;
    readonly cap: number;
    /** How much this request counts (default 1): a batch counts its items. */
    readonly cost?: number;
    /** After this the bucket may be deleted. */
    readonly expiresAt: Date;
  }): Promise<RateLimitBucket>;
  /** Deletes buckets that expired before `now`; returns how many. */
  deleteExpired(options: { readonly now: Date }): Promise<number>;
}
