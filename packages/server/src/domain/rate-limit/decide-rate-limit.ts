import type { RateLimitBucket } from '../ports/rate-limit-store.js';
import type { RateLimitRule } from './rate-limit-rules.js';

export interface RateLimitDecision {
  readonly allowed: boolean;
  /** Requests still allowed now (0 when refused). */
  readonly remaining: number;
  /** When refused, whole seconds until a request would be allowed if no other arrives; 0 when allowed. */
  readonly retryAfterSeconds: number;
}

/**
 * The fixed window `now` falls in, counted from the epoch, so that every process, whichever started first,
 * counts into the same bucket.
 */
export function windowStartOf(now: Date, windowMs: number): Date {
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
}

/** When a bucket stops mattering: once its window and the next are over, it has no weight left. */
export function bucketExpiry(windowStart: Date, windowMs: number): Date {
  return new Date(windowStart.getTime() + 2 * windowMs);
}

/**
 * Most a window's count is allowed to grow: a refused request still counts (so hammering does not reset
 * anything), but only one over the limit, so that an abuser's flood does not lock the key out for longer
 * than a well-behaved client that went one over.
 */
export function bucketCap(rule: RateLimitRule): number {
  return rule.limit + 1;
}

/**
 * Sliding-window counter: the estimate is this window's count plus the previous window's count weighted
 * by how much of it the sliding window still covers. Unlike a plain fixed window, a burst at the end of one
 * window still counts at the start of the next, and it needs two numbers per key, not a log of requests.
 * `bucket` is the state after this request was counted.
 */
export function decideRateLimit(options: {
  readonly rule: RateLimitRule;
  readonly bucket: RateLimitBucket;
  readonly now: Date;
  /** What the request counted for (default 1): the wait is until that much fits again. */
  readonly cost?: number;
}): RateLimitDecision {
  const { rule, bucket, now } = options;
  const cost = options.cost ?? 1;
  const { limit, windowMs } = rule;
  // A store whose bucket is ahead of this process's clock (clock skew between servers) counts as just begun.
  const elapsed = Math.min(Math.max(now.getTime() - bucket.windowStart.getTime(), 0), windowMs);
  const estimate = (bucket.previousCount * (windowMs - elapsed)) / windowMs + bucket.count;
  if (estimate <= limit) {
    return { allowed: true, remaining: Math.max(0, Math.floor(limit - estimate)), retryAfterSeconds: 0 };
  }
  return { allowed: false, remaining: 0, retryAfterSeconds: retryAfterSeconds(rule, bucket, elapsed, cost) };
}

/**
 * The earliest moment one more request of `cost` fits, assuming none arrives meanwhile (it would count
 * too). A cost over the limit never fits: the answer is then the next window, as good as any.
 */
function retryAfterSeconds(
  rule: RateLimitRule,
  bucket: RateLimitBucket,
  elapsed: number,
  cost: number,
): number {
  const { limit, windowMs } = rule;
  const nextCount = Math.min(bucket.count + cost, bucketCap(rule));
  let waitMs: number;
  if (nextCount <= limit && bucket.previousCount > 0) {
    // Later in this window, once enough of the previous window has slid out.
    const needed = windowMs * (1 - (limit - nextCount) / bucket.previousCount);
    waitMs = Math.max(needed - elapsed, 0);
  } else {
    // In the next window, where this window's count is the one sliding out and the new request counts `cost`.
    const room = Math.max(limit - cost, 0);
    const needed = bucket.count > room ? windowMs * (1 - room / bucket.count) : 0;
    waitMs = windowMs - elapsed + needed;
  }
  return Math.max(1, Math.ceil(waitMs / 1000));
}
