/** Step: the year's exogenous trends. */
import { aiRevenuePool } from "../market";
import type { Step } from "./step";

/** Opt-out declarations ramp up linearly over `optout.ramp_years` (all at once at 0). */
export function optOutRamp(rampYears: number, t: number): number {
  return rampYears > 0 ? Math.min(1, (t + 1) / rampYears) : 1;
}

export const trends: Step = {
  name: "trends",
  summary: "The baseline AI revenue pool grows at a constant rate; AI substitution of creators' sales ramps in over `market.substitution_years`; opt-out declarations ramp in over `optout.ramp_years`.",
  run(w) {
    const { p, t } = w;
    w.growth = (1 + p.market.aiRevenueGrowth) ** t;
    w.baselinePool = aiRevenuePool(p, t, 1, 0);
    w.ramp = 1 - Math.exp(-(t + 1) / p.market.substitutionYears);
    w.nextRamp = optOutRamp(p.optout.rampYears, t + 1);
    w.hasNextYear = t + 1 < w.years;
  },
};
