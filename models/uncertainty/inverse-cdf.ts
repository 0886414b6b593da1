/**
 * Inverse cumulative distribution functions over a parameter's range: a uniform number `u` in [0, 1)
 * becomes a value with the declared distribution. Pure arithmetic; no randomness here.
 */
import type { UncertaintySpec } from "./types";
import { exp, log } from "../engine/math";

/**
 * The value at cumulative probability `u` of the distribution on [min, max].
 * - uniform: min + u (max − min)
 * - triangular (mode c): min + √(u (max − min)(c − min)) below F(c) = (c − min)/(max − min), else
 *   max − √((1 − u)(max − min)(max − c))
 * - log-uniform (min > 0): min · (max/min)^u, i.e. uniform in log(value)
 * @example inverseCdf({ distribution: "uniform", reason: "r" }, 0, 10, 0.25) // => 2.5
 * @example inverseCdf({ distribution: "triangular", mode: 0, reason: "r" }, 0, 1, 0.75) // => 0.5
 * @example inverseCdf({ distribution: "log-uniform", reason: "r" }, 1, 100, 0.5) // => 10
 */
export function inverseCdf(spec: UncertaintySpec, min: number, max: number, u: number): number {
  const w = max - min;
  if (spec.distribution === "uniform") return min + u * w;
  if (spec.distribution === "log-uniform") return exp(log(min) + u * (log(max) - log(min)));
  const c = spec.mode ?? min;
  if (w === 0) return min;
  const fc = (c - min) / w;
  return u < fc ? min + Math.sqrt(u * w * (c - min)) : max - Math.sqrt((1 - u) * w * (max - c));
}

/** Problems with a record's uncertainty declaration (empty when it is usable), each naming the record. */
export function specProblems(id: string, spec: UncertaintySpec, min: number, max: number): string[] {
  const out: string[] = [];
  if (!["uniform", "triangular", "log-uniform"].includes(spec.distribution))
    out.push(`${id}: uncertainty.distribution ${JSON.stringify(spec.distribution)} is not valid (allowed: uniform, triangular, log-uniform)`);
  if (spec.distribution === "triangular") {
    if (spec.mode === undefined) out.push(`${id}: a triangular uncertainty needs a mode within ${min} to ${max}`);
    else if (!(spec.mode >= min && spec.mode <= max)) out.push(`${id}: uncertainty.mode ${spec.mode} is outside the range ${min} to ${max}`);
  } else if (spec.mode !== undefined) out.push(`${id}: uncertainty.mode is only for a triangular distribution`);
  if (spec.distribution === "log-uniform" && !(min > 0)) out.push(`${id}: a log-uniform uncertainty needs range.min > 0 (it is ${min})`);
  return out;
}
