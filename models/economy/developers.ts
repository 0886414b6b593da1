/**
 * AI developers (frontier, mid-size, small) as typed-array columns, and their yearly choice of a
 * training-data mix.
 *
 * The choice: each developer maximises expected profit = (1 − ρ)·R(V) − Σ cost of the works it uses
 * − fixed terms, where V is the value of its corpus (share of a full corpus, quality-weighted), R(V) its
 * revenue: pool × W(V) / (W(V) + O) with W(V) = scale^λ · V^(αλ) (quality from a diminishing-returns
 * scaling law, market share from relative quality) and O the rivals' weight. ρ collects the charges
 * proportional to revenue (side deals, a statutory royalty, output filters).
 *
 * Works are offered in cells (sector × quality band × legal status), each with a per-work cost that
 * depends on how the developer uses it (licensed or not). For a given way of using cells (a "plan"),
 * the cells are sorted once by cost per unit of value; because R is concave in V, the best corpus takes
 * cells in that order up to the point where marginal revenue equals the marginal cost per unit of value
 * (a fractional knapsack), found by binary search over the prefix and bisection inside the last cell.
 * Each developer compares the plans the regime allows (comply fully; license where cheaper and take
 * the legal risk elsewhere; also ignore binding opt-outs and risk the fine) and picks the best.
 */
import type { ModelParams } from "./params";

export const TIER = { frontier: 0, mid: 1, small: 2 } as const;

export interface Developers {
  capacity: number;
  count: number;
  tier: Uint8Array;
  /** scale^λ: the developer's market weight at a full corpus. */
  scaleWeight: Float64Array;
  /** Fixed cost at the start year's revenue level (USD per year); grows with the baseline pool. */
  fixedCost: Float64Array;
  active: Uint8Array;
  lossYears: Uint8Array;
  /** Corpus value this year (share of full corpus value, including open data). */
  value: Float64Array;
  /** Market weight W(V) this year. */
  marketWeight: Float64Array;
  /** Chosen plan, the last (partially) included position in its order, and the fraction of that cell. */
  plan: Int8Array;
  lastPos: Int16Array;
  lastFrac: Float64Array;
}

/** Per-tier margin and scale. */
export function tierScale(p: ModelParams, tier: number): number {
  return tier === TIER.frontier ? p.developers.frontierScale : tier === TIER.mid ? p.developers.midScale : p.developers.smallScale;
}
export function tierMargin(p: ModelParams, tier: number): number {
  return tier === TIER.frontier ? p.developers.frontierMargin : tier === TIER.mid ? p.developers.midMargin : p.developers.smallMargin;
}

export function allocDevelopers(capacity: number): Developers {
  return {
    capacity,
    count: 0,
    tier: new Uint8Array(capacity),
    scaleWeight: new Float64Array(capacity),
    fixedCost: new Float64Array(capacity),
    active: new Uint8Array(capacity),
    lossYears: new Uint8Array(capacity),
    value: new Float64Array(capacity),
    marketWeight: new Float64Array(capacity),
    plan: new Int8Array(capacity),
    lastPos: new Int16Array(capacity),
    lastFrac: new Float64Array(capacity),
  };
}

export function cloneDevelopers(d: Developers): Developers {
  return {
    capacity: d.capacity,
    count: d.count,
    tier: d.tier.slice(),
    scaleWeight: d.scaleWeight.slice(),
    fixedCost: d.fixedCost.slice(),
    active: d.active.slice(),
    lossYears: d.lossYears.slice(),
    value: d.value.slice(),
    marketWeight: d.marketWeight.slice(),
    plan: d.plan.slice(),
    lastPos: d.lastPos.slice(),
    lastFrac: d.lastFrac.slice(),
  };
}

/** The market weight every developer would have at a full corpus, summed over the initial population. */
export function referenceWeight(p: ModelParams): number {
  const n = p.sim.developers;
  const nF = Math.round(n * p.developers.frontierShare);
  const nM = Math.round(n * p.developers.midShare);
  const lam = p.market.qualitySensitivity;
  return nF * tierScale(p, TIER.frontier) ** lam + nM * tierScale(p, TIER.mid) ** lam + Math.max(0, n - nF - nM) * tierScale(p, TIER.small) ** lam;
}

/**
 * Add one developer. Its fixed cost is set so that, at a full corpus and the start year's pool, its
 * tier earns the tier's operating margin before data costs, times a lognormal cost shock.
 * @param costShock a standard normal draw
 */
