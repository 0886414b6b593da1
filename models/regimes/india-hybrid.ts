/**
 * India's hybrid model (DPIIT working paper, Part 1, 8 Dec 2025; a proposal, not law): a mandatory
 * blanket licence to train on any lawfully accessed work, with no opt-out, for a royalty that is a
 * fixed share of commercial revenue set by a government committee and reviewed every three years,
 * retroactive to models already commercialised, collected centrally and apportioned across classes of
 * works by the developers' dataset summaries. Indian law has no statutory damages. The economics are
 * in `economy/retroactive.ts`.
 */
import { blanketAtRate, type PlanKind } from "../economy/plan-kinds";
import { committeeRateSetter, retroactiveRoyalties, summaryCollective } from "../economy/retroactive";
import { actualDamages, freeWithLawfulCopy, noFine, type RegimeRules } from "../economy/rules";
import { baseRules } from "../economy/base-rules";
import type { Regime } from "./types";

/** The blanket licence at the committee's rate on revenue, with no per-work minimum. */
const blanketOnRevenue: PlanKind = {
  name: blanketAtRate.name,
  applies: blanketAtRate.applies,
  fill(w, plan) {
    blanketAtRate.fill(w, plan);
    plan.perWorkMin = 0;
  },
};

export const indiaRules: RegimeRules = {
  ...baseRules,
  // Mandatory: the royalty is owed on revenue by law, so taking no licence is not an option (unlike §115).
  plans: [blanketOnRevenue],
  collective: summaryCollective,
  rateSetter: committeeRateSetter,
  sideDealRate: () => 0,
  // The royalty falls on revenue from AI services sold in India, wherever the model was trained (an assumption).
  offshoreEscapes: () => false,
  cellTerms(p, s, _status, out) {
    // Lawful access is required: the licence covers training, not piracy.
    freeWithLawfulCopy(p, s, out);
    out.damages = actualDamages(p, s);
    noFine(p, out);
  },
  afterPayments: retroactiveRoyalties,
};

export const indiaHybrid: Regime<"india-hybrid"> = {
  id: "india-hybrid",
  label: "India hybrid model",
  summary: "A mandatory blanket licence with no opt-out: developers pay a share of revenue set by a government committee, also on past revenue.",
  modelled:
    "From the start year every work can be used once a lawful copy is bought, for the committee's royalty on revenue, reviewed every three years; in that year developers also pay the royalty on the revenue they earned before. A collective divides the money by the works each developer declares it used, keeps an admin share, pays registered owners and holds the rest. No opt-out; unlicensed use risks only actual damages.",
  overrides: {},
  rules: indiaRules,
  sources: [
    { id: "india-dpiit-working-paper-2025", locator: "Part 1: mandatory blanket licence, committee rate, three-year reviews, retroactivity" },
  ],
};
