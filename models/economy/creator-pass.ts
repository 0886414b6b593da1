/**
 * The creators' yearly pass: income, production, exit and entry, and next year's decisions (registration,
 * opt-out) aggregated into next year's supply. One read of every creator a year.
 *
 * Responsible for: the per-creator arithmetic of the `creators` step (`steps/creators.ts`), which sets
 * up the per-cell payments and per-sector rates first. Kept apart from the step so the optimiser sees
 * small functions with their columns in local variables.
 */
import type { Rng } from "../engine/rng";
import { N_CELLS } from "./cells";
import type { Creators } from "./creators";
import { allocGiniBins, giniBin, GINI_EDGES, type GiniBins } from "./gini";
import { DECILES } from "../results/metric-keys";
import { N_SECTORS } from "./sectors";

const N_DECILES = DECILES.length;

/** Inputs and outputs of one pass, allocated once per run and refilled each year. */
export interface CreatorPass {
  /** Per cell ×3: payment per work to rights holders, net royalty per work, creator's share of the gross. */
  cellTable: Float64Array;
  /** Each creator's cell this year, and its cell without the opt-out bit (`Creators.cellBase`, shared). */
  cellOf: Uint16Array;
  cellBase: Uint16Array;
  /** The opt-out ramp level beyond which a creator's declaration exists and binds (Infinity: never). */
  optoutNeed: Float64Array;
  /** Creators come in contiguous sector blocks: [sectorStart[s], sectorStart[s + 1]). */
  sectorStart: Int32Array;
  /**
   * Within a sector block deciles rise along the array (creators are ordered by base income), so each
   * decile is a segment: sector s's decile d is [decileStart[s(D + 1) + d], decileStart[s(D + 1) + d + 1]), D = 10.
   */
  decileStart: Int32Array;
  /** Per sector: substitution (before the creator's exposure), works per year, entry probability. */
  sectorSubstitution: Float64Array;
  sectorWorksPerYear: Float64Array;
  sectorEntry: Float64Array;
  /** Exposure to substitution: genericWeight × (genericHigh − genericTilt q) + mimicryWeight × q. */
  genericWeight: number;
  genericHigh: number;
  genericTilt: number;
  mimicryWeight: number;
  /** Each creator's exposure (the expression above at its quality; the weights are fixed for a run, so it is computed once, `fillExposure`). */
  exposure: Float64Array;
  baseExit: number;
  exitRatio: number;
  distressRate: number;
  /** Released unmatched royalties per dollar of matched royalties this year. */
  releaseRatio: number;
  /** The collective's per-creator minimum: a registered creator with royalty y gets floor + scale × y (`collective.ts`). */
  royaltyFloor: number;
  royaltyScale: number;
  hasCollective: boolean;
  registrationRate: number;
  /** Whether there is a next year to prepare, and its opt-out ramp. */
  hasNextYear: boolean;
  rampNext: number;
  /** The churn draws of every year (`Creators.churn`) and where this year's start (t × n). */
  churn: Float64Array;
  churnAt: number;
  registrationRng: Rng;
  /** Next year's supply per cell ×3: works, quality-weighted works, registered works. */
  nextSupply: Float64Array;
  gini: GiniBins;
  /**
   * Whether the pass keeps the per-decile sums and the Gini bins (`decileMarket`, `decileAi`, `gini`): only
   * the decile series, `creator_ai_bottom_half_share` and `creator_income_gini` read them, and they cost a
   * quarter of the pass. Nothing else reads them, so leaving them out changes no other output.
   */
  breakdowns: boolean;
  /** Outputs: per sector and per decile sums (USD, real creators), and totals. */
  sectorMarket: Float64Array;
  sectorAi: Float64Array;
  sectorActive: Float64Array;
  sectorBase: Float64Array;
  sectorIncome: Float64Array;
  decileMarket: Float64Array;
  decileAi: Float64Array;
  /** Scratch: one sector's decile sums, per agent (weighted once per sector). */
  sectorDecileMarket: Float64Array;
  sectorDecileAi: Float64Array;
  distributed: number;
  unmatched: number;
  toCreators: number;
  toIntermediaries: number;
}

