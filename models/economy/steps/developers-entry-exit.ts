/**
 * Step: developers exit and enter, effective next year.
 *
 * A developer exits after `developers.exit_patience` consecutive loss years. Up to
 * `developers.entry_attempts` small developers a year consider entering: each evaluates its best plan
 * at next year's pool (at today's quality) against today's rivals, and enters if expected profit is
 * positive. Two draws per attempt from the `entry` stream, used or not (common random numbers).
 */
import { normal } from "../../engine/rng";
import { choose } from "../choose";
import { TIER, addDeveloper } from "../developers";
import { aiRevenuePool } from "../market";
import type { World } from "../world-state";
import type { Step } from "./step";

function exits(w: World): number {
  const { dev, p } = w;
  let activeW = 0;
  for (let i = 0; i < dev.count; i++) {
    if (dev.active[i] && dev.lossYears[i] >= p.developers.exitPatience) dev.active[i] = 0;
    if (dev.active[i]) activeW += dev.marketWeight[i];
  }
  return activeW;
}

function entries(w: World, activeW: number): void {
  const { dev, p, t, choice } = w;
  const rng = w.rng.entry;
  const nextPool = aiRevenuePool(p, t + 1, w.quality, w.run.filterRevenueLoss);
  const nextGrowth = (1 + p.market.aiRevenueGrowth) ** (t + 1);
  for (let k = 0; k < p.developers.entryAttempts; k++) {
    const z = normal(rng);
    rng();
    if (!w.hasNextYear || dev.count >= dev.capacity) continue;
    const i = addDeveloper(dev, p, TIER.small, z, w.run.refWeight);
    let bestProfit = -Infinity;
    for (const plan of w.plans) {
      choose(plan, dev.scaleWeight[i], activeW, nextPool, w.run.a, choice);
      bestProfit = Math.max(bestProfit, choice.profit - dev.fixedCost[i] * nextGrowth);
    }
    if (bestProfit > 0) {
      dev.value[i] = 1;
      dev.marketWeight[i] = dev.scaleWeight[i];
      activeW += dev.marketWeight[i];
    } else dev.count--; // not viable: the slot is released
  }
}

export const developersEntryExit: Step = {
  name: "developers enter and exit",
  summary: "Developers with too many loss years leave; small entrants join when their best plan would be profitable next year. Both take effect next year.",
  run(w) {
    entries(w, exits(w));
  },
};
