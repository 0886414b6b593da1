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
export const METRIC_SHAPES: readonly MetricShape[] = [
  { name: "creator_revenue", groups: ["sector", "decile"] },
  { name: "creator_market_revenue", groups: ["sector", "decile"] },
  { name: "creator_ai_revenue", groups: ["sector", "decile"] },
  { name: "developer_cost" },
  { name: "developer_data_cost" },
  { name: "developer_transaction_cost" },
  { name: "developer_compliance_cost" },
  { name: "developer_legal_cost" },
  { name: "royalties_paid" },
  { name: "royalties_distributed" },
  { name: "collective_admin_cost" },
  { name: "unmatched_royalties_held" },
  { name: "corpus_share", groups: ["sector"] },
  { name: "corpus_value_share", groups: ["sector"] },
  { name: "corpus_quality_share" },
  { name: "unlicensed_share" },
  { name: "optout_share" },
  { name: "optout_quality_share" },
  { name: "model_quality" },
  { name: "ai_revenue" },
  { name: "consumer_surplus" },
  { name: "ai_users" },
  { name: "ai_paid_users" },
  { name: "total_surplus" },
  { name: "deadweight_cost" },
  { name: "ai_price" },
  { name: "offshore_training_share" },
  { name: "inference_cost" },
  { name: "developer_fixed_cost" },
  { name: "active_creators", groups: ["sector"] },
  { name: "works_created", groups: ["sector"] },
  { name: "active_developers" },
  { name: "developer_hhi" },
  { name: "creator_ai_bottom_half_share" },
  { name: "creator_income_gini" },
  { name: "developer_profit" },
  { name: "works_litigated" },
  { name: "settlement_per_work" },
  { name: "payments_to_creators" },
  { name: "payments_to_intermediaries" },
  { name: "payments_to_lawyers" },
  { name: "payments_to_state" },
  { name: "payments_to_others" },
  { name: "payments_to_sellers" },
  { name: "statutory_rate" },
];

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
