/**
 * Step: courts and regulators.
 *
 * One detection draw per developer slot and year (drawn for every slot, used or not, so that regimes
 * share the litigation stream: common random numbers). Unlicensed use of a cell is caught when the
 * draw falls below the cell's detection probability; damages per work around the expected level (a
 * lognormal shock) go to the cell's rights holders after plaintiffs' lawyers' fee. Where ignoring a
 * binding opt-out risks a fine, the regulator fines `fine_rate` × revenue when its audit draw catches
 * it. Then each developer's profit, and its run of loss years.
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
  let legal = 0;
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
      const profit = devYear.revenue[i] - dev.fixedCost[i] * w.growth - devYear.dataCost[i] - devYear.txCost[i] - devYear.compliance[i] - legal;
      tot.profit += profit;
      dev.lossYears[i] = profit < 0 ? Math.min(255, dev.lossYears[i] + 1) : 0;
    }
    payAwards(w);
  },
};
