/**
 * The AI revenue pool: the one formula for what all AI developers together earn in a year.
 *
 * R_t = R_2025 × (1 + g)^t × Q^η × (1 − filter loss): a baseline that grows at `market.ai_revenue_growth`,
 * scaled by the market-share weighted model quality Q (elasticity `market.quality_elasticity`) and by
 * the revenue output filters cost where output protection applies. Version 1 treats the baseline as
 * exogenous (version 2 of the model replaces it with a demand for AI services).
 * @example aiRevenuePool(p, 0, 1, 0) // => p.market.aiRevenue2025
 */
import type { ModelParams } from "./params";

export function aiRevenuePool(p: ModelParams, t: number, quality: number, filterRevenueLoss: number): number {
  return p.market.aiRevenue2025 * (1 + p.market.aiRevenueGrowth) ** t * quality ** p.market.qualityElasticity * (1 - filterRevenueLoss);
}
