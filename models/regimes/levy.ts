/**
 * A levy on AI revenue paid into a creators' fund (Pasquale & Sun 2024; Senftleben 2023): training is
 * free (no exclusive right over it; lawful copies are still bought and piracy stays liable, as under
 * fair use), and every developer pays `levy.rate` of its revenue, wherever it trained, into a fund
 * that distributes it through a collective by the value of the works used. No opt-out.
 * At `levy.rate` 0 the regime is `fair-use`.
 */
import { matchingCollective } from "../economy/collective";
import { payLevy, withRevenueCharge } from "../economy/levy";
import { VOLUNTARY_PLANS } from "../economy/plan-kinds";
import type { RegimeRules } from "../economy/rules";
import { fairUseRules } from "./fair-use";
import type { Regime } from "./types";

export const levyRules: RegimeRules = {
  ...fairUseRules,
  plans: VOLUNTARY_PLANS.map(withRevenueCharge),
  collective: matchingCollective,
  // The levy rate is set by statute and never reviewed in the model.
  rateSetter: { initialRate: (p) => p.levy.rate, review: () => {} },
  afterPayments: payLevy,
};

export const levy: Regime<"levy"> = {
  id: "levy",
  label: "Levy on AI revenue",
  summary: "Training needs no permission, but AI providers pay a levy on their revenue into a fund for creators.",
  modelled:
    "Training is free as under fair use (lawful copies are bought; piracy risks damages). Every developer pays the levy rate times its revenue, wherever it trained, into a fund; a collective keeps an admin share and pays registered creators by the value their works added to the year's models, holding the money of unregistered ones.",
  overrides: {},
  rules: levyRules,
  sources: [
    { id: "pasquale-sun-2024", locator: "Part III: levy on AI providers for works used without licence" },
    { id: "senftleben-2023", locator: "The levy proposal: a general payment obligation on providers of generative AI" },
  ],
};
