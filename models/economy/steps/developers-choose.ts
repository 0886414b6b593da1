/**
 * Step: developers choose their plans and corpora.
 *
 * The regime's plans are filled from the cell terms and sorted once for everyone; then every active
 * developer best-responds to its rivals' market weight and the pool expected at the current quality,
 * `sim.best_response_passes` times (simultaneous moves within a pass). Developers of a tier share
 * scale and usually rivals' weight, so the last evaluation of each plan is reused when its inputs repeat.
 */
import { choose, copyChoice } from "../choose";
import { aiRevenuePool } from "../market";
import { buildPlan, setPaymentPrefixes } from "../plan";
import type { World } from "../world-state";
import type { Step } from "./step";

function fillPlans(w: World): void {
  const { cells, run } = w;
  for (let k = 0; k < w.plans.length; k++) {
    const pl = w.plans[k];
    w.planKinds[k].fill(w, pl);
    buildPlan(pl, cells.works, cells.qWorks, cells.acq, cells.value, run.openValue, cells.fineable, cells.scratch);
    setPaymentPrefixes(pl, cells.works, cells.qWorks, cells.price, cells.acq, cells.tx);
  }
}

/** One pass: every active developer picks its best plan and corpus against the others' current weights. */
function bestResponse(w: World, poolEst: number): void {
  const { dev, plans, memos, choice, best } = w;
  const a = w.run.a;
  let totalW = 0;
  for (let i = 0; i < dev.count; i++) if (dev.active[i]) totalW += dev.marketWeight[i];
  for (let i = 0; i < dev.count; i++) {
    if (!dev.active[i]) continue;
    const others = totalW - dev.marketWeight[i];
    let bestPlan = -1;
    for (let k = 0; k < plans.length; k++) {
      const memo = memos[k];
      if (memo.sw === dev.scaleWeight[i] && memo.others === others && memo.pool === poolEst) copyChoice(choice, memo.choice);
      else {
        choose(plans[k], dev.scaleWeight[i], others, poolEst, a, choice);
        memo.sw = dev.scaleWeight[i];
        memo.others = others;
        memo.pool = poolEst;
        copyChoice(memo.choice, choice);
      }
      if (bestPlan < 0 || choice.profit > best.profit) {
        bestPlan = k;
        copyChoice(best, choice);
      }
    }
    dev.plan[i] = bestPlan;
    dev.lastPos[i] = best.lastPos;
    dev.lastFrac[i] = best.lastFrac;
    dev.value[i] = best.value;
  }
}

/** Market weights after everyone chose, and the market-share weighted quality index Σ share × V^α. */
function updateWeights(w: World): void {
  const { dev } = w;
  const { a, alpha } = w.run;
  let W = 0;
  let qSum = 0;
  for (let i = 0; i < dev.count; i++) {
    if (!dev.active[i]) continue;
    dev.marketWeight[i] = dev.scaleWeight[i] * dev.value[i] ** a;
    W += dev.marketWeight[i];
  }
  for (let i = 0; i < dev.count; i++) if (dev.active[i] && W > 0) qSum += (dev.marketWeight[i] / W) * dev.value[i] ** alpha;
  w.quality = W > 0 ? Math.min(w.p.market.qualityCap, qSum) : 0;
}

export const developersChoose: Step = {
  name: "developers choose",
  summary: "Each developer compares the plans the regime allows and picks the corpus that maximises its expected profit, best-responding to its rivals `sim.best_response_passes` times.",
  run(w) {
    fillPlans(w);
    for (const m of w.memos) m.sw = NaN;
    for (let pass = 0; pass < w.p.sim.bestResponsePasses; pass++) {
      bestResponse(w, aiRevenuePool(w.p, w.t, w.quality, w.run.filterRevenueLoss));
      updateWeights(w);
    }
  },
};