export function addDeveloper(d: Developers, p: ModelParams, tier: number, costShock: number, refWeight: number): number {
  const i = d.count++;
  const lam = p.market.qualitySensitivity;
  const sw = tierScale(p, tier) ** lam;
  const baseRevenue = (p.market.aiRevenue2025 * sw) / refWeight;
  const sd = p.developers.costDispersion;
  d.tier[i] = tier;
  d.scaleWeight[i] = sw;
  d.fixedCost[i] = (1 - tierMargin(p, tier)) * baseRevenue * Math.exp(sd * costShock - (sd * sd) / 2);
  d.active[i] = 1;
  d.lossYears[i] = 0;
  d.value[i] = 1;
  d.marketWeight[i] = sw;
  return i;
}

/** A way of using the cells, shared by all developers in a year: costs, order and prefix sums. */
export interface Plan {
  /** Cells with positive cost, in increasing cost per unit of value. */
  order: Int16Array;
  len: number;
  /** Value of the free cells plus open data (always included). */
  freeValue: number;
  /** Prefix sums over `order`: value and cost before position k. */
  cumValue: Float64Array;
  cumCost: Float64Array;
  /** Per cell: cost per work under this plan, and whether the use is unlicensed. */
  costPerWork: Float64Array;
  unlicensed: Uint8Array;
  /** Position in `order` of the first unlicensed fineable cell (len if none); free cells never are. */
  firstFineable: number;
  cumWorks: Float64Array;
  /** Prefix sums over `order` for the payments a corpus implies (set by `setPaymentPrefixes`). */
  cumQWorks: Float64Array;
  cumUnlicWorks: Float64Array;
  cumPrice: Float64Array;
  cumAcq: Float64Array;
  cumTx: Float64Array;
  /** Coverage of `order` positions by this year's developers: a difference array of full uses and
   *  of royalty coefficients, and the partial use of each last position. */
  covCount: Float64Array;
  covCoef: Float64Array;
  partCount: Float64Array;
  partCoef: Float64Array;
  /** Works in the free cells (always used). */
  freeWorks: number;
  /** Quality-weighted works and lawful-copy cost of the free cells. */
  freeQWorks: number;
  freeAcq: number;
  /** Free cells (used whole by every developer on this plan). */
  freeCells: Int16Array;
  /** Scratch marks per cell for `buildPlan`. */
  mark: Uint8Array;
  freeLen: number;
  /** Charges proportional to revenue used for the decision (side deals, output filters; plus the royalty rate when it is expected to bind). */
  revenueCharge: number;
  /** Charges proportional to revenue other than the royalty (side deals, output filters). */
  otherCharge: number;
  /** Blanket statutory licence: royalty = max(rate × revenue, minimum × works used). */
  blanket: boolean;
  royaltyRate: number;
  perWorkMin: number;
  /** Fine risk per unit of revenue when the plan uses an unlicensed fineable cell: p × fine rate. */
  fineRisk: number;
  /** Fixed compliance cost per developer under this plan. */
  fixed: number;
}

export function allocPlan(nCells: number): Plan {
  return {
    order: new Int16Array(nCells),
    len: 0,
    freeValue: 0,
    cumValue: new Float64Array(nCells + 1),
    cumCost: new Float64Array(nCells + 1),
    cumWorks: new Float64Array(nCells + 1),
    cumQWorks: new Float64Array(nCells + 1),
    cumUnlicWorks: new Float64Array(nCells + 1),
    cumPrice: new Float64Array(nCells + 1),
    cumAcq: new Float64Array(nCells + 1),
    cumTx: new Float64Array(nCells + 1),
    covCount: new Float64Array(nCells + 1),
    covCoef: new Float64Array(nCells + 1),
    partCount: new Float64Array(nCells + 1),
    partCoef: new Float64Array(nCells + 1),
    freeWorks: 0,
    freeQWorks: 0,
    freeAcq: 0,
    freeCells: new Int16Array(nCells),
    mark: new Uint8Array(nCells),
    freeLen: 0,
    costPerWork: new Float64Array(nCells),
    unlicensed: new Uint8Array(nCells),
    firstFineable: 0,
    revenueCharge: 0,
    otherCharge: 0,
    blanket: false,
    royaltyRate: 0,
    perWorkMin: 0,
    fineRisk: 0,
    fixed: 0,
  };
}

/**
 * Sort the plan's costly cells by cost per unit of value and build prefix sums. Cells with a non-finite
 * cost are unavailable. `fineable[c]` marks cells whose unlicensed use risks a fine.
 * Reuses the plan's arrays; `scratch` is a Float64Array(nCells) for the sort keys.
 */
