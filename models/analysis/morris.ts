/**
 * Morris elementary effects (Morris 1991; Campolongo, Cariboni & Saltelli 2007 for μ*): a global screen
 * that finds which uncertain parameters matter anywhere in the space, and which act non-linearly or
 * through interactions, at a cost of r (k + 1) evaluations for k factors.
 *
 * Design: the unit hypercube [0, 1]^k is cut into p levels {0, 1/(p−1), …, 1}; each of r trajectories
 * starts at a random grid point and moves one factor at a time, in a random order, by Δ = p / (2(p − 1))
 * (2/3 for p = 4), up or down. Factor i's coordinate u is mapped to a parameter value by `factor.at(u)`
 * (the inverse CDF of its distribution between its low and high values: u = 0 is low, u = 1 is high).
 * The elementary effect of a step is measured in the unit cube,
 *   EE = (f(after) − f(before)) / (±Δ),
 * the metric's change per full low→high move, in the metric's units, so it is comparable with the
 * one-at-a-time swing. When the map is linear (a uniform distribution) this is the slope in the
 * parameter times (high − low): for f = c·x every EE is c (high − low). For a triangular or log-uniform
 * parameter a step covers a fixed share of probability rather than of the range (Campolongo, Cariboni &
 * Saltelli 2007 work on the quantile scale the same way), so a parameter counts for what it does over
 * its likely values. μ* is the mean of |EE| (importance), σ their standard deviation (non-linearity or
 * interactions), μ their mean (sign).
 *
 * Randomness is an argument (`rng`, e.g. `forkRng(designSeed, "morris")`): the same rng gives the same
 * design. Not responsible for: what is evaluated (`evaluate` callback).
 */
import type { Rng } from "../engine/rng";
import type { Factor } from "./factor";
import { sortByAbs, type Point } from "./oat";

export interface MorrisOptions {
  /** Number of trajectories r (≥ 2 for σ). */
  trajectories: number;
  /** Number of grid levels p (even, ≥ 2). */
  levels: number;
  rng: Rng;
}

export interface MorrisEffect {
  parameter: string;
  /** Mean absolute elementary effect (metric units: change per low→high move). */
  mu_star: number;
  /** Mean elementary effect (signed). */
  mu: number;
  /** Standard deviation of the elementary effects (n − 1 denominator; 0 with one effect). */
  sigma: number;
  /** Number of elementary effects (= trajectories). */
  n: number;
}

/** The step in the unit cube. @example morrisDelta(4) // => 0.6666666666666666 */
export function morrisDelta(levels: number): number {
  return levels / (2 * (levels - 1));
}

/**
 * The trajectories in unit coordinates: each is k + 1 points, point j + 1 differing from point j in one
 * factor (`order[j]`) by ±Δ. Every coordinate is on the p-level grid.
 */
export function morrisTrajectories(k: number, opts: MorrisOptions): { points: number[][]; order: number[] }[] {
  const { trajectories, levels, rng } = opts;
  const delta = morrisDelta(levels);
  const starts = levels / 2; // grid points x with x + Δ ≤ 1: 0, 1/(p−1), …, 1 − Δ
  const out: { points: number[][]; order: number[] }[] = [];
  for (let t = 0; t < trajectories; t++) {
    const x = new Array<number>(k);
    const dir = new Array<number>(k);
    for (let i = 0; i < k; i++) {
      const lower = Math.floor(rng() * starts) / (levels - 1);
      dir[i] = rng() < 0.5 ? 1 : -1;
      x[i] = dir[i] > 0 ? lower : lower + delta;
    }
    const order = Array.from({ length: k }, (_, i) => i);
    for (let i = k - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const points = [x.slice()];
    for (const i of order) {
      x[i] = Math.min(Math.max(x[i] + dir[i] * delta, 0), 1);
      points.push(x.slice());
    }
    out.push({ points, order });
  }
  return out;
}

/**
 * Elementary effects of every factor, sorted by μ* (largest first).
 * @param base the base point; factors overwrite their own ids
 * @example morris({}, [linearFactor("x", 0, 2)], (p) => 3 * p.x, { trajectories: 4, levels: 4, rng: forkRng(1, "morris") })
 * // => [{ parameter: "x", mu_star: 6, mu: 6, sigma: 0, n: 4 }]
 */
export function morris(base: Point, factors: readonly Factor[], evaluate: (point: Point) => number, opts: MorrisOptions): MorrisEffect[] {
  if (!(Number.isInteger(opts.levels) && opts.levels >= 2 && opts.levels % 2 === 0)) throw new Error(`levels must be an even whole number ≥ 2 (got ${opts.levels})`);
  if (!(Number.isInteger(opts.trajectories) && opts.trajectories >= 1)) throw new Error(`trajectories must be a whole number ≥ 1 (got ${opts.trajectories})`);
  const k = factors.length;
  const effects: number[][] = factors.map(() => []);
  const pointOf = (u: readonly number[]) => {
    const p: Record<string, number> = { ...base };
    for (let i = 0; i < k; i++) p[factors[i].id] = factors[i].at(u[i]);
    return p;
  };
  for (const { points, order } of morrisTrajectories(k, opts)) {
    let before = pointOf(points[0]);
    let fBefore = evaluate(before);
    for (let j = 0; j < order.length; j++) {
      const i = order[j];
      const after = pointOf(points[j + 1]);
      const fAfter = evaluate(after);
      // A step that a whole-number grid collapses (the same value) moves nothing: its effect is 0.
      effects[i].push((fAfter - fBefore) / (points[j + 1][i] - points[j][i]));
      before = after;
      fBefore = fAfter;
    }
  }
  const rows = factors.map((f, i) => {
    const e = effects[i];
    const n = e.length;
    const mu = e.reduce((s, v) => s + v, 0) / n;
    const mu_star = e.reduce((s, v) => s + Math.abs(v), 0) / n;
    const sigma = n > 1 ? Math.sqrt(e.reduce((s, v) => s + (v - mu) * (v - mu), 0) / (n - 1)) : 0;
    return { parameter: f.id, mu_star, mu, sigma, n };
  });
  return sortByAbs(rows, (r) => r.mu_star);
}
