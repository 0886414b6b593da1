/**
 * Factors of a sensitivity analysis: a parameter id, its `low` and `high` values and a map from the unit
 * interval onto the parameter (0 → low, 1 → high, through the distribution's inverse CDF), so that the
 * analysis functions (`oneAtATime`, `morris`) can work on plain numbers and be tested on hand-made
 * functions.
 */
import type { ParameterRecord } from "../params/schema";
import { BOUND_PROBABILITIES, admissible, quantile, type Bounds } from "./distribution";

export interface Factor {
  id: string;
  /** Value at the low end (unit coordinate 0). */
  low: number;
  /** Value at the high end (unit coordinate 1). */
  high: number;
  /** The parameter's value at unit coordinate u ∈ [0, 1]; `at(0) = low`, `at(1) = high`. */
  at(u: number): number;
}

/**
 * A factor for a parameter record: u ∈ [0, 1] is mapped to the probability pLow + u (pHigh − pLow) and
 * then through the record's inverse CDF; with `bounds = "percentile"` low/high are the 5th/95th
 * percentiles, with `"range"` the ends of its span (the declared `uncertainty.min`/`max`, else the range). Whole-number parameters are snapped to their grid.
 * @example factorOf(substitutionRecord, "percentile").low // => the 5th percentile of Triangular(0, 0.15, 0.5)
 */
export function factorOf(r: ParameterRecord, bounds: Bounds): Factor {
  const [pLow, pHigh] = BOUND_PROBABILITIES[bounds];
  const at = (u: number) => admissible(r, quantile(r, pLow + Math.min(Math.max(u, 0), 1) * (pHigh - pLow)));
  return { id: r.id, low: at(0), high: at(1), at };
}

/**
 * A factor that is linear between two values (for tests and hand-made models).
 * @example linearFactor("x", 2, 4).at(0.5) // => 3
 */
export function linearFactor(id: string, low: number, high: number): Factor {
  return { id, low, high, at: (u) => low + u * (high - low) };
}

/**
 * The uncertain parameters to screen for a regime: records with an `uncertainty` field whose `regimes`
 * list (when present) includes the regime (a parameter no rule of the regime reads cannot move it).
 * Sorted by id.
 */
export function uncertainParameters(parameters: readonly ParameterRecord[], regime: string): ParameterRecord[] {
  return parameters.filter((p) => p.uncertainty !== undefined && (!p.regimes || p.regimes.includes(regime)));
}
