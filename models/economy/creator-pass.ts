/**
 * The creators' yearly pass: income, production, exit and entry, and next year's decisions (registration,
 * opt-out) aggregated into next year's supply. One read of every creator a year.
 *
 * Responsible for: the per-creator arithmetic of step 10 (and 2 for next year) of `world.ts`, which sets
 * up the per-cell payments and per-sector rates first. Kept apart from the step so the optimiser sees a
 * small function with its columns in local variables.
 */
import type { Rng } from "../engine/rng";
import type { Creators } from "./creators";
import { giniBin, type GiniBins } from "./gini";

/** Inputs and outputs of one pass, allocated once per run and refilled each year. */
export interface CreatorPass {
  // Per cell ×3: payment per work to rights holders, net royalty per work, creator's share of the gross.
  cellTable: Float64Array;
  cellOf: Uint16Array;
  cellBase: Uint16Array;
  optoutNeed: Float64Array;
  sectorStart: Int32Array;
  // Per sector: substitution (before exposure), works per year, entry probability.
  secSub: Float64Array;
  secWorksPerYear: Float64Array;
  secEntry: Float64Array;
  genW: number;
  mimW: number;
  baseExit: number;
  exitRatio: number;
  distressRate: number;
  releaseRatio: number;
  hasCollective: boolean;
  regRate: number;
  /** Whether there is a next year to prepare, and its opt-out ramp. */
  more: boolean;
  rampNext: number;
  churnRng: Rng;
  regRng: Rng;
  /** Next year's supply per cell ×3: works, quality-weighted works, registered works. */
  nextSupply: Float64Array;
  gini: GiniBins;
  // Outputs: per sector and per decile sums (USD, real creators), and totals.
  secMarket: Float64Array;
  secAi: Float64Array;
  secActive: Float64Array;
  secBase: Float64Array;
  secIncome: Float64Array;
  decMarket: Float64Array;
  decAi: Float64Array;
  decMarketS: Float64Array;
  decAiS: Float64Array;
  distributed: number;
  unmatched: number;
  toCreators: number;
  toIntermediaries: number;
}

/**
 * Run the pass for one year. Creators are stored in contiguous sector blocks in increasing base income
 * and an agent's weight is its sector's, so sums are kept per real creator in local variables and
 * weighted once per sector; deciles and Gini bins change slowly along the array (running sums).
 */
