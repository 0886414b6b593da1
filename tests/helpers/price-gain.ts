/**
 * The best-response residual of a price solve, computed independently of `solvePrices` (plain Math): for each
 * active developer, the largest profit gain it could get by moving alone to any prices on a fine log-spaced
 * grid per segment (plus its current prices ±0.1%…±5%), relative to its current profit. A developer's profit
 * is a sum over segments of terms that each depend only on its own price in that segment (given rivals'
 * prices), so the best deviation is the best deviation in each segment, summed.
 */
import { N_SEGMENTS, type DemandYear, type Market } from "../../models/economy/demand";

export interface Gain {
  /** Largest relative gain over developers, and where it is found; `last`: the gain of the last developer to move (highest active index). */
  gain: number;
  last: number;
  dev: number;
  segment: number;
  from: number;
  to: number;
}

/** e^{δ} of developer k's model in segment g at price p. */
function expOf(dy: DemandYear, m: Market, k: number, g: number, p: number): number {
  return Math.exp(dy.xi + dy.theta * Math.log(m.quality[k]) - dy.alpha[g] * p);
}

const priceOf = (m: Market, j: number, g: number) => m.segPrice[j * N_SEGMENTS + g];

/** Σ_k (e^{δ_kg} + e^{δ^f_k}) over active developers at their current prices, per segment. */
function totalsOf(dy: DemandYear, m: Market): number[] {
  const out = new Array<number>(N_SEGMENTS).fill(0);
  for (let k = 0; k < m.n; k++) if (m.active[k]) for (let g = 0; g < N_SEGMENTS; g++) out[g] += expOf(dy, m, k, g, priceOf(m, k, g)) + dy.freeFactor * expOf(dy, m, k, g, 0);
  return out;
}

/** π_jg(p) = ((1 − ρ) p − c_g) q_jg(p) − κ c q^f_jg(p) against the others' current prices. */
export function segmentProfit(dy: DemandYear, m: Market, j: number, g: number, p: number, totals = totalsOf(dy, m)): number {
  const free = dy.freeFactor * expOf(dy, m, j, g, 0);
  const others = totals[g] - expOf(dy, m, j, g, priceOf(m, j, g)) - free;
  const e = expOf(dy, m, j, g, p);
  return (dy.users[g] * (((1 - m.rho[j]) * p - dy.segCost[g]) * e - dy.freeCost * free)) / (1 + others + free + e);
}

/** π_j at prices `prices` per segment (default: its current prices). */
export function profitOf(dy: DemandYear, m: Market, j: number, prices?: ArrayLike<number>, totals = totalsOf(dy, m)): number {
  let pi = 0;
  for (let g = 0; g < N_SEGMENTS; g++) pi += segmentProfit(dy, m, j, g, prices ? prices[g] : priceOf(m, j, g), totals);
  return pi;
}

/** The largest relative gain from a unilateral deviation (see the file comment); `points` grid prices per developer and segment. */
export function bestResponseGain(dy: DemandYear, m: Market, points = 800): Gain {
  const out: Gain = { gain: 0, last: 0, dev: -1, segment: -1, from: 0, to: 0 };
  let lastDev = -1;
  for (let j = 0; j < m.n; j++) if (m.active[j]) lastDev = j;
  const totals = totalsOf(dy, m);
  const now: number[] = [];
  let scale = 0;
  for (let j = 0; j < m.n; j++) {
    if (!m.active[j]) continue;
    now[j] = profitOf(dy, m, j, undefined, totals);
    scale = Math.max(scale, Math.abs(now[j]));
  }
  for (let j = 0; j < m.n; j++) {
    if (!m.active[j]) continue;
    let gain = 0, seg = -1, segGain = 0, from = 0, to = 0;
    for (let g = 0; g < N_SEGMENTS; g++) {
      if (!(dy.users[g] > 0)) continue;
      const cur = priceOf(m, j, g);
      const here = segmentProfit(dy, m, j, g, cur, totals);
      const lo = 1e-3 / dy.alpha[g], hi = 200 / dy.alpha[g];
      const tries: number[] = [];
      for (let k = 0; k < points; k++) tries.push(lo * Math.pow(hi / lo, k / (points - 1)));
      for (const f of [0.001, 0.005, 0.01, 0.05]) tries.push(cur * (1 + f), cur * (1 - f));
      let best = here, arg = cur;
      for (const p of tries) {
        const pi = segmentProfit(dy, m, j, g, p, totals);
        if (pi > best) { best = pi; arg = p; }
      }
      if (best - here > 0) {
        if (best - here > segGain) { segGain = best - here; seg = g; from = cur; to = arg; }
        gain += best - here;
      }
    }
    const rel = gain / Math.max(Math.abs(now[j]), 1e-6 * scale);
    if (j === lastDev) out.last = Math.max(out.last, rel);
    if (rel > out.gain) Object.assign(out, { gain: rel, dev: j, segment: seg, from, to });
  }
  return out;
}
