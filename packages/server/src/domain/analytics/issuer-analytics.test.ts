import { describe, expect, it } from 'vitest';
import { bucketFor, truncate } from './issuer-analytics.js';

const at = (iso: string) => new Date(iso);

describe('the time series buckets', () => {
  it('uses days up to three months, weeks up to two years, months beyond', () => {
    const start = at('2026-01-01T00:00:00Z');
    const after = (days: number) => new Date(start.getTime() + days * 86_400_000);
    expect(bucketFor(start, after(92))).toBe('day');
    expect(bucketFor(start, after(93))).toBe('week');
    expect(bucketFor(start, after(731))).toBe('week');
    expect(bucketFor(start, after(732))).toBe('month');
  });

  it('starts weeks on Monday and months on the 1st, in UTC', () => {
    // Sunday 8 March 2026, late evening UTC: still the week of Monday 2 March.
    expect(truncate(at('2026-03-08T23:59:59Z'), 'week').toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(truncate(at('2026-03-09T00:00:00Z'), 'week').toISOString()).toBe('2026-03-09T00:00:00.000Z');
    expect(truncate(at('2026-03-31T23:00:00Z'), 'month').toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(truncate(at('2026-03-04T18:30:00+02:00'), 'day').toISOString()).toBe('2026-03-04T00:00:00.000Z');
  });
});
