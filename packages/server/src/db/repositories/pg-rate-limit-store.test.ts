import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../domain/rate-limit/create-rate-limiter.js';
import { DEFAULT_RATE_LIMITS } from '../../domain/rate-limit/rate-limit-rules.js';
import type { DatabaseHandle } from '../open-database.js';
import { openTestDatabase, testDrivers } from '../open-test-database.js';
import { rateLimitBuckets } from '../schema/rate-limit-buckets.js';
import { PgRateLimitStore } from './pg-rate-limit-store.js';

const WINDOW = 60_000;
const T0 = new Date('2030-01-01T00:00:00Z');
const later = (windows: number) => new Date(T0.getTime() + windows * WINDOW);

describe.each(testDrivers())('rate limit store on %s', (driver) => {
  let database: DatabaseHandle;
  let store: PgRateLimitStore;
  let keys = 0;
  const newKey = () => `client-${++keys}@example.org`;
  const hit = (key: string, windowStart: Date, cap = 100) =>
    store.hit({
      name: 'verify-client',
      key,
      windowStart,
      windowMs: WINDOW,
      cap,
      expiresAt: new Date(windowStart.getTime() + 2 * WINDOW),
    });

  beforeAll(async () => {
    database = await openTestDatabase({ driver });
    store = new PgRateLimitStore({ db: database.db });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('counts hits in a window, moves the count to previous in the next, and forgets older ones', async () => {
    const key = newKey();
    expect(await hit(key, T0)).toEqual({ windowStart: T0, count: 1, previousCount: 0 });
    expect(await hit(key, T0)).toEqual({ windowStart: T0, count: 2, previousCount: 0 });
    expect(await hit(key, later(1))).toEqual({ windowStart: later(1), count: 1, previousCount: 2 });
    expect(await hit(key, later(3))).toEqual({ windowStart: later(3), count: 1, previousCount: 0 });
  });

  it('keeps a window set by a server whose clock is ahead, and counts into it', async () => {
    const key = newKey();
    await hit(key, later(1));
    expect(await hit(key, T0)).toEqual({ windowStart: later(1), count: 2, previousCount: 0 });
  });

  it('never counts past the cap, and keeps each limit and key apart', async () => {
    const key = newKey();
    for (let index = 0; index < 5; index += 1) await hit(key, T0, 3);
    expect((await hit(key, T0, 3)).count).toBe(3);
    expect((await hit(newKey(), T0, 3)).count).toBe(1);
    const other = await store.hit({
      name: 'signin-address',
      key,
      windowStart: T0,
      windowMs: WINDOW,
      cap: 3,
      expiresAt: later(2),
    });
    expect(other.count).toBe(1);
  });

  it('counts concurrent hits exactly once each', async () => {
    const key = newKey();
    await Promise.all(Array.from({ length: 25 }, () => hit(key, T0)));
    expect((await hit(key, T0)).count).toBe(26);
  });

  it('stores a digest of the key, never the address itself', async () => {
    const key = newKey();
    await hit(key, T0);
    const rows = await database.db.select({ keyHash: rateLimitBuckets.keyHash }).from(rateLimitBuckets);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.keyHash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.keyHash).not.toContain('@');
    }
  });

  it('deletes expired buckets only', async () => {
    const fresh = newKey();
    await hit(fresh, later(100));
    const deleted = await store.deleteExpired({ now: later(50) });
    expect(deleted).toBeGreaterThan(0);
    const left = await database.db
      .select({ expiresAt: rateLimitBuckets.expiresAt })
      .from(rateLimitBuckets)
      .where(sql`${rateLimitBuckets.expiresAt} < ${later(50).toISOString()}::timestamptz`);
    expect(left).toEqual([]);
    expect((await hit(fresh, later(100))).count).toBe(2);
  });

  it('limits with an injected clock: the sixth in a quarter hour is refused until Retry-After has passed', async () => {
    let now = new Date('2030-02-01T00:00:30Z');
    const limiter = createRateLimiter({ store, rules: DEFAULT_RATE_LIMITS, now: () => now });
    const address = newKey();
    const decisions = [];
    for (let index = 0; index < 6; index += 1) decisions.push(await limiter.take('signin-address', address));
    expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, true, true, true, false]);
    expect((await limiter.take('signin-address', newKey())).allowed).toBe(true);
    const wait = decisions[5]?.retryAfterSeconds ?? 0;
    expect(wait).toBeGreaterThan(14 * 60);
    now = new Date(now.getTime() + (wait - 60) * 1000);
    expect((await limiter.take('signin-address', address)).allowed).toBe(false);
    now = new Date(now.getTime() + 20 * 60_000);
    expect((await limiter.take('signin-address', address)).allowed).toBe(true);
  });

  it('writes nothing when switched off', async () => {
    const before = await database.db.select({ keyHash: rateLimitBuckets.keyHash }).from(rateLimitBuckets);
    const limiter = createRateLimiter({ store, rules: DEFAULT_RATE_LIMITS, now: () => T0, enabled: false });
    for (let index = 0; index < 10; index += 1) {
      expect((await limiter.take('signin-address', 'off@example.org')).allowed).toBe(true);
    }
    const after = await database.db.select({ keyHash: rateLimitBuckets.keyHash }).from(rateLimitBuckets);
    expect(after.length).toBe(before.length);
  });
});
