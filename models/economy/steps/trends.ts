/** Step: the year's exogenous trends. */
import { setDemandYear } from "../demand";
import type { Step } from "./step";
import { exp, pow } from "../../engine/math";

/** Opt-out declarations ramp up linearly over `optout.ramp_years` (all at once at 0). */
export function optOutRamp(rampYears: number, t: number): number {
  return rampYears > 0 ? Math.min(1, (t + 1) / rampYears) : 1;
}

export const trends: Step = {
  name: "trends",
  summary: "Potential users grow on a declining adoption path; inference cost falls; the technical-progress trend and the tokens training runs can use grow; developers' fixed costs grow at `developers.fixed_cost_growth`; AI substitution of creators' sales ramps in over `market.substitution_years`; opt-out declarations ramp in over `optout.ramp_years`.",
  run(w) {
    const { p, t } = w;
    setDemandYear(p, t, w.dy);
    w.growth = pow(1 + p.developers.fixedCostGrowth, t);
    w.ramp = 1 - exp(-(t + 1) / p.market.substitutionYears);
    w.nextRamp = optOutRamp(p.optout.rampYears, t + 1);
    w.hasNextYear = t + 1 < w.years;
  },
};
