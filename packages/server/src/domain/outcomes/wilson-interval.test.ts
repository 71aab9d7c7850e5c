import { describe, expect, it } from 'vitest';
import { wilsonInterval } from './wilson-interval.js';

// Reference values: Newcombe RG (1998), "Two-sided confidence intervals for the single proportion:
// comparison of seven methods", Statistics in Medicine 17:857–872, Table II, method 3 (Wilson score,
// no continuity correction), and the closed forms at 0/n and n/n: upper = z²/(n+z²), lower = n/(n+z²).
const CASES = [
  { successes: 5, trials: 10, lower: 0.2366, upper: 0.7634 },
  { successes: 81, trials: 263, lower: 0.2553, upper: 0.3662 },
  { successes: 15, trials: 148, lower: 0.0624, upper: 0.1605 },
  { successes: 0, trials: 20, lower: 0, upper: 0.1611 },
  { successes: 1, trials: 29, lower: 0.0061, upper: 0.1718 },
  { successes: 0, trials: 5, lower: 0, upper: 0.4345 },
  { successes: 5, trials: 5, lower: 0.5655, upper: 1 },
] as const;

describe('wilsonInterval', () => {
  it.each(CASES)('matches the reference interval for $successes/$trials', (c) => {
    const interval = wilsonInterval({ successes: c.successes, trials: c.trials });
    expect(interval.lower).toBeCloseTo(c.lower, 4);
    expect(interval.upper).toBeCloseTo(c.upper, 4);
  });

  it('is symmetric: k/n and (n−k)/n mirror each other around one half', () => {
    for (const [k, n] of [
      [3, 7],
      [81, 263],
      [0, 5],
    ] as const) {
      const a = wilsonInterval({ successes: k, trials: n });
      const b = wilsonInterval({ successes: n - k, trials: n });
      expect(a.lower).toBeCloseTo(1 - b.upper, 12);
      expect(a.upper).toBeCloseTo(1 - b.lower, 12);
    }
  });

  it('contains the observed proportion and stays inside [0, 1]', () => {
    for (let n = 1; n <= 40; n += 1) {
      for (let k = 0; k <= n; k += 1) {
        const { lower, upper } = wilsonInterval({ successes: k, trials: n });
        expect(lower).toBeGreaterThanOrEqual(0);
        expect(upper).toBeLessThanOrEqual(1);
        expect(lower).toBeLessThanOrEqual(k / n);
        expect(upper).toBeGreaterThanOrEqual(k / n);
      }
    }
  });

  it('refuses impossible counts', () => {
    expect(() => wilsonInterval({ successes: 1, trials: 0 })).toThrow(RangeError);
    expect(() => wilsonInterval({ successes: 6, trials: 5 })).toThrow(RangeError);
    expect(() => wilsonInterval({ successes: -1, trials: 5 })).toThrow(RangeError);
    expect(() => wilsonInterval({ successes: 1.5, trials: 5 })).toThrow(RangeError);
  });
});
