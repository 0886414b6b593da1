/**
 * Compulsory (statutory) licence on the model of 17 U.S.C. §115: every work may be used; developers pay
 * the greater of a share of AI revenue and a per-work minimum to a collective (MLC-like), which deducts
 * an admin cost, pays matched owners and holds unmatched money before paying it out by market share.
 * Rates are set by a rate-setter (CRB) and reviewed periodically. No opt-out.
 */
import { baseRules } from "../economy/base-rules";
import { matchingCollective } from "../economy/collective";
import { STATUTORY_PLANS } from "../economy/plan-kinds";
import { crbRateSetter } from "../economy/rate-setting";
import { freeWithLawfulCopy, noFine, usDamages, type RegimeRules } from "../economy/rules";
import type { Regime } from "./types";

export const compulsoryRules: RegimeRules = {
  ...baseRules,
  plans: STATUTORY_PLANS,
  collective: matchingCollective,
  rateSetter: crbRateSetter,
  sideDealRate: () => 0,
  cellTerms(p, s, _status, out) {
    // Under the blanket licence every use is lawful once a lawful copy is held (the licence covers
    // training, not piracy: version 1 left out the copy and so made pirated copies lawful); the per-work
    // charge is set by the blanket plans.
    freeWithLawfulCopy(p, s, out);
    out.damages = usDamages(p, s);
    noFine(p, out);
  },
};

export const compulsory: Regime<"compulsory"> = {
  id: "compulsory",
  label: "Compulsory licence",
  summary: "A statutory licence lets anyone train on any work in exchange for a royalty set by a rate-setter.",
  modelled:
    "Every work can be used once a lawful copy is bought. Developers pay the greater of the royalty rate times revenue and a per-work minimum to a collective, which keeps an admin share, pays registered owners, holds unmatched money for a few years and then pays it out by market share. The rate is fixed or reviewed toward a willing-buyer/willing-seller benchmark.",
  overrides: {},
  rules: compulsoryRules,
  sources: [
    { id: "usc-17-115", locator: "§115 compulsory licence for phonorecords" },
    { id: "phonorecords-iv-settlement", locator: "Headline rate 15.1%–15.35% of service revenue" },
    { id: "mlc-unmatched-royalties", locator: "Unmatched royalties held ≥3 years, then market share" },
  ],
};
