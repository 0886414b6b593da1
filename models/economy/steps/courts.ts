/**
 * Step: courts and regulators (the law of version 2: `../litigation.ts` has the equations).
 *
 * One detection draw, one damages shock and one injunction draw per developer slot and year (drawn for
 * every slot, used or not, so that regimes share the litigation stream: common random numbers).
 * Unlicensed use of a cell is caught when the draw falls below the cell's detection probability; the
 * works caught form one class action, charged only for works not charged before; the settlement is the
 * expected judgment (plus the output liability of every model, for the works no licence covers) bounded by the developer's ability
 * to pay. Lawyers take their fee, claimants their share (to the infringed cells), the unclaimed rest
 * goes to cy pres. Where ignoring a binding opt-out risks a fine, the regulator fines `fine_rate` ×
 * revenue when its audit draw catches it. A detected case may end in the model's destruction. Then
 * each developer's profit (revenue − inference − fixed − data, transaction, compliance and legal costs).
 */
import { N_CELLS } from "../cells";
import { normal } from "../../engine/rng";
import { outputExposed, outputLiabilityOf } from "../ex-ante";
import { newlyCharged, settlement, splitRecovery } from "../litigation";
import type { World } from "../world-state";
import type { Step } from "./step";
import { exp } from "../../engine/math";

/** Training damages of developer i (before the cap), accumulated per cell in `cells.claimCell`; output liability likewise. */
function claims(w: World, i: number, uDetect: number, shock: number): number {
  const { dev, cells } = w;
  const pl = w.plans[dev.plan[i]];
  const last = dev.lastPos[i];
  let total = 0;
  if (w.devYear.unlicensedWorks[i] > 0) {
    const row = i * N_CELLS;
    for (let pos = 0; pos <= last; pos++) {
      const c = pl.order[pos];
      if (!pl.unlicensed[c] || uDetect >= cells.detection[c]) continue;
      const x = pos === last ? dev.lastFrac[i] : 1;
      const n = newlyCharged(w.charged, row + c, x * cells.works[c]);
      w.caughtWorks += n;
      const dmg = n * cells.damages[c] * shock;
      cells.claimCell[c] += dmg;
      total += dmg;
    }
  }
  return total;
}

/** Output liability of developer i (`ex-ante.ts`: r_o × revenue × the exposed value share), to the exposed cells it used, by value. */
function outputLiability(w: World, i: number): number {
  const { cells, dev } = w;
  const pl = w.plans[dev.plan[i]];
  const last = dev.lastPos[i];
  const frac = dev.lastFrac[i];
  const total = outputLiabilityOf(w, pl, last, frac, w.devYear.revenue[i]);
  if (!(total > 0)) return 0;
  // Two passes over the corpus (free cells, then the plan's order up to its last position), written out
  // rather than through a callback: this runs for every developer with output liability every year.
  let v = 0;
  for (let j = 0; j < pl.freeLen; j++) {
    const c = pl.freeCells[j];
    if (outputExposed(pl, c) && cells.works[c] > 0) v += cells.value[c];
  }
  for (let pos = 0; pos <= last; pos++) {
    const c = pl.order[pos];
    if (outputExposed(pl, c) && cells.works[c] > 0) v += (pos === last ? frac : 1) * cells.value[c];
  }
  if (!(v > 0)) return 0;
  for (let j = 0; j < pl.freeLen; j++) {
    const c = pl.freeCells[j];
    if (outputExposed(pl, c) && cells.works[c] > 0) cells.claimCell[c] += (total * cells.value[c]) / v;
  }
  for (let pos = 0; pos <= last; pos++) {
    const c = pl.order[pos];
    if (outputExposed(pl, c) && cells.works[c] > 0) cells.claimCell[c] += (total * (pos === last ? frac : 1) * cells.value[c]) / v;
  }
  return total;
}

