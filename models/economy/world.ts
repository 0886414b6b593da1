/**
 * The yearly step of the economy and the run loop over years.
 *
 * Order of events in a year t (a modelling decision; each step uses what the earlier ones produced):
 *  1. Exogenous trends: the baseline AI revenue pool P_t = P_2025 (1 + g)^t; the substitution ramp.
 *  2. Creators: opt-out declarations diffuse (fixed thresholds, so they are near-irreversible); the
 *     regime decides which declarations bind; unmatched creators may register with the collective.
 *  3. Supply: works are aggregated into cells (sector × quality band × legal status): works, quality-
 *     weighted value, registered works.
 *  4. Rate-setter (compulsory): every `review_years`, under willing buyer/willing seller, the rate is
 *     reset to a share of developers' willingness to pay; under a fixed standard it never moves.
 *  5. Developers choose plans and corpora, best-responding twice to rivals' corpora (two passes).
 *  6. Market: model quality, the AI pool R_t = P_t × quality^η (× (1 − filter loss)), revenue shares.
 *  7. Payments: licences, side deals and acquisition; the statutory royalty to the collective.
 *  8. Courts: each developer using works without permission is detected with probability p; damages
 *     per work are drawn around the statutory/actual level; plaintiffs' lawyers take their fee; EU fines.
 *  9. Collective: admin deduction; matched owners paid; unmatched money held, the vintage from
 *     `hold_years` ago released pro rata to this year's matched payments ("market share").
 * 10. Creators: market income (base × (1 − substitution)), AI income after intermediary splits; new
 *     works; exit (base rate, plus distress when income falls below a fraction of baseline) and entry
 *     (reserve slots, responding to the sector's income ratio), effective next year.
 * 11. Developers: profit; exit after `exit_patience` loss years; small entrants join if expected profit
 *     is positive, effective next year.
 * 12. Record metrics.
 *
 * Random streams (common random numbers across regimes): `creators` and `developers` (initial draws),
 * `registration` and `churn` (one draw per creator per year, always consumed), `litigation` (three
 * draws per developer slot per year), `entry` (three draws per entry attempt per year).
 */
import { forkRng, normal, type Rng } from "../engine/rng";
import { DECILES, SECTORS, SERIES_KEYS, seriesKey } from "../results/metrics";
import type { RunOutput } from "../results/types";
import { N_BANDS, type Creators } from "./creators";
import {
  TIER, addDeveloper, allocDevelopers, allocPlan, buildPlan, choose, copyChoice, prefixAt, referenceWeight, setPaymentPrefixes,
  type Choice, type Developers, type Plan,
} from "./developers";
import { allocGiniBins, giniFromBins, resetGiniBins } from "./gini";
import { creatorsYear, type CreatorPass } from "./creator-pass";
import type { ModelParams } from "./params";
import { N_STATUS, STATUS, isIntermediated, isOptedOut, type CellTerms, type RegimeRules } from "./rules";

const N_SECTORS = SECTORS.length;
export const N_CELLS = N_SECTORS * N_BANDS * N_STATUS;


/** Initial developer population for a seed (frontier, mid, small by the tier shares). */
export function initDevelopers(p: ModelParams, seed: number): Developers {
  const n = p.sim.developers;
  const capacity = n + p.sim.years * p.developers.entryAttempts;
  const d = allocDevelopers(capacity);
  const rng = forkRng(seed, "developers");
  const nF = Math.round(n * p.developers.frontierShare);
  const nM = Math.round(n * p.developers.midShare);
  const ref = referenceWeight(p);
  for (let i = 0; i < n; i++) {
    const tier = i < nF ? TIER.frontier : i < nF + nM ? TIER.mid : TIER.small;
    addDeveloper(d, p, tier, normal(rng), ref);
  }
  return d;
}

interface Totals {
  data: number; tx: number; compliance: number; legal: number;
  royaltiesPaid: number; profit: number;
  toCreators: number; toIntermediaries: number; toLawyers: number; toState: number; toOthers: number;
}

/**
 * Run one regime for one seed over the configured years, mutating the given populations (pass copies).
 * Pure apart from those arguments: same inputs, same output, in any JavaScript engine.
 */
