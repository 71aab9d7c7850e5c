import type { RateLimitStore } from '../ports/rate-limit-store.js';
import {
  bucketCap,
  bucketExpiry,
  decideRateLimit,
  type RateLimitDecision,
  windowStartOf,
} from './decide-rate-limit.js';
import type { RateLimitName, RateLimitRules } from './rate-limit-rules.js';

export interface RateLimiter {
  /** False when limits are switched off (`MICROCRED_RATE_LIMIT=off`): every request is allowed. */
  readonly enabled: boolean;
  readonly rules: RateLimitRules;
  /**
   * Counts one request for `key` under the limit `name` and says whether it may go ahead; `cost` (default
   * 1) is what it counts for, e.g. the items of a batch under a limit on items.
   */
  take(name: RateLimitName, key: string, cost?: number): Promise<RateLimitDecision>;
}

const ALLOWED: RateLimitDecision = Object.freeze({
  allowed: true,
  remaining: Number.POSITIVE_INFINITY,
  retryAfterSeconds: 0,
});

// Expired buckets are deleted by whichever request comes along once this long has passed, so no
// separate job is needed; the delete runs on an index and touches only dead rows.
const DEFAULT_CLEANUP_EVERY_MS = 5 * 60_000;

/** Rate limits over a shared store, on an injected clock (tests move time instead of sleeping). */
export function createRateLimiter(options: {
  readonly store: RateLimitStore;
  readonly rules: RateLimitRules;
  readonly now: () => Date;
  readonly enabled?: boolean;
  readonly cleanupEveryMs?: number;
}): RateLimiter {
  const { store, rules, now } = options;
  const enabled = options.enabled ?? true;
  const cleanupEveryMs = options.cleanupEveryMs ?? DEFAULT_CLEANUP_EVERY_MS;
  let lastCleanup = Number.NEGATIVE_INFINITY;
  return {
    enabled,
    rules,
    async take(name, key, cost = 1) {
      if (!enabled) return ALLOWED;
      const rule = rules[name];
      const at = now();
      const windowStart = windowStartOf(at, rule.windowMs);
      const bucket = await store.hit({
        name,
        key,
        windowStart,
        windowMs: rule.windowMs,
        cap: bucketCap(rule),
        cost,
        expiresAt: bucketExpiry(windowStart, rule.windowMs),
      });
      if (at.getTime() - lastCleanup >= cleanupEveryMs) {
        lastCleanup = at.getTime();
        await store.deleteExpired({ now: at });
      }
      return decideRateLimit({ rule, bucket, now: at, cost });
    },
  };
}
