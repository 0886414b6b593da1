/**
 * Latin-hypercube designs over the parameters that declare an uncertainty (McKay, Beckman & Conover
 * 1979): with n draws, each parameter's range is cut into n strata of equal probability and every stratum
 * is used exactly once, in an order shuffled independently per parameter. Far fewer draws than plain
 * random sampling cover every range evenly.
 *
 * Responsible for: which parameters are drawn, the design, and the values of each draw. Not responsible
 * for: validating the resulting settings (the caller runs them through `validateSettings`) or running them.
 * Deterministic: randomness comes only from `forkRng(seed, "lhs/<parameter id>")`, one stream per
 * parameter, so adding a parameter to the design does not move the values drawn for the others.
 */
import { forkRng, type Rng } from "../engine/rng";
import { inverseCdf, specProblems } from "./inverse-cdf";
import { drawBounds, uncertaintyOf, type UncertainRecord } from "./types";

/**
 * One column of a Latin hypercube: n numbers in [0, 1), exactly one in each stratum [i/n, (i+1)/n),
 * in a random order. Uses n − 1 draws for the shuffle (Fisher–Yates), then n for the jitter within strata.
 * @example latinColumn(4, makeRng(1)).map((u) => Math.floor(u * 4)).sort() // => [0, 1, 2, 3]
 */
export function latinColumn(n: number, rng: Rng): Float64Array {
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = perm[i];
    perm[i] = perm[j];
    perm[j] = t;
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = (perm[i] + rng()) / n;
  return out;
}

/** Snap a value to the record's step grid (min + k·step) within its range. @example snapToStep(7.4, { min: 1, max: 10, step: 3 }) // => 7 */
export function snapToStep(v: number, range: { min: number; max: number; step?: number }): number {
  const step = range.step;
  if (!step) return v;
  const k = Math.round((v - range.min) / step);
  const kmax = Math.floor((range.max - range.min) / step + 1e-9);
  return range.min + Math.min(Math.max(k, 0), kmax) * step;
}

/** The records that are drawn: they declare an uncertainty, are not policy levers or run settings, and are not fixed. */
export function uncertainRecords<R extends UncertainRecord>(records: readonly R[], fixed: ReadonlySet<string> = new Set()): R[] {
  return records.filter((r) => uncertaintyOf(r) !== undefined && r.group !== "policy" && r.group !== "simulation" && !fixed.has(r.id));
}

export interface LhsDesign {
  /** The drawn parameter ids, in the order of the records given. */
  ids: string[];
  /** `draws[d][id]`: the value of parameter `id` in draw d (0-based), for every drawn id. */
  draws: Record<string, number>[];
  /** Problems with the declarations (the design is empty when there are any). */
  problems: string[];
}

/**
 * A Latin-hypercube design of `n` draws over the uncertain parameters among `records`, leaving out those in
 * `fixed` (parameters the user set explicitly keep their value in every draw). Integer and switch
 * parameters are snapped to their step grid.
 * @example latinHypercube(records, 10, 1).draws.length // => 10
 */
export function latinHypercube(records: readonly UncertainRecord[], n: number, seed: number, fixed: ReadonlySet<string> = new Set()): LhsDesign {
  const chosen = uncertainRecords(records, fixed);
  const problems = chosen.flatMap((r) => { const b = drawBounds(r); return specProblems(r.id, uncertaintyOf(r)!, b.min, b.max); });
  if (problems.length) return { ids: [], draws: [], problems };
  const draws: Record<string, number>[] = Array.from({ length: n }, () => ({}));
  for (const r of chosen) {
    const spec = uncertaintyOf(r)!;
    const col = latinColumn(n, forkRng(seed, `lhs/${r.id}`));
    const grid = r.kind === "integer" || r.kind === "switch";
    const b = drawBounds(r);
    for (let d = 0; d < n; d++) {
      const v = inverseCdf(spec, b.min, b.max, col[d]);
      draws[d][r.id] = grid ? snapToStep(v, r.range) : Math.min(Math.max(v, b.min), b.max);
    }
  }
  return { ids: chosen.map((r) => r.id), draws, problems };
}
