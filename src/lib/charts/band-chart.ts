/**
 * One metric over time for several regimes: the median across seeds (q50) as a line and the 90% band
 * (q05–q95) as a shaded area, with the baseline (default settings) drawn faintly for comparison.
 * `facet: true` (default) draws one small panel per regime on a shared scale; `facet: false` draws all
 * regimes in one panel, told apart by colour, dash pattern and a direct label.
 *
 * A pure function of its arguments: `(summary, options) → <figure>` with legend, description and data table.
 * @example bandChart(summary, { metric: "creator_revenue", title: "Creator revenue", unit: "$bn per year" })
 */
import * as Plot from "@observablehq/plot";
import { REGIME_IDS, type SummaryRow } from "../../../models/index";
import { assembleFigure, figureTable, type LazyTableOption, type LegendItem } from "./figure";
import { columnsFor, facetFrame, spread, wrap, yTop } from "./layout";
import { BASELINE_COLOR, regimeColor, regimeDash, regimeLabel, regimeShort } from "./palette";
import { displayUnit, type DisplayUnit } from "./units";

export interface BandChartOptions extends LazyTableOption {
  metric: string;
  /** Breakdown group ("books", "d01", …); rows without a group when omitted. */
  group?: string;
  title: string;
  /** Unit text shown after the title and on the axis, e.g. "$bn per year". */
  unit: string;
  /** Summary of the baseline (defaults) run, drawn faintly. */
  baseline?: SummaryRow[];
  /** Width in px (default 640). */
  width?: number;
  /** One panel per regime (default true). */
  facet?: boolean;
  /** Panel height in px (default 150 faceted, 220 single). */
  height?: number;
}

interface Point { regime: string; year: number; q05: number; q50: number; q95: number; n: number }

function pick(rows: readonly SummaryRow[], metric: string, group: string | undefined, scale: number): Point[] {
  return rows
    .filter((r) => r.metric === metric && (r.group ?? undefined) === group)
    .map((r) => ({ regime: r.regime, year: r.year, q05: r.q05 * scale, q50: r.q50 * scale, q95: r.q95 * scale, n: r.n }));
}

/** Regimes present, in the public order. */
function regimesOf(points: readonly Point[]): string[] {
  const present = new Set(points.map((p) => p.regime));
  const known = (REGIME_IDS as readonly string[]).filter((r) => present.has(r));
  return [...known, ...[...present].filter((r) => !known.includes(r))];
}

/** Plain-language description: what is drawn and the final-year medians and bands. */
function describe(points: readonly Point[], base: readonly Point[], regimes: string[], opts: BandChartOptions, fmt: (v: number) => string): string {
  if (points.length === 0) return `${opts.title}: no data yet.`;
  const last = Math.max(...points.map((p) => p.year));
  const first = Math.min(...points.map((p) => p.year));
  const n = Math.max(...points.map((p) => p.n));
  const parts = regimes.map((r) => {
    const p = points.find((q) => q.regime === r && q.year === last);
    if (!p) return "";
    const b = base.find((q) => q.regime === r && q.year === last);
    const vsBase = b && Math.abs(b.q50 - p.q50) > 1e-9 * Math.max(1, Math.abs(b.q50)) ? `; defaults ${fmt(b.q50)}` : "";
    return `${regimeLabel(r)} ${fmt(p.q50)} (90% band ${fmt(p.q05)} to ${fmt(p.q95)}${vsBase})`;
  }).filter(Boolean);
  return `${opts.title} (${opts.unit}), ${first}–${last}: median across ${n} seed${n === 1 ? "" : "s"} with 90% band. In ${last}: ${parts.join("; ")}.`;
}

/** What both layouts draw from: the points, the baseline, the regimes and the display unit. */
interface BandContext {
  opts: BandChartOptions;
  du: DisplayUnit;
  width: number;
  points: Point[];
  base: Point[];
  regimes: string[];
  xDomain: number[];
  tipTitle: (p: Point) => string;
  tickFormat: string | undefined;
}

