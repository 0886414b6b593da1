/**
 * One developer's choice of corpus under one plan: the profit-maximising prefix of the plan's order.
 *
 * Expected profit = Σ_g ((1 − ρ_o) p_g − c) q_g(V) − Σ cost of the works used − fixed terms, where V is the
 * corpus value (unique data in full 2025 corpora), q_g(V) = M_g e_g(V) / (1 + I_g + e_g(V)) the logit
 * demand for the developer's model in segment g at its current price p_g against rivals' inclusive values I_g,
 * with e_g(V) = a_g · (D″(V) / D″_ref)^{θα} (quality through the data scaling law: `demand.ts`), and
 * ρ_o the charges proportional to revenue other than a royalty counted in the cost. Prices are held at
 * their current level: by the envelope theorem, at the optimal price ∂π/∂V is the total derivative.
 * Marginal profit per unit of value falls with V (the scaling law and the logit are concave in it),
 * so the best corpus takes cells in order of cost per unit of value up to where marginal profit equals
 * that cost: found by binary search over the prefix and bisection inside the last cell.
 */
import { effectiveData, effectiveDataInterior } from "./demand";
import { prefixAt, type Plan } from "./plan";
import { statutoryRoyalty } from "./royalty";
import { pow } from "../engine/math";

/** Bisection steps inside the last cell: 2^-24 of a cell, far below the 6 significant digits results are read at. */
const BISECTION_STEPS = 24;

/** Result of one developer's evaluation of one plan. */
export interface Choice {
  lastPos: number;
  lastFrac: number;
  value: number;
  /** Per-work costs of the corpus (licences, clearance, copies, expected damages); for a blanket plan, the statutory royalty. */
  cost: number;
  worksUsed: number;
  revenue: number;
  profit: number;
  /** Expected legal cost counted in `profit` (linear here; the law's expectation after `applyExAnte` in `ex-ante.ts`). */
  legal: number;
}

/** Copy a choice without allocating. */
export function copyChoice(to: Choice, from: Choice): void {
  to.lastPos = from.lastPos;
  to.lastFrac = from.lastFrac;
  to.value = from.value;
  to.cost = from.cost;
  to.worksUsed = from.worksUsed;
  to.revenue = from.revenue;
  to.profit = from.profit;
  to.legal = from.legal;
}

/** What a developer knows when it chooses its corpus (filled by the caller, reused without allocation). */
export interface DevView {
  /** Its current price and the marginal inference cost of a paid user, per segment (USD per user-year). */
  prices: Float64Array;
  costs: Float64Array;
  /** Users, e^{δ} of its model at D″ = D″_ref, and rivals' Σ e^{δ}, per segment. */
  users: Float64Array;
  a: Float64Array;
  rivals: Float64Array;
  /** θ × scaling exponent; tokens N; R*; σ; D″_ref. */
  thetaAlpha: number;
  tokens: number;
  rStar: number;
  sigma: number;
  dRef: number;
  /** The developer's fixed cost this year (relocation costs are a share of it). */
  fixed: number;
}

export function allocDevView(segments: number): DevView {
  return {
    prices: new Float64Array(segments), costs: new Float64Array(segments), users: new Float64Array(segments), a: new Float64Array(segments), rivals: new Float64Array(segments),
    thetaAlpha: 0, tokens: 1, rStar: 1, sigma: 0, dRef: 1, fixed: 0,
  };
}

/** The data factor (D″(V) / D″_ref)^{θα} that scales a developer's e^{δ} at corpus value v. */
function dataFactorAt(view: DevView, v: number): number {
  return pow(effectiveData(v, view.tokens, view.rStar, view.sigma) / view.dRef, view.thetaAlpha);
}

/** Scratch for `marginalProfit` (D″ and its slope at one corpus value). */
const DATA = { d: 0, slope: 0 };

/** Σ_g w_g q_g at data factor f, with weights w per segment (prices: revenue; costs: inference cost; USD a year), or plain quantity (user-years) when w is null. */
function weightedQuantity(view: DevView, f: number, w: Float64Array | null): number {
  let r = 0;
  for (let g = 0; g < view.a.length; g++) {
    const e = view.a[g] * f;
    r += w ? (w[g] * view.users[g] * e) / (1 + view.rivals[g] + e) : (view.users[g] * e) / (1 + view.rivals[g] + e);
  }
  return r;
}

/** Quantity q(V) (user-years) of a developer with corpus value v. */
export function quantityAt(view: DevView, v: number): number {
  return weightedQuantity(view, dataFactorAt(view, v), null);
}

/**
 * Marginal profit of corpus value at current prices: Σ_g m_g M_g s_g (1 − s_g) · θα · (∂D″/∂V) / D″, with the
 * segment margin m_g = keepRevenue · p_g − keepCost · c_g (floored at 0 when `floor`).
 */
