/**
 * Step: developers exit and enter, effective next year.
 *
 * Exit: a developer leaves after `developers.exit_patience` consecutive loss years.
 *
 * Entry is free, with a fixed cost. Up to `developers.entry_attempts` small developers a year consider
 * entering, one after another. Each evaluates its best plan against today's rivals (their inclusive
 * values at today's prices) and against the entrants admitted before it this year, with next year's
 * users and fixed costs, its prices at the small developers' mean of this year (taken once, before anyone
 * enters), or start prices. Its expected profit is the plan's operating profit (revenue net of charges,
 * inference and data costs) minus its free users' inference cost κ c q^f and its fixed cost F:
 *   π_E = max over plans [((1 − ρ_o) p − c) q(V) − cost(V)] − κ c q^f − F.
 * It enters if π_E > 0. An entrant's fixed cost is set like a small incumbent's (the small tier's margin
 * in the 2025 reference equilibrium, times its lognormal cost shock), and every developer's fixed cost
 * follows the industry's gross margin (`developers.fixed_cost_escalation`, trends.ts), so margins before
 * data costs do not widen as inference gets cheaper. With the small tier near free entry (a 5% margin in
 * 2025), profit, not the number of candidates, bounds entry from about 2030: every entrant makes the next
 * one less profitable, and data costs and royalties lower π_E, so they cut entry (at the defaults, seeds
 * 1–4, 2035 medians: 46.5 developers under fair use, 45 at a 2% compulsory rate, 39.5 at 20%, 36 under
 * licensing only). Known limit: in a plain logit each new model brings its own taste shock (love of
 * variety), and entrants are myopic (next year's profit, no sunk cost), so entry can overshoot and exits
 * come in waves. Two draws per attempt from the `entry` stream, used or not (common random numbers).
 */
import { normal } from "../../engine/rng";
import { choose, copyChoice } from "../choose";
import { N_SEGMENTS, effectiveData, startPrices, inclusiveValues, usersIndex } from "../demand";
import { TIER, addDeveloper } from "../developers";
import type { World } from "../world-state";
import { fillView } from "../view";
import type { Step } from "./step";
import { fixedCostGrowth, marginRatio } from "./trends";
import { exp, pow } from "../../engine/math";

function exits(w: World): void {
  const { dev, p } = w;
  for (let i = 0; i < dev.count; i++) if (dev.active[i] && dev.lossYears[i] >= p.developers.exitPatience) dev.active[i] = 0;
}

/**
 * The prices entrants expect this year, once, before any of them enters: each segment's mean price of the
 * active small developers (and their mean price), or NaN when there are none (then start prices).
 */
function smallTierPrices(w: World): void {
  const { dev } = w;
  const sp = w.entrantSegPrice;
  let n = 0, mean = 0;
  sp.fill(0);
  for (let i = 0; i < dev.count; i++) if (dev.active[i] && dev.tier[i] === TIER.small) {
    for (let g = 0; g < N_SEGMENTS; g++) sp[g] += dev.segPrice[i * N_SEGMENTS + g];
    mean += dev.price[i];
    n++;
  }
  for (let g = 0; g < N_SEGMENTS; g++) sp[g] = n > 0 ? sp[g] / n : NaN;
  w.entrantPrice = n > 0 ? mean / n : NaN;
}

/** Give the entrant in slot e the small tier's mean prices (`smallTierPrices`), or start prices. */
function entrantPrices(w: World, e: number): void {
  if (!(w.entrantPrice >= 0)) return startPrices(w.dy, w.mk, e);
  for (let g = 0; g < N_SEGMENTS; g++) w.dev.segPrice[e * N_SEGMENTS + g] = w.entrantSegPrice[g];
  w.dev.price[e] = w.entrantPrice;
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
  // Next year's fixed costs follow this year's industry margin (the market step has run).
  const growthNext = fixedCostGrowth(p.developers.fixedCostGrowth, p.developers.fixedCostEscalation, t + 1, marginRatio(w));
  mk.n = dev.count;
  inclusiveValues(w.dy, mk);
  smallTierPrices(w);
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
