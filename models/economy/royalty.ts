/**
 * The statutory royalty of a blanket licence on its rate base (version 2).
 *
 * royalty = max(r · B, m · R [net-income base only], w_min · works used), the CRB's "greater of" form, where
 * the base B is (`compulsory.rate_base`):
 * - revenue R (CRB service revenue; India's proposal): a royalty on revenue acts like an ad-valorem tax and
 *   passes partly into prices;
 * - operating profit max(0, R − inference − fixed) (Weyl & Castro Fernandez 2026): a profit tax, which leaves
 *   the price and (to first order) the choice of corpus undistorted;
 * - the model's net income max(0, R − inference) with a minimum m · R (GEMA: 30% of net income plus a
 *   minimum royalty; m = `compulsory.minimum_revenue_share`).
 */

/** Values of `compulsory.rate_base`. */
export const RATE_BASE = { revenue: 0, operatingProfit: 1, netIncome: 2 } as const;

/** A developer's rate base. @example rateBase(RATE_BASE.netIncome, 100, 30, 50) // => 70 */
export function rateBase(base: number, revenue: number, inference: number, fixed: number): number {
  if (base === RATE_BASE.operatingProfit) return Math.max(0, revenue - inference - fixed);
  if (base === RATE_BASE.netIncome) return Math.max(0, revenue - inference);
  return revenue;
}

/** What a blanket plan charges on: its rate, base, revenue floor and per-work minimum. */
export interface RoyaltyTerms {
  royaltyRate: number;
  rateBase: number;
  minRevenueShare: number;
  perWorkMin: number;
}

/** The statutory royalty of one developer. @example statutoryRoyalty({ royaltyRate: 0.3, rateBase: 2, minRevenueShare: 0.01, perWorkMin: 0 }, 100, 30, 50, 0) // => 21 */
export function statutoryRoyalty(t: RoyaltyTerms, revenue: number, inference: number, fixed: number, works: number): number {
  const onBase = t.royaltyRate * rateBase(t.rateBase, revenue, inference, fixed);
  const floor = t.rateBase === RATE_BASE.netIncome ? t.minRevenueShare * revenue : 0;
  return Math.max(onBase, floor, t.perWorkMin * works);
}
