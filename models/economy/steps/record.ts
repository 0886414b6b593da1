/** Step: the year's metrics (names and units in `results/metrics.ts`). */
import { DECILES, seriesKey } from "../../results/metric-keys";
import { giniFromBins } from "../gini";
import { sectorOfCell } from "../cells";
import { SECTORS } from "../sectors";
import type { World } from "../world-state";
import type { Step } from "./step";

/** Sector and (when kept) decile breakdowns; returns the totals over sectors. */
function recordBreakdowns(w: World): { market: number; ai: number; active: number; works: number } {
  const { series, pass, t } = w;
  const put = (metric: string, group: string, v: number) => (series[seriesKey(metric, group)][t] = v);
  let market = 0, ai = 0, active = 0, works = 0;
  for (let s = 0; s < SECTORS.length; s++) {
    const g = SECTORS[s];
    put("creator_market_revenue", g, pass.sectorMarket[s]);
    put("creator_ai_revenue", g, pass.sectorAi[s]);
    put("creator_revenue", g, pass.sectorMarket[s] + pass.sectorAi[s]);
    put("active_creators", g, pass.sectorActive[s]);
    put("works_created", g, w.sectorWorks[s]);
    market += pass.sectorMarket[s];
    ai += pass.sectorAi[s];
    active += pass.sectorActive[s];
    works += w.sectorWorks[s];
  }
  if (pass.breakdowns) recordDeciles(w);
  recordCorpusBySector(w);
  return { market, ai, active, works };
}

/** Decile breakdowns and the bottom half's share of AI income (only when the pass kept them). */
function recordDeciles(w: World): void {
  const { series, pass, t } = w;
  const put = (metric: string, group: string, v: number) => (series[seriesKey(metric, group)][t] = v);
  let bottom = 0, allAi = 0;
  for (let d = 0; d < DECILES.length; d++) {
    const g = DECILES[d];
    put("creator_market_revenue", g, pass.decileMarket[d]);
    put("creator_ai_revenue", g, pass.decileAi[d]);
    put("creator_revenue", g, pass.decileMarket[d] + pass.decileAi[d]);
    if (2 * d < DECILES.length) bottom += pass.decileAi[d];
    allAi += pass.decileAi[d];
  }
  series.creator_ai_bottom_half_share[t] = allAi > 0 ? Math.min(1, Math.max(0, bottom / allAi)) : 0;
}

/** Corpus shares by sector: works used, and training value used, from each cell's revenue-share weighted use. */
function recordCorpusBySector(w: World): void {
  const { cells, series, t } = w;
  const works = new Float64Array(SECTORS.length), used = new Float64Array(SECTORS.length);
  const value = new Float64Array(SECTORS.length), usedValue = new Float64Array(SECTORS.length);
  for (let c = 0; c < cells.works.length; c++) {
    const s = sectorOfCell(c);
    works[s] += cells.works[c];
    used[s] += cells.usedShare[c] * cells.works[c];
    value[s] += cells.value[c];
    usedValue[s] += cells.usedShare[c] * cells.value[c];
  }
  for (let s = 0; s < SECTORS.length; s++) {
    series[seriesKey("corpus_share", SECTORS[s])][t] = works[s] > 0 ? Math.min(1, used[s] / works[s]) : 0;
    series[seriesKey("corpus_value_share", SECTORS[s])][t] = value[s] > 0 ? Math.min(1, usedValue[s] / value[s]) : 0;
  }
}

/** The welfare accounts (see models/README.md, "Welfare"). */
function recordWelfare(w: World, creatorRevenue: number): void {
  const { series, t, tot } = w;
  const held = w.heldTotal - (t > 0 ? series.unmatched_royalties_held[t - 1] : 0);
  const deadweight = tot.toOthers + tot.toLawyers + w.admin;
  series.deadweight_cost[t] = deadweight;
  series.consumer_surplus[t] = w.consumerSurplus;
  // Transfers counted once: every payment a developer makes is income to someone below, or deadweight.
  series.total_surplus[t] = w.consumerSurplus + tot.profit + creatorRevenue + tot.toIntermediaries + tot.toState + tot.toSellers + held;
}

export const record: Step = {
  name: "record",
  summary: "The year's outcomes are recorded: creators' revenue, developers' costs by kind, royalties, corpus and opt-out shares (by works and by value), quality, revenue, prices, consumer and total surplus, deadweight, the offshore share, counts, concentration, inequality, and who received each payment.",
  run(w) {
    const { series, t, tot } = w;
    const put = (key: string, v: number) => (series[key][t] = v);
    const c = recordBreakdowns(w);
    put("creator_market_revenue", c.market);
    put("creator_ai_revenue", c.ai);
    put("creator_revenue", c.market + c.ai);
    put("developer_data_cost", tot.data);
    put("developer_transaction_cost", tot.tx);
    put("developer_compliance_cost", tot.compliance);
    put("developer_legal_cost", tot.legal);
    put("works_litigated", w.worksCharged);
    put("settlement_per_work", w.worksCharged > 0 ? w.trainingSettled / w.worksCharged : 0);
    put("developer_cost", tot.data + tot.tx + tot.compliance + tot.legal);
    put("royalties_paid", tot.royaltiesPaid);
    put("royalties_distributed", w.pass.distributed);
    put("collective_admin_cost", w.admin);
    put("unmatched_royalties_held", w.heldTotal);
    put("corpus_share", w.corpusShare);
    put("corpus_value_share", Math.min(1, w.corpusVShare));
    put("corpus_quality_share", w.corpusQShare);
    put("unlicensed_share", w.unlicensedShare);
    put("optout_share", w.allWorks > 0 ? w.optedWorks / w.allWorks : 0);
    put("optout_quality_share", w.allQWorks > 0 ? Math.min(1, w.optedQWorks / w.allQWorks) : 0);
    put("model_quality", w.quality);
    put("ai_revenue", w.pool);
    put("active_creators", c.active);
    put("works_created", c.works);
    put("active_developers", w.activeDevelopers);
    put("ai_users", w.aiUsers);
    put("ai_paid_users", w.paidUsers);
    put("developer_hhi", w.hhi);
    if (w.pass.breakdowns) put("creator_income_gini", giniFromBins(w.pass.gini));
    put("developer_profit", tot.profit);
    put("inference_cost", tot.inference);
    put("developer_fixed_cost", tot.fixed);
    put("ai_price", w.priceIndex);
    put("offshore_training_share", w.offshoreShare);
    put("payments_to_sellers", tot.toSellers);
    recordWelfare(w, c.market + c.ai);
    // Royalties reach creators and intermediaries through `royalties_distributed`; admin goes to the collective.
    put("payments_to_creators", tot.toCreators);
    put("payments_to_intermediaries", tot.toIntermediaries);
    put("payments_to_lawyers", tot.toLawyers);
    put("payments_to_state", tot.toState);
    put("payments_to_others", tot.toOthers);
    put("statutory_rate", w.rate);
  },
};
