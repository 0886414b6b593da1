/**
 * The US today: no appellate court has ruled on fair use for AI training (Bartz and Kadrey found fair
 * use in district court on different reasoning; Thomson Reuters v. Ross, a non-generative case, found
 * none and is on appeal). Developers act under a probability `us.fair_use_probability` that fair use
 * prevails, settled in `us.decision_year`; then the law is fair use, or the follow-on regime
 * `us.follow_on` (licensing only, or a compulsory licence), and training done before an infringement
 * holding is paid for as past infringement. The economics are in `economy/ruling.ts`.
 *
 * The ruling is one draw per seed from its own stream, so an ensemble over seeds shows both worlds in
 * the proportion p (and the quantile bands their spread); a single seed shows one of them.
 */
import { matchingCollective } from "../economy/collective";
import type { ModelParams } from "../economy/params";
import { PRE_RULING_PLANS, accrueExposure, sideDealsIgnoringOptOuts, payPastInfringement, phasedPlans, rulesAfterRuling } from "../economy/ruling";
import type { RegimeRules } from "../economy/rules";
import type { World } from "../economy/world-state";
import { compulsoryRules } from "./compulsory";
import { fairUseRules } from "./fair-use";
import { licensingRules } from "./licensing";
import type { Regime } from "./types";

/** `us.follow_on`: 0 licensing only, 1 a compulsory licence. */
export const FOLLOW_ON = { licensing: 0, compulsory: 1 } as const;

const followOn = (p: ModelParams): RegimeRules => (p.us.followOn === FOLLOW_ON.compulsory ? compulsoryRules : licensingRules);

/** Every list of plans the law in force may have: before the ruling, fair use, either follow-on. */
const CANDIDATE_LAWS = [PRE_RULING_PLANS, fairUseRules.plans, licensingRules.plans, compulsoryRules.plans];

const plansInForce = (w: World) => (w.rules === usUncertainRules ? PRE_RULING_PLANS : w.rules.plans);

export const usUncertainRules: RegimeRules = {
  ...fairUseRules,
  plans: phasedPlans(plansInForce, (w) => [PRE_RULING_PLANS, fairUseRules.plans, followOn(w.p).plans], CANDIDATE_LAWS),
  // Opt-outs have no legal effect before the ruling or under fair use; they bind if licensing follows an
  // infringement holding (the model decides once per run which bind, so they are declared from the start).
  optOutBinding: (p) => (p.us.fairUseProbability < 1 ? followOn(p).optOutBinding(p) : 0),
  // Creators may register with a collective from the start; it pays only if a compulsory licence follows.
  collective: matchingCollective,
  inForce: (w) => rulesAfterRuling(w, usUncertainRules, fairUseRules, followOn(w.p)),
  afterPayments(w) {
    // Under fair use's terms an opt-out changes nothing, not even who gets the side deals.
    if (w.rules === usUncertainRules || w.rules === fairUseRules) sideDealsIgnoringOptOuts(w);
    accrueExposure(w);
  },
  afterCourts: payPastInfringement,
};

export const usUncertain: Regime<"us-uncertain"> = {
  id: "us-uncertain",
  label: "US fair use undecided",
  summary: "Nobody knows yet whether US courts will hold AI training to be fair use; developers act under that risk until they rule.",
  modelled:
    "Until the decision year, training on bought copies is lawful for now but carries the chance that it becomes past infringement, and developers price that risk into their corpora. Then the courts rule, by one random draw per seed: fair use, or infringement followed by licensing only or a compulsory licence; after an infringement holding, developers pay damages for the training they did before it, once per work, up to what they can pay (a share of their revenue that year).",
  overrides: {},
  rules: usUncertainRules,
  sources: [
    { id: "bartz-v-anthropic-order", locator: "Order on fair use, 23 June 2025" },
    { id: "kadrey-v-meta", locator: "Order on summary judgment, 25 June 2025" },
    { id: "thomson-reuters-v-ross", locator: "Interlocutory appeal argued in the Third Circuit, 11 June 2026" },
    { id: "usco-part-3-2025", locator: "Voluntary licensing should develop; ECL the fallback; concerns about compulsory licensing" },
  ],
};
