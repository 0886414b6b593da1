/**
 * The plans a regime's developers may choose between: named ways of using the year's cells, each
 * filling a `Plan` (cost per work of every cell, which uses are unlicensed, charges on revenue) from
 * the cell terms. Every developer evaluates each plan that applies and keeps the most profitable
 * (ties: the earlier plan in the regime's list).
 *
 * Voluntary plans (no statutory licence): comply fully; license where that is cheaper than the
 * expected damages and take the legal risk elsewhere, respecting binding opt-outs where ignoring them
 * risks a fine; also ignore binding opt-outs and risk the fine (only where fines exist).
 * Statutory plans: take the blanket licence expecting the rate on revenue to bind; take it expecting
 * the per-work minimum to bind (only with a minimum); or take no licence and risk damages. Under a
 * blanket licence lawful copies are still bought (the licence covers training, not piracy).
 * Everywhere the regime's reach is territorial (`offshoreEscapes`): train abroad under a permissive law,
 * at a relocation cost and with output liability at home.
 */
import { outputLiabilityRate, riskWeight } from "./litigation";
import { RATE_BASE } from "./royalty";
import type { Plan } from "./plan";
import type { World } from "./world-state";

export interface PlanKind {
  /** Public name, e.g. "license-where-cheaper". */
  name: string;
  /** Whether developers may use this plan in the run (decided once per run). */
  applies(w: World): boolean;
  /** Fill the plan's per-cell costs and its charges for the year (after the cell terms and the rate review). */
  fill(w: World, plan: Plan): void;
  /** Whether the plan breaks a code of conduct (ignoring opt-outs): signatories of the EU Code of Practice never choose it. */
  breaksCode?: boolean;
}

/**
 * How a plan prices one work of a cell: lawful use (Infinity where no licence can be had), the part of
 * that lawful cost that is legal risk (US before a ruling), and unlicensed use (the risk-weighted
 * expected damages per work, linear; `ex-ante.ts` replaces it by the law's once-per-work, capped charge).
 */
export interface CellCosts {
  lawful(w: World, c: number): number;
  lawfulRisk(w: World, c: number): number;
  unlicensed(w: World, c: number): number;
}

/** Risk-weighted expected penalty per work of using a cell without permission: (1 + risk aversion) × detection probability × damages. */
export function penalty(w: World, c: number): number {
  return riskWeight(w.p) * w.cells.detection[c] * w.cells.damages[c];
}

/** Per-work cost of lawful use of a cell (Infinity where no licence can be had). */
function lawfulCost(w: World, c: number): number {
  const k = w.cells;
  return k.lawful[c] ? k.price[c] + k.tx[c] + k.acq[c] : Infinity;
}

/** The cell costs of the voluntary regimes: lawful use carries no legal risk. */
export const VOLUNTARY_COSTS: CellCosts = { lawful: lawfulCost, lawfulRisk: () => 0, unlicensed: penalty };

/** A plan that uses every cell lawfully at `costs.lawful` (fair use's or licensing's "comply"). */
export function compliancePlan(name: string, costs: CellCosts, charges: (w: World, plan: Plan) => void): PlanKind {
  return {
    name,
    applies: () => true,
    fill(w, plan) {
      for (let c = 0; c < plan.costPerWork.length; c++) {
        plan.costPerWork[c] = costs.lawful(w, c);
        plan.penalty[c] = costs.lawfulRisk(w, c);
        plan.unlicensed[c] = 0;
      }
      charges(w, plan);
    },
  };
}

/**
 * A plan that uses a cell without permission where the expected penalty is below the lawful cost, and
 * lawfully elsewhere; `respectFineable` keeps binding opt-outs (whose unlicensed use risks a fine) lawful.
 */
export function cheaperPlan(name: string, costs: CellCosts, respectFineable: boolean, charges: (w: World, plan: Plan) => void): PlanKind {
  return {
    name,
    applies: () => true,
    fill(w, plan) {
      const fineable = w.cells.fineable;
      for (let c = 0; c < plan.costPerWork.length; c++) {
        const lawful = costs.lawful(w, c);
        const pen = costs.unlicensed(w, c);
        const unlicensed = !(respectFineable && fineable[c]) && pen < lawful;
        plan.costPerWork[c] = unlicensed ? pen : lawful;
        plan.penalty[c] = unlicensed ? pen : costs.lawfulRisk(w, c);
        plan.unlicensed[c] = unlicensed ? 1 : 0;
      }
      charges(w, plan);
    },
  };
}

/** Charges of a voluntary plan: side deals and output filters on revenue, fixed compliance. */
export function voluntaryCharges(w: World, plan: Plan): void {
  plan.revenueCharge = w.run.sideRate + w.run.filterCostShare;
  plan.otherCharge = w.run.sideRate + w.run.filterCostShare;
  plan.blanket = false;
  noRoyalty(plan);
  plan.fineRisk = 0;
  plan.fixed = w.run.complianceFixed;
  plan.atRisk = 0;
  domestic(plan);
}

