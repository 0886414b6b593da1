/**
 * A law that changes when a court rules (the US today: nobody knows whether fair use will prevail).
 *
 * Economics. Let p be the probability that fair use prevails (`us.fair_use_probability`) and D the
 * year the question is settled (`us.decision_year`). Before D, training on a lawfully bought copy is
 * lawful for now, but if the courts hold it infringing, each such use becomes a past infringement:
 * it is then sued over with the yearly detection probability δ and costs the damages per work d_c of
 * its cell (statutory for registered US works). A risk-neutral developer therefore prices one work of
 * cell c, used at home before the ruling, at
 *     acquisition_c + (1 − p) · δ · d_c           (train lawfully, at risk)
 * against δ · d_c for pirating it (piracy is liable whatever the ruling), and chooses its corpus with
 * those costs ("ex ante under that risk"). Training abroad escapes the training liability, as under
 * fair use (`offshore.training_territorial`). At p = 1 these are fair use's terms; at p = 0 a lawful
 * copy protects nothing, so nobody buys one.
 *
 * Each developer's exposure, L_i = Σ_years Σ_c (works of c it used lawfully at home) · δ · d_c, is
 * accrued year by year, with the same sum by cell for the rights holders. The ruling is one draw per
 * run from its own random stream (`forkRng(seed, "us-ruling")`, so no other draw moves): fair use
 * prevails when u < p. From D on the law is fair use or the follow-on regime (`us.follow_on`:
 * licensing only or a compulsory licence). If the courts hold infringement, in year D each developer
 * still active pays its exposure, at most its revenue that year (what it can pay; an assumption),
 * as damages to the rights holders of the works it used (pro rata to the cells' exposure), after the
 * plaintiffs' lawyers' fee. Exposure of developers that left before D is never paid.
 *
 * Like the courts step of this model version, exposure accrues for every year of use; it is an
 * expected value (no draw per developer).
 */
import { forkRng } from "../engine/rng";
import { N_CELLS, STATUS, statusOfCell, withoutOptOut } from "./cells";
import type { Plan } from "./plan";
import { trainAbroad, type PlanKind } from "./plan-kinds";
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

/** Before the ruling: every cell used lawfully (copy bought) at its acquisition cost plus (1 − p) × the exposure. */
function atRiskCost(w: World, c: number): number {
  const k = w.cells;
  return k.lawful[c] ? k.acq[c] + (1 - w.p.us.fairUseProbability) * exposurePerWork(w, c) : Infinity;
}

/** Charges of a plan before the ruling: side deals and output filters, as under fair use. */
function preRulingCharges(w: World, plan: Plan): void {
  plan.revenueCharge = plan.otherCharge = w.run.sideRate + w.run.filterCostShare;
  plan.blanket = false;
  plan.royaltyRate = plan.perWorkMin = plan.fineRisk = 0;
  plan.fixed = w.run.complianceFixed;
  plan.fixedShare = plan.outputLiability = 0;
  plan.offshore = false;
}

/** Before the ruling, fair use's "comply": buy a lawful copy of every work used, and carry the risk. */
export const trainAtRisk: PlanKind = {
  name: "train-at-risk",
  applies: () => true,
  fill(w, plan) {
    for (let c = 0; c < plan.costPerWork.length; c++) {
      plan.costPerWork[c] = atRiskCost(w, c);
      plan.unlicensed[c] = 0;
    }
    preRulingCharges(w, plan);
  },
};

/** Before the ruling, fair use's "license where cheaper": pirate where δ d_c is below the at-risk cost of a copy. */
export const trainAtRiskOrPirate: PlanKind = {
  name: "train-at-risk-or-pirate",
  applies: () => true,
  fill(w, plan) {
    for (let c = 0; c < plan.costPerWork.length; c++) {
      const lawful = atRiskCost(w, c);
      const pirate = exposurePerWork(w, c) < lawful;
      plan.costPerWork[c] = pirate ? exposurePerWork(w, c) : lawful;
      plan.unlicensed[c] = pirate ? 1 : 0;
    }
    preRulingCharges(w, plan);
  },
};

/** The plans before the ruling (fair use's, with the risk priced in). */
export const PRE_RULING_PLANS: readonly PlanKind[] = [trainAtRisk, trainAtRiskOrPirate, trainAbroad];

/**
 * Plan slots whose meaning follows the law in force: slot k is the k-th applicable plan of the rules
 * in force this year (before the ruling: `PRE_RULING_PLANS`), or a copy of the first where those
 * rules have fewer (a copy never wins a tie, so it changes no choice).
 */
export function phasedPlans(lawOf: (w: World) => readonly PlanKind[], phases: (w: World) => readonly (readonly PlanKind[])[]): PlanKind[] {
  const slots: PlanKind[] = [];
  const MAX_SLOTS = 4;
  for (let k = 0; k < MAX_SLOTS; k++) {
    slots.push({
      name: `law-in-force-${k + 1}`,
      applies: (w) => phases(w).some((list) => list.filter((x) => x.applies(w)).length > k),
      fill(w, plan) {
        const list = lawOf(w).filter((x) => x.applies(w));
        (list[k] ?? list[0]).fill(w, plan);
      },
    });
  }
  return slots;
}

/** Accrue this year's exposure (after the payments step): each developer's, and each cell's. */
export function accrueExposure(w: World): void {
  if (ruled(w) || !(w.p.us.fairUseProbability < 1)) return;
  const { dev, cells } = w;
  const byDev = state(w, "us-exposure-dev", dev.capacity);
  const byCell = state(w, "us-exposure-cell", cells.works.length);
  for (let i = 0; i < dev.count; i++) {
    if (!dev.active[i]) continue;
    const pl = w.plans[dev.plan[i]];
    if (pl.offshore) continue;
    const add = (c: number, x: number) => {
      if (pl.unlicensed[c]) return;
      const e = x * cells.works[c] * exposurePerWork(w, c);
      byDev[i] += e;
      byCell[c] += e;
    };
    for (let j = 0; j < pl.freeLen; j++) add(pl.freeCells[j], 1);
    const last = dev.lastPos[i];
    for (let pos = 0; pos <= last; pos++) add(pl.order[pos], pos === last ? dev.lastFrac[i] : 1);
  }
}

/** In the decision year, if the courts held infringement: every active developer pays its exposure (at most its revenue). */
export function payPastInfringement(w: World): void {
  if (calendarYear(w) !== w.p.us.decisionYear || fairUsePrevails(w.seed, w.p.us.fairUseProbability)) return;
  const byDev = w.regimeState.get("us-exposure-dev");
  const byCell = w.regimeState.get("us-exposure-cell");
  if (!byDev || !byCell) return;
  const { dev, cells, tot } = w;
  let paid = 0;
  for (let i = 0; i < dev.count; i++) {
    if (!dev.active[i]) continue;
    const x = Math.min(byDev[i], Math.max(0, w.devYear.revenue[i]));
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
