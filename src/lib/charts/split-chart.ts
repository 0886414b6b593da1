/**
 * A total split into components, per regime: the components' medians stacked as areas, the total's
 * median as a line and its 90% band (q05–q95) as dashed edges, and the baseline total drawn faintly.
 * One small panel per regime (facet titles name the regime). Medians of parts need not add up exactly
 * to the median of the total; the description says so.
 *
 * A pure function: `(summary, options) → <figure>`.
 * @example splitChart(summary, { total: "developer_cost", parts: ["developer_data_cost", "developer_legal_cost"], title: "Developer cost", unit: "$bn per year" })
 */
import * as Plot from "@observablehq/plot";
import { METRIC_BY_NAME, REGIME_IDS, type SummaryRow } from "../../../models/index";
import { assembleFigure, figureTable, type LazyTableOption, type LegendItem } from "./figure";
import { columnsFor, facetFrame, wrap, yTop } from "./layout";
import { BASELINE_COLOR, COMPONENT_COLORS, regimeLabel } from "./palette";
import { displayUnit, type DisplayUnit } from "./units";

export interface SplitChartOptions extends LazyTableOption {
  total: string;
  parts: string[];
  title: string;
  unit: string;
  baseline?: SummaryRow[];
  width?: number;
  height?: number;
  /** Short labels for parts (default: the metric labels). */
  partLabels?: Record<string, string>;
}

interface Part { regime: string; year: number; part: string; value: number }
interface Total { regime: string; year: number; q05: number; q50: number; q95: number; n: number }

/** The data both the plot and the texts read. */
interface SplitData {
  opts: SplitChartOptions;
  du: DisplayUnit;
  totals: Total[];
  parts: Part[];
  base: Total[];
  regimes: string[];
  xDomain: number[];
  label: (m: string) => string;
}

function splitData(summary: SummaryRow[], opts: SplitChartOptions): SplitData {
  const du = displayUnit(opts.total);
  const label = (m: string) => opts.partLabels?.[m] ?? METRIC_BY_NAME.get(m)?.label ?? m;
  const noGroup = summary.filter((r) => r.group === undefined);
  const total = (r: SummaryRow): Total => ({ regime: r.regime, year: r.year, q05: r.q05 * du.scale, q50: r.q50 * du.scale, q95: r.q95 * du.scale, n: r.n });
  const totals = noGroup.filter((r) => r.metric === opts.total).map(total);
  const parts: Part[] = noGroup.filter((r) => opts.parts.includes(r.metric))
    .map((r) => ({ regime: r.regime, year: r.year, part: r.metric, value: Math.max(0, r.q50 * du.scale) }));
  const base = (opts.baseline ?? []).filter((r) => r.group === undefined && r.metric === opts.total).map(total);
  const present = new Set(totals.map((t) => t.regime));
  const regimes = (REGIME_IDS as readonly string[]).filter((r) => present.has(r));
  const years = totals.map((t) => t.year);
  const xDomain = years.length ? [Math.min(...years), Math.max(...years)] : [2025, 2035];
  return { opts, du, totals, parts, base, regimes, xDomain, label };
}

const partAt = (d: SplitData, regime: string, year: number, m: string) => d.parts.find((q) => q.regime === regime && q.year === year && q.part === m);

/** Plain-language description: the final-year total, its band and its parts, per regime. */
function describeSplit(d: SplitData, clipped: boolean): string {
  const { opts, totals, base, regimes, xDomain, label } = d;
  const fmt = d.du.format;
  const last = xDomain[1];
  const n = totals.length ? Math.max(...totals.map((t) => t.n)) : 0;
  const lines = regimes.map((r) => {
    const t = totals.find((q) => q.regime === r && q.year === last);
    if (!t) return "";
    const split = opts.parts.map((m) => {
      const p = partAt(d, r, last, m);
      return p ? `${label(m).toLowerCase()} ${fmt(p.value)}` : "";
    }).filter(Boolean).join(", ");
    const b = base.find((q) => q.regime === r && q.year === last);
    const vsBase = b && Math.abs(b.q50 - t.q50) > 1e-9 * Math.max(1, Math.abs(b.q50)) ? `; defaults ${fmt(b.q50)}` : "";
    return `${regimeLabel(r)} ${fmt(t.q50)} (90% band ${fmt(t.q05)} to ${fmt(t.q95)}; median ${split}${vsBase})`;
  }).filter(Boolean);
  const clipNote = clipped ? " Some upper bands reach above the top of the axis and are cut off; the data table has every value." : "";
  return totals.length
    ? `${opts.title} (${opts.unit}), ${xDomain[0]}–${last}, split into ${opts.parts.map(label).join(", ").toLowerCase()}: stacked medians across ${n} seed${n === 1 ? "" : "s"}, with the total's median and 90% band. In ${last}: ${lines.join("; ")}. Medians of the parts need not add up exactly to the median total.${clipNote}`
    : `${opts.title}: no data yet.`;
}

