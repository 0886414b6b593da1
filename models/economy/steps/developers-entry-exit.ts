/**
 * Step: developers exit and enter, effective next year.
 *
 * A developer exits after `developers.exit_patience` consecutive loss years. Up to
 * `developers.entry_attempts` small developers a year consider entering: each evaluates its best plan
 * against today's rivals (their inclusive values at today's prices, its own price at the small
 * developers' mean or a start price), with next year's users and fixed costs, and enters if expected
 * profit is positive. Two draws per attempt from the `entry` stream, used or not (common random numbers).
 */
import { normal } from "../../engine/rng";
import { choose } from "../choose";
import { startPrice, inclusiveValues, usersIndex } from "../demand";
import { TIER, addDeveloper } from "../developers";
import type { World } from "../world-state";
import { fillView } from "../view";
import type { Step } from "./step";

function exits(w: World): void {
  const { dev, p } = w;
  for (let i = 0; i < dev.count; i++) if (dev.active[i] && dev.lossYears[i] >= p.developers.exitPatience) dev.active[i] = 0;
}

/** The price an entrant expects: the mean price of active small developers, or a start price. */
function entrantPrice(w: World): number {
  const { dev } = w;
  let sum = 0, n = 0;
  for (let i = 0; i < dev.count; i++) if (dev.active[i] && dev.tier[i] === TIER.small) {
    sum += dev.price[i];
    n++;
  }
  return n > 0 ? sum / n : startPrice(w.dy);
}

function entries(w: World): void {
  const { dev, p, t, choice, view, mk } = w;
  const rng = w.rng.entry;
  const usersNext = usersIndex(p, t + 1) / usersIndex(p, t);
  const growthNext = (1 + p.developers.fixedCostGrowth) ** (t + 1);
  const price = entrantPrice(w);
  mk.n = dev.count;
  inclusiveValues(w.dy, mk);
  for (let k = 0; k < p.developers.entryAttempts; k++) {
    const z = normal(rng);
    rng();
    if (!w.hasNextYear || dev.count >= dev.capacity) continue;
    const i = addDeveloper(dev, p, TIER.small, z, w.run.tierRef);
    dev.active[i] = 0; // not yet a rival of itself or of this year's other entrants
    dev.price[i] = price;
    fillView(w, i, view);
    for (let g = 0; g < view.users.length; g++) view.users[g] *= usersNext;
    view.fixed = dev.fixedCost[i] * growthNext;
    let bestProfit = -Infinity;
    for (const plan of w.plans) {
      choose(plan, view, choice);
      bestProfit = Math.max(bestProfit, choice.profit - view.fixed);
    }
    if (bestProfit > 0) {
      dev.active[i] = 1;
      dev.value[i] = 1;
    } else dev.count--; // not viable: the slot is released
  }
}

export const developersEntryExit: Step = {
  name: "developers enter and exit",
  summary: "Developers with too many loss years leave; small entrants join when their best plan, priced against today's rivals with next year's users and costs, would be profitable. Both take effect next year.",
  run(w) {
    exits(w);
    entries(w);
  },
};
