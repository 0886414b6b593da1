/**
 * The best-response residual of a price solve, computed independently of `solvePrices` (plain Math): for each
 * active developer, the largest profit gain it could get by moving alone to any price on a fine log-spaced
 * grid (plus its current price ±0.1%…±5%), relative to its current profit.
 */
import { N_SEGMENTS, type DemandYear, type Market } from "../../models/economy/demand";

export interface Gain {
  /** Largest relative gain over developers, and where it is found; `last`: the gain of the last developer to move (highest active index). */
  gain: number;
  last: number;
  dev: number;
  from: number;
  to: number;
}

/** e^{δ} of developer k's model in segment g at price p. */
function expOf(dy: DemandYear, m: Market, k: number, g: number, p: number): number {
  return Math.exp(dy.xi + dy.theta * Math.log(m.quality[k]) - dy.alpha[g] * p);
}

/** Σ_k (e^{δ_kg} + e^{δ^f_k}) over active developers at their current prices, per segment. */
function totalsOf(dy: DemandYear, m: Market): number[] {
  const out = new Array<number>(N_SEGMENTS).fill(0);
  for (let k = 0; k < m.n; k++) if (m.active[k]) for (let g = 0; g < N_SEGMENTS; g++) out[g] += expOf(dy, m, k, g, m.price[k]) + dy.freeFactor * expOf(dy, m, k, g, 0);
  return out;
}

/** π_j(p) = ((1 − ρ) p − c) q(p) − κ c q^f(p) against the others' current prices. */
export function profitOf(dy: DemandYear, m: Market, j: number, p: number, totals = totalsOf(dy, m)): number {
  let pi = 0;
  for (let g = 0; g < N_SEGMENTS; g++) {
    const free = dy.freeFactor * expOf(dy, m, j, g, 0);
    const others = totals[g] - expOf(dy, m, j, g, m.price[j]) - free;
    const e = expOf(dy, m, j, g, p);
    pi += (dy.users[g] * (((1 - m.rho[j]) * p - dy.cost) * e - dy.freeCost * free)) / (1 + others + free + e);
  }
  return pi;
}

/** The largest relative gain from a unilateral deviation (see the file comment); `points` grid prices per developer. */
export function bestResponseGain(dy: DemandYear, m: Market, points = 800): Gain {
  const out: Gain = { gain: 0, last: 0, dev: -1, from: 0, to: 0 };
  let lastDev = -1;
  for (let j = 0; j < m.n; j++) if (m.active[j]) lastDev = j;
  const live = Array.from(dy.alpha).filter((_, g) => dy.users[g] > 0);
  const lo = 1e-3 / Math.max(...live), hi = 200 / Math.min(...live);
  const totals = totalsOf(dy, m);
  const now: number[] = [];
  let scale = 0;
  for (let j = 0; j < m.n; j++) {
    if (!m.active[j]) continue;
    now[j] = profitOf(dy, m, j, m.price[j], totals);
    scale = Math.max(scale, Math.abs(now[j]));
  }
  for (let j = 0; j < m.n; j++) {
    if (!m.active[j]) continue;
    const floor = dy.cost / (1 - m.rho[j]);
    const tries: number[] = [];
    for (let k = 0; k < points; k++) tries.push(floor + lo * Math.pow(hi / lo, k / (points - 1)));
    for (const f of [0.001, 0.005, 0.01, 0.05]) tries.push(m.price[j] * (1 + f), Math.max(floor, m.price[j] * (1 - f)));
    for (const p of tries) {
      const gain = (profitOf(dy, m, j, p, totals) - now[j]) / Math.max(Math.abs(now[j]), 1e-6 * scale);
      if (j === lastDev) out.last = Math.max(out.last, gain);
      if (gain > out.gain) Object.assign(out, { gain, dev: j, from: m.price[j], to: p });
    }
  }
  return out;
}
