/**
 * A law that changes when a court rules (the US today: nobody knows whether fair use will prevail).
 *
 * Economics. Let p be the probability that fair use prevails (`us.fair_use_probability`) and D the
 * year the question is settled (`us.decision_year`). Before D, training on a lawfully bought copy is
 * lawful for now, but if the courts hold it infringing, each such use becomes a past infringement,
 * charged as the courts step charges any infringement: once per work, caught by the yearly detection
 * probability δ, for the damages per work d_c of its cell (statutory for registered US works).
 *
 * Exposure. Per developer i and cell c the model keeps e_ic, the works expected to have been caught so
 * far; a year of use of x_ic N_c works adds δ (x_ic N_c − e_ic)^+ to it and δ d_c per such work to the
 * developer's exposure L_i (and to the cell's, for the rights holders), so a work used for T years
 * adds d_c (1 − (1 − δ)^T): once per work, not T δ d_c. The ruling is one draw per run from its own
 * random stream (`forkRng(seed, "us-ruling")`, so no other draw moves): fair use prevails when u < p.
 * From D on the law is fair use or the follow-on regime (`us.follow_on`: licensing only or a compulsory
 * licence). If the courts hold infringement, in year D each developer still active pays its exposure,
 * at most `courts.ability_to_pay` × its revenue that year (the settlement bound of `litigation.ts`), as
 * damages to the rights holders of the works it used (pro rata to the cells' exposure), after the
 * plaintiffs' lawyers' fee. Exposure of developers that left before D is never paid. It is an expected
 * value (no draw per developer).
 *
 * Ex ante. A developer prices one work of cell c, used lawfully at home before the ruling, at
 *     acquisition_c + (1 − p)(1 + λ) δ d_c          (train lawfully, at risk; λ = `courts.risk_aversion`)
 * against the usual penalty (1 + λ) δ d_c for pirating it (piracy is liable whatever the ruling), and
 * chooses its corpus with those costs. When plans are compared, that linear at-risk cost is replaced by
 * the increase in the capped liability, (1 − p)(1 + λ)[min(L + ΔL, K) − min(L, K)] with ΔL the
 * exposure this year's use adds and K the ability to pay (`expectedExposureCost`, used by `ex-ante.ts`).
 * Training abroad escapes the training liability, as under fair use (`offshore.training_territorial`).
 * At p = 1 these are fair use's terms; at p = 0 a lawful copy protects nothing, so nobody buys one.
 */
import { forkRng } from "../engine/rng";
import { N_CELLS, STATUS, statusOfCell, withoutOptOut } from "./cells";
import { riskWeight } from "./litigation";
import type { Plan } from "./plan";
import { cheaperPlan, compliancePlan, penalty, trainAbroad, voluntaryCharges, type CellCosts, type PlanKind } from "./plan-kinds";
import type { RegimeRules } from "./rules";
import type { World } from "./world-state";

/** Calendar year of the run's year `w.t`. */
export const calendarYear = (w: World): number => w.p.sim.startYear + w.t;

/** Whether the courts have ruled by year `w.t`. */
export const ruled = (w: World): boolean => calendarYear(w) >= w.p.us.decisionYear;

/** The run's ruling: fair use prevails when the seed's `us-ruling` draw falls below `us.fair_use_probability`. */
export function fairUsePrevails(seed: number, probability: number): boolean {
  return forkRng(seed, "us-ruling")() < probability;
}

/** Expected damages per work of cell c if its use is held infringing: δ × d_c. */
const exposurePerWork = (w: World, c: number): number => w.cells.detection[c] * w.cells.damages[c];

/** Before the ruling, the risk-weighted expected liability per work of lawful use at home: (1 − p)(1 + λ) δ d_c (0 where no copy can be had). */
function atRiskPenalty(w: World, c: number): number {
  return w.cells.lawful[c] ? (1 - w.p.us.fairUseProbability) * riskWeight(w.p) * exposurePerWork(w, c) : 0;
}

/** Before the ruling: a lawful copy at its acquisition cost plus the at-risk penalty; piracy at the usual penalty. */
const PRE_RULING_COSTS: CellCosts = {
  lawful: (w, c) => (w.cells.lawful[c] ? w.cells.acq[c] + atRiskPenalty(w, c) : Infinity),
  lawfulRisk: atRiskPenalty,
  unlicensed: penalty,
};

