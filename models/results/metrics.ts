/**
 * The output metrics: names (a public interface: URLs, CSV columns and the CLI use them), units and one-line meanings.
 * Declared once here; the CLI, the charts, the methods page and the tests read this list.
 */
import { METRIC_SHAPES } from "./metric-keys";

export { BREAKDOWN_KEYS, DECILES, SERIES_KEYS, seriesKey, splitSeriesKey } from "./metric-keys";

export type MetricUnit = "USD per year" | "USD" | "share" | "index" | "count" | "count per year" | "USD per creator-year" | "USD per user-year" | "works per year" | "USD per work";

export interface MetricInfo {
  name: string;
  label: string;
  unit: MetricUnit;
  description: string;
  /** Breakdown groups this metric is also reported by (rows with a `group`). */
  groups?: readonly ("sector" | "decile")[];
}

type Meaning = Pick<MetricInfo, "label" | "unit" | "description">;

/** Label, unit and meaning of every metric in `METRIC_SHAPES` (metric-keys.ts), by name. */
const MEANINGS: Readonly<Record<string, Meaning>> = {
  creator_revenue: { label: "Creator revenue", unit: "USD per year", description: "Creators' market sales plus AI income (after intermediary and collective shares)." },
  creator_market_revenue: { label: "Creator market revenue", unit: "USD per year", description: "Creators' income from selling their works, after AI substitution." },
  creator_ai_revenue: { label: "Creator AI income", unit: "USD per year", description: "Royalties, licence fees and damages reaching creators, after intermediary and collective shares." },
  developer_cost: { label: "Developer cost", unit: "USD per year", description: "All that AI developers pay for training data: data + transaction + compliance + legal." },
  developer_data_cost: { label: "Data cost", unit: "USD per year", description: "Royalties, licence fees, side deals and lawful acquisition of copies." },
  developer_transaction_cost: { label: "Transaction cost", unit: "USD per year", description: "Cost of clearing rights: per-work clearance and per-deal negotiation." },
  developer_compliance_cost: { label: "Compliance cost", unit: "USD per year", description: "Opt-out detection, training summaries, output filters, the relocation cost of training abroad, and retraining after an injunction." },
  developer_legal_cost: { label: "Legal cost", unit: "USD per year", description: "Damages and settlements for unlicensed use (once per work, at most the developer's ability to pay), output liability on the unlicensed part of a model's corpus (all of it for a model trained abroad), and regulatory fines." },
  royalties_paid: { label: "Royalties paid", unit: "USD per year", description: "Statutory royalties paid to the collective." },
  royalties_distributed: { label: "Royalties distributed", unit: "USD per year", description: "Royalties the collective paid out to rights holders (matched now, plus released unmatched money)." },
  collective_admin_cost: { label: "Collective admin cost", unit: "USD per year", description: "The collective's administration deduction." },
  unmatched_royalties_held: { label: "Unmatched royalties held", unit: "USD", description: "Royalties the collective holds for unidentified owners at year end (a stock)." },
  corpus_share: { label: "Corpus share", unit: "share", description: "Share of all copyrighted works used in training (revenue-share weighted across developers); counts works, so images (most new works) dominate it." },
  corpus_value_share: { label: "Corpus value share", unit: "share", description: "Share of the training value of all copyrighted works used (quality-, sector- and freshness-weighted; revenue-share weighted across developers)." },
  corpus_quality_share: { label: "Quality-weighted corpus share", unit: "share", description: "Share of the quality-weighted copyrighted corpus used in training." },
  unlicensed_share: { label: "Unlicensed share", unit: "share", description: "Share of training works used without permission (pirated, or ignoring a binding opt-out)." },
  optout_share: { label: "Opt-out share", unit: "share", description: "Share of works whose opt-out or refusal binds under the regime." },
  optout_quality_share: { label: "Quality-weighted opt-out share", unit: "share", description: "Share of the quality-weighted corpus whose opt-out binds; above optout_share when the best works opt out first (adverse selection)." },
  model_quality: { label: "Model quality", unit: "index", description: "Revenue-share weighted model quality Q = technical trend × tier scale × (effective data ÷ 2025 full corpus)^exponent; 1 = a 2025 frontier model on the full corpus; not capped." },
  ai_revenue: { label: "AI revenue", unit: "USD per year", description: "Revenue of all AI developers together: Σ price × users, an outcome of logit demand and Bertrand prices." },
  consumer_surplus: { label: "Consumer surplus", unit: "USD per year", description: "Users' surplus from AI services over the outside good: the logit log-sum Σ_g (M_g/α_g) ln(1 + Σ_j e^δ)." },
  ai_users: { label: "Users of AI services", unit: "count per year", description: "Potential users (user-years) who take some developer's model, on a paid plan or a free tier (the rest take the outside good): the inside share of the logit demand times potential users." },
  ai_paid_users: { label: "Paying users", unit: "count per year", description: "Users (user-years) on a paid plan (any segment); the rest of ai_users are on free tiers." },
  total_surplus: { label: "Total surplus", unit: "USD per year", description: "Consumer surplus + developer profit + creator revenue + income of intermediaries, the state and sellers of copies + Δ royalties held; transfers counted once (= consumer surplus + AI revenue − inference − fixed costs + creators' market revenue − deadweight)." },
  deadweight_cost: { label: "Deadweight cost", unit: "USD per year", description: "Resources used up by the data regime: transaction and compliance costs, relocation abroad, lawyers' fees and the collective's admin." },
  ai_price: { label: "Quality-adjusted AI price", unit: "USD per user-year", description: "AI revenue ÷ quality-weighted paid users (Σ price × users ÷ Σ quality × users): what paid users spend a year per unit of 2025-frontier quality. Not the price of a fixed capability per token that Epoch AI measures (see Methods)." },
  offshore_training_share: { label: "Offshore training share", unit: "share", description: "Revenue share of developers that train abroad to escape home training rules." },
  inference_cost: { label: "Inference cost", unit: "USD per year", description: "Developers' marginal cost of serving users." },
  developer_fixed_cost: { label: "Developer fixed cost", unit: "USD per year", description: "Developers' fixed costs (training runs, staff), growing with the tokens training runs use." },
  active_creators: { label: "Active creators", unit: "count", description: "Real creators in creative work (agents times the number each stands for)." },
  works_created: { label: "Works created", unit: "count per year", description: "New works made in the year." },
  active_developers: { label: "Active developers", unit: "count", description: "AI developers in the market." },
  developer_hhi: { label: "Developer concentration (HHI)", unit: "share", description: "Herfindahl–Hirschman index of AI revenue shares (1 = monopoly)." },
  creator_ai_bottom_half_share: { label: "AI income share of the bottom half", unit: "share", description: "Share of creators' AI income that reaches the bottom half of creators by base income (deciles d01–d05); 0 when there is no AI income." },
  creator_income_gini: { label: "Creator income Gini", unit: "share", description: "Gini coefficient of active creators' total income." },
  developer_profit: { label: "Developer profit", unit: "USD per year", description: "AI revenue minus inference, fixed costs and all data-related costs." },
  works_litigated: { label: "Works litigated", unit: "works per year", description: "Works newly charged in the year's class actions that ended in a payment (each work is charged once per developer)." },
  settlement_per_work: { label: "Settlement per work", unit: "USD per work", description: "Training damages paid in the year's class actions (after the ability-to-pay bound, before lawyers' fees) per work litigated; 0 in a year with none." },
  payments_to_creators: { label: "Paid to creators", unit: "USD per year", description: "Developer payments that reached creators (licences, royalties distributed, damages net of fees)." },
  payments_to_intermediaries: { label: "Paid to intermediaries", unit: "USD per year", description: "Developer payments kept by publishers, agencies and platforms." },
  payments_to_lawyers: { label: "Paid to lawyers", unit: "USD per year", description: "Plaintiffs' lawyers' fees out of damages." },
  payments_to_state: { label: "Paid to the state", unit: "USD per year", description: "Regulatory fines, and the unclaimed part of class settlements (to cy pres recipients)." },
  payments_to_others: { label: "Paid to others", unit: "USD per year", description: "Clearance agents, compliance vendors and the costs of training abroad (all deadweight)." },
  payments_to_sellers: { label: "Paid to sellers of copies", unit: "USD per year", description: "Lawful copies bought (booksellers; a transfer, not deadweight)." },
  statutory_rate: { label: "Statutory royalty rate", unit: "share", description: "The rate in force under the compulsory licence (0 elsewhere)." },
};

/** Every metric with its meaning, in `METRIC_SHAPES` order; a metric without a meaning, or a meaning without a metric, is an error. */
export const METRICS: readonly MetricInfo[] = METRIC_SHAPES.map((m) => {
  const meaning = MEANINGS[m.name];
  if (!meaning) throw new Error(`metrics: ${m.name} has no label, unit and description`);
  return { name: m.name, ...meaning, ...(m.groups ? { groups: m.groups } : {}) };
});
for (const name of Object.keys(MEANINGS)) if (!METRICS.some((m) => m.name === name)) throw new Error(`metrics: ${name} is described but not in METRIC_SHAPES`);

export const METRIC_NAMES = METRICS.map((m) => m.name);
export const METRIC_BY_NAME = new Map(METRICS.map((m) => [m.name, m]));
