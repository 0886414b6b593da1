/**
 * Quantiles of a parameter's declared uncertainty (`uncertainty` in its record): the inverse cumulative
 * distribution of a uniform, triangular or log-uniform distribution over the record's range.
 *
 * Responsible for: turning a probability into a parameter value, and a record into the `low`/`high`
 * values a sensitivity analysis swings it between. Not responsible for: checking the declaration (the
 * schema does: mode iff triangular and in range, log-uniform needs min > 0).
 */
import type { ParameterRecord } from "../params/schema";

/** The parts of a parameter record a quantile needs. */
export type UncertainParameter = Pick<ParameterRecord, "id" | "kind" | "range" | "uncertainty">;

/**
 * The value below which a share `p` of the distribution lies, on [range.min, range.max]. A record
 * without an uncertainty is treated as uniform over its range.
 * @example quantile({ id: "x", kind: "number", range: { min: 0, max: 10, step: 1 }, uncertainty: { distribution: "uniform", reason: "" } }, 0.05) // => 0.5
 * @example quantile({ id: "x", kind: "number", range: { min: 1, max: 100, step: 1 }, uncertainty: { distribution: "log-uniform", reason: "" } }, 0.5) // => 10
 * @example quantile({ id: "x", kind: "number", range: { min: 0, max: 1, step: 0.1 }, uncertainty: { distribution: "triangular", mode: 0, reason: "" } }, 0.75) // => 0.5
 */
export function quantile(r: UncertainParameter, p: number): number {
  const a = r.range.min, b = r.range.max;
  const q = Math.min(Math.max(p, 0), 1);
  if (b <= a) return a;
  const u = r.uncertainty;
  if (!u || u.distribution === "uniform") return a + q * (b - a);
  if (u.distribution === "log-uniform") return a * Math.pow(b / a, q);
  // Triangular(a, c, b): F(c) = (c − a)/(b − a); invert each side of the mode.
  const c = u.mode ?? a;
  const fc = (c - a) / (b - a);
  return q <= fc ? a + Math.sqrt(q * (b - a) * (c - a)) : b - Math.sqrt((1 - q) * (b - a) * (b - c));
}

/**
 * A value the model accepts for the record: whole-number and switch parameters snapped to the step grid
 * (min + k·step), everything clamped to the range.
 * @example admissible({ id: "x", kind: "integer", range: { min: 1, max: 10, step: 1 } }, 3.6) // => 4
 */
export function admissible(r: Pick<ParameterRecord, "kind" | "range">, v: number): number {
  const { min, max, step } = r.range;
  if (r.kind === "number") return Math.min(Math.max(v, min), max);
  const k = Math.round((v - min) / step);
  const kmax = Math.floor((max - min) / step + 1e-9);
  return min + Math.min(Math.max(k, 0), kmax) * step;
}

/** Which values a sensitivity analysis swings a parameter between. */
export type Bounds = "percentile" | "range";

/** The probabilities of `low` and `high`: the 5th and 95th percentiles, or the ends of the range. */
export const BOUND_PROBABILITIES: Record<Bounds, readonly [number, number]> = { percentile: [0.05, 0.95], range: [0, 1] };
