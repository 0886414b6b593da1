/**
 * The names of the output metrics and the groups each is broken down by: what a run produces, without the
 * labels and meanings (`metrics.ts`), so the model and its worker bundle do not carry the prose.
 */
import { SECTORS } from "../economy/sectors";

export const DECILES = ["d01", "d02", "d03", "d04", "d05", "d06", "d07", "d08", "d09", "d10"] as const;

export interface MetricShape {
  name: string;
  /** Breakdown groups this metric is also reported by (rows with a `group`). */
  groups?: readonly ("sector" | "decile")[];
}

/** Every metric a run produces, in a stable order (the order of CSV columns and of `SERIES_KEYS`). */
const NAMES: readonly string[] = [
  "creator_revenue", "creator_market_revenue", "creator_ai_revenue", "developer_cost", "developer_data_cost",
  "developer_transaction_cost", "developer_compliance_cost", "developer_legal_cost", "royalties_paid",
  "royalties_distributed", "collective_admin_cost", "unmatched_royalties_held", "corpus_share",
  "corpus_value_share", "corpus_quality_share", "unlicensed_share", "optout_share", "optout_quality_share",
  "model_quality", "ai_revenue", "consumer_surplus", "ai_users", "ai_paid_users", "total_surplus",
  "deadweight_cost", "ai_price", "offshore_training_share", "inference_cost", "developer_fixed_cost",
  "active_creators", "works_created", "active_developers", "developer_hhi", "creator_ai_bottom_half_share",
  "creator_income_gini", "developer_profit", "works_litigated", "settlement_per_work", "payments_to_creators",
  "payments_to_intermediaries", "payments_to_lawyers", "payments_to_state", "payments_to_others",
  "payments_to_sellers", "statutory_rate",
];

/** The metrics also reported by sector or by creators' income decile. */
const GROUPS: Readonly<Record<string, MetricShape["groups"]>> = {
  creator_revenue: ["sector", "decile"],
  creator_market_revenue: ["sector", "decile"],
  creator_ai_revenue: ["sector", "decile"],
  corpus_share: ["sector"],
  corpus_value_share: ["sector"],
  active_creators: ["sector"],
  works_created: ["sector"],
};

export const METRIC_SHAPES: readonly MetricShape[] = NAMES.map((name) => (GROUPS[name] ? { name, groups: GROUPS[name] } : { name }));
for (const name of Object.keys(GROUPS)) if (!NAMES.includes(name)) throw new Error(`metric-keys: ${name} has groups but is not a metric`);

/** Series key for a metric and optional group: `creator_revenue` or `creator_revenue|books`. */
export function seriesKey(metric: string, group?: string): string {
  return group ? `${metric}|${group}` : metric;
}

/** Inverse of `seriesKey`. */
export function splitSeriesKey(key: string): { metric: string; group?: string } {
  const i = key.indexOf("|");
  return i < 0 ? { metric: key } : { metric: key.slice(0, i), group: key.slice(i + 1) };
}

/** Every series key a run produces, in a stable order. */
export const SERIES_KEYS: readonly string[] = METRIC_SHAPES.flatMap((m) => [
  m.name,
  ...(m.groups ?? []).flatMap((g) => (g === "sector" ? SECTORS : DECILES).map((grp) => seriesKey(m.name, grp))),
]);

/**
 * The series computed from the creators' decile sums and Gini bins (`CreatorPass.breakdowns`): a run that
 * is asked for none of them skips that bookkeeping (`needsBreakdowns` in models/run.ts).
 */
export const BREAKDOWN_KEYS: ReadonlySet<string> = new Set([
  ...METRIC_SHAPES.filter((m) => m.groups?.includes("decile")).flatMap((m) => DECILES.map((d) => seriesKey(m.name, d))),
  "creator_ai_bottom_half_share",
  "creator_income_gini",
]);
