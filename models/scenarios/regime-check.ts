/**
 * Checking regime ids (kept apart from the scenario parser so that pages can use it without loading
 * the YAML parser and the schemas).
 */
import { REGIME_BY_ID, REGIME_IDS } from "../regimes/index";
import { nearest } from "../params/nearest";

/** Check regime ids; one message per unknown id, with the nearest valid id. */
export function checkRegimes(ids: readonly string[], where = "regime"): string[] {
  return ids
    .filter((id) => !REGIME_BY_ID.has(id))
    .map((id) => {
      const near = nearest(id, REGIME_IDS);
      return `${where}: unknown regime ${JSON.stringify(id)}${near ? ` (did you mean "${near}"?)` : ""} (allowed: ${REGIME_IDS.join(", ")})`;
    });
}

