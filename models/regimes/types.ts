/**
 * A legal regime: a parametric part (parameter overrides) and a structural part (the rule hooks it
 * replaces), with the sources that define it. One file per regime.
 */
import type { RegimeRules } from "../economy/rules";
import type { SourceRef } from "../params/schema";

export const REGIME_IDS = ["fair-use", "japan-30-4", "eu-opt-out", "licensing", "compulsory"] as const;
export type RegimeId = (typeof REGIME_IDS)[number];

export interface Regime {
  id: RegimeId;
  label: string;
  /** One sentence: what the law is. */
  summary: string;
  /** What changes in the model, in plain words. */
  modelled: string;
  /** Parameter values this regime fixes before user settings are applied (none of the five needs any today). */
  overrides: Record<string, number>;
  rules: RegimeRules;
  sources: SourceRef[];
}
