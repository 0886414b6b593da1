/**
 * The explorer's charts as data: what each shows (its metrics), its title and unit, and where it goes.
 * The list of series the worker is asked for is derived from these specs (`specKeys`), so adding a
 * chart, or a metric to one, is an edit here only: the page makes a slot per spec
 * (src/pages/explorer.astro) and src/lib/charts/render-spec.ts draws it.
 * Not responsible for drawing (band-chart.ts, split-chart.ts).
 */

/** Axis unit of the money charts: model dollars are shown in billions (units.ts). */
const MONEY = "$bn per year";

interface SpecBase {
  /** Unique; names the slot (`data-chart`) and the image files (`explorer-<id>-v1.0.0.svg`). */
  id: string;
  title: string;
  unit: string;
  /** "lead": full width, in order at the top; "outcome": a cell of the supporting-outcomes grid. */
  place: "lead" | "outcome";
  /** The slot's element id, when other code or tests address it (e.g. "chart-creator"). */
  slotId?: string;
}

/** A total split into stacked parts, one panel per regime (split-chart.ts). */
export interface SplitSpec extends SpecBase {
  kind: "split";
  total: string;
  parts: readonly string[];
  /** Short labels of the parts (default: the metric labels). */
  partLabels?: Readonly<Record<string, string>>;
}

/** One metric, median and 90% band per regime, in one panel (band-chart.ts). */
export interface BandSpec extends SpecBase {
  kind: "band";
  metric: string;
}

export type ChartSpec = SplitSpec | BandSpec;

export const EXPLORER_CHARTS: readonly ChartSpec[] = [
  {
    id: "creator-revenue", kind: "split", place: "lead", slotId: "chart-creator", title: "Creator revenue per year", unit: MONEY,
    total: "creator_revenue", parts: ["creator_market_revenue", "creator_ai_revenue"],
    partLabels: { creator_market_revenue: "Market sales", creator_ai_revenue: "AI income" },
  },
  {
    id: "developer-cost", kind: "split", place: "lead", slotId: "chart-developer", title: "Developer cost per year", unit: MONEY,
    total: "developer_cost", parts: ["developer_data_cost", "developer_transaction_cost", "developer_compliance_cost", "developer_legal_cost"],
  },
  { id: "consumer-surplus", kind: "band", place: "lead", slotId: "chart-consumer-surplus", metric: "consumer_surplus", title: "Consumer surplus per year (users' gain over no AI services)", unit: MONEY },
  { id: "total-surplus", kind: "band", place: "lead", slotId: "chart-total-surplus", metric: "total_surplus", title: "Total surplus per year (users, developers, creators and others, net of deadweight costs)", unit: MONEY },
  { id: "corpus_share", kind: "band", place: "outcome", metric: "corpus_share", title: "Share of works used in training", unit: "%" },
  { id: "unlicensed_share", kind: "band", place: "outcome", metric: "unlicensed_share", title: "Share of training works used without permission", unit: "%" },
  { id: "model_quality", kind: "band", place: "outcome", metric: "model_quality", title: "Model quality", unit: "index (technical progress × data; not capped)" },
  { id: "active_creators", kind: "band", place: "outcome", metric: "active_creators", title: "Active creators", unit: "number" },
  { id: "active_developers", kind: "band", place: "outcome", metric: "active_developers", title: "Active AI developers", unit: "number" },
];

/** The series keys a chart shows. @example specMetrics(EXPLORER_CHARTS[0]) // => ["creator_revenue", "creator_market_revenue", "creator_ai_revenue"] */
export function specMetrics(spec: ChartSpec): string[] {
  return spec.kind === "split" ? [spec.total, ...spec.parts] : [spec.metric];
}

/** Every series key the charts need, each once, in chart order: the keys the worker is asked for. */
export function specKeys(specs: readonly ChartSpec[]): string[] {
  return [...new Set(specs.flatMap(specMetrics))];
}