/** Allocate the pass's buffers for a population (rates and streams are set by the run). */
export function creatorPassBuffers(cr: Creators): CreatorPass {
  const sectorStart = new Int32Array(N_SECTORS + 1);
  for (let i = 0; i < cr.n; i++) sectorStart[cr.sector[i] + 1]++;
  for (let s = 0; s < N_SECTORS; s++) sectorStart[s + 1] += sectorStart[s];
  const decileStart = decileSegments(cr, sectorStart);
  const sec = () => new Float64Array(N_SECTORS);
  const dec = () => new Float64Array(DECILES.length);
  const none: Rng = () => {
    throw new Error("creator pass used before its random streams were set");
  };
  return {
    cellTable: new Float64Array(3 * N_CELLS), cellOf: new Uint16Array(cr.n), cellBase: cr.cellBase,
    optoutNeed: new Float64Array(cr.n), sectorStart, decileStart, sectorSubstitution: sec(), sectorWorksPerYear: sec(), sectorEntry: sec(),
    genericWeight: 0, genericHigh: 0, genericTilt: 0, mimicryWeight: 0, exposure: new Float64Array(cr.n), baseExit: 0, exitRatio: 0, distressRate: 0, releaseRatio: 0, royaltyFloor: 0, royaltyScale: 1,
    hasCollective: false, registrationRate: 0, hasNextYear: false, rampNext: 0, churn: cr.churn, churnAt: 0, registrationRng: none,
    nextSupply: new Float64Array(3 * N_CELLS), gini: allocGiniBins(), breakdowns: true,
    sectorMarket: sec(), sectorAi: sec(), sectorActive: sec(), sectorBase: sec(), sectorIncome: sec(),
    decileMarket: dec(), decileAi: dec(), sectorDecileMarket: dec(), sectorDecileAi: dec(),
    distributed: 0, unmatched: 0, toCreators: 0, toIntermediaries: 0,
  };
}

/** The decile segments of each sector block (`CreatorPass.decileStart`). @throws Error if a block's deciles do not rise along it */
function decileSegments(cr: Creators, sectorStart: Int32Array): Int32Array {
  const seg = new Int32Array(N_SECTORS * (N_DECILES + 1));
  for (let s = 0; s < N_SECTORS; s++) {
    const at = s * (N_DECILES + 1), end = sectorStart[s + 1];
    let i = sectorStart[s];
    for (let d = 0; d < N_DECILES; d++) {
      seg[at + d] = i;
      while (i < end && cr.decile[i] === d) i++;
    }
    seg[at + N_DECILES] = end;
    if (i !== end) throw new Error(`creator pass: the deciles of sector ${s} do not rise along its block`);
  }
  return seg;
}

/** Each creator's exposure to substitution, from the weights set for the run (once, before the first year). */
export function fillExposure(cr: Creators, out: CreatorPass): void {
  const { genericWeight, genericHigh, genericTilt, mimicryWeight, exposure } = out;
  for (let i = 0; i < cr.n; i++) {
    const q = cr.quality[i];
    exposure[i] = genericWeight * (genericHigh - genericTilt * q) + mimicryWeight * q;
  }
}

/**
 * Run the pass for one year. Creators are stored in contiguous sector blocks in increasing base income
 * and an agent's weight is its sector's, so sums are kept per real creator in local variables and
 * weighted once per sector; deciles and Gini bins change slowly along the array (running sums).
 */
export function creatorsYear(cr: Creators, out: CreatorPass): void {
  out.distributed = 0;
  out.unmatched = 0;
  out.toCreators = 0;
  out.toIntermediaries = 0;
  out.decileMarket.fill(0);
  out.decileAi.fill(0);
  for (let s = 0; s < out.sectorSubstitution.length; s++) sectorYear(cr, out, s);
}

/**
 * The pass over one sector's block of creators, one decile segment at a time: deciles rise along the block
 * (`decileStart`), so a segment's sums are its decile's (with `breakdowns` off the block is one segment).
 */