/** The data table: parts' medians, then the total's band and median, per regime and year. */
function splitTable(d: SplitData): { columns: string[]; rows: (string | number)[][] } {
  const { opts, du, totals, base, regimes, label } = d;
  const rows = [...totals]
    .sort((a, b) => regimes.indexOf(a.regime) - regimes.indexOf(b.regime) || a.year - b.year)
    .map((t) => {
      const row: (string | number)[] = [regimeLabel(t.regime), t.year];
      for (const m of opts.parts) {
        const p = partAt(d, t.regime, t.year, m);
        row.push(p ? du.plain(p.value) : "");
      }
      row.push(du.plain(t.q05), du.plain(t.q50), du.plain(t.q95));
      if (base.length) {
        const b = base.find((q) => q.regime === t.regime && q.year === t.year);
        row.push(b ? du.plain(b.q50) : "");
      }
      return row;
    });
  const columns = ["Regime", "Year", ...opts.parts.map((m) => `${label(m)} median`), "Total 5th pct", "Total median", "Total 95th pct"];
  if (base.length) columns.push("Defaults total median");
  return { columns, rows };
}

export function splitChart(summary: SummaryRow[], opts: SplitChartOptions): HTMLElement {
  const d = splitData(summary, opts);
  const { du, totals, parts, base, regimes, xDomain, label } = d;
  const fmt = du.format;
  const width = Math.max(280, opts.width ?? 640);
  const cols = columnsFor(width, Math.max(1, regimes.length));
  const w = wrap(regimes, cols);
  const fx = (r: { regime: string }) => w.col(r.regime);
  const fy = (r: { regime: string }) => w.row(r.regime);
  const color = (m: string) => COMPONENT_COLORS[opts.parts.indexOf(m) % COMPONENT_COLORS.length];
  const panelH = opts.height ?? 150;
  const y = yTop(totals.map((t) => t.q95), [...totals, ...base].map((t) => t.q50));
  const description = describeSplit(d, y.clipped);

  const order = new Map(opts.parts.map((m, i) => [m, i]));
  const tipTitle = (t: Total) => {
    const split = opts.parts.map((m) => {
      const p = partAt(d, t.regime, t.year, m);
      return `${label(m)}: ${p ? fmt(p.value) : "–"}`;
    }).join("\n");
    return `${regimeLabel(t.regime)}, ${t.year}\nTotal median ${fmt(t.q50)} (90% band ${fmt(t.q05)} to ${fmt(t.q95)})\n${split}`;
  };
  const plot = Plot.plot({
    ...facetFrame({ width, rows: w.rows, panelH, cols, xDomain, y }),
    color: { domain: opts.parts, range: opts.parts.map(color) },
    style: { fontSize: "11px" },
    ariaLabel: opts.title,
    ariaDescription: description,
    marks: [
      Plot.areaY(parts, Plot.stackY({ order: (p: Part) => order.get(p.part) ?? 0 }, { x: "year", y: "value", z: "part", fill: "part", fx, fy, fillOpacity: 0.8, clip: y.clipped })),
      Plot.ruleY([0], { stroke: "#999" }),
      Plot.lineY(base, { x: "year", y: "q50", z: "regime", fx, fy, stroke: BASELINE_COLOR, strokeWidth: 1.5, strokeDasharray: "3 3", clip: y.clipped }),
      Plot.lineY(totals, { x: "year", y: "q05", z: "regime", fx, fy, stroke: "#222", strokeWidth: 1, strokeDasharray: "1 2", clip: y.clipped }),
      Plot.lineY(totals, { x: "year", y: "q95", z: "regime", fx, fy, stroke: "#222", strokeWidth: 1, strokeDasharray: "1 2", clip: y.clipped }),
      Plot.lineY(totals, { x: "year", y: "q50", z: "regime", fx, fy, stroke: "#111", strokeWidth: 2, clip: y.clipped }),
      Plot.text(regimes, { fx: (r: string) => w.col(r), fy: (r: string) => w.row(r), text: regimeLabel, frameAnchor: "top-left", dy: -14, fontWeight: 600, fontSize: 12, lineAnchor: "bottom" }),
      Plot.tip(totals, Plot.pointerX({ x: "year", y: "q50", fx, fy, title: tipTitle })),
    ],
  });

  const legend: LegendItem[] = [
    ...opts.parts.map((m): LegendItem => ({ label: `${label(m)} (median)`, color: color(m), kind: "area", opacity: 0.8 })),
    { label: "Total, median", color: "#111", kind: "line" },
    { label: "Total, 90% band", color: "#222", kind: "line", dash: "1 2" },
  ];
  if (base.length) legend.push({ label: "Defaults (baseline) total", color: BASELINE_COLOR, kind: "line", dash: "3 3" });
  const table = figureTable(() => ({ ...splitTable(d), caption: `${opts.title} (${opts.unit}), by regime and year` }), opts.lazyTable);
  return assembleFigure({ title: opts.title, unit: opts.unit, legend, plot, description, table });
}