/** Charges of a plan before the ruling: fair use's (side deals, output filters), with the lawful use at risk. */
function preRulingCharges(w: World, plan: Plan): void {
  voluntaryCharges(w, plan);
  plan.atRisk = 1 - w.p.us.fairUseProbability;
}

/** Before the ruling, fair use's "comply": buy a lawful copy of every work used, and carry the risk. */
export const trainAtRisk: PlanKind = compliancePlan("train-at-risk", PRE_RULING_COSTS, preRulingCharges);

/** Before the ruling, fair use's "license where cheaper": pirate where the penalty is below the at-risk cost of a copy. */
export const trainAtRiskOrPirate: PlanKind = cheaperPlan("train-at-risk-or-pirate", PRE_RULING_COSTS, true, preRulingCharges);

/** The plans before the ruling (fair use's, with the risk priced in). */
export const PRE_RULING_PLANS: readonly PlanKind[] = [trainAtRisk, trainAtRiskOrPirate, trainAbroad];

/**
 * Plan slots whose meaning follows the law in force: slot k is the k-th applicable plan of the rules
 * in force this year (`lawOf`), or a copy of the first where those rules have fewer (a copy never wins
 * a tie, so it changes no choice). There are as many slots as the longest list in `candidates` (every
 * list `lawOf` may return); a slot applies when some phase of the run (`phases`) has that many
 * applicable plans. The applicable plans of each list are filtered once per run, not at every fill.
 */
export function phasedPlans(
  lawOf: (w: World) => readonly PlanKind[], phases: (w: World) => readonly (readonly PlanKind[])[], candidates: readonly (readonly PlanKind[])[],
): PlanKind[] {
  const cache = new WeakMap<World, Map<readonly PlanKind[], readonly PlanKind[]>>();
  const applicable = (w: World, list: readonly PlanKind[]): readonly PlanKind[] => {
    let byList = cache.get(w);
    if (!byList) cache.set(w, (byList = new Map()));
    let a = byList.get(list);
    if (!a) byList.set(list, (a = list.filter((x) => x.applies(w))));
    return a;
  };
  const slots: PlanKind[] = [];
  const n = Math.max(0, ...candidates.map((list) => list.length));
  for (let k = 0; k < n; k++) {
    slots.push({
      name: `law-in-force-${k + 1}`,
      applies: (w) => phases(w).some((list) => list.filter((x) => x.applies(w)).length > k),
      fill(w, plan) {
        const list = applicable(w, lawOf(w));
        (list[k] ?? list[0]).fill(w, plan);
      },
    });
  }
  return slots;
}

/**
 * Exposure of developer i's use this year: the expected liability for the works not yet expected to be
 * charged, ΔL_i = Σ_c δ d_c (x_c N_c − e_ic)^+ over the cells it uses lawfully at home (`e` is the
 * record of expected works charged; `null` to read it without change), applied with `apply`.
 */
function exposureOfUse(w: World, i: number, pl: Plan, lastPos: number, frac: number, apply: ((c: number, dWorks: number) => void) | null): number {
  const { cells } = w;
  const e = w.regimeState.get("us-exposed-works");
  const row = i * N_CELLS;
  let total = 0;
  const add = (c: number, x: number) => {
    if (pl.unlicensed[c] || !cells.lawful[c]) return;
    const d = cells.detection[c] * Math.max(0, x * cells.works[c] - (e ? e[row + c] : 0));
    if (!(d > 0)) return;
    total += d * cells.damages[c];
    apply?.(c, d);
  };
  for (let j = 0; j < pl.freeLen; j++) add(pl.freeCells[j], 1);
  for (let pos = 0; pos <= lastPos; pos++) add(pl.order[pos], pos === lastPos ? frac : 1);
  return total;
}

/**
 * Ex ante, before the ruling: the plan's risk-weighted expected liability for this year's use, the
 * increase in what developer i would pay if infringement is held, (1 − p)(1 + λ)[min(L + ΔL, K) − min(L, K)],
 * K = `courts.ability_to_pay` × revenue (this year's, standing in for the ruling year's).
 */
export function expectedExposureCost(w: World, i: number, pl: Plan, lastPos: number, frac: number, revenue: number, weight: number): number {
  if (!(pl.atRisk > 0) || pl.offshore) return 0;
  const byDev = w.regimeState.get("us-exposure-dev");
  const before = byDev ? byDev[i] : 0;
  const k = Math.max(0, w.p.courts.abilityToPay * revenue);
  const add = exposureOfUse(w, i, pl, lastPos, frac, null);
  return pl.atRisk * weight * (Math.min(before + add, k) - Math.min(before, k));
}

