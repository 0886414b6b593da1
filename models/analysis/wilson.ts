/**
 * The Wilson score interval for a binomial share (Wilson 1927; Brown, Cai & DasGupta 2001 recommend it
 * over the Wald interval for small n and shares near 0 or 1). Pure arithmetic; not responsible for
 * deciding what counts as a success.
 */

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

export interface ShareInterval {
  /** Successes / trials (ties may count one half). */
  share: number;
  lo: number;
  hi: number;
  n: number;
}

/**
 * The share k/n and its Wilson interval: (p + z²/2n ± z √(p(1−p)/n + z²/4n²)) / (1 + z²/n).
 * @example wilson(8, 10) // => { share: 0.8, lo: 0.4902, hi: 0.9433, n: 10 } (to 4 places)
 * @example wilson(0, 0) // => { share: NaN, lo: 0, hi: 1, n: 0 }
 */
export function wilson(k: number, n: number, z: number = Z95): ShareInterval {
  if (n <= 0) return { share: NaN, lo: 0, hi: 1, n: 0 };
  const p = k / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denom = 1 + z2 / n;
  return { share: p, lo: Math.max(0, (centre - half) / denom), hi: Math.min(1, (centre + half) / denom), n };
}