export function creatorsYear(cr: Creators, out: CreatorPass): void {
  const cWorks = cr.works, cActive = cr.active, cQuality = cr.quality, cBase = cr.baseIncome, cDecile = cr.decile;
  const cRegistered = cr.registered;
  const { cellTable, cellOf, cellBase, optoutNeed, sectorStart, secSub, secWorksPerYear, secEntry, nextSupply, decMarketS, decAiS } = out;
  const { genW, mimW, baseExit, exitRatio, distressRate, releaseRatio, hasCollective, regRate, more, churnRng, regRng } = out;
  const rampNext = more ? out.rampNext : -Infinity;
  const gW = out.gini.weight, gY = out.gini.income;
  const secMarket = out.secMarket, secAi = out.secAi, secActive = out.secActive, secBase = out.secBase, secIncome = out.secIncome;
  const decMarket = out.decMarket, decAi = out.decAi;
  const DEC = decMarket.length;
  out.distributed = 0;
  out.unmatched = 0;
  out.toCreators = 0;
  out.toIntermediaries = 0;
  decMarket.fill(0);
  decAi.fill(0);
  for (let s = 0; s < secSub.length; s++) {
    const wgt = cr.weight[s];
    const sub = secSub[s];
    const wpy = secWorksPerYear[s];
    const entry = secEntry[s];
    let sMarket = 0, sAi = 0, sActive = 0, sBase = 0, sIncome = 0, sGross = 0, sDistributed = 0, sUnmatched = 0;
    decMarketS.fill(0);
    decAiS.fill(0);
    let curDecile = sectorStart[s] < sectorStart[s + 1] ? cDecile[sectorStart[s]] : 0;
    let dMarket = 0;
    let dAi = 0;
    let gBin = 0, gCount = 0, gSum = 0;
    for (let i = sectorStart[s], end = sectorStart[s + 1]; i < end; i++) {
      const u = churnRng();
      const c3 = cellOf[i] * 3;
      const works = cWorks[i];
      // AI income per real creator (gross of the intermediary split).
      let gross = works * cellTable[c3];
      const roy = works * cellTable[c3 + 1];
      if (roy > 0) {
        if (cRegistered[i]) {
          const r = roy * (1 + releaseRatio);
          gross += r;
          sDistributed += r;
        } else sUnmatched += roy;
      }
      const ai = gross * cellTable[c3 + 2];
      sGross += gross;
      let market = 0;
      if (cActive[i] === 1) {
        const q = cQuality[i];
        // Generic competition falls on the mid and low tiers (mean-one weight 1.6 − 1.2q); style
        // mimicry on distinctive creators (mean-one weight 2q), unless output protection bars it.
        const exposure = genW * (1.6 - 1.2 * q) + mimW * q;
        const lost = sub * exposure;
        const base = cBase[i];
        market = lost < 1 ? base * (1 - lost) : 0;
        const income = market + ai;
        sActive++;
        sBase += base;
        sIncome += income;
        // Gini bins: incomes rise along the array, so consecutive creators often share a bin.
        const k = giniBin(income);
        if (k !== gBin) {
          gW[gBin] += gCount * wgt;
          gY[gBin] += gSum * wgt;
          gBin = k;
          gCount = 0;
          gSum = 0;
        }
        gCount++;
        gSum += income;
        // Production, then the exit decision (effective next year).
        cWorks[i] = works + wpy;
        if (u < baseExit + (income < exitRatio * base ? distressRate : 0)) cActive[i] = 0;
      } else if (u < entry) {
        // Entry into a reserve slot: balanced against base exits at baseline, scaled by the sector's income ratio.
        cActive[i] = 1;
      }
      sMarket += market;
      sAi += ai;
      // Agents are stored in increasing base income within a sector, so the decile changes rarely:
      // keep a running sum and flush it when the decile changes.
      const d = cDecile[i];
      if (d !== curDecile) {
        decMarketS[curDecile] += dMarket;
        decAiS[curDecile] += dAi;
        curDecile = d;
        dMarket = 0;
        dAi = 0;
      }
      dMarket += market;
      dAi += ai;
      // Decisions for next year and next year's supply (cellOf[i] is overwritten after its last use).
      // Decisions for next year and next year's supply (cellOf[i] is overwritten after its last use):
      // registration (collective only), opt-out (declared when u/target < ramp and recognised), cell.
      if (more) {
        if (hasCollective && !cRegistered[i] && regRng() < regRate) cRegistered[i] = 1;
        const cn = cellBase[i] + (optoutNeed[i] < rampNext ? 1 : 0);
        cellOf[i] = cn;
        const w = cWorks[i] * wgt;
        if (w > 0) {
          const n3 = cn * 3;
          nextSupply[n3] += w;
          nextSupply[n3 + 1] += w * cQuality[i];
          if (hasCollective && cRegistered[i]) nextSupply[n3 + 2] += w;
        }
      }
    }
    decMarketS[curDecile] += dMarket;
    decAiS[curDecile] += dAi;
    gW[gBin] += gCount * wgt;
    gY[gBin] += gSum * wgt;
    secMarket[s] = sMarket * wgt;
    secAi[s] = sAi * wgt;
    secActive[s] = sActive * wgt;
    secBase[s] = sBase * wgt;
    secIncome[s] = sIncome * wgt;
    out.distributed += sDistributed * wgt;
    out.unmatched += sUnmatched * wgt;
    out.toCreators += sAi * wgt;
    out.toIntermediaries += (sGross - sAi) * wgt;
    for (let d = 0; d < DEC; d++) {
      decMarket[d] += decMarketS[d] * wgt;
      decAi[d] += decAiS[d] * wgt;
    }
  }
}
