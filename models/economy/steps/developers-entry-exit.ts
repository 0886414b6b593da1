/**
 * Step: developers exit and enter, effective next year.
 *
 * Exit: a developer leaves after `developers.exit_patience` consecutive loss years.
 *
 * Entry is free, with a fixed cost. Up to `developers.entry_attempts` small developers a year consider
 * entering, one after another. Each evaluates its best plan against today's rivals (their inclusive
 * values at today's prices) and against the entrants admitted before it this year, with next year's
 * users and fixed costs, its own price at the small developers' mean (or a start price). Its expected
 * profit is the plan's operating profit (revenue net of charges, inference and data costs) minus its
 * free users' inference cost κ c q^f and its fixed cost F (training runs, staff):
 *   π_E = max over plans [((1 − ρ_o) p − c) q(V) − cost(V)] − κ c q^f − F.
 * It enters if π_E > 0. An entrant's fixed cost is set like a small incumbent's (the small tier's margin
 * in the 2025 reference equilibrium, times its lognormal cost shock). Every entrant makes the next one
 * less profitable, and data costs lower π_E. Known limit: in a plain logit each new model brings its
 * own taste shock (love of variety, the IIA property), so a market growing faster than fixed costs keeps
 * room for more small entrants. With prices as best responses (prices.ts) profit does bound entry once
 * the market matures: at the defaults (every regime, seeds 1–3) 413 of 540 candidates enter, every one
 * until about 2031, fewer later, and exits follow (2035 medians 47–57 developers against a ceiling of 60).
 * Until about 2031 the yearly number of candidates, not profit, still bounds entry; a nested logit (one
 * nest for AI services) or rising entry costs would remove that, and is not done. Two draws per attempt
 * from the `entry` stream, used or not (common random numbers).
 */
import { normal } from "../../engine/rng";
import { choose, copyChoice } from "../choose";
import { N_SEGMENTS, effectiveData, startPrices, inclusiveValues, usersIndex } from "../demand";
import { TIER, addDeveloper } from "../developers";
import type { World } from "../world-state";
import { fillView } from "../view";
import type { Step } from "./step";
import { exp, pow } from "../../engine/math";

function exits(w: World): void {
  const { dev, p } = w;
  for (let i = 0; i < dev.count; i++) if (dev.active[i] && dev.lossYears[i] >= p.developers.exitPatience) dev.active[i] = 0;
}

/** The prices an entrant in slot e expects: each segment's mean price of active small developers (and their mean), or start prices. */
function entrantPrices(w: World, e: number): void {
  const { dev } = w;
  let n = 0, mean = 0;
  const sp = dev.segPrice;
  for (let g = 0; g < N_SEGMENTS; g++) sp[e * N_SEGMENTS + g] = 0;
  for (let i = 0; i < dev.count; i++) if (i !== e && dev.active[i] && dev.tier[i] === TIER.small) {
    for (let g = 0; g < N_SEGMENTS; g++) sp[e * N_SEGMENTS + g] += sp[i * N_SEGMENTS + g];
    mean += dev.price[i];
    n++;
  }
  if (n === 0) return startPrices(w.dy, w.mk, e);
  for (let g = 0; g < N_SEGMENTS; g++) sp[e * N_SEGMENTS + g] /= n;
  dev.price[e] = mean / n;
}

/**
 * Free users' inference cost of an entrant with corpus value v, and (as a side effect, when `admit`)
 * its paid and free e^{δ} added to the rivals' totals that later candidates see.
 */
function entrantFreeCost(w: World, v: number, admit: boolean): number {
  const { view, dy, mk } = w;
  const f = pow(effectiveData(v, view.tokens, view.rStar, view.sigma) / view.dRef, view.thetaAlpha);
  let cost = 0;
  for (let g = 0; g < view.users.length; g++) {
    const e = view.a[g] * f;
    const free = dy.freeFactor * e * exp(dy.alpha[g] * view.prices[g]);
    cost += (dy.freeCost * view.users[g] * free) / (1 + view.rivals[g] + e + free);
    if (admit) mk.total[g] += e + free;
  }
  return cost;
}

function entries(w: World): void {
  const { dev, p, t, choice, best, view, mk } = w;
  const rng = w.rng.entry;
  const usersNext = usersIndex(p, t + 1) / usersIndex(p, t);
  const growthNext = pow(1 + p.developers.fixedCostGrowth, t + 1);
  mk.n = dev.count;
  inclusiveValues(w.dy, mk);
  for (let k = 0; k < p.developers.entryAttempts; k++) {
    const z = normal(rng);
    rng();
    if (!w.hasNextYear || dev.count >= dev.capacity) continue;
    const i = addDeveloper(dev, p, TIER.small, z, w.run.tierRef);
    dev.active[i] = 0; // not yet a rival of itself
    entrantPrices(w, i);
    fillView(w, i, view);
    for (let g = 0; g < view.users.length; g++) view.users[g] *= usersNext;
    view.fixed = dev.fixedCost[i] * growthNext;
    let bestProfit = -Infinity;
    for (const plan of w.plans) {
      choose(plan, view, choice);
      if (choice.profit - view.fixed > bestProfit) {
        bestProfit = choice.profit - view.fixed;
        copyChoice(best, choice);
      }
    }
    if (bestProfit - entrantFreeCost(w, best.value, false) > 0) {
      entrantFreeCost(w, best.value, true);
      dev.active[i] = 1;
      dev.value[i] = 1;
    } else dev.count--; // not viable: the slot is released
  }
}

export const developersEntryExit: Step = {
  name: "developers enter and exit",
  summary: "Developers with too many loss years leave; small entrants join one after another while their best plan, priced against today's rivals and this year's earlier entrants with next year's users and costs, covers their free users and fixed cost. Both take effect next year.",
  run(w) {
    exits(w);
    entries(w);
  },
};
