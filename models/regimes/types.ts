/**
 * A legal regime: a parametric part (parameter overrides) and a structural part (the rule hooks it
 * replaces), with the sources that define it. One file per regime.
 */
import type { RegimeRules } from "../economy/rules";
import type { SourceRef } from "../params/schema";

/** The regime ids and their type are derived from the list of regimes in `index.ts`. */
export { DEFAULT_REGIME_IDS, REGIME_IDS, type RegimeId } from "./index";

export interface Regime<Id extends string = string> {
  /** Public id (part of the interface: URLs, the CLI, scenario files). */
  id: Id;
  label: string;
  /** One sentence: what the law is. */
  summary: string;
  /** What changes in the model, in plain words. */
  modelled: string;
  /** Parameter values this regime fixes before user settings are applied (none needs any today). */
  overrides: Record<string, number>;
  rules: RegimeRules;
  sources: SourceRef[];
}