/** A plan without a statutory royalty. */
function noRoyalty(plan: Plan): void {
  plan.royaltyRate = 0;
  plan.perWorkMin = 0;
  plan.rateBase = 0;
  plan.minRevenueShare = 0;
  plan.profitShare = 0;
}

/** A plan trained at home: no relocation, no output-liability charge. */
function domestic(plan: Plan): void {
  plan.fixedShare = 0;
  plan.outputLiability = 0;
  plan.offshore = false;
}

/** Charges of a plan under a statutory licence (the royalty itself is added by the blanket plans). */
function statutoryCharges(w: World, plan: Plan, blanket: boolean): void {
  plan.otherCharge = w.run.filterCostShare;
  plan.fineRisk = 0;
  plan.fixed = w.run.complianceFixed;
  plan.royaltyRate = w.rate;
  plan.perWorkMin = w.p.compulsory.perWorkMinimum;
  plan.rateBase = w.p.compulsory.rateBase;
  plan.minRevenueShare = w.p.compulsory.minimumRevenueShare;
  plan.profitShare = 0;
  plan.atRisk = 0;
  plan.blanket = blanket;
  plan.revenueCharge = w.run.filterCostShare;
  domestic(plan);
}

export const comply: PlanKind = compliancePlan("comply", VOLUNTARY_COSTS, voluntaryCharges);

export const licenseWhereCheaper: PlanKind = cheaperPlan("license-where-cheaper", VOLUNTARY_COSTS, true, voluntaryCharges);

const ignoringOptOuts = cheaperPlan("ignore-opt-outs", VOLUNTARY_COSTS, false, (w, plan) => {
  voluntaryCharges(w, plan);
  plan.fineRisk = riskWeight(w.p) * w.run.fineDetection * w.run.fineRate;
});
export const ignoreOptOuts: PlanKind = {
  ...ignoringOptOuts,
  // Wherever opted-out works are policed by a regulator (EU), even with no fine (then only damages deter).
  applies: (w) => w.run.fineRate > 0 || w.run.fineDetection > 0,
  breaksCode: true,
};

export const blanketAtRate: PlanKind = {
  name: "blanket-licence-rate",
  applies: () => true,
  fill(w, plan) {
    plan.costPerWork.set(w.cells.acq);
    plan.penalty.fill(0);
    plan.unlicensed.fill(0);
    statutoryCharges(w, plan, true);
    // On revenue the rate acts like an ad-valorem tax (it enters prices); on profit or net income it takes a share of the margin.
    const onRevenue = plan.rateBase === RATE_BASE.revenue;
    plan.revenueCharge = w.run.filterCostShare + (onRevenue ? w.rate : 0);
    plan.profitShare = onRevenue ? 0 : w.rate;
  },
};

export const blanketAtMinimum: PlanKind = {
  name: "blanket-licence-minimum",
  applies: (w) => w.p.compulsory.perWorkMinimum > 0,
  fill(w, plan) {
    for (let c = 0; c < plan.costPerWork.length; c++) plan.costPerWork[c] = w.p.compulsory.perWorkMinimum + w.cells.acq[c];
    plan.penalty.fill(0);
    plan.unlicensed.fill(0);
    statutoryCharges(w, plan, true);
  },
};

export const noLicence: PlanKind = {
  name: "no-licence",
  applies: () => true,
  fill(w, plan) {
    for (let c = 0; c < plan.costPerWork.length; c++) {
      plan.costPerWork[c] = plan.penalty[c] = penalty(w, c);
      plan.unlicensed[c] = 1;
    }
    statutoryCharges(w, plan, false);
  },
};

/**
 * Train abroad, in a jurisdiction where training is free whatever the source (Japan-like): every cell
 * is free, no copies are bought and no home licence or compliance is needed; the developer pays a
 * relocation cost (`offshore.relocation_cost_share` of its fixed cost) and, because output liability is
 * not territorial, `offshore.output_liability_rate` of revenue as damages to the works' rights holders.
 * Only where the regime's training rules are territorial (`rules.offshoreEscapes`: not the EU, whose
 * AI Act follows the model to its market).
 */
export const trainAbroad: PlanKind = {
  name: "train-abroad",
  applies: (w) => w.rules.offshoreEscapes(w.p),
  fill(w, plan) {
    plan.costPerWork.fill(0);
    plan.penalty.fill(0);
    plan.unlicensed.fill(0);
    plan.atRisk = 0;
    const charge = w.run.filterCostShare + outputLiabilityRate(w.p);
    plan.revenueCharge = charge;
    plan.otherCharge = charge;
    plan.blanket = false;
    noRoyalty(plan);
    plan.fineRisk = 0;
    plan.fixed = 0;
    plan.fixedShare = w.p.offshore.relocationCostShare;
    plan.outputLiability = outputLiabilityRate(w.p);
    plan.offshore = true;
  },
};

/** The plans of every regime without a statutory licence. */
export const VOLUNTARY_PLANS: readonly PlanKind[] = [comply, licenseWhereCheaper, ignoreOptOuts, trainAbroad];
/** The plans under a statutory (blanket) licence. */
export const STATUTORY_PLANS: readonly PlanKind[] = [blanketAtRate, blanketAtMinimum, noLicence, trainAbroad];
