/**
 * Bargained licences (version 2): the per-work price of a voluntary licence comes from Nash bargaining
 * between a developer and the owner's side (an intermediary for represented works, the owner for the
 * reachable long tail) over the value the works add, instead of a posted price.
 *
 * Value a work adds: v_c = MR̄ × value_c / works_c, where MR̄ = Σ_i s_i ((1 − ρ_i) p_i − c) ∂q_i/∂V at developer
 * i's current corpus (the logit demand and data scaling law of `choose.ts`, last year's prices and rivals),
 * weighted by revenue share s_i: what one more unit of corpus value is worth to a typical developer this year.
 * The owner's side is worth nothing without a deal (training is a new use: reservation 0).
 * - Represented works: one deal per catalogue, whose negotiation costs κ = `licensing.deal_cost_share` of the
 *   deal's value (the per-deal transaction cost). Nash with sellers' power β = `licensing.bargaining_power`:
 *   max (v − (1 + κ) p)^{1−β} p^β ⇒ p = β v / (1 + κ).
 * - The reachable long tail, work by work, at τ = `licensing.transaction_cost_per_work` (the per-work cost):
 *   max (v − p − τ)^{1−β} p^β ⇒ p = β (v − τ), and no deal when v ≤ τ.
 * - The unreachable long tail cannot be licensed at all: it is reachable only through a collective (a
 *   statutory or extended collective licence), which voluntary regimes do not have.
 * - Under a statutory licence the statutory price caps voluntary deals (the shadow of the statute): no one
 *   pays more for a work than the blanket licence would charge for it, p ≤ max(w_min, r × R / V × value_c / works_c).
 * `licensing.pricing` (a named option) keeps the posted prices (`sector.<s>.licence_price`, observed deals such
 * as HarperCollins–Microsoft at $1,667 a title-year) instead; they remain the benchmark of actual damages.
 */
import { marginalProfit } from "./choose";
import { inclusiveValues, startPrices } from "./demand";
import type { World } from "./world-state";
import { fillView } from "./view";

/** Values of `licensing.pricing`. */
export const PRICING = { posted: 0, nash: 1 } as const;

/** How a voluntary licence of a cell is negotiated (set by `voluntaryLicence` in `CellTerms.bargain`). */
export const BARGAIN = { none: 0, catalogue: 1, perWork: 2 } as const;

/**
 * Nash price per work; NaN when no deal is worth making.
 * @example nashPrice(BARGAIN.catalogue, 0.5, 1000, 0.05, 100, Infinity) // => 476.19… (0.5 × 1000 / 1.05)
 * @example nashPrice(BARGAIN.perWork, 0.5, 1000, 0.05, 100, Infinity) // => 450
 */
export function nashPrice(kind: number, beta: number, v: number, dealShare: number, perWork: number, cap: number): number {
  let p: number;
  if (kind === BARGAIN.catalogue) p = v > 0 ? (beta * v) / (1 + dealShare) : NaN;
  else p = v > perWork ? beta * (v - perWork) : NaN;
  return Number.isNaN(p) ? p : Math.min(p, cap);
}

/** MR̄: revenue-share weighted marginal revenue of corpus value to this year's developers (USD per unit of value);
 *  before the first market (no shares yet) every active developer weighs the same. */
export function marginalValue(w: World): number {
  const { dev, view } = w;
  // Before the first year's prices are set, developers start from the start price (as `settleFirstYear` does).
  for (let i = 0; i < dev.count; i++) if (dev.active[i]) startPrices(w.dy, w.mk, i);
  w.mk.n = dev.count;
  inclusiveValues(w.dy, w.mk);
  let anyShare = false;
  for (let i = 0; i < dev.count; i++) if (dev.active[i] && dev.share[i] > 0) anyShare = true;
  let mr = 0;
  let weights = 0;
  for (let i = 0; i < dev.count; i++) {
    if (!dev.active[i]) continue;
    const weight = anyShare ? dev.share[i] : 1;
    if (!(weight > 0)) continue;
    fillView(w, i, view);
    const k = dev.plan[i];
    const rho = k >= 0 && k < w.plans.length ? w.plans[k].otherCharge : 0;
    mr += weight * marginalProfit(view, dev.value[i] > 0 ? dev.value[i] : w.run.openValue, 1 - rho, 1, true);
    weights += weight;
  }
  return weights > 0 ? mr / weights : 0;
}

/** Statutory cap per work of a cell under a blanket licence (Infinity where there is none). */
function statutoryCap(w: World, c: number, totalValue: number): number {
  if (!w.rules.rateSetter) return Infinity;
  const { cells } = w;
  const perWork = cells.works[c] > 0 && totalValue > 0 ? (w.rate * w.pool * cells.value[c]) / totalValue / cells.works[c] : 0;
  return Math.max(w.p.compulsory.perWorkMinimum, perWork);
}

/** Replace the posted prices of bargained cells by Nash prices (after the regime's cell terms). */
export function bargainPrices(w: World, bargain: Uint8Array): void {
  const { cells, p } = w;
  if (p.licensing.pricing !== PRICING.nash) return;
  const mr = marginalValue(w);
  let totalValue = 0;
  for (let c = 0; c < cells.value.length; c++) totalValue += cells.value[c];
  for (let c = 0; c < cells.value.length; c++) {
    const kind = bargain[c];
    if (kind === BARGAIN.none || !cells.lawful[c] || !(cells.works[c] > 0)) continue;
    const v = (mr * cells.value[c]) / cells.works[c];
    const price = nashPrice(kind, p.licensing.bargainingPower, v, p.licensing.dealCostShare, p.licensing.transactionCostPerWork, statutoryCap(w, c, totalValue));
    if (Number.isNaN(price)) {
      cells.lawful[c] = 0;
      continue;
    }
    cells.price[c] = price;
    if (kind === BARGAIN.catalogue) cells.tx[c] = price * p.licensing.dealCostShare;
  }
}
