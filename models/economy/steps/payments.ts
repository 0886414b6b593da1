/**
 * Step: what developers pay for the corpora they chose, and to whom.
 *
 * Per developer: revenue from the market step; licence fees, lawful copies and clearance for the licensed
 * part of its corpus (read from the plan's prefix sums; lawful copies also under a blanket licence); under a blanket licence the statutory royalty,
 * the greater of rate × base (revenue, operating profit or net income: `royalty.ts`) and the per-work minimum × works used (the CRB's "greater of" form),
 * allocated to cells by value used; side deals (a share of revenue) to intermediaries' catalogues;
 * fixed compliance and output-filter costs; the relocation cost of training abroad (with compliance:
 * paid to others, deadweight). Per cell: fees from the coverage of each plan's order
 * (m developers using a cell pay m × the price per work), royalties by value used, side deals pro rata
 * by value among intermediated cells.
 */
import { N_CELLS, STATUS, statusOfCell } from "../cells";
import { holdUnattributed } from "../collective";
import { prefixAt } from "../plan";
import { statutoryRoyalty } from "../royalty";
import { resetTotals, type World } from "../world-state";
import type { Step } from "./step";

/** One developer's payments, accumulated into the year's totals and the per-developer buffers. */
function payDeveloper(w: World, i: number): void {
  const { dev, tot, devYear } = w;
  const share = dev.share[i];
  const revenue = devYear.revenue[i];
  const k = dev.plan[i];
  const pl = w.plans[k];
  const last = dev.lastPos[i];
  const x = dev.lastFrac[i];
  // Free cells (cost 0) are used whole (plan-level totals); then the plan's order up to the chosen position.
  const usedWorks = pl.freeWorks + prefixAt(pl.cumWorks, last, x);
  const usedQWorks = pl.freeQWorks + prefixAt(pl.cumQWorks, last, x);
  const usedValue = pl.freeValue - w.run.openValue + prefixAt(pl.cumValue, last, x);
  const unlicWorks = pl.freeUnlicWorks + prefixAt(pl.cumUnlicWorks, last, x);
  const acq = pl.freeAcq + prefixAt(pl.cumAcq, last, x);
  let dataCost = acq;
  let txCost = 0;
  tot.toSellers += acq;
  if (!pl.blanket) {
    const tx = prefixAt(pl.cumTx, last, x);
    dataCost += prefixAt(pl.cumPrice, last, x);
    txCost += tx;
    tot.toOthers += tx;
  }
  pl.freeShare += share;
  if (last >= 0) {
    pl.covCount[0] += 1;
    pl.covCount[last] -= 1;
    pl.partCount[last] += x;
    pl.covShare[0] += share;
    pl.covShare[last] -= share;
    pl.partShare[last] += share * x;
  }
  if (pl.blanket) {
    const royalty = statutoryRoyalty(pl, revenue, devYear.inference[i], dev.fixedCost[i] * w.growth, usedWorks);
    if (usedValue > 0 && royalty > 0) {
      const coef = royalty / usedValue;
      w.freeRoyaltyCoef[k] += coef;
      if (last >= 0) {
        pl.covCoef[0] += coef;
        pl.covCoef[last] -= coef;
        pl.partCoef[last] += coef * x;
      }
    } else if (royalty > 0) {
      // Nothing of value used (every used cell has zero value): the collective cannot attribute the
      // royalty to any cell, so it holds it with the unmatched money rather than letting it vanish.
      holdUnattributed(w, royalty);
    }
    dataCost += royalty;
    tot.royaltiesPaid += royalty;
  }
  const side = w.run.sideRate * revenue;
  w.sideDeals += side;
  dataCost += side;
  const relocation = pl.fixedShare * dev.fixedCost[i] * w.growth;
  const compliance = (pl.offshore ? 0 : w.run.complianceFixed) + w.run.filterCostShare * revenue + relocation;
  tot.toOthers += compliance;
  tot.data += dataCost;
  tot.tx += txCost;
  tot.compliance += compliance;
  devYear.revenue[i] = revenue;
  devYear.unlicensedWorks[i] = unlicWorks;
  devYear.dataCost[i] = dataCost;
  devYear.txCost[i] = txCost;
  devYear.compliance[i] = compliance;
  w.corpusShare += w.allWorks > 0 ? (share * usedWorks) / w.allWorks : 0;
  w.corpusQShare += w.allQWorks > 0 ? (share * usedQWorks) / w.allQWorks : 0;
  w.corpusVShare += w.copyValue > 0 ? (share * usedValue) / w.copyValue : 0;
  w.unlicensedShare += usedWorks > 0 ? (share * unlicWorks) / usedWorks : 0;
}