interface Drawn { plot: SVGSVGElement | HTMLElement; legend: LegendItem[]; description: string }

/** One small panel per regime on a shared scale. */
function facetedPlot(c: BandContext, description: string): Drawn {
  const { opts, width, points, base, regimes, xDomain, tipTitle, tickFormat } = c;
  const cols = columnsFor(width, regimes.length);
  const w = wrap(regimes, cols);
  const fx = (d: { regime: string }) => w.col(d.regime);
  const fy = (d: { regime: string }) => w.row(d.regime);
  const panelH = opts.height ?? 150;
  const y = yTop(points.map((p) => p.q95), [...points, ...base].map((p) => p.q50));
  if (y.clipped) description += " Some upper bands reach above the top of the axis and are cut off; the data table has every value.";
  const marks: Plot.Markish[] = [
    Plot.ruleY([0], { stroke: "#bbb" }),
    Plot.areaY(points, { x: "year", y1: "q05", y2: "q95", fx, fy, fill: (d: Point) => regimeColor(d.regime), fillOpacity: 0.22, curve: "linear", clip: y.clipped }),
    Plot.lineY(base, { x: "year", y: "q50", fx, fy, z: "regime", stroke: BASELINE_COLOR, strokeWidth: 1.5, strokeDasharray: "3 3", clip: y.clipped }),
    Plot.lineY(points, { x: "year", y: "q50", fx, fy, z: "regime", stroke: (d: Point) => regimeColor(d.regime), strokeWidth: 2.25, clip: y.clipped }),
    Plot.text(regimes, { fx: (r: string) => w.col(r), fy: (r: string) => w.row(r), text: regimeLabel, frameAnchor: "top-left", dy: -14, fontWeight: 600, fontSize: 12, lineAnchor: "bottom" }),
    Plot.tip(points, Plot.pointerX({ x: "year", y: "q50", fx, fy, title: tipTitle })),
  ];
  const plot = Plot.plot({
    ...facetFrame({ width, rows: w.rows, panelH, cols, xDomain, y, tickFormat }),
    style: { fontSize: "11px" },
    ariaLabel: opts.title,
    ariaDescription: description,
    marks,
  });
  const legend: LegendItem[] = [
    { label: "Median across seeds", color: "#333", kind: "line" },
    { label: "90% band (5th–95th percentile)", color: "#777", kind: "band" },
  ];
  if (base.length) legend.push({ label: "Defaults (baseline), median", color: BASELINE_COLOR, kind: "line", dash: "3 3" });
  return { plot, legend, description };
}

