/**
 * A plan's working arrays for one year: the costly cells in increasing cost per unit of value, prefix
 * sums over that order (value, cost, works, payments), and the coverage of the order by the year's
 * developers. Shared by all developers on the plan; allocated once per run.
 *
 * Because revenue is concave in corpus value, a developer's best corpus under a plan is a prefix of
 * the order plus a fraction of the next cell (a fractional knapsack; see `choose.ts`).
 */

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
  /** Per cell: the part of `costPerWork` that is expected legal risk (risk-weighted expected damages per work, linear;
   *  replaced by the law's capped, once-per-work expectation when the plan is compared, `ex-ante.ts`). */
  penalty: Float64Array;
  /** Prefix sums over `order` of penalty × works. */
  cumPenalty: Float64Array;
  /** Probability that the plan's lawful at-home use is later held infringing (US before a ruling: 1 − p); 0 otherwise. */
  atRisk: number;
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
  /**
   * For the output-liability share (`exposedShare` in `ex-ante.ts`): running sums of the cells' training value,
   * all and output-exposed only, over the free cells then `order`; entry k holds the free cells and the
   * first k cells of `order` whole (set by `setExposurePrefixes` in `ex-ante.ts`, added in the order a loop over the corpus adds them).
   */
  corpusValue: Float64Array;
  exposedValue: Float64Array;
  /** Coverage of `order` positions by this year's developers: a difference array of full uses and
   *  of royalty coefficients, and the partial use of each last position. */
  covCount: Float64Array;
  covCoef: Float64Array;
  partCount: Float64Array;
  partCoef: Float64Array;
  /** The same coverage weighted by developers' revenue shares (for the corpus shares by sector), and the free cells' total. */
  covShare: Float64Array;
  partShare: Float64Array;
  freeShare: number;
  /** Works in the free cells (always used), and those of them used without permission (zero expected penalty). */
  freeUnlicWorks: number;
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
  /** Blanket statutory licence: royalty = max(rate × base, floor, minimum × works used) (`royalty.ts`). */
  blanket: boolean;
  royaltyRate: number;
  perWorkMin: number;
  rateBase: number;
  minRevenueShare: number;
  /** Share of the margin taken by a royalty on profit or net income (0 for a revenue base, whose rate is in `revenueCharge`). */
  profitShare: number;
  /** Fine risk per unit of revenue when the plan uses an unlicensed fineable cell: p × fine rate. */
  fineRisk: number;
  /** Fixed compliance cost per developer under this plan. */
  fixed: number;
  /** Extra fixed cost as a share of the developer's own fixed cost (training abroad). */
  fixedShare: number;
  /** Training abroad: output-liability damages as a share of revenue, paid to the rights holders of the works used. */
  outputLiability: number;
  offshore: boolean;
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
    corpusValue: new Float64Array(nCells + 1),
    exposedValue: new Float64Array(nCells + 1),
    covCount: new Float64Array(nCells + 1),
    covCoef: new Float64Array(nCells + 1),
    partCount: new Float64Array(nCells + 1),
    partCoef: new Float64Array(nCells + 1),
    covShare: new Float64Array(nCells + 1),
    partShare: new Float64Array(nCells + 1),
    freeShare: 0,
    freeUnlicWorks: 0,
    freeWorks: 0,
    freeQWorks: 0,
    freeAcq: 0,
    freeCells: new Int16Array(nCells),
    mark: new Uint8Array(nCells),
    freeLen: 0,
    costPerWork: new Float64Array(nCells),
    penalty: new Float64Array(nCells),
    cumPenalty: new Float64Array(nCells + 1),
    atRisk: 0,
    unlicensed: new Uint8Array(nCells),
    firstFineable: 0,
    revenueCharge: 0,
    otherCharge: 0,
    blanket: false,
    royaltyRate: 0,
    perWorkMin: 0,
    rateBase: 0,
    minRevenueShare: 0,
    profitShare: 0,
    fineRisk: 0,
    fixed: 0,
    fixedShare: 0,
    outputLiability: 0,
    offshore: false,
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
  let freeUnlic = 0;
  let freeFineable = false;
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
      // A zero-cost cell used without permission (zero expected penalty) is still unlicensed, and no copy is bought.
      if (plan.unlicensed[c]) {
        freeUnlic += works[c];
        if (fineable[c]) freeFineable = true;
      } else if (!plan.offshore) freeAcq += acq[c] * works[c];
      plan.freeCells[freeLen++] = c;
      continue;
    }
    scratch[c] = (k * works[c]) / v;
    costly[c] = 1;
  }
  plan.freeLen = freeLen;
  plan.freeQWorks = freeQWorks;
  plan.freeAcq = freeAcq;
  plan.freeUnlicWorks = freeUnlic;
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
  plan.cumPenalty[0] = 0;
  plan.firstFineable = freeFineable ? -1 : len;
  for (let k = 0; k < len; k++) {
    const c = ord[k];
    plan.cumValue[k + 1] = plan.cumValue[k] + value[c];
    plan.cumCost[k + 1] = plan.cumCost[k] + plan.costPerWork[c] * works[c];
    plan.cumWorks[k + 1] = plan.cumWorks[k] + works[c];
    plan.cumPenalty[k + 1] = plan.cumPenalty[k] + plan.penalty[c] * works[c];
    if (plan.firstFineable === len && plan.unlicensed[c] && fineable[c]) plan.firstFineable = k;
  }
}

/**
 * Prefix sums of what using the first k cells of the plan's order means: quality-weighted works,
 * works used without permission, and the licence fees, copy costs and clearance costs paid (zero for
 * unlicensed cells; under a blanket licence only lawful copies are bought). Also clears the coverage arrays for the year.
 */
export function setPaymentPrefixes(plan: Plan, works: Float64Array, qWorks: Float64Array, price: Float64Array, acq: Float64Array, tx: Float64Array): void {
  const ord = plan.order;
  plan.cumQWorks[0] = plan.cumUnlicWorks[0] = plan.cumPrice[0] = plan.cumAcq[0] = plan.cumTx[0] = 0;
  for (let k = 0; k < plan.len; k++) {
    const c = ord[k];
    const w = works[c];
    const unlic = plan.unlicensed[c] === 1;
    const paid = !unlic && !plan.blanket;
    const bought = !unlic;
    plan.cumQWorks[k + 1] = plan.cumQWorks[k] + qWorks[c];
    plan.cumUnlicWorks[k + 1] = plan.cumUnlicWorks[k] + (unlic ? w : 0);
    plan.cumPrice[k + 1] = plan.cumPrice[k] + (paid ? price[c] * w : 0);
    plan.cumAcq[k + 1] = plan.cumAcq[k] + (bought ? acq[c] * w : 0);
    plan.cumTx[k + 1] = plan.cumTx[k] + (paid ? tx[c] * w : 0);
  }
  plan.covCount.fill(0);
  plan.covCoef.fill(0);
  plan.partCount.fill(0);
  plan.partCoef.fill(0);
  plan.covShare.fill(0);
  plan.partShare.fill(0);
  plan.freeShare = 0;
}

/** Value of a prefix sum at "the first `last` cells whole, then fraction `x` of cell `last`". */
export function prefixAt(cum: Float64Array, last: number, x: number): number {
  return last < 0 ? 0 : cum[last] + x * (cum[last + 1] - cum[last]);
}
