/**
 * The typed view of a complete parameter assignment, read once at the start of a run so that the yearly
 * step does no string lookups. The types are generated from the parameter records
 * (`params.generated.ts`); every number the model uses comes from here, and the model files contain no
 * numbers of their own beyond structural constants (indices, 0 and 1) and stated functional forms.
 */
import { buildModelParams, type ModelParams } from "./params.generated";
import { SECTORS } from "./sectors";

export type { ModelParams, SectorParams } from "./params.generated";

/**
 * Read a complete settings object (every parameter id → value) into the typed structure.
 * @throws Error naming the first missing parameter id
 * @example readModelParams(defaults).compulsory.royaltyRate // => 0.03
 */
export function readModelParams(s: Readonly<Record<string, number>>): ModelParams {
  return buildModelParams((id) => {
    const v = s[id];
    if (typeof v !== "number" || !Number.isFinite(v)) throw new Error(`parameter ${id} is missing or not a finite number`);
    return v;
  }, SECTORS);
}
