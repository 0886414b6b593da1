/** Step: the year's exogenous trends. */
import { setDemandYear } from "../demand";
import type { Step } from "./step";
import { exp, pow } from "../../engine/math";

/** Opt-out declarations ramp up linearly over `optout.ramp_years` (all at once at 0). */
export function optOutRamp(rampYears: number, t: number): number {
  return rampYears > 0 ? Math.min(1, (t + 1) / rampYears) : 1;
}

/**
 * Growth of every developer's fixed cost in year t over the first year: (1 + g_F)^{t(1 − ε)} (Π_{t−1} / Π_0)^ε, with
 * Π the industry's gross operating margin (`developers.fixed_cost_escalation` ε; 1 when Π_0 is not positive).
 * @example fixedCostGrowth(0.2, 0, 1, 1) // => 1.2
 */
export function fixedCostGrowth(g: number, escalation: number, t: number, marginRatio: number): number {
  return pow(1 + g, t * (1 - escalation)) * pow(Math.max(0, marginRatio), escalation);
}

/**
 * The latest industry margin over the first year's, Π_last / Π_0 (1 before the first market step, or when Π_0 is
 * not positive): Π_{t−1} / Π_0 at the start of year t, Π_t / Π_0 once year t's market has run.
 */
export function marginRatio(w: { margin0: number; marginLast: number }): number {
  return w.margin0 > 0 ? w.marginLast / w.margin0 : 1;
}

export const trends: Step = {
  name: "trends",
  summary: "Potential users grow on a declining adoption path; inference cost falls; the technical-progress trend and the tokens training runs can use grow; developers' fixed costs grow at `developers.fixed_cost_growth` and follow last year's industry margin by `developers.fixed_cost_escalation`; AI substitution of creators' sales ramps in over `market.substitution_years`; opt-out declarations ramp in over `optout.ramp_years`.",
  run(w) {
    const { p, t } = w;
    setDemandYear(p, t, w.dy);
    w.growth = fixedCostGrowth(p.developers.fixedCostGrowth, p.developers.fixedCostEscalation, t, marginRatio(w));
    w.ramp = 1 - exp(-(t + 1) / p.market.substitutionYears);
    w.nextRamp = optOutRamp(p.optout.rampYears, t + 1);
    w.hasNextYear = t + 1 < w.years;
  },
};