/** Per-cell licence fees and royalties from the coverage of each plan's order and its free cells. */
function payCells(w: World): void {
  const { cells } = w;
  for (const pl of w.plans) {
    let count = 0;
    let coef = 0;
    let used = 0;
    for (let pos = 0; pos < pl.len; pos++) {
      count += pl.covCount[pos];
      coef += pl.covCoef[pos];
      used += pl.covShare[pos];
      const c = pl.order[pos];
      cells.usedShare[c] += used + pl.partShare[pos];
      const uses = count + pl.partCount[pos];
      if (uses > 0 && !pl.unlicensed[c] && !pl.blanket) cells.payPerWork[c] += cells.price[c] * uses;
      const roy = coef + pl.partCoef[pos];
      if (roy > 0) cells.royaltyUse[c] += roy * cells.value[c];
    }
  }
  for (const pl of w.plans) for (let j = 0; j < pl.freeLen; j++) cells.usedShare[pl.freeCells[j]] += pl.freeShare;
  for (let k = 0; k < w.plans.length; k++) {
    const coef = w.freeRoyaltyCoef[k];
    if (coef === 0) continue;
    const pl = w.plans[k];
    for (let j = 0; j < pl.freeLen; j++) cells.royaltyUse[pl.freeCells[j]] += coef * cells.value[pl.freeCells[j]];
    w.freeRoyaltyCoef[k] = 0;
  }
}

/** Side deals → intermediated catalogues, pro rata by value (to others when there is none). */
function paySideDeals(w: World, sideTotal: number): void {
  if (sideTotal <= 0) return;
  const { cells } = w;
  const isCatalogue = (c: number) => statusOfCell(c) === STATUS.intermediated && cells.works[c] > 0;
  let v = 0;
  for (let c = 0; c < N_CELLS; c++) if (isCatalogue(c)) v += cells.value[c];
  if (v > 0) {
    for (let c = 0; c < N_CELLS; c++) if (isCatalogue(c)) cells.payPerWork[c] += (sideTotal * cells.value[c]) / v / cells.works[c];
  } else w.tot.toOthers += sideTotal;
}

export const payments: Step = {
  name: "payments",
  summary: "Developers pay for the corpora they chose: licence fees, lawful copies and clearance costs; under a statutory licence the greater of the rate on its base (revenue, operating profit or net income) and a per-work minimum; side deals; compliance and output filters. Payments are traced to the cells whose works were used.",
  run(w) {
    const { cells, dev } = w;
    cells.payPerWork.fill(0);
    cells.royaltyUse.fill(0);
    resetTotals(w.tot);
    w.corpusShare = w.corpusQShare = w.corpusVShare = w.unlicensedShare = w.sideDeals = w.unattributedRoyalties = 0;
    cells.usedShare.fill(0);
    w.copyValue = 0;
    for (let c = 0; c < N_CELLS; c++) w.copyValue += cells.value[c];
    for (let i = 0; i < dev.count; i++) if (dev.active[i]) payDeveloper(w, i);
    payCells(w);
    paySideDeals(w, w.sideDeals);
  },
};