/**
 * Accrue this year's exposure (after the payments step), once per work: of the works a developer uses
 * lawfully at home that are not yet expected to be charged, δ are expected to be caught this year,
 * e_ic ← e_ic + δ (x_ic N_c − e_ic)^+, adding δ d_c per work to its exposure L_i and to the cell's.
 * A work used for T years thus adds d_c (1 − (1 − δ)^T), the expected once-per-work charge of the
 * courts step over those years, not T δ d_c.
 */
export function accrueExposure(w: World): void {
  if (ruled(w) || !(w.p.us.fairUseProbability < 1)) return;
  const { dev, cells } = w;
  const byDev = state(w, "us-exposure-dev", dev.capacity);
  const byCell = state(w, "us-exposure-cell", cells.works.length);
  const e = state(w, "us-exposed-works", dev.capacity * N_CELLS);
  for (let i = 0; i < dev.count; i++) {
    if (!dev.active[i]) continue;
    const pl = w.plans[dev.plan[i]];
    if (pl.offshore) continue;
    const row = i * N_CELLS;
    byDev[i] += exposureOfUse(w, i, pl, dev.lastPos[i], dev.lastFrac[i], (c, d) => {
      e[row + c] += d;
      byCell[c] += d * cells.damages[c];
    });
  }
}

/** In the decision year, if the courts held infringement: every active developer pays its exposure, at most `courts.ability_to_pay` × its revenue. */
export function payPastInfringement(w: World): void {
  if (calendarYear(w) !== w.p.us.decisionYear || fairUsePrevails(w.seed, w.p.us.fairUseProbability)) return;
  const byDev = w.regimeState.get("us-exposure-dev");
  const byCell = w.regimeState.get("us-exposure-cell");
  if (!byDev || !byCell) return;
  const { dev, cells, tot } = w;
  let paid = 0;
  for (let i = 0; i < dev.count; i++) {
    if (!dev.active[i]) continue;
    const x = Math.min(byDev[i], Math.max(0, w.p.courts.abilityToPay * w.devYear.revenue[i]));
    paid += x;
  }
  let cellTotal = 0;
  for (let c = 0; c < byCell.length; c++) cellTotal += cells.works[c] > 0 ? byCell[c] : 0;
  if (!(paid > 0) || !(cellTotal > 0)) return;
  const fee = w.p.courts.lawyerFeeShare;
  for (let c = 0; c < byCell.length; c++) if (cells.works[c] > 0) cells.payPerWork[c] += (paid * (byCell[c] / cellTotal) * (1 - fee)) / cells.works[c];
  tot.toLawyers += paid * fee;
  tot.legal += paid;
  tot.profit -= paid;
  byDev.fill(0);
  byCell.fill(0);
  w.regimeState.get("us-exposed-works")?.fill(0);
}

/**
 * Side deals paid to every intermediated catalogue, opted out or not, pro rata by value (the payments
 * step pays only catalogues without a binding opt-out). Only for a year whose cell terms are fair use's,
 * where the payments per work before the courts are the side deals alone (no licence fee is paid).
 */
export function sideDealsIgnoringOptOuts(w: World): void {
  const { cells } = w;
  const isCatalogue = (c: number) => withoutOptOut(statusOfCell(c)) === STATUS.intermediated && cells.works[c] > 0;
  let paid = 0, value = 0;
  for (let c = 0; c < N_CELLS; c++) {
    if (!isCatalogue(c)) continue;
    paid += cells.payPerWork[c] * cells.works[c];
    value += cells.value[c];
  }
  if (!(paid > 0) || !(value > 0)) return;
  for (let c = 0; c < N_CELLS; c++) if (isCatalogue(c)) cells.payPerWork[c] = (paid * cells.value[c]) / value / cells.works[c];
}

/** A named per-run buffer of the regime state, allocated on first use. */
function state(w: World, name: string, n: number): Float64Array {
  let a = w.regimeState.get(name);
  if (!a) {
    a = new Float64Array(n);
    w.regimeState.set(name, a);
  }
  return a;
}

/** The rules in force in year `w.t`: `before` until the decision year, then fair use or the follow-on. */
export function rulesAfterRuling(w: World, before: RegimeRules, fairUse: RegimeRules, followOn: RegimeRules): RegimeRules {
  if (!ruled(w)) return before;
  return fairUsePrevails(w.seed, w.p.us.fairUseProbability) ? fairUse : followOn;
}