export function runWorld(p: ModelParams, rules: RegimeRules, regimeId: string, seed: number, cr: Creators, dev: Developers): RunOutput {
  const years = p.sim.years;
  const series: Record<string, Float64Array> = {};
  for (const key of SERIES_KEYS) series[key] = new Float64Array(years);
  const put = (key: string, t: number, v: number) => {
    series[key][t] = v;
  };
  // Breakdown columns looked up once per run, not once per year.
  const cols = (metric: string, groups: readonly string[]) => groups.map((g) => series[seriesKey(metric, g)]);
  const sectorCols = {
    market: cols("creator_market_revenue", SECTORS), ai: cols("creator_ai_revenue", SECTORS), revenue: cols("creator_revenue", SECTORS),
    active: cols("active_creators", SECTORS), works: cols("works_created", SECTORS),
  };
  const decileCols = { market: cols("creator_market_revenue", DECILES), ai: cols("creator_ai_revenue", DECILES), revenue: cols("creator_revenue", DECILES) };

  const regRng: Rng = forkRng(seed, "registration");
  const churnRng: Rng = forkRng(seed, "churn");
  const litRng: Rng = forkRng(seed, "litigation");
  const entryRng: Rng = forkRng(seed, "entry");

  // Cell aggregates (reused every year).
  let cellWorks = new Float64Array(N_CELLS);
  let cellQWorks = new Float64Array(N_CELLS);
  let cellRegWorks = new Float64Array(N_CELLS);
  let nextWorks = new Float64Array(N_CELLS);
  let nextQWorks = new Float64Array(N_CELLS);
  let nextRegWorks = new Float64Array(N_CELLS);
  const cellValue = new Float64Array(N_CELLS);
  const sectorQWorks = new Float64Array(N_SECTORS);
  const cellOf = new Uint16Array(cr.n);
  // Per-cell per-work payments to rights holders this year (gross of intermediary split), and net royalties.
  const payPerWork = new Float64Array(N_CELLS);
  const royPerWork = new Float64Array(N_CELLS);
  // Per-cell terms under the regime.
  const termPrice = new Float64Array(N_CELLS);
  const termTx = new Float64Array(N_CELLS);
  const termAcq = new Float64Array(N_CELLS);
  const termLawful = new Uint8Array(N_CELLS);
  const termDamages = new Float64Array(N_CELLS);
  const fineable = new Uint8Array(N_CELLS);
  const terms: CellTerms = { price: 0, tx: 0, acq: 0, lawful: true, damages: 0, detection: 0, fineable: false };
  const termDetect = new Float64Array(N_CELLS);
  const scratch = new Float64Array(N_CELLS);
  const royaltyUse = new Float64Array(N_CELLS);
  const damagesCell = new Float64Array(N_CELLS);

  // Plans: 0 comply, 1 license-where-cheaper respecting binding opt-outs, 2 also ignore binding opt-outs;
  // under a blanket licence: 0 licence (rate binds), 1 licence (minimum binds), 2 no licence.
  const plans: Plan[] = [allocPlan(N_CELLS), allocPlan(N_CELLS), allocPlan(N_CELLS)];
  const choice: Choice = { lastPos: -1, lastFrac: 0, value: 0, cost: 0, worksUsed: 0, revenue: 0, profit: 0 };
  const best: Choice = { ...choice };
  const freeRoyaltyCoef = new Float64Array(plans.length);
  const memos = plans.map(() => ({ sw: NaN, others: NaN, pool: NaN, choice: { ...choice } }));

  const gini = allocGiniBins();
  const sectorIncomeRatio = new Float64Array(N_SECTORS).fill(1);
  const secMarket = new Float64Array(N_SECTORS);
  const secAi = new Float64Array(N_SECTORS);
  const secActive = new Float64Array(N_SECTORS);
  const secWorks = new Float64Array(N_SECTORS);
  const secBase = new Float64Array(N_SECTORS);
  const secIncome = new Float64Array(N_SECTORS);
  const decMarket = new Float64Array(DECILES.length);
  const decAi = new Float64Array(DECILES.length);
  const secSub = new Float64Array(N_SECTORS);
  const secWorksPerYear = new Float64Array(N_SECTORS);
  const secEntry = new Float64Array(N_SECTORS);
  const keepCell = new Float64Array(N_CELLS);
  const cellTable = new Float64Array(3 * N_CELLS);
  const nextSupply = new Float64Array(3 * N_CELLS);
  const decMarketS = new Float64Array(DECILES.length);
  const decAiS = new Float64Array(DECILES.length);
  // Creators come in contiguous sector blocks (see initCreators): [sectorStart[s], sectorStart[s + 1]).
  const sectorStart = new Int32Array(N_SECTORS + 1);
  for (let i = 0; i < cr.n; i++) sectorStart[cr.sector[i] + 1]++;
  for (let s = 0; s < N_SECTORS; s++) sectorStart[s + 1] += sectorStart[s];

  const held = new Float64Array(Math.max(1, p.collective.holdYears));
  let heldTotal = 0;
  let rate = p.compulsory.royaltyRate;
  let prevQuality = 1;
  const alpha = p.corpus.scalingExponent;
  const lambda = p.market.qualitySensitivity;
  const a = alpha * lambda;
  const openValue = p.corpus.openShare;
  const copyShare = 1 - openValue;
  let cwSum = 0;
  for (let s = 0; s < N_SECTORS; s++) cwSum += p.sectors[s].corpusWeight;
  const bindShare = rules.optOutBinding(p);
  const op = p.outputProtection;
  const opCompliance = op.enabled ? op.complianceCostShare : 0;
  const opRevenueLoss = op.enabled ? op.revenueCost : 0;
  const sideRate = rules.sideDealRate(p);
  const complianceFixed = rules.compliancePerDeveloper(p);
  const fineRate = rules.fineRate(p);
  // The plans the regime allows (fixed for the run): a blanket licence with or without a binding
  // per-work minimum, and no licence; or comply, license where cheaper, and (where fines exist) ignore opt-outs.
  const planIds = rules.blanketLicence ? (p.compulsory.perWorkMinimum > 0 ? [0, 1, 2] : [0, 2]) : fineRate > 0 ? [0, 1, 2] : [0, 1];
  const fineDetect = rules.fineDetection(p);
  const refWeight = referenceWeight(p);
  const tau = p.market.substitutionYears;
  const mim = p.market.mimicryShare;
  const mimicKeep = 1 - (op.enabled ? op.effectiveness : 0);

  const hasCollective = rules.blanketLicence;
  const regRate = p.collective.registrationRate;
  const optRampAt = (t: number) => (p.optout.rampYears > 0 ? Math.min(1, (t + 1) / p.optout.rampYears) : 1);
  /**
   * Creator i's decisions for year `t` (opt-out declaration, registration) and its cell, accumulated
   * into the next year's supply. Registration matters only where there is a collective; its stream is
   * separate, so skipping it elsewhere shifts no other draw.
   */
  // Per-creator constants for this run: the cell index without the opt-out bit, and the opt-out ramp
  // level beyond which the creator's declaration exists and binds (Infinity: never).
  const cellBase = new Uint16Array(cr.n);
  const optoutNeed = new Float64Array(cr.n);
  const agentWeight = new Float64Array(cr.n);
  for (let i = 0; i < cr.n; i++) {
    const s = cr.sector[i];
    const status = cr.intermediated[i] ? STATUS.intermediated : cr.reachable[i] ? STATUS.reachable : STATUS.unreachable;
    cellBase[i] = (s * N_BANDS + cr.band[i]) * N_STATUS + status;
    optoutNeed[i] = cr.uBinding[i] < bindShare && cr.optoutTarget[i] > 0 ? cr.uOptout[i] / cr.optoutTarget[i] : Infinity;
    agentWeight[i] = cr.weight[s];
  }
  const assign = (i: number, optRamp: number) => {
    if (hasCollective && !cr.registered[i] && regRng() < regRate) cr.registered[i] = 1;
    // Declared when u < target × ramp, i.e. u / target < ramp; binding when the regime recognises it.
    const c = cellBase[i] + (optoutNeed[i] < optRamp ? 1 : 0);
    cellOf[i] = c;
    const w = cr.works[i] * agentWeight[i];
    if (w > 0) {
      nextSupply[3 * c] += w;
      nextSupply[3 * c + 1] += w * cr.quality[i];
      if (hasCollective && cr.registered[i]) nextSupply[3 * c + 2] += w;
    }
  };
  /** Copy the interleaved next-year supply into its three per-cell arrays. */
  const splitSupply = () => {
    for (let c = 0; c < N_CELLS; c++) {
      nextWorks[c] = nextSupply[3 * c];
      nextQWorks[c] = nextSupply[3 * c + 1];
      nextRegWorks[c] = nextSupply[3 * c + 2];
    }
  };
  const ramp0 = optRampAt(0);
  for (let i = 0; i < cr.n; i++) assign(i, ramp0);
  splitSupply();
  const pass: CreatorPass = {
    cellTable, cellOf, cellBase, optoutNeed, sectorStart, secSub, secWorksPerYear, secEntry,
    genW: 0, mimW: 0, baseExit: 0, exitRatio: 0, distressRate: 0, releaseRatio: 0,
    hasCollective, regRate, more: false, rampNext: 0, churnRng, regRng, nextSupply, gini,
    secMarket, secAi, secActive, secBase, secIncome, decMarket, decAi, decMarketS, decAiS,
    distributed: 0, unmatched: 0, toCreators: 0, toIntermediaries: 0,
  };

  for (let t = 0; t < years; t++) {
    // 1. Exogenous trends.
    const growth = (1 + p.market.aiRevenueGrowth) ** t;
    const baselinePool = p.market.aiRevenue2025 * growth;
    const ramp = 1 - Math.exp(-(t + 1) / tau);
    const nextRamp = optRampAt(t + 1);
    const more = t + 1 < years;

    // 2–3. The supply in cells for this year was aggregated at the end of last year (or before the
    // first year), fused with the creators' pass so that creators are read once a year.
    [cellWorks, nextWorks] = [nextWorks, cellWorks];
    [cellQWorks, nextQWorks] = [nextQWorks, cellQWorks];
    [cellRegWorks, nextRegWorks] = [nextRegWorks, cellRegWorks];
    sectorQWorks.fill(0);
    let allWorks = 0;
    let optedWorks = 0;
    let optedQWorks = 0;
    for (let c = 0; c < N_CELLS; c++) {
      sectorQWorks[Math.floor(c / (N_BANDS * N_STATUS))] += cellQWorks[c];
      allWorks += cellWorks[c];
      if (isOptedOut(c % N_STATUS)) {
        optedWorks += cellWorks[c];
        optedQWorks += cellQWorks[c];
      }
    }
    let allQWorks = 0;
    for (let c = 0; c < N_CELLS; c++) {
      const s = Math.floor(c / (N_BANDS * N_STATUS));
      cellValue[c] = sectorQWorks[s] > 0 && cwSum > 0 ? (copyShare * (p.sectors[s].corpusWeight / cwSum) * cellQWorks[c]) / sectorQWorks[s] : 0;
      allQWorks += cellQWorks[c];
      const k = c % N_STATUS;
      rules.cellTerms(p, s, k, terms);
      termPrice[c] = terms.price;
      termTx[c] = terms.tx;
      termAcq[c] = terms.acq;
      termLawful[c] = terms.lawful ? 1 : 0;
      termDamages[c] = terms.damages;
      termDetect[c] = terms.detection;
      fineable[c] = terms.fineable ? 1 : 0;
    }

    // Plans for this year (shared by all developers).
    const penalty = (c: number) => termDetect[c] * termDamages[c];
    if (rules.blanketLicence) {
      const [licRate, licMin, none] = plans;
      for (let c = 0; c < N_CELLS; c++) {
        licRate.costPerWork[c] = 0;
        licRate.unlicensed[c] = 0;
        licMin.costPerWork[c] = p.compulsory.perWorkMinimum;
        licMin.unlicensed[c] = 0;
        none.costPerWork[c] = penalty(c);
        none.unlicensed[c] = 1;
      }
      for (const pl of plans) {
        pl.otherCharge = opCompliance;
        pl.fineRisk = 0;
        pl.fixed = complianceFixed;
        pl.royaltyRate = rate;
        pl.perWorkMin = p.compulsory.perWorkMinimum;
      }
      licRate.blanket = licMin.blanket = true;
      none.blanket = false;
      licRate.revenueCharge = opCompliance + rate;
      licMin.revenueCharge = opCompliance;
      none.revenueCharge = opCompliance;
    } else {
      const [comply, cheaper, ignore] = plans;
      for (let c = 0; c < N_CELLS; c++) {
        const lawful = termLawful[c] ? termPrice[c] + termTx[c] + termAcq[c] : Infinity;
        const pen = penalty(c);
        comply.costPerWork[c] = lawful;
        comply.unlicensed[c] = 0;
        const cheaperUnlic = pen < lawful;
        cheaper.costPerWork[c] = fineable[c] ? lawful : cheaperUnlic ? pen : lawful;
        cheaper.unlicensed[c] = fineable[c] ? 0 : cheaperUnlic ? 1 : 0;
        ignore.costPerWork[c] = cheaperUnlic ? pen : lawful;
        ignore.unlicensed[c] = cheaperUnlic ? 1 : 0;
      }
      for (const pl of plans) {
        pl.revenueCharge = sideRate + opCompliance;
        pl.otherCharge = sideRate + opCompliance;
        pl.blanket = false;
        pl.royaltyRate = 0;
        pl.perWorkMin = 0;
        pl.fineRisk = 0;
        pl.fixed = complianceFixed;
      }
      ignore.fineRisk = fineDetect * fineRate;
    }
    for (const pl of plans) {
      buildPlan(pl, cellWorks, cellQWorks, termAcq, cellValue, openValue, fineable, scratch);
      setPaymentPrefixes(pl, cellWorks, cellQWorks, termPrice, termAcq, termTx);
    }

    // 4. Rate-setter (willing buyer / willing seller reviews).
    if (rules.blanketLicence && p.compulsory.rateStandard === 1 && t > 0 && t % p.compulsory.reviewYears === 0) {
      rate = Math.min(1, p.compulsory.wbwsBargainingShare * willingnessToPay(dev, openValue, a));
      for (const pl of plans) pl.royaltyRate = rate;
      plans[0].revenueCharge = opCompliance + rate;
    }

    // 5. Developers choose (two best-response passes).
    for (const m of memos) m.sw = NaN;
    let quality = prevQuality;
    for (let pass = 0; pass < 2; pass++) {
      let totalW = 0;
      for (let i = 0; i < dev.count; i++) if (dev.active[i]) totalW += dev.marketWeight[i];
      const poolEst = baselinePool * quality ** p.market.qualityElasticity * (1 - opRevenueLoss);
      for (let i = 0; i < dev.count; i++) {
        if (!dev.active[i]) continue;
        const others = totalW - dev.marketWeight[i];
        let bestPlan = -1;
        for (const pi of planIds) {
          // Developers of a tier share scale and usually rivals' weight: reuse the last evaluation of this plan.
          const memo = memos[pi];
          if (memo.sw === dev.scaleWeight[i] && memo.others === others && memo.pool === poolEst) copyChoice(choice, memo.choice);
          else {
            choose(plans[pi], dev.scaleWeight[i], others, poolEst, a, choice);
            memo.sw = dev.scaleWeight[i];
            memo.others = others;
            memo.pool = poolEst;
            copyChoice(memo.choice, choice);
          }
          if (bestPlan < 0 || choice.profit > best.profit) {
            bestPlan = pi;
            copyChoice(best, choice);
          }
        }
        dev.plan[i] = bestPlan;
        dev.lastPos[i] = best.lastPos;
        dev.lastFrac[i] = best.lastFrac;
        dev.value[i] = best.value;
      }
      // Update weights after everyone chose (simultaneous moves within a pass).
      let W = 0;
      let qSum = 0;
      for (let i = 0; i < dev.count; i++) {
        if (!dev.active[i]) continue;
        dev.marketWeight[i] = dev.scaleWeight[i] * dev.value[i] ** a;
        W += dev.marketWeight[i];
      }
      for (let i = 0; i < dev.count; i++) if (dev.active[i] && W > 0) qSum += (dev.marketWeight[i] / W) * dev.value[i] ** alpha;
      quality = W > 0 ? Math.min(1, qSum) : 0;
    }

    // 6. Market outcome.
    const pool = baselinePool * quality ** p.market.qualityElasticity * (1 - opRevenueLoss);
    let totalW = 0;
    let nActiveDev = 0;
    for (let i = 0; i < dev.count; i++) if (dev.active[i]) {
      totalW += dev.marketWeight[i];
      nActiveDev++;
    }

    // 7–8. Payments and courts.
    payPerWork.fill(0);
    royaltyUse.fill(0);
    damagesCell.fill(0);
    const tot: Totals = { data: 0, tx: 0, compliance: 0, legal: 0, royaltiesPaid: 0, profit: 0, toCreators: 0, toIntermediaries: 0, toLawyers: 0, toState: 0, toOthers: 0 };
    let hhi = 0;
    let corpusShare = 0;
    let corpusQShare = 0;
    let unlicShare = 0;
    let sideTotal = 0;
    let fines = 0;
    for (let i = 0; i < dev.capacity; i++) {
      // Three litigation draws per slot per year, whether or not the slot is in use (common random numbers).
      const uDetect = litRng();
      const z = normal(litRng);
      if (i >= dev.count || !dev.active[i]) continue;
      const share = totalW > 0 ? dev.marketWeight[i] / totalW : 0;
      const revenue = pool * share;
      hhi += share * share;
      const pl = plans[dev.plan[i]];
      let usedWorks: number, usedQWorks: number, unlicWorks: number, usedValue: number;
      let usedFineable: boolean;
      let dataCost = 0;
      let txCost = 0;
      // Free cells (cost 0) are used whole (plan-level totals); then the plan's order up to the chosen
      // position, read from the plan's prefix sums; per-cell payments are added once per plan below.
      const last = dev.lastPos[i];
      const x = dev.lastFrac[i];
      usedWorks = pl.freeWorks + prefixAt(pl.cumWorks, last, x);
      usedQWorks = pl.freeQWorks + prefixAt(pl.cumQWorks, last, x);
      usedValue = pl.freeValue - openValue + prefixAt(pl.cumValue, last, x);
      unlicWorks = prefixAt(pl.cumUnlicWorks, last, x);
      usedFineable = last >= pl.firstFineable;
      if (!pl.blanket) {
        const acq = pl.freeAcq + prefixAt(pl.cumAcq, last, x);
        const tx = prefixAt(pl.cumTx, last, x);
        dataCost += prefixAt(pl.cumPrice, last, x) + acq;
        txCost += tx;
        tot.toOthers += acq + tx;
      }
      if (last >= 0) {
        pl.covCount[0] += 1;
        pl.covCount[last] -= 1;
        pl.partCount[last] += x;
      }
      // Statutory royalty under a blanket licence: greater of rate × revenue and minimum × works used.
      let royalty = 0;
      if (pl.blanket) {
        royalty = Math.max(rate * revenue, p.compulsory.perWorkMinimum * usedWorks);
        // Allocated to cells by value used (pro rata by usage): free cells and the plan's order, below.
        if (usedValue > 0 && royalty > 0) {
          const coef = royalty / usedValue;
          freeRoyaltyCoef[dev.plan[i]] += coef;
          if (last >= 0) {
            pl.covCoef[0] += coef;
            pl.covCoef[last] -= coef;
            pl.partCoef[last] += coef * x;
          }
        }
        dataCost += royalty;
        tot.royaltiesPaid += royalty;
      }
      // Side deals go to intermediaries' non-opted-out catalogues, pro rata by value.
      const side = sideRate * revenue;
      sideTotal += side;
      dataCost += side;
      // Compliance: fixed regime cost plus output filters.
      const compliance = complianceFixed + opCompliance * revenue;
      tot.toOthers += compliance;
      // Courts: detection, then damages per unlicensed work around the expected level.
      let legal = 0;
      if (unlicWorks > 0) {
        const sd = p.courts.damagesDispersion;
        const shock = Math.exp(sd * z - (sd * sd) / 2);
        for (let pos = 0; pos <= last; pos++) {
          const c = pl.order[pos];
          // One detection draw per developer-year; a cell's use is caught when the draw falls below its detection probability.
          if (!pl.unlicensed[c] || uDetect >= termDetect[c]) continue;
          const x = pos === last ? dev.lastFrac[i] : 1;
          const dmg = x * cellWorks[c] * termDamages[c] * shock;
          damagesCell[c] += dmg;
          legal += dmg;
        }
        if (usedFineable && uDetect < fineDetect) {
          const fine = fineRate * revenue;
          fines += fine;
          legal += fine;
        }
      }
      tot.data += dataCost;
      tot.tx += txCost;
      tot.compliance += compliance;
      tot.legal += legal;
      const fixed = dev.fixedCost[i] * growth;
      const profit = revenue - fixed - dataCost - txCost - compliance - legal;
      tot.profit += profit;
      dev.lossYears[i] = profit < 0 ? Math.min(255, dev.lossYears[i] + 1) : 0;
      corpusShare += allWorks > 0 ? (share * usedWorks) / allWorks : 0;
      corpusQShare += allQWorks > 0 ? (share * usedQWorks) / allQWorks : 0;
      unlicShare += usedWorks > 0 ? (share * unlicWorks) / usedWorks : 0;
    }
    // Per-cell licence fees and royalties from the coverage of each plan's order: m developers using a
    // cell whole and parts of it pay m (+ parts) × the price per work; royalties by value used.
    for (const pl of plans) {
      let count = 0;
      let coef = 0;
      for (let pos = 0; pos < pl.len; pos++) {
        count += pl.covCount[pos];
        coef += pl.covCoef[pos];
        const c = pl.order[pos];
        const uses = count + pl.partCount[pos];
        if (uses > 0 && !pl.unlicensed[c] && !pl.blanket) payPerWork[c] += termPrice[c] * uses;
        const roy = coef + pl.partCoef[pos];
        if (roy > 0) royaltyUse[c] += roy * cellValue[c];
      }
    }
    for (let pi = 0; pi < plans.length; pi++) {
      const coef = freeRoyaltyCoef[pi];
      if (coef === 0) continue;
      const pl = plans[pi];
      for (let k = 0; k < pl.freeLen; k++) royaltyUse[pl.freeCells[k]] += coef * cellValue[pl.freeCells[k]];
      freeRoyaltyCoef[pi] = 0;
    }
    // Side deals → intermediated, non-opted-out cells, pro rata by value.
    if (sideTotal > 0) {
      let v = 0;
      for (let c = 0; c < N_CELLS; c++) if (c % N_STATUS === STATUS.intermediated && cellWorks[c] > 0) v += cellValue[c];
      if (v > 0) {
        for (let c = 0; c < N_CELLS; c++) if (c % N_STATUS === STATUS.intermediated && cellWorks[c] > 0) payPerWork[c] += (sideTotal * cellValue[c]) / v / cellWorks[c];
      } else tot.toOthers += sideTotal;
    }
    // Damages net of lawyers' fees → the rights holders of the infringed cells.
    let damagesTotal = 0;
    for (let c = 0; c < N_CELLS; c++) {
      if (damagesCell[c] <= 0) continue;
      damagesTotal += damagesCell[c];
      payPerWork[c] += (damagesCell[c] * (1 - p.courts.lawyerFeeShare)) / cellWorks[c];
    }
    tot.toLawyers += damagesTotal * p.courts.lawyerFeeShare;
    tot.toState += fines;

    // 9. Collective: admin, net royalties per work; matched total for the release of old unmatched money.
    const admin = tot.royaltiesPaid * p.collective.adminRate;
    let matched = 0;
    for (let c = 0; c < N_CELLS; c++) {
      royPerWork[c] = cellWorks[c] > 0 ? (royaltyUse[c] * (1 - p.collective.adminRate)) / cellWorks[c] : 0;
      matched += royPerWork[c] * cellRegWorks[c];
    }
    const slot = t % held.length;
    const release = matched > 0 ? held[slot] : 0;
    const carried = matched > 0 ? 0 : held[slot];
    const releaseRatio = matched > 0 ? release / matched : 0;

    // 10. Creators: income, production, exit and entry.
    secMarket.fill(0);
    secAi.fill(0);
    secActive.fill(0);
    secWorks.fill(0);
    secBase.fill(0);
    secIncome.fill(0);
    resetGiniBins(gini);
    const subBase = p.market.substitution * ramp * quality;
    for (let s = 0; s < N_SECTORS; s++) {
      const sec = p.sectors[s];
      secSub[s] = subBase * sec.substitutionExposure;
      secWorksPerYear[s] = sec.worksPerYear;
      const rs = p.creators.reserveShare;
      secEntry[s] = rs > 0 ? Math.min(1, ((p.creators.baseExitRate * (1 - rs)) / rs) * sectorIncomeRatio[s] ** p.creators.entryElasticity) : 0;
    }
    for (let c = 0; c < N_CELLS; c++) {
      const s = Math.floor(c / (N_BANDS * N_STATUS));
      keepCell[c] = isIntermediated(c % N_STATUS) ? 1 - p.sectors[s].intermediaryShare : 1;
    }
    pass.releaseRatio = releaseRatio;
    pass.more = more;
    pass.rampNext = nextRamp;
    pass.genW = 1 - mim;
    pass.mimW = mim * mimicKeep * 2;
    pass.baseExit = p.creators.baseExitRate;
    pass.exitRatio = p.creators.exitIncomeRatio;
    pass.distressRate = p.creators.distressExitRate;
    // Per-cell payments and the creator's share, interleaved so one cache line serves a creator.
    for (let c = 0; c < N_CELLS; c++) {
      cellTable[3 * c] = payPerWork[c];
      cellTable[3 * c + 1] = royPerWork[c];
      cellTable[3 * c + 2] = keepCell[c];
    }
    nextSupply.fill(0);
    creatorsYear(cr, pass);
    const distributed = pass.distributed;
    const unmatchedNew = pass.unmatched;
    tot.toCreators += pass.toCreators;
    tot.toIntermediaries += pass.toIntermediaries;
    if (more) splitSupply();
    for (let s = 0; s < N_SECTORS; s++) {
      sectorIncomeRatio[s] = secBase[s] > 0 ? secIncome[s] / secBase[s] : 1;
      secWorks[s] = secActive[s] * secWorksPerYear[s];
    }
    held[slot] = unmatchedNew + carried;
    heldTotal = 0;
    for (let k = 0; k < held.length; k++) heldTotal += held[k];

    // 11. Developers exit and enter (effective next year).
    let activeW = 0;
    for (let i = 0; i < dev.count; i++) {
      if (dev.active[i] && dev.lossYears[i] >= p.developers.exitPatience) dev.active[i] = 0;
      if (dev.active[i]) activeW += dev.marketWeight[i];
    }
    const nextPool = p.market.aiRevenue2025 * (1 + p.market.aiRevenueGrowth) ** (t + 1) * quality ** p.market.qualityElasticity * (1 - opRevenueLoss);
    for (let k = 0; k < p.developers.entryAttempts; k++) {
      const z = normal(entryRng);
      entryRng();
      if (t === years - 1 || dev.count >= dev.capacity) continue;
      // Evaluate the entrant's best plan at next year's pool and today's rivals.
      const i = addDeveloper(dev, p, TIER.small, z, refWeight);
      let bestProfit = -Infinity;
      for (const pi of planIds) {
        choose(plans[pi], dev.scaleWeight[i], activeW, nextPool, a, choice);
        bestProfit = Math.max(bestProfit, choice.profit - dev.fixedCost[i] * (1 + p.market.aiRevenueGrowth) ** (t + 1));
      }
      if (bestProfit > 0) {
        dev.value[i] = 1;
        dev.marketWeight[i] = dev.scaleWeight[i];
        activeW += dev.marketWeight[i];
      } else dev.count--; // not viable: the slot is released
    }

    // 12. Metrics.
    let creatorMarket = 0;
    let creatorAi = 0;
    let activeCreators = 0;
    let worksCreated = 0;
    for (let s = 0; s < N_SECTORS; s++) {
      sectorCols.market[s][t] = secMarket[s];
      sectorCols.ai[s][t] = secAi[s];
      sectorCols.revenue[s][t] = secMarket[s] + secAi[s];
      sectorCols.active[s][t] = secActive[s];
      sectorCols.works[s][t] = secWorks[s];
      creatorMarket += secMarket[s];
      creatorAi += secAi[s];
      activeCreators += secActive[s];
      worksCreated += secWorks[s];
    }
    for (let d = 0; d < DECILES.length; d++) {
      decileCols.market[d][t] = decMarket[d];
      decileCols.ai[d][t] = decAi[d];
      decileCols.revenue[d][t] = decMarket[d] + decAi[d];
    }
    put("creator_market_revenue", t, creatorMarket);
    put("creator_ai_revenue", t, creatorAi);
    put("creator_revenue", t, creatorMarket + creatorAi);
    put("developer_data_cost", t, tot.data);
    put("developer_transaction_cost", t, tot.tx);
    put("developer_compliance_cost", t, tot.compliance);
    put("developer_legal_cost", t, tot.legal);
    put("developer_cost", t, tot.data + tot.tx + tot.compliance + tot.legal);
    put("royalties_paid", t, tot.royaltiesPaid);
    put("royalties_distributed", t, distributed);
    put("collective_admin_cost", t, admin);
    put("unmatched_royalties_held", t, heldTotal);
    put("corpus_share", t, corpusShare);
    put("corpus_quality_share", t, corpusQShare);
    put("unlicensed_share", t, unlicShare);
    put("optout_share", t, allWorks > 0 ? optedWorks / allWorks : 0);
    put("optout_quality_share", t, allQWorks > 0 ? Math.min(1, optedQWorks / allQWorks) : 0);
    put("model_quality", t, quality);
    put("ai_revenue", t, pool);
    put("active_creators", t, activeCreators);
    put("works_created", t, worksCreated);
    put("active_developers", t, nActiveDev);
    put("developer_hhi", t, hhi);
    put("creator_income_gini", t, giniFromBins(gini));
    put("developer_profit", t, tot.profit);
    // Royalties reach creators and intermediaries through `distributed`; admin goes to the collective.
    put("payments_to_creators", t, tot.toCreators);
    put("payments_to_intermediaries", t, tot.toIntermediaries);
    put("payments_to_lawyers", t, tot.toLawyers);
    put("payments_to_state", t, tot.toState);
    put("payments_to_others", t, tot.toOthers);
    put("statutory_rate", t, rules.blanketLicence ? rate : 0);
    prevQuality = quality;
  }
  return { regime: regimeId, seed, startYear: p.sim.startYear, years, series };
}

/**
 * Developers' willingness to pay for the copyrighted corpus, as a share of revenue: the revenue a
 * developer would lose training on open data only, rivals unchanged, market-share weighted.
 */
function willingnessToPay(dev: Developers, openValue: number, a: number): number {
  let W = 0;
  for (let i = 0; i < dev.count; i++) if (dev.active[i]) W += dev.marketWeight[i];
  if (W <= 0) return 0;
  let wtp = 0;
  for (let i = 0; i < dev.count; i++) {
    if (!dev.active[i]) continue;
    const w = dev.marketWeight[i];
    const others = W - w;
    const shareNow = w / W;
    const wOpen = dev.scaleWeight[i] * openValue ** a;
    const shareOpen = wOpen + others > 0 ? wOpen / (wOpen + others) : 0;
    wtp += shareNow * (shareNow > 0 ? 1 - shareOpen / shareNow : 0);
  }
  return Math.max(0, wtp);
}

