/**
 * The shapes the uncertainty sampler reads: the `uncertainty` field of a parameter record (its schema
 * is in params/schema.ts) and the few record fields a draw needs, so a test fixture can stand in for a
 * registry record.
 */
import type { ParameterRecord } from "../params/schema";

/**
 * How a parameter's value is uncertain over its declared range (`range.min`..`range.max`, or the
 * narrower `min`..`max` it declares): the
 * distribution a draw comes from, its mode for a triangular one, and why (the record's schema).
 */
export type UncertaintySpec = NonNullable<ParameterRecord["uncertainty"]>;

/** The fields of a parameter record that the sampler uses. */
export interface UncertainRecord {
  id: string;
  default: number;
  /** `integer` and `switch` draws are snapped to the step grid; `number` draws are not. */
  kind?: string;
  /** `policy` levers and `simulation` settings are never drawn, whatever they declare. */
  group?: string;
  range: { min: number; max: number; step?: number };
  uncertainty?: UncertaintySpec;
}

/** The record's uncertainty, if it declares one (a typed read of an optional field). */
export function uncertaintyOf(record: object): UncertaintySpec | undefined {
  return (record as { uncertainty?: UncertaintySpec }).uncertainty;
}

/**
 * The span a draw comes from: the declared `uncertainty.min`/`max` where given (a plausible span narrower
 * than the slider), else the record's range.
 * @example drawBounds({ id: "a", default: 1, range: { min: 0, max: 10 }, uncertainty: { distribution: "uniform", max: 4, reason: "r" } }) // => { min: 0, max: 4 }
 */
export function drawBounds(record: UncertainRecord): { min: number; max: number } {
  const u = uncertaintyOf(record);
  return { min: u?.min ?? record.range.min, max: u?.max ?? record.range.max };
}
