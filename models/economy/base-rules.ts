/**
 * The defaults every regime starts from (PolicyEngine's baseline law): no opt-out effect, the voluntary
 * plans, voluntary side deals, no compliance cost, no fines, no collective or rate-setter. A regime
 * spreads these and replaces the hooks it changes; it must always supply `cellTerms`.
 */
import { VOLUNTARY_PLANS } from "./plan-kinds";
import type { RegimeRules } from "./rules";

export const baseRules: Omit<RegimeRules, "cellTerms"> = {
  optOutBinding: () => 0,
  plans: VOLUNTARY_PLANS,
  sideDealRate: (p) => p.market.sideDealRate,
  compliancePerDeveloper: () => 0,
  fineRate: () => 0,
  fineDetection: () => 0,
  // US copyright is territorial: training abroad escapes home training rules (an assumption, `offshore.training_territorial`).
  offshoreEscapes: (p) => p.offshore.trainingTerritorial,
};
