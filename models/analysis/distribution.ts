/**
 * Quantiles of a parameter's declared uncertainty (`uncertainty` in its record): the inverse cumulative
 * distribution of a uniform, triangular or log-uniform distribution over the record's range.
 *
 * Responsible for: turning a probability into a parameter value, and a record into the `low`/`high`
 * values a sensitivity analysis swings it between. Not responsible for: checking the declaration (the
 * schema does: mode iff triangular and in range, log-uniform needs min > 0).
 */
import type { ParameterRecord } from "../params/schema";
import { inverseCdf } from "../uncertainty/inverse-cdf";
import { snapToStep } from "../uncertainty/lhs";

/** The parts of a parameter record a quantile needs. */
export type UncertainParameter = Pick<ParameterRecord, "id" | "kind" | "range" | "uncertainty">;

/**
 * The value below which a share `p` of the distribution lies, on its span (the declared
 * `uncertainty.min`..`max`, else [range.min, range.max]). A record without an uncertainty is treated as
 * uniform over its range.
 * @example quantile({ id: "x", kind: "number", range: { min: 0, max: 10, step: 1 }, uncertainty: { distribution: "uniform", reason: "" } }, 0.05) // => 0.5
 * @example quantile({ id: "x", kind: "number", range: { min: 1, max: 100, step: 1 }, uncertainty: { distribution: "log-uniform", reason: "" } }, 0.5) // => 10
 * @example quantile({ id: "x", kind: "number", range: { min: 0, max: 1, step: 0.1 }, uncertainty: { distribution: "triangular", mode: 0, reason: "" } }, 0.75) // => 0.5
 */
export function quantile(r: UncertainParameter, p: number): number {
  const q = Math.min(Math.max(p, 0), 1);
  const lo = r.uncertainty?.min ?? r.range.min, hi = r.uncertainty?.max ?? r.range.max;
  if (hi <= lo) return lo;
  return inverseCdf(r.uncertainty ?? { distribution: "uniform", reason: "no declared uncertainty" }, lo, hi, q);
}

/**
 * A value the model accepts for the record: whole-number and switch parameters snapped to the step grid
 * (min + k·step), everything clamped to the range.
 * @example admissible({ id: "x", kind: "integer", range: { min: 1, max: 10, step: 1 } }, 3.6) // => 4
 */
export function admissible(r: Pick<ParameterRecord, "kind" | "range">, v: number): number {
  const { min, max } = r.range;
  return r.kind === "number" ? Math.min(Math.max(v, min), max) : snapToStep(v, r.range);
}

/** Which values a sensitivity analysis swings a parameter between. */
export type Bounds = "percentile" | "range";

/** The probabilities of `low` and `high`: the 5th and 95th percentiles, or the ends of the range. */
export const BOUND_PROBABILITIES: Record<Bounds, readonly [number, number]> = { percentile: [0.05, 0.95], range: [0, 1] };
