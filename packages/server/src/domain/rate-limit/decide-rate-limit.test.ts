import { describe, expect, it } from 'vitest';
import type { RateLimitBucket } from '../ports/rate-limit-store.js';
import { bucketExpiry, decideRateLimit, windowStartOf } from './decide-rate-limit.js';

const MINUTE = 60_000;
const rule = { limit: 5, windowMs: 15 * MINUTE };
const at = (ms: number) => new Date(ms);
const bucket = (windowStart: number, count: number, previousCount = 0): RateLimitBucket => ({
  windowStart: at(windowStart),
  count,
  previousCount,
});

describe('decideRateLimit', () => {
  it('puts every process in the same window, counted from the epoch, and lets a bucket expire after two', () => {
    expect(windowStartOf(at(15 * MINUTE + 1234), 15 * MINUTE).getTime()).toBe(15 * MINUTE);
    expect(windowStartOf(at(30 * MINUTE - 1), 15 * MINUTE).getTime()).toBe(15 * MINUTE);
    expect(bucketExpiry(at(15 * MINUTE), 15 * MINUTE).getTime()).toBe(45 * MINUTE);
  });

  it('allows up to the limit in a window and refuses the next, saying when to come back', () => {
    const now = at(MINUTE);
    expect(decideRateLimit({ rule, bucket: bucket(0, 1), now })).toEqual({
      allowed: true,
      remaining: 4,
      retryAfterSeconds: 0,
    });
    expect(decideRateLimit({ rule, bucket: bucket(0, 5), now })).toMatchObject({
      allowed: true,
      remaining: 0,
    });
    const refused = decideRateLimit({ rule, bucket: bucket(0, 6), now });
    expect(refused.allowed).toBe(false);
    expect(refused.remaining).toBe(0);
    // The rest of this window (14 min), then a third of the next for a count of 6 to weigh 4 or less.
    expect(refused.retryAfterSeconds).toBe(14 * 60 + 5 * 60);
  });

  it('still counts a burst at the end of a window at the start of the next (no doubling at the boundary)', () => {
    // Five at the very end of window 0; the next request comes one second into window 1.
    const next = decideRateLimit({ rule, bucket: bucket(15 * MINUTE, 1, 5), now: at(15 * MINUTE + 1000) });
    expect(next.allowed).toBe(false);
    // A fifth of the window later, the previous five weigh four: one more fits.
    const later = decideRateLimit({ rule, bucket: bucket(15 * MINUTE, 1, 5), now: at(18 * MINUTE) });
    expect(later.allowed).toBe(true);
    expect(later.remaining).toBe(0);
  });

  it('tells a refused client the earliest second that a request fits, and that moment does fit', () => {
    const refused = decideRateLimit({ rule, bucket: bucket(15 * MINUTE, 1, 5), now: at(15 * MINUTE + 1000) });
    const retryAt = 15 * MINUTE + 1000 + refused.retryAfterSeconds * 1000;
    expect(decideRateLimit({ rule, bucket: bucket(15 * MINUTE, 2, 5), now: at(retryAt) }).allowed).toBe(true);
    expect(
      decideRateLimit({ rule, bucket: bucket(15 * MINUTE, 2, 5), now: at(retryAt - 2000) }).allowed,
    ).toBe(false);
  });

  it('forgets a window two windows back, and treats a bucket ahead of this clock as just begun', () => {
    expect(decideRateLimit({ rule, bucket: bucket(30 * MINUTE, 1, 0), now: at(30 * MINUTE) }).allowed).toBe(
      true,
    );
    const skewed = decideRateLimit({ rule, bucket: bucket(15 * MINUTE, 1, 5), now: at(15 * MINUTE - 5000) });
    expect(skewed.allowed).toBe(false);
    expect(skewed.retryAfterSeconds).toBeGreaterThan(0);
  });
});
