/**
 * One developer's choice of corpus under one plan: the profit-maximising prefix of the plan's order.
 *
 * Expected profit = (1 − ρ)·R(V) − Σ cost of the works used − fixed terms, where V is the value of the
 * corpus (share of a full corpus, quality-weighted), R(V) = pool × W(V) / (W(V) + O) with
 * W(V) = scale^λ · V^(αλ) (quality from a diminishing-returns scaling law, market share from relative
 * quality) and O the rivals' weight; ρ collects the charges proportional to revenue (side deals, a
 * statutory royalty, output filters). R is concave in V, so the best corpus takes cells in order of cost
 * per unit of value up to where marginal revenue equals that cost: found by binary search over the
 * prefix and bisection inside the last cell.
 */
import type { Plan } from "./plan";

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
}

/**
 * The profit-maximising corpus under a plan for a developer with market weight `sw` (scale^λ), rivals'
 * weight `others`, expected pool `pool` and exponent `a` = αλ.
 */
export function choose(plan: Plan, sw: number, others: number, pool: number, a: number, out: Choice): void {
  const mult = 1 - plan.revenueCharge;
  const rev = (v: number) => {
    const w = sw * v ** a;
    return w + others > 0 ? (pool * w) / (w + others) : 0;
  };
  // Marginal revenue per unit of value, net of revenue-proportional charges.
  const mr = (v: number) => {
    if (v <= 0) return Infinity;
    const w = sw * v ** a;
    const d = w + others;
    return d > 0 ? (mult * pool * others * a * w) / (v * d * d) : 0;
  };
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
    if (mr(base + cv[mid]) >= rho) lo = mid + 1;
    else hi = mid;
  }
  // Cells before lo-1 are fully included; cell lo-1 may be partial.
  let lastPos = lo - 1;
  let frac = 1;
  if (lastPos >= 0) {
    const v0 = base + cv[lastPos];
    const dv = cv[lastPos + 1] - cv[lastPos];
    const rho = (cc[lastPos + 1] - cc[lastPos]) / dv;
    if (mr(v0 + dv) < rho) {
      let a0 = 0;
      let a1 = 1;
      for (let it = 0; it < BISECTION_STEPS; it++) {
        const m = (a0 + a1) / 2;
        if (mr(v0 + m * dv) >= rho) a0 = m;
        else a1 = m;
      }
      frac = a0;
    }
  }
  const value = lastPos >= 0 ? base + cv[lastPos] + frac * (cv[lastPos + 1] - cv[lastPos]) : base;
  const cw = plan.cumWorks;
  const worksUsed = plan.freeWorks + (lastPos >= 0 ? cw[lastPos] + frac * (cw[lastPos + 1] - cw[lastPos]) : 0);
  let cost = lastPos >= 0 ? cc[lastPos] + frac * (cc[lastPos + 1] - cc[lastPos]) : 0;
  const revenue = rev(value);
  // "Greater of" (CRB form): the statutory royalty is the larger of the rate on revenue and the per-work minimum.
  if (plan.blanket) cost = Math.max(plan.royaltyRate * revenue, plan.perWorkMin * worksUsed);
  let profit = (1 - plan.otherCharge) * revenue - cost - plan.fixed;
  if (lastPos >= plan.firstFineable && plan.fineRisk > 0) profit -= plan.fineRisk * revenue;
  out.lastPos = lastPos;
  out.lastFrac = frac;
  out.value = value;
  out.cost = cost;
  out.worksUsed = worksUsed;
  out.revenue = revenue;
  out.profit = profit;
}
