/**
 * The explorer's comparison as data: every shown regime's value of one metric for one window — a selected
 * year, or the cumulative total over the run (e.g. 2025–2035) — as median and 90% band, absolute or as
 * the change relative to a reference regime; and the cumulative table (metric × regime with bands).
 * Pure: summary rows in, points and text out. Not responsible for drawing (comparison-view.ts).
 *
 * The cumulative values are the quantiles of each seed's (or each draw's) whole-run total: the summary
 * rows of the running-total series "metric@cumulative" (src/lib/derived-series.ts) in the last year,
 * not sums of yearly percentiles (quantiles of a sum are not sums of quantiles).
 */
import type { SummaryRow } from "../../../models/results/types";
import { cumulativeKey } from "../derived-series";
import { displayUnit, sig3 } from "./units";

export type Window = { kind: "year"; year: number } | { kind: "cumulative" };
export type Mode = { kind: "absolute" } | { kind: "relative"; reference: string };

/** One dot and interval, in display units ($bn, %, …) or in percent change from the reference's median. */
export interface ComparisonPoint { regime: string; q05: number; q50: number; q95: number }

/** The metrics the comparison offers (all among the series the explorer's chart specs request). */
export const COMPARISON_METRICS = ["creator_revenue", "creator_ai_revenue", "developer_cost", "consumer_surplus", "total_surplus"] as const;
/** The running-total keys the cumulative window reads (to be asked of the sim client with the metrics). */
export const COMPARISON_CUMULATIVE_KEYS = COMPARISON_METRICS.map(cumulativeKey);

/** First and last year in the summary. @example yearSpan(rows) // => [2025, 2035] */
export function yearSpan(summary: readonly SummaryRow[]): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (const r of summary) { if (r.year < lo) lo = r.year; if (r.year > hi) hi = r.year; }
  return [lo, hi];
}

/**
 * Absolute median and band of a metric per regime for a window, in display units: the metric's row in the
 * year, or for the cumulative window its running total's row in the last year (a regime without that row
 * has no point).
 */
export function windowPoints(summary: readonly SummaryRow[], metric: string, regimes: readonly string[], w: Window): ComparisonPoint[] {
  const scale = displayUnit(metric).scale;
  const key = w.kind === "cumulative" ? cumulativeKey(metric) : metric;
  const year = w.kind === "cumulative" ? yearSpan(summary)[1] : w.year;
  return regimes.flatMap((regime) => {
    const r = summary.find((x) => x.metric === key && x.regime === regime && x.group === undefined && x.year === year);
    return r ? [{ regime, q05: r.q05 * scale, q50: r.q50 * scale, q95: r.q95 * scale }] : [];
  });
}

/** Points relative to the reference regime's median, in percent (the reference's median is 0). */
export function relativePoints(points: readonly ComparisonPoint[], reference: string): ComparisonPoint[] {
  const ref = points.find((p) => p.regime === reference)?.q50;
  if (ref === undefined || ref === 0) return [];
  const pct = (v: number) => ((v - ref) / Math.abs(ref)) * 100;
  return points.map((p) => ({ regime: p.regime, q05: pct(p.q05), q50: pct(p.q50), q95: pct(p.q95) }));
}

/** The window's text. @example windowText({ kind: "cumulative" }, [2025, 2035]) // => "cumulative 2025–2035" */
export function windowText(w: Window, span: [number, number]): string {
  return w.kind === "year" ? `in ${w.year}` : `cumulative ${span[0]}–${span[1]}`;
}

/** The unit of the values for a metric and window ("$bn per year", "$bn over 2025–2035", "% change"). */
export function comparisonUnit(metric: string, w: Window, m: Mode, span: [number, number]): string {
  if (m.kind === "relative") return "% change from the reference regime's median";
  const u = displayUnit(metric).label;
  return w.kind === "cumulative" ? u.replace("per year", `in total over ${span[0]}–${span[1]}`) : u;
}

/** "12.3 (11.1–13.4)": a median with its band, three significant figures. */
export const bandText = (p: ComparisonPoint): string => `${sig3(p.q50)} (${sig3(p.q05)}–${sig3(p.q95)})`;

/** Nice tick values covering [lo, hi], 0 always included (the comparison chart's axis, live and frozen). */
export function niceTicks(lo: number, hi: number): number[] {
  const a = Math.min(0, lo), b = Math.max(0, hi), span = b - a || 1;
  const mag = 10 ** Math.floor(Math.log10(span / 4));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => span / s <= 5) ?? 10 * mag;
  const out: number[] = [];
  for (let t = Math.floor(a / step) * step; t <= Math.ceil(b / step) * step + step / 2; t += step) out.push(Math.round(t / step) * step);
  return out;
}