function sectorYear(cr: Creators, out: CreatorPass, s: number): void {
  const cWorks = cr.works, cActive = cr.active, cBase = cr.baseIncome, cRegistered = cr.registered, cQuality = cr.quality;
  const { cellTable, cellOf, cellBase, optoutNeed, nextSupply, exposure, sectorDecileMarket: decMarketS, sectorDecileAi: decAiS } = out;
  const { baseExit, exitRatio, distressRate, releaseRatio, hasNextYear, churn, churnAt, royaltyFloor, royaltyScale, breakdowns } = out;
  const rampNext = hasNextYear ? out.rampNext : -Infinity;
  const register = hasNextYear && out.hasCollective, regRng = out.registrationRng, regRate = out.registrationRate;
  const gW = out.gini.weight, gY = out.gini.income;
  const wgt = cr.weight[s];
  const sub = out.sectorSubstitution[s], wpy = out.sectorWorksPerYear[s], entry = out.sectorEntry[s];
  let sMarket = 0, sAi = 0, sActive = 0, sBase = 0, sIncome = 0, sGross = 0, sDistributed = 0, sUnmatched = 0;
  let gBin = 0, gCount = 0, gSum = 0, gLo = GINI_EDGES[0], gHi = GINI_EDGES[1];
  decMarketS.fill(0);
  decAiS.fill(0);
  const seg = out.decileStart, d0 = s * (N_DECILES + 1);
  for (let d = breakdowns ? 0 : N_DECILES - 1; d < N_DECILES; d++) {
    let dMarket = 0, dAi = 0;
    for (let i = breakdowns ? seg[d0 + d] : seg[d0], end = seg[d0 + d + 1]; i < end; i++) {
      const u = churn[churnAt + i];
      const c3 = cellOf[i] * 3;
      const works = cWorks[i];
      // AI income per real creator (gross of the intermediary split); registered owners get royalties and their share of released money.
      let gross = works * cellTable[c3];
      const roy = works * cellTable[c3 + 1];
      if (roy > 0) {
        if (cRegistered[i]) {
          const r = (royaltyFloor + royaltyScale * roy) * (1 + releaseRatio);
          gross += r;
          sDistributed += r;
        } else sUnmatched += roy;
      }
      const ai = gross * cellTable[c3 + 2];
      sGross += gross;
      let market = 0;
      if (cActive[i] === 1) {
        // Generic competition falls on the mid and low tiers (mean-one weight genericHigh − genericTilt q); style
        // mimicry on distinctive creators (mean-one weight 2q, in mimicryWeight), unless output protection bars it.
        const lost = sub * exposure[i];
        const base = cBase[i];
        market = lost < 1 ? base * (1 - lost) : 0;
        const income = market + ai;
        sActive++;
        sBase += base;
        sIncome += income;
        // Gini bins: incomes rise along the array, so consecutive creators often share a bin (two comparisons).
        if (breakdowns && !(income >= gLo && income < gHi)) {
          const k = giniBin(income);
          if (k !== gBin) {
            flushGiniBin(gW, gY, gBin, gCount, gSum, wgt);
            gBin = k; gLo = GINI_EDGES[k]; gHi = GINI_EDGES[k + 1]; gCount = 0; gSum = 0;
          }
        }
        gCount++;
        gSum += income;
        // Production, then the exit decision (effective next year).
        cWorks[i] = works + wpy;
        if (u < baseExit + (income < exitRatio * base ? distressRate : 0)) cActive[i] = 0;
      } else if (u < entry) cActive[i] = 1; // entry into a reserve slot
      sMarket += market;
      sAi += ai;
      dMarket += market;
      dAi += ai;
      if (!hasNextYear) continue;
      // Next year's decisions and supply (`prepareNextYear`, inline; cellOf[i] is overwritten after its last use).
      if (register && !cRegistered[i] && regRng() < regRate) cRegistered[i] = 1;
      const c = cellBase[i] + +(optoutNeed[i] < rampNext);
      cellOf[i] = c;
      const w = cWorks[i] * wgt;
      if (w > 0) {
        const n3 = c * 3;
        nextSupply[n3] += w;
        nextSupply[n3 + 1] += w * cQuality[i];
        if (register && cRegistered[i]) nextSupply[n3 + 2] += w;
      }
    }
    decMarketS[d] += dMarket;
    decAiS[d] += dAi;
  }
  flushGiniBin(gW, gY, gBin, gCount, gSum, wgt);
  storeSector(out, s, wgt, sMarket, sAi, sActive, sBase, sIncome, sGross, sDistributed, sUnmatched);
}

/**
 * Creator i's decisions for next year and its place in next year's supply: registration with the
 * collective (where there is one; its own stream, so skipping it elsewhere shifts no other draw), the
 * opt-out (declared when u / target < ramp, and recognised by the regime), and its cell.
 */
export function prepareNextYear(cr: Creators, out: CreatorPass, i: number, wgt: number, ramp: number): void {
  if (out.hasCollective && !cr.registered[i] && out.registrationRng() < out.registrationRate) cr.registered[i] = 1;
  const c = out.cellBase[i] + +(out.optoutNeed[i] < ramp);
  out.cellOf[i] = c;
  const w = cr.works[i] * wgt;
  if (w > 0) {
    const c3 = c * 3;
    out.nextSupply[c3] += w;
    out.nextSupply[c3 + 1] += w * cr.quality[i];
    if (out.hasCollective && cr.registered[i]) out.nextSupply[c3 + 2] += w;
  }
}

/** Add a run of creators in one Gini bin (counts and incomes per agent) to the weighted bins. */
function flushGiniBin(gW: Float64Array, gY: Float64Array, bin: number, count: number, sum: number, wgt: number): void {
  gW[bin] += count * wgt;
  gY[bin] += sum * wgt;
}

/** Weight one sector's sums per agent into real creators and add them to the pass's outputs. */
function storeSector(
  out: CreatorPass, s: number, wgt: number, market: number, ai: number, active: number, base: number, income: number,
  gross: number, distributed: number, unmatched: number,
): void {
  out.sectorMarket[s] = market * wgt;
  out.sectorAi[s] = ai * wgt;
  out.sectorActive[s] = active * wgt;
  out.sectorBase[s] = base * wgt;
  out.sectorIncome[s] = income * wgt;
  out.distributed += distributed * wgt;
  out.unmatched += unmatched * wgt;
  out.toCreators += ai * wgt;
  out.toIntermediaries += (gross - ai) * wgt;
  for (let k = 0; k < out.decileMarket.length; k++) {
    out.decileMarket[k] += out.sectorDecileMarket[k] * wgt;
    out.decileAi[k] += out.sectorDecileAi[k] * wgt;
  }
}
