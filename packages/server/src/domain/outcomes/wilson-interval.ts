/** The standard normal quantile for a two-sided 95% interval (Φ⁻¹(0.975)). */
export const Z_95 = 1.959963984540054;

export interface ProportionInterval {
  readonly lower: number;
  readonly upper: number;
}

/**
 * The Wilson score interval for `successes` out of `trials` (Wilson 1927, "Probable inference, the law
 * of succession, and statistical inference", JASA 22:209–212). Chosen over the textbook Wald interval
 * because survey counts here are small (from 5 answers) and often 0 or all: Wald collapses to a zero-width
 * interval at 0/n and n/n and leaves [0, 1], while Wilson keeps near-nominal coverage (Newcombe 1998).
 */
export function wilsonInterval(options: {
  readonly successes: number;
  readonly trials: number;
  readonly z?: number;
}): ProportionInterval {
  const { successes, trials, z = Z_95 } = options;
  if (!Number.isInteger(trials) || trials <= 0) throw new RangeError('trials must be a positive integer');
  if (!Number.isInteger(successes) || successes < 0 || successes > trials) {
    throw new RangeError('successes must be an integer from 0 to trials');
  }
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  // At 0/n and n/n the bound is exactly 0 or 1; rounding must not push it a hair outside [0, 1].
  return {
    lower: successes === 0 ? 0 : Math.max(0, centre - half),
    upper: successes === trials ? 1 : Math.min(1, centre + half),
  };
}
