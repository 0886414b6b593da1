/**
 * Step: the year's supply of works in cells and the regime's terms for each cell.
 *
 * The supply was aggregated by last year's creators' pass (or, before the first year, by `init`), with
 * the opt-out and registration decisions taken at the end of the previous year. A cell's training
 * value is `(1 − open_share) × corpus_weight_s / Σ weights × φ_s,t × (quality-weighted works in the cell
 * ÷ in its sector)`, in full 2025 corpora. φ_s,t = F_s,t / F_s,2025 is the sector's freshness: F is the
 * stock of works weighted by age, F_t = 2^(−1/h_s) F_{t−1} + works made last year (half-life h_s,
 * `sector.<s>.freshness_half_life`), starting from its steady state at 2025 production. When creators
 * leave or make less, fresh supply falls and, with it, what training on the sector is worth: fast in
 * news, slowly in books.
 */
import { N_CELLS, isOptedOut, sectorOfCell, statusOfCell } from "../cells";
import { BARGAIN, bargainPrices } from "../bargaining";
import { prepareNextYear } from "../creator-pass";
import type { World } from "../world-state";
import type { Step } from "./step";
import { optOutRamp } from "./trends";

/** The ramp level at which each creator's opt-out binds (its cell without the opt-out bit is `Creators.cellBase`); the first year's supply. */
function init(w: World): void {
  const { cr, pass, p, rules } = w;
  if (cr.churn.length < cr.n * w.years) throw new Error(`the creators' churn draws cover ${cr.churn.length / cr.n} years, the run ${w.years}: initial populations from other parameters`);
  pass.hasCollective = rules.collective !== undefined;
  pass.registrationRate = rules.collective ? rules.collective.registrationRate(p) : 0;
  pass.registrationRng = w.rng.registration;
  const bind = w.run.bindShare;
  const { uBinding, uOptout, optoutTarget, active } = cr;
  const { optoutNeed, sectorStart } = pass;
  const ramp = optOutRamp(p.optout.rampYears, 0);
  // Creators come in contiguous sector blocks (`CreatorPass.sectorStart`), so a sector's weight and
  // production are read once per block; every sum is taken in the same order as creator by creator.
  for (let s = 0; s < w.freshBase.length; s++) {
    const wgt = cr.weight[s], made = wgt * p.sectors[s].worksPerYear;
    let fresh = w.freshBase[s];
    for (let i = sectorStart[s], end = sectorStart[s + 1]; i < end; i++) {
      // Declared when u < target × ramp, i.e. u / target < ramp; binding when the regime recognises it.
      optoutNeed[i] = uBinding[i] < bind && optoutTarget[i] > 0 ? uOptout[i] / optoutTarget[i] : Infinity;
      if (active[i]) fresh += made;
      prepareNextYear(cr, pass, i, wgt, ramp);
    }
    w.freshBase[s] = fresh / (1 - w.run.retention[s]);
    w.freshStock[s] = w.freshBase[s];
  }
}

/** The sectors' freshness this year: last year's works join the age-weighted stock. */
function freshness(w: World): void {
  for (let s = 0; s < w.freshStock.length; s++) {
    if (w.t > 0) w.freshStock[s] = w.freshStock[s] * w.run.retention[s] + w.sectorWorks[s];
    w.freshRatio[s] = w.freshBase[s] > 0 ? w.freshStock[s] / w.freshBase[s] : 0;
  }
}

/** This year's supply from the aggregate prepared last year, with totals and per-cell training value. */
function readSupply(w: World): void {
  const { cells, p } = w;
  const next = w.pass.nextSupply;
  const sectorQWorks = cells.sectorQWorks;
  sectorQWorks.fill(0);
  let allWorks = 0, optedWorks = 0, optedQWorks = 0, allQWorks = 0;
  for (let c = 0; c < N_CELLS; c++) {
    cells.works[c] = next[3 * c];
    cells.qWorks[c] = next[3 * c + 1];
    cells.regWorks[c] = next[3 * c + 2];
  }
  for (let c = 0; c < N_CELLS; c++) {
    sectorQWorks[sectorOfCell(c)] += cells.qWorks[c];
    allWorks += cells.works[c];
    if (isOptedOut(statusOfCell(c))) {
      optedWorks += cells.works[c];
      optedQWorks += cells.qWorks[c];
    }
  }
  const { copyShare, corpusWeightSum: cwSum } = w.run;
  for (let c = 0; c < N_CELLS; c++) {
    const s = sectorOfCell(c);
    cells.value[c] = sectorQWorks[s] > 0 && cwSum > 0 ? (copyShare * (p.sectors[s].corpusWeight / cwSum) * w.freshRatio[s] * cells.qWorks[c]) / sectorQWorks[s] : 0;
    allQWorks += cells.qWorks[c];
  }
  w.allWorks = allWorks;
  w.allQWorks = allQWorks;
  w.optedWorks = optedWorks;
  w.optedQWorks = optedQWorks;
}

/** The regime's terms for one work of each cell; voluntary licences are then bargained (`bargaining.ts`). */
function readTerms(w: World): void {
  const { cells, p, terms } = w;
  for (let c = 0; c < N_CELLS; c++) {
    terms.bargain = BARGAIN.none;
    w.rules.cellTerms(p, sectorOfCell(c), statusOfCell(c), terms);
    w.bargain[c] = terms.bargain;
    cells.price[c] = terms.price;
    cells.tx[c] = terms.tx;
    cells.acq[c] = terms.acq;
    cells.lawful[c] = terms.lawful ? 1 : 0;
    cells.damages[c] = terms.damages;
    cells.detection[c] = terms.detection;
    cells.fineable[c] = terms.fineable ? 1 : 0;
  }
  bargainPrices(w, w.bargain);
}

export const supply: Step = {
  name: "supply",
  summary: "Works are aggregated into cells (sector × quality band × legal status), with the opt-outs and registrations decided at the end of the previous year; each sector's training value follows its fresh supply (works weighted by a freshness half-life); the regime sets the terms of using one work of each cell, and voluntary licence prices are bargained (Nash) over the value the works add.",
  init,
  run(w) {
    freshness(w);
    readSupply(w);
    readTerms(w);
  },
};