/** All regimes in one panel, told apart by colour, dash pattern and a direct label. */
function singlePlot(c: BandContext, description: string): Drawn {
  const { opts, width, points, base, regimes, xDomain, tipTitle, tickFormat } = c;
  const legend: LegendItem[] = [];
  const marks: Plot.Markish[] = [];
  const height = opts.height ?? 220;
  const last = xDomain[1];
  const ends = regimes.map((r) => points.find((p) => p.regime === r && p.year === last)).filter((p): p is Point => !!p);
  const ys = [...points.flatMap((p) => [p.q05, p.q95]), ...base.map((p) => p.q50), 0];
  const extent = Math.max(...ys) - Math.min(...ys) || 1;
  const labelY = spread(ends.map((p) => p.q50), (extent * 13) / (height - 50));
  for (const r of regimes) {
    const mine = points.filter((p) => p.regime === r);
    marks.push(Plot.areaY(mine, { x: "year", y1: "q05", y2: "q95", fill: regimeColor(r), fillOpacity: 0.12 }));
  }
  if (base.length) marks.push(Plot.lineY(base, { x: "year", y: "q50", z: "regime", stroke: BASELINE_COLOR, strokeWidth: 1, strokeOpacity: 0.8, strokeDasharray: "1 3" }));
  for (const r of regimes) {
    const mine = points.filter((p) => p.regime === r);
    const dash = regimeDash(r);
    marks.push(Plot.lineY(mine, { x: "year", y: "q50", stroke: regimeColor(r), strokeWidth: 2, strokeDasharray: dash === "none" ? undefined : dash }));
    legend.push({ label: regimeLabel(r), color: regimeColor(r), kind: "line", dash });
  }
  marks.push(
    Plot.text(ends, { x: "year", y: (_d: Point, i: number) => labelY[i], text: (d: Point) => regimeShort(d.regime), textAnchor: "start", dx: 6, fill: (d: Point) => regimeColor(d.regime), fontSize: 10, stroke: "white", strokeWidth: 3, paintOrder: "stroke" }),
    Plot.tip(points, Plot.pointerX({ x: "year", y: "q50", title: tipTitle })),
  );
  legend.push({ label: "90% band", color: "#777", kind: "band", opacity: 0.2 });
  if (base.length) legend.push({ label: "Defaults (baseline)", color: BASELINE_COLOR, kind: "line", dash: "1 3" });
  const plot = Plot.plot({
    width,
    height,
    marginLeft: 52,
    marginRight: width < 500 ? 74 : 84,
    marginTop: 24,
    x: { domain: xDomain, tickFormat: "d", ticks: width < 400 ? 3 : 5, label: null },
    y: { grid: true, zero: opts.metric !== "model_quality", nice: true, label: null, tickFormat },
    style: { fontSize: "11px" },
    ariaLabel: opts.title,
    ariaDescription: description,
    marks,
  });
  return { plot, legend, description };
}

/** The data table: one row per regime and year, with the baseline median when there is one. */
function dataTable(c: BandContext): { columns: string[]; rows: (string | number)[][] } {
  const { opts, du, points, base, regimes } = c;
  const rows = [...points]
    .sort((a, b) => regimes.indexOf(a.regime) - regimes.indexOf(b.regime) || a.year - b.year)
    .map((p) => {
      const b = base.find((q) => q.regime === p.regime && q.year === p.year);
      const row: (string | number)[] = [regimeLabel(p.regime), p.year, du.plain(p.q05), du.plain(p.q50), du.plain(p.q95)];
      if (base.length) row.push(b ? du.plain(b.q50) : "");
      return row;
    });
  const columns = ["Regime", "Year", `5th pct (${opts.unit})`, `Median (${opts.unit})`, `95th pct (${opts.unit})`];
  if (base.length) columns.push(`Defaults median (${opts.unit})`);
  return { columns, rows };
}

export function bandChart(summary: SummaryRow[], opts: BandChartOptions): HTMLElement {
  const du = displayUnit(opts.metric);
  const points = pick(summary, opts.metric, opts.group, du.scale);
  const base = opts.baseline ? pick(opts.baseline, opts.metric, opts.group, du.scale) : [];
  const regimes = regimesOf(points.length ? points : base);
  const years = points.map((p) => p.year);
  const c: BandContext = {
    opts, du, width: Math.max(280, opts.width ?? 640), points, base, regimes,
    xDomain: years.length ? [Math.min(...years), Math.max(...years)] : [2025, 2035],
    tipTitle: (p: Point) => `${regimeLabel(p.regime)}, ${p.year}\nmedian ${du.format(p.q50)}\n90% band ${du.format(p.q05)} to ${du.format(p.q95)}`,
    tickFormat: du.label.startsWith("number") ? "~s" : undefined,
  };
  const described = describe(points, base, regimes, opts, du.format);
  const { plot, legend, description } = (opts.facet ?? true) ? facetedPlot(c, described) : singlePlot(c, described);
  const table = figureTable(() => ({ ...dataTable(c), caption: `${opts.title} (${opts.unit}), by regime and year` }), opts.lazyTable);
  return assembleFigure({ title: opts.title, unit: opts.unit, legend, plot, description, table });
}
