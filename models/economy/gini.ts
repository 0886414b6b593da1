/**
 * Gini coefficient of a weighted income distribution in O(n), from log-spaced bins.
 *
 * Incomes are binned by their binary exponent and the top five bits of the mantissa (32 bins per
 * doubling, read straight from the IEEE-754 bits: no logarithm in the yearly step), from $1 to $2^40;
 * within a bin incomes are treated as equal, which understates inequality by far less than a Gini
 * point (a test compares with the exact sorted formula). Sorting a population every year would cost
 * O(n log n) inside the yearly step.
 */

export const BINS_PER_OCTAVE = 32;
const OCTAVES = 40;
export const N_BINS = BINS_PER_OCTAVE * OCTAVES + 1;
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
// Index of the high word of a double in the Uint32 view (1 on little-endian machines).
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

export interface GiniBins {
  weight: Float64Array;
  income: Float64Array;
}

export function allocGiniBins(): GiniBins {
  return { weight: new Float64Array(N_BINS), income: new Float64Array(N_BINS) };
}

export function resetGiniBins(b: GiniBins): void {
  b.weight.fill(0);
  b.income.fill(0);
}

/** The bin of income `y` (USD): by binary exponent and the top five mantissa bits; below $1, bin 0. */
export function giniBin(y: number): number {
  if (!(y >= 1)) return 0;
  f64[0] = y;
  const hi = u32[HI];
  const octave = ((hi >>> 20) & 0x7ff) - 1023;
  return octave >= OCTAVES ? N_BINS - 1 : 1 + octave * BINS_PER_OCTAVE + ((hi >>> 15) & 31);
}

/**
 * The edges of the bins: bin k holds exactly the incomes y with EDGES[k] ≤ y < EDGES[k + 1] (bin 0 below
 * $1, the last bin from its lower edge up), so a run of incomes can be checked against its bin's edges
 * with two comparisons instead of reading the bits of each. Every edge is a small integer times a power
 * of two, so it is exact.
 */
export const GINI_EDGES: Float64Array = (() => {
  const e = new Float64Array(N_BINS + 1);
  e[0] = -Infinity;
  let p2 = 1;
  for (let o = 0; o < OCTAVES; o++, p2 *= 2) for (let m = 0; m < BINS_PER_OCTAVE; m++) e[1 + o * BINS_PER_OCTAVE + m] = (p2 * (BINS_PER_OCTAVE + m)) / BINS_PER_OCTAVE;
  e[N_BINS] = Infinity;
  return e;
})();

/** Add `weight` people each with income `y` (USD); incomes below $1 go to the first bin. */
export function addToGini(b: GiniBins, y: number, weight: number): void {
  const k = giniBin(y);
  b.weight[k] += weight;
  b.income[k] += weight * y;
}

/**
 * Gini from the Lorenz curve through the bin boundaries: G = 1 − Σ f_k (L_k + L_{k−1}).
 * @example two equal halves with incomes 0 and 100 → 0.5
 */
export function giniFromBins(b: GiniBins): number {
  let W = 0;
  let Y = 0;
  for (let k = 0; k < N_BINS; k++) {
    W += b.weight[k];
    Y += b.income[k];
  }
  if (W <= 0 || Y <= 0) return 0;
  let prevL = 0;
  let area = 0;
  for (let k = 0; k < N_BINS; k++) {
    const w = b.weight[k];
    if (w === 0) continue;
    const L = prevL + b.income[k] / Y;
    area += (w / W) * (L + prevL);
    prevL = L;
  }
  return Math.min(1, Math.max(0, 1 - area));
}

/** Exact weighted Gini by sorting (for tests and small samples). */
export function giniExact(values: readonly number[], weights?: readonly number[]): number {
  const idx = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  const w = (i: number) => (weights ? weights[i] : 1);
  let W = 0;
  let Y = 0;
  for (const i of idx) {
    W += w(i);
    Y += w(i) * values[i];
  }
  if (W <= 0 || Y <= 0) return 0;
  let prevL = 0;
  let area = 0;
  for (const i of idx) {
    const L = prevL + (w(i) * values[i]) / Y;
    area += (w(i) / W) * (L + prevL);
    prevL = L;
  }
  return 1 - area;
}
