/**
 * Step: developers choose their plans and corpora, and set their prices.
 *
 * The regime's plans are filled from the cell terms and sorted once for everyone. Then, for
 * `sim.best_response_passes` passes: every active developer best-responds (plan and corpus) to its
 * rivals' inclusive values at current prices (simultaneous moves within a pass); qualities follow
 * from the corpora; prices are re-solved (Bertrand–logit, `demand.ts`). Developers of a tier share
 * scale, price and rivals, so the last evaluation of each plan is reused when its inputs repeat.
 */
import { choose, copyChoice } from "../choose";
import { dataFactor, startPrices, inclusiveValues } from "../demand";
import { solvePrices } from "../prices";
import { fillView } from "../view";
import { applyExAnte, setExposurePrefixes } from "../ex-ante";
import { isSignatory } from "../litigation";
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
    setExposurePrefixes(pl, cells.value);
  }
}

/** Whether a memo's key equals these prices and rivals' sums (exact, per segment). */
function sameKey(key: Float64Array, prices: Float64Array, rivals: Float64Array): boolean {
  const n = prices.length;
  for (let g = 0; g < n; g++) if (key[g] !== prices[g] || key[n + g] !== rivals[g]) return false;
  return true;
}

/** One pass: every active developer picks its best plan and corpus against the others' current offers. */
function bestResponse(w: World): void {
  const { dev, plans, memos, choice, best, view } = w;
  inclusiveValues(w.dy, w.mk);
  for (let i = 0; i < dev.count; i++) {
    if (!dev.active[i]) continue;
    fillView(w, i, view);
    let bestPlan = -1;
    const signed = isSignatory(i, w.run.signatoryShare);
    for (let k = 0; k < plans.length; k++) {
      if (signed && w.planKinds[k].breaksCode) continue;
      const memo = memos[k];
      // The memo is shared by a tier's developers; one with a one-off quality loss (injunction) neither reads nor writes it.
      const own = w.injunctionLoss[i] > 0;
      if (!own && memo.scale === dev.scale[i] && !plans[k].fixedShare && sameKey(memo.key, view.prices, view.rivals)) copyChoice(choice, memo.choice);
      else {
        choose(plans[k], view, choice);
        if (!own) {
          memo.scale = dev.scale[i];
          memo.key.set(view.prices, 0);
          memo.key.set(view.rivals, view.prices.length);
          copyChoice(memo.choice, choice);
        }
      }
      // The memo holds the linear choice; the law's expected charge depends on this developer's record of works charged.
      applyExAnte(w, i, plans[k], choice);
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

/** Qualities from the chosen corpora, each developer's charge on revenue, then Bertrand–logit prices. */
export function settlePrices(w: World): void {
  const { dev, dy, mk, p } = w;
  mk.n = dev.count;
  for (let i = 0; i < dev.count; i++) {
    if (!dev.active[i]) continue;
    // An injunction last year (courts step) costs a share of quality this year.
    dev.quality[i] = dy.progress * dev.scale[i] * (1 - w.run.filterRevenueLoss) * (1 - w.injunctionLoss[i]) * dataFactor(dy, dev.value[i]);
    const pl = w.plans[dev.plan[i]];
    mk.rho[i] = Math.min(0.95, pl.revenueCharge + (dev.lastPos[i] >= pl.firstFineable ? pl.fineRisk : 0));
    startPrices(dy, mk, i);
  }
  solvePrices(dy, mk, p.sim.priceIterations);
}

export const developersChoose: Step = {
  name: "developers choose",
  summary: "Each developer compares the plans the regime allows (including training abroad where the law is territorial) and picks the corpus that maximises its expected profit under the logit demand for its model, best-responding to its rivals `sim.best_response_passes` times; after each pass qualities follow from the corpora and prices are re-set (Bertrand–logit).",
  run(w) {
    fillPlans(w);
    for (const m of w.memos) m.scale = NaN;
    w.mk.n = w.dev.count;
    if (w.t === 0) settleFirstYear(w);
    for (let pass = 0; pass < w.p.sim.bestResponsePasses; pass++) {
      bestResponse(w);
      settlePrices(w);
    }
  },
};

/** Before the first choice: prices at the full corpus on the first plan, so rivals' offers are defined. */
function settleFirstYear(w: World): void {
  const { dev } = w;
  for (let i = 0; i < dev.count; i++) {
    if (!dev.active[i]) continue;
    dev.plan[i] = 0;
    dev.lastPos[i] = -1;
    dev.lastFrac[i] = 0;
  }
  settlePrices(w);
}
