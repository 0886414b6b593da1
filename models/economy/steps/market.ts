/** Step: the market outcome of the year's choices. */
import { aiRevenuePool } from "../market";
import type { Step } from "./step";

export const market: Step = {
  name: "market",
  summary: "The AI revenue pool follows model quality (the market-share weighted corpus factor); each developer's revenue share is its market weight over the total.",
  run(w) {
    const { dev } = w;
    w.pool = aiRevenuePool(w.p, w.t, w.quality, w.run.filterRevenueLoss);
    let totalW = 0;
    let n = 0;
    for (let i = 0; i < dev.count; i++) if (dev.active[i]) {
      totalW += dev.marketWeight[i];
      n++;
    }
    w.totalWeight = totalW;
    w.activeDevelopers = n;
  },
};