export function buildPlan(
  plan: Plan, works: Float64Array, qWorks: Float64Array, acq: Float64Array, value: Float64Array, openValue: number, fineable: Uint8Array, scratch: Float64Array,
): void {
  const n = works.length;
  let free = openValue;
  let freeWorks = 0;
  let freeQWorks = 0;
  let freeAcq = 0;
  let freeLen = 0;
  const costly = plan.mark;
  for (let c = 0; c < n; c++) {
    costly[c] = 0;
    const v = value[c];
    if (!(v > 0)) continue;
    const k = plan.costPerWork[c];
    if (!Number.isFinite(k)) continue;
    if (k === 0) {
      free += v;
      freeWorks += works[c];
      freeQWorks += qWorks[c];
      freeAcq += acq[c] * works[c];
      plan.freeCells[freeLen++] = c;
      continue;
    }
    scratch[c] = (k * works[c]) / v;
    costly[c] = 1;
  }
  plan.freeLen = freeLen;
  plan.freeQWorks = freeQWorks;
  plan.freeAcq = freeAcq;
  // Start from last year's order (cells still costly, in that order), then append new ones: the costs
  // change little from year to year, so the insertion sort below has almost nothing to move.
  const ord = plan.order;
  let len = 0;
  for (let k = 0; k < plan.len; k++) {
    const c = ord[k];
    if (costly[c] === 1) {
      ord[len++] = c;
      costly[c] = 2;
    }
  }
  for (let c = 0; c < n; c++) if (costly[c] === 1) ord[len++] = c;
  // Insertion sort by cost per unit of value (ties by cell index): ~100 cells, stable and allocation-free.
  for (let k = 1; k < len; k++) {
    const c = ord[k];
    const key = scratch[c];
    let j = k - 1;
    while (j >= 0 && (scratch[ord[j]] > key || (scratch[ord[j]] === key && ord[j] > c))) {
      ord[j + 1] = ord[j];
      j--;
    }
    ord[j + 1] = c;
  }
  plan.len = len;
  plan.freeValue = free;
  plan.freeWorks = freeWorks;
  plan.cumValue[0] = 0;
  plan.cumCost[0] = 0;
  plan.cumWorks[0] = 0;
  plan.firstFineable = len;
  for (let k = 0; k < len; k++) {
    const c = ord[k];
    plan.cumValue[k + 1] = plan.cumValue[k] + value[c];
    plan.cumCost[k + 1] = plan.cumCost[k] + plan.costPerWork[c] * works[c];
    plan.cumWorks[k + 1] = plan.cumWorks[k] + works[c];
    if (plan.firstFineable === len && plan.unlicensed[c] && fineable[c]) plan.firstFineable = k;
  }
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
 * Prefix sums of what using the first k cells of the plan's order means: quality-weighted works,
 * works used without permission, and the licence fees, copy costs and clearance costs paid (zero for
 * unlicensed cells and under a blanket licence). Also clears the coverage arrays for the year.
 */
export function setPaymentPrefixes(plan: Plan, works: Float64Array, qWorks: Float64Array, price: Float64Array, acq: Float64Array, tx: Float64Array): void {
  const ord = plan.order;
  plan.cumQWorks[0] = plan.cumUnlicWorks[0] = plan.cumPrice[0] = plan.cumAcq[0] = plan.cumTx[0] = 0;
  for (let k = 0; k < plan.len; k++) {
    const c = ord[k];
    const w = works[c];
    const unlic = plan.unlicensed[c] === 1;
    const paid = !unlic && !plan.blanket;
    plan.cumQWorks[k + 1] = plan.cumQWorks[k] + qWorks[c];
    plan.cumUnlicWorks[k + 1] = plan.cumUnlicWorks[k] + (unlic ? w : 0);
    plan.cumPrice[k + 1] = plan.cumPrice[k] + (paid ? price[c] * w : 0);
    plan.cumAcq[k + 1] = plan.cumAcq[k] + (paid ? acq[c] * w : 0);
    plan.cumTx[k + 1] = plan.cumTx[k] + (paid ? tx[c] * w : 0);
  }
  plan.covCount.fill(0);
  plan.covCoef.fill(0);
  plan.partCount.fill(0);
  plan.partCoef.fill(0);
}

/** Value of a prefix sum at "the first `last` cells whole, then fraction `x` of cell `last`". */
export function prefixAt(cum: Float64Array, last: number, x: number): number {
  return last < 0 ? 0 : cum[last] + x * (cum[last + 1] - cum[last]);
}

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
      for (let it = 0; it < 24; it++) {
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