/** Damages and fines of developer i this year: the capped settlement moved from `claimCell` to `damagesCell`, plus any fine. */
function litigate(w: World, i: number, uDetect: number, shock: number): number {
  const { cells, p } = w;
  const pl = w.plans[w.dev.plan[i]];
  cells.claimCell.fill(0);
  w.caughtWorks = 0;
  const training = claims(w, i, uDetect, shock);
  const output = outputLiability(w, i);
  const claimed = training + output;
  w.caught = training > 0;
  const paid = settlement(training, output, p.courts.abilityToPay, w.devYear.revenue[i]);
  if (claimed > 0 && paid > 0) {
    const scale = paid / claimed;
    w.worksCharged += w.caughtWorks;
    w.trainingSettled += training * scale;
    for (let c = 0; c < N_CELLS; c++) if (cells.claimCell[c] > 0) cells.damagesCell[c] += cells.claimCell[c] * scale;
  }
  let legal = paid;
  if (training > 0 && w.dev.lastPos[i] >= pl.firstFineable && uDetect < w.run.fineDetection) {
    const fine = w.run.fineRate * w.devYear.revenue[i];
    w.fines += fine;
    legal += fine;
  }
  return legal;
}

/** An injunction after a detected case: retraining cost now (returned), quality lost next year. */
function injunction(w: World, i: number, caught: boolean, uInjunction: number): number {
  const { p } = w;
  w.injunctionLoss[i] = 0;
  if (!caught || uInjunction >= p.courts.injunctionProbability) return 0;
  w.injunctionLoss[i] = p.courts.injunctionQualityLoss;
  w.injunctions++;
  return p.courts.retrainingCostShare * w.dev.fixedCost[i] * w.growth;
}

/** Damages net of lawyers' fees: claimed shares → the rights holders of the infringed cells, the rest to cy pres; fines to the state. */
function payAwards(w: World): void {
  const { cells, tot, p } = w;
  let damagesTotal = 0;
  for (let c = 0; c < N_CELLS; c++) {
    if (cells.damagesCell[c] <= 0) continue;
    damagesTotal += cells.damagesCell[c];
    cells.payPerWork[c] += (cells.damagesCell[c] * (1 - p.courts.lawyerFeeShare) * p.courts.claimRate) / cells.works[c];
  }
  const split = splitRecovery(damagesTotal, p);
  tot.toLawyers += split.lawyers;
  tot.toState += w.fines + split.unclaimed;
}

export const courts: Step = {
  name: "courts",
  summary: "Unlicensed use is detected with a probability per developer and year; the works caught form one class action, charged once per work, settled at the expected judgment but never above what the developer can pay; lawyers take their fee, claimants their share; a case may end in the model's destruction; the EU regulator fines ignored opt-outs. Each developer's profit follows.",
  run(w) {
    const { dev, devYear, tot } = w;
    const lit = w.rng.litigation;
    w.cells.damagesCell.fill(0);
    w.fines = 0;
    w.injunctions = 0;
    w.worksCharged = 0;
    w.trainingSettled = 0;
    const sd = w.p.courts.damagesDispersion;
    for (let i = 0; i < dev.capacity; i++) {
      const uDetect = lit();
      const z = normal(lit);
      const uInjunction = lit();
      devYear.legal[i] = 0;
      if (i >= dev.count || !dev.active[i]) continue;
      const legal = litigate(w, i, uDetect, exp(sd * z - (sd * sd) / 2));
      const retrain = injunction(w, i, w.caught, uInjunction);
      tot.legal += legal;
      devYear.legal[i] = legal;
      tot.compliance += retrain;
      tot.toOthers += retrain;
      const fixed = dev.fixedCost[i] * w.growth;
      const profit = devYear.revenue[i] - devYear.inference[i] - fixed - devYear.dataCost[i] - devYear.txCost[i] - devYear.compliance[i] - legal - retrain;
      tot.profit += profit;
      tot.inference += devYear.inference[i];
      tot.fixed += fixed;
      dev.lossYears[i] = profit < 0 ? Math.min(255, dev.lossYears[i] + 1) : 0;
    }
    payAwards(w);
  },
};
