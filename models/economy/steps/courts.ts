/**
 * Step: courts and regulators.
 *
 * One detection draw per developer slot and year (drawn for every slot, used or not, so that regimes
 * share the litigation stream: common random numbers). Unlicensed use of a cell is caught when the
 * draw falls below the cell's detection probability; damages per work around the expected level (a
 * lognormal shock) go to the cell's rights holders after plaintiffs' lawyers' fee. Where ignoring a
 * binding opt-out risks a fine, the regulator fines `fine_rate` × revenue when its audit draw catches
 * it. A model trained abroad pays output-liability damages (`offshore.output_liability_rate` × revenue, an
 * expected value) to the rights holders of the works it used, pro rata by value. Then each developer's
 * profit (revenue − inference − fixed − data, transaction, compliance and legal costs), and its run of loss years.
 */
import { N_CELLS } from "../cells";
import { normal } from "../../engine/rng";
import type { World } from "../world-state";
import type { Step } from "./step";

/** Damages and fines of developer i for this year's unlicensed use, given its detection draw and damages shock. */
function litigate(w: World, i: number, uDetect: number, z: number): number {
  const { dev, cells, p } = w;
  const pl = w.plans[dev.plan[i]];
  const last = dev.lastPos[i];
  let legal = pl.outputLiability > 0 ? outputLiability(w, i) : 0;
  if (w.devYear.unlicensedWorks[i] > 0) {
    const sd = p.courts.damagesDispersion;
    const shock = Math.exp(sd * z - (sd * sd) / 2);
    for (let pos = 0; pos <= last; pos++) {
      const c = pl.order[pos];
      if (!pl.unlicensed[c] || uDetect >= cells.detection[c]) continue;
      const x = pos === last ? dev.lastFrac[i] : 1;
      const dmg = x * cells.works[c] * cells.damages[c] * shock;
      cells.damagesCell[c] += dmg;
      legal += dmg;
    }
    if (last >= pl.firstFineable && uDetect < w.run.fineDetection) {
      const fine = w.run.fineRate * w.devYear.revenue[i];
      w.fines += fine;
      legal += fine;
    }
  }
  return legal;
}

/** Output liability of a model trained abroad: a share of revenue to the cells it used (all, free abroad), by value. */
function outputLiability(w: World, i: number): number {
  const { cells } = w;
  const pl = w.plans[w.dev.plan[i]];
  const total = pl.outputLiability * w.devYear.revenue[i];
  let v = 0;
  for (let j = 0; j < pl.freeLen; j++) v += cells.value[pl.freeCells[j]];
  if (!(v > 0) || !(total > 0)) return 0;
  for (let j = 0; j < pl.freeLen; j++) {
    const c = pl.freeCells[j];
    if (cells.works[c] > 0) cells.damagesCell[c] += (total * cells.value[c]) / v;
  }
  return total;
}

/** Damages net of lawyers' fees → the rights holders of the infringed cells; fees to lawyers, fines to the state. */
function payAwards(w: World): void {
  const { cells, tot, p } = w;
  let damagesTotal = 0;
  for (let c = 0; c < N_CELLS; c++) {
    if (cells.damagesCell[c] <= 0) continue;
    damagesTotal += cells.damagesCell[c];
    cells.payPerWork[c] += (cells.damagesCell[c] * (1 - p.courts.lawyerFeeShare)) / cells.works[c];
  }
  tot.toLawyers += damagesTotal * p.courts.lawyerFeeShare;
  tot.toState += w.fines;
}

export const courts: Step = {
  name: "courts",
  summary: "Unlicensed use is detected with a probability per developer and year; damages per infringed work (statutory for registered US works, actual elsewhere) go to rights holders after lawyers' fees; the EU regulator fines ignored opt-outs. Each developer's profit follows.",
  run(w) {
    const { dev, devYear, tot } = w;
    const lit = w.rng.litigation;
    w.cells.damagesCell.fill(0);
    w.fines = 0;
    for (let i = 0; i < dev.capacity; i++) {
      const uDetect = lit();
      const z = normal(lit);
      if (i >= dev.count || !dev.active[i]) continue;
      const legal = litigate(w, i, uDetect, z);
      tot.legal += legal;
      const fixed = dev.fixedCost[i] * w.growth;
      const profit = devYear.revenue[i] - devYear.inference[i] - fixed - devYear.dataCost[i] - devYear.txCost[i] - devYear.compliance[i] - legal;
      tot.profit += profit;
      tot.inference += devYear.inference[i];
      tot.fixed += fixed;
      dev.lossYears[i] = profit < 0 ? Math.min(255, dev.lossYears[i] + 1) : 0;
    }
    payAwards(w);
  },
};
