/**
 * Step: the market outcome of the year's choices and prices.
 *
 * Each developer sells q_j at p_j and serves q^f_j free users (revenue p_j q_j, inference cost
 * c_t q_j + κ c_t q^f_j); AI revenue is the sum of revenues;
 * consumer surplus is the logit log-sum; the quality-adjusted price index is a unit value, what paid
 * users spend per unit of quality they get, Σ_j p_j q_j / Σ_j Q_j q_j (version 2.0.0 averaged p_j / Q_j
 * over users, which small, low-quality models dominated: $7,500 a year in 2025 against the frontier's
 * $695 for Q = 1); model quality is the revenue-share weighted mean of Q_j; `relQuality` (≤ 1) is
 * the same mean of the data factor relative to a full corpus, which scales AI substitution of
 * creators' sales. HHI and the offshore share use revenue shares.
 */
import { consumerSurplus, dataFactor, inclusiveValues } from "../demand";
import type { World } from "../world-state";
import type { Step } from "./step";

/** Σ of the full corpus's value this year (open data plus every cell), in full 2025 corpora. */
function fullValue(w: World): number {
  let v = w.run.openValue;
  for (let c = 0; c < w.cells.value.length; c++) v += w.cells.value[c];
  return v;
}

export const market: Step = {
  name: "market",
  summary: "Users choose between the developers' models and the outside good (logit demand at the prices set): each developer's revenue and inference cost, AI revenue, consumer surplus, the quality-adjusted price index, model quality and concentration follow.",
  run(w) {
    const { dev, dy, mk, devYear } = w;
    inclusiveValues(dy, mk);
    w.consumerSurplus = consumerSurplus(dy, mk);
    const fullFactor = dataFactor(dy, fullValue(w));
    let revenue = 0, n = 0, paid = 0, free = 0, margin = 0;
    for (let i = 0; i < dev.count; i++) {
      if (!dev.active[i]) continue;
      devYear.revenue[i] = dev.price[i] * mk.quantity[i];
      devYear.inference[i] = mk.inference[i] + dy.freeCost * mk.freeQuantity[i];
      revenue += devYear.revenue[i];
      margin += devYear.revenue[i] - devYear.inference[i];
      paid += mk.quantity[i];
      free += mk.freeQuantity[i];
      n++;
    }
    let hhi = 0, quality = 0, rel = 0, qualityUnits = 0, offshore = 0;
    for (let i = 0; i < dev.count; i++) {
      if (!dev.active[i]) continue;
      const share = revenue > 0 ? devYear.revenue[i] / revenue : 0;
      dev.share[i] = share;
      hhi += share * share;
      quality += share * dev.quality[i];
      rel += share * (fullFactor > 0 ? Math.min(1, dataFactor(dy, dev.value[i]) / fullFactor) : 0);
      qualityUnits += dev.quality[i] * mk.quantity[i];
      if (w.plans[dev.plan[i]].offshore) offshore += share;
    }
    w.pool = revenue;
    if (w.t === 0) w.margin0 = margin;
    w.marginLast = margin;
    w.paidUsers = paid;
    w.aiUsers = paid + free;
    w.hhi = hhi;
    w.quality = quality;
    w.relQuality = rel;
    w.priceIndex = qualityUnits > 0 ? revenue / qualityUnits : 0;
    w.offshoreShare = offshore;
    w.activeDevelopers = n;
  },
};
