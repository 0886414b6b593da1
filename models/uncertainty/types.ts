/**
 * The shapes the uncertainty sampler reads. Declared structurally here, not imported from the parameter
 * schema, so the sampler accepts any record with these fields (the registry's `ParameterRecord`, or a
 * test fixture) whether or not the schema in use declares `uncertainty` yet.
 */

/**
 * How a parameter's value is uncertain over its declared range (`range.min`..`range.max`): the
 * distribution a draw comes from, its mode for a triangular one, and why the range is what it is.
 */
export interface UncertaintySpec {
  distribution: "uniform" | "triangular" | "log-uniform";
  /** Required for (and only for) `triangular`; within the range. */
  mode?: number;
  reason: string;
}

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
