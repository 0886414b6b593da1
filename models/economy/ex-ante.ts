/**
 * Ex-ante legal cost, as the law charges it ex post (the equations are in `litigation.ts`, items 6–7).
 *
 * `choose.ts` picks a corpus with linear per-work penalties (risk-weighted expected damages, the plan's
 * `penalty`), which a fractional knapsack needs. When a developer compares plans, that linear cost is
 * replaced here by the expected value of what the courts step will charge this year for the corpus:
 * - training damages only for works not yet charged to this developer, n_c = (x_c N_c − C_ic)^+;
 * - one class action per detection draw u ~ U(0, 1), catching every cell with δ_c > u;
 * - the settlement min(ε J(u) + O, K), K = `courts.ability_to_pay` × revenue, O the output liability;
 * - a fine where the corpus includes a fineable cell, when a case is brought and u < the audit probability;
 * - the claim rate and lawyers' fees are the plaintiffs' affair: the payer pays the settlement;
 * - the risky part weighed at 1 + `courts.risk_aversion`;
 * - before a US ruling, the increase in the capped liability for past training (`ruling.ts`).
 */
import type { Choice } from "./choose";
import { N_CELLS } from "./cells";
import { cappedExpectation, outputLiabilityRate, riskWeight } from "./litigation";
import { prefixAt, type Plan } from "./plan";
import { expectedExposureCost } from "./ruling";
import type { World } from "./world-state";

/** Whether a plan's use of cell c carries output liability: trained abroad, or used at home without the permission the home law requires. */
export function outputExposed(pl: Plan, c: number): boolean {
  return pl.offshore || pl.unlicensed[c] === 1;
}

/**
 * The plan's running sums of training value over its corpus, all and exposed to output liability
 * (`Plan.corpusValue`, `Plan.exposedValue`), from this year's cell values; after `buildPlan`.
 */
export function setExposurePrefixes(plan: Plan, value: Float64Array): void {
  let all = 0, out = 0;
  for (let j = 0; j < plan.freeLen; j++) {
    const c = plan.freeCells[j];
    all += value[c];
    if (outputExposed(plan, c)) out += value[c];
  }
  plan.corpusValue[0] = all;
  plan.exposedValue[0] = out;
  for (let k = 0; k < plan.len; k++) {
    const c = plan.order[k];
    all += value[c];
    if (outputExposed(plan, c)) out += value[c];
    plan.corpusValue[k + 1] = all;
    plan.exposedValue[k + 1] = out;
  }
}

/**
 * s: the value share of a corpus (free cells, then the plan's order up to `lastPos`, `frac` of the last) exposed
 * to output liability. Read from the plan's running sums (`setExposurePrefixes`), which add the same values in
 * the same order as a loop over the corpus would, so the share is the loop's to the last bit.
 */
export function exposedShare(w: World, pl: Plan, lastPos: number, frac: number): number {
  if (pl.offshore) return 1;
  let all: number, exposed: number;
  if (lastPos < 0) {
    all = pl.corpusValue[0];
    exposed = pl.exposedValue[0];
  } else {
    const c = pl.order[lastPos];
    const v = frac * w.cells.value[c];
    all = pl.corpusValue[lastPos] + v;
    exposed = pl.exposedValue[lastPos];
    if (outputExposed(pl, c)) exposed += v;
  }
  return all > 0 ? exposed / all : 0;
}

/** Output liability O of developer i for a corpus and revenue: r_o × R × s. */
export function outputLiabilityOf(w: World, pl: Plan, lastPos: number, frac: number, revenue: number): number {
  const r = outputLiabilityRate(w.p);
  return r > 0 && revenue > 0 ? r * revenue * exposedShare(w, pl, lastPos, frac) : 0;
}

/** Group the expected judgment of the not-yet-charged unlicensed works by detection level, sorted by δ descending; returns the count. */
function judgmentLevels(w: World, i: number, pl: Plan, lastPos: number, frac: number): number {
  const { cells, legalDelta: levelDelta, legalJudgment: levelJudgment } = w;
  const row = i * N_CELLS;
  let m = 0;
  for (let pos = 0; pos <= lastPos; pos++) {
    const c = pl.order[pos];
    if (!pl.unlicensed[c]) continue;
    const x = pos === lastPos ? frac : 1;
    const j = Math.max(0, x * cells.works[c] - w.charged[row + c]) * cells.damages[c];
    const d = cells.detection[c];
    if (!(j > 0) || !(d > 0)) continue;
    let k = 0;
    while (k < m && levelDelta[k] > d) k++;
    if (k < m && levelDelta[k] === d) levelJudgment[k] += j;
    else {
      for (let q = m; q > k; q--) {
        levelDelta[q] = levelDelta[q - 1];
        levelJudgment[q] = levelJudgment[q - 1];
      }
      levelDelta[k] = d;
      levelJudgment[k] = j;
      m++;
    }
  }
  return m;
}

/**
 * Expected legal cost of developer i this year for a corpus under plan `pl` at revenue `revenue`:
 * min(O, K) + weight × (E S − min(O, K) + E fine) + the at-risk liability before a US ruling.
 * With weight = 1 it is the plain expectation of what the courts step charges (`devYear.legal`).
 */
export function expectedLegal(w: World, i: number, pl: Plan, lastPos: number, frac: number, revenue: number, weight: number): number {
  const { p, run } = w;
  const cap = Math.max(0, p.courts.abilityToPay * revenue);
  const out = outputLiabilityOf(w, pl, lastPos, frac, revenue);
  const sure = Math.min(out, cap);
  const m = judgmentLevels(w, i, pl, lastPos, frac);
  const { legalDelta: levelDelta, legalJudgment: levelJudgment } = w;
  let settle = (1 - (m > 0 ? levelDelta[0] : 0)) * sure;
  let cum = 0;
  for (let k = 0; k < m; k++) {
    cum += levelJudgment[k];
    const below = k + 1 < m ? levelDelta[k + 1] : 0;
    settle += (levelDelta[k] - below) * cappedExpectation(cum, out, cap, p.courts.damagesDispersion);
  }
  // A fine needs a case brought (u below the highest δ with new works) and the audit (u below its probability).
  const fineable = m > 0 && lastPos >= pl.firstFineable && run.fineRate > 0;
  const fine = fineable ? Math.min(run.fineDetection, levelDelta[0]) * run.fineRate * revenue : 0;
  return sure + weight * (settle - sure + fine) + expectedExposureCost(w, i, pl, lastPos, frac, revenue, weight);
}

/**
 * Replace, in a choice of developer i under plan `pl`, the linear legal cost `choose` charged (penalties,
 * fine risk, output liability on revenue) by the law's risk-weighted expectation; records it in `choice.legal`.
 */
export function applyExAnte(w: World, i: number, pl: Plan, choice: Choice): void {
  const { lastPos, lastFrac, revenue } = choice;
  const linear = prefixAt(pl.cumPenalty, lastPos, lastFrac) + (lastPos >= pl.firstFineable ? pl.fineRisk * revenue : 0) + pl.outputLiability * revenue;
  const exact = expectedLegal(w, i, pl, lastPos, lastFrac, revenue, riskWeight(w.p));
  choice.profit += linear - exact;
  choice.legal = exact;
}