export function marginalProfit(view: DevView, v: number, keepRevenue: number, keepCost: number, floor: boolean): number {
  // Outside 0 < v < N the slope (v ≥ N) or D″ (v ≤ 0, NaN) is 0, and so is the marginal profit.
  if (!(v > 0) || v >= view.tokens) return 0;
  effectiveDataInterior(v, view.tokens, view.rStar, view.sigma, DATA);
  const d = DATA.d, slope = DATA.slope;
  if (!(slope > 0) || !(d > 0)) return 0;
  const f = pow(d / view.dRef, view.thetaAlpha);
  let sum = 0;
  for (let g = 0; g < view.a.length; g++) {
    const e = view.a[g] * f;
    const s = e / (1 + view.rivals[g] + e);
    const m = keepRevenue * view.prices[g] - keepCost * view.costs[g];
    sum += (floor ? Math.max(0, m) : m) * view.users[g] * s * (1 - s);
  }
  return (sum * view.thetaAlpha * slope) / d;
}

/** The marginal profit the corpus search compares with a cell's cost per value: infinite at no value (a function, not a closure per call). */
function marginalAt(view: DevView, v: number, keepRevenue: number, keepCost: number): number {
  return v <= 0 ? Infinity : marginalProfit(view, v, keepRevenue, keepCost, false);
}

/** The profit-maximising corpus under a plan for a developer seeing `view`. */
export function choose(plan: Plan, view: DevView, out: Choice): void {
  // A royalty on profit or net income takes `profitShare` of the margin (price net of inference cost).
  const keepRevenue = 1 - plan.revenueCharge - plan.profitShare, keepCost = 1 - plan.profitShare;
  const base = plan.freeValue;
  const len = plan.len;
  // Binary search: first position k whose cost per value exceeds the marginal revenue at the value before it.
  let lo = 0;
  let hi = len;
  const cv = plan.cumValue;
  const cc = plan.cumCost;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const rho = (cc[mid + 1] - cc[mid]) / (cv[mid + 1] - cv[mid]);
    if (marginalAt(view, base + cv[mid], keepRevenue, keepCost) >= rho) lo = mid + 1;
    else hi = mid;
  }
  // Cells before lo-1 are fully included; cell lo-1 may be partial.
  let lastPos = lo - 1;
  let frac = 1;
  if (lastPos >= 0) {
    const v0 = base + cv[lastPos];
    const dv = cv[lastPos + 1] - cv[lastPos];
    const rho = (cc[lastPos + 1] - cc[lastPos]) / dv;
    if (marginalAt(view, v0 + dv, keepRevenue, keepCost) < rho) {
      let a0 = 0;
      let a1 = 1;
      for (let it = 0; it < BISECTION_STEPS; it++) {
        const m = (a0 + a1) / 2;
        if (marginalAt(view, v0 + m * dv, keepRevenue, keepCost) >= rho) a0 = m;
        else a1 = m;
      }
      frac = a0;
    }
  }
  const value = lastPos >= 0 ? base + cv[lastPos] + frac * (cv[lastPos + 1] - cv[lastPos]) : base;
  const cw = plan.cumWorks;
  const worksUsed = plan.freeWorks + (lastPos >= 0 ? cw[lastPos] + frac * (cw[lastPos + 1] - cw[lastPos]) : 0);
  let cost = lastPos >= 0 ? cc[lastPos] + frac * (cc[lastPos + 1] - cc[lastPos]) : 0;
  const f = dataFactorAt(view, value);
  const revenue = weightedQuantity(view, f, view.prices);
  const inference = weightedQuantity(view, f, view.costs);
  // "Greater of" (CRB form): the statutory royalty is the larger of the rate on its base (`royalty.ts`) and the per-work
  // minimum; lawful copies are bought on top (a statutory licence does not make a pirated copy lawful).
  if (plan.blanket) cost = statutoryRoyalty(plan, revenue, inference, view.fixed, worksUsed) + plan.freeAcq + prefixAt(plan.cumAcq, lastPos, frac);
  let profit = (1 - plan.otherCharge) * revenue - inference - cost - plan.fixed - plan.fixedShare * view.fixed;
  const fineRisk = lastPos >= plan.firstFineable && plan.fineRisk > 0 ? plan.fineRisk * revenue : 0;
  profit -= fineRisk;
  out.lastPos = lastPos;
  out.lastFrac = frac;
  out.value = value;
  out.cost = cost;
  out.worksUsed = worksUsed;
  out.revenue = revenue;
  out.profit = profit;
  out.legal = prefixAt(plan.cumPenalty, lastPos, frac) + fineRisk + plan.outputLiability * revenue;
}
