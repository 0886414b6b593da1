/**
 * The home page's headline figure as data: for each regime, creators' revenue and developers' cost in
 * the final simulated year (median and 90% band across seeds, $bn per year, constant 2025 USD), and one
 * sentence of finding computed from those numbers. Pure: takes summary rows, returns rows and text.
 * Not responsible for running the model (the page does that at build time) or for drawing (HomeFigure).
 */
import type { SummaryRow } from "../../../models/results/types";
import { regimeLabel } from "../charts/palette";
import { sig3 } from "../charts/units";

export const HEADLINE_METRICS = ["creator_revenue", "developer_cost"] as const;
export type HeadlineMetric = (typeof HEADLINE_METRICS)[number];

/** One dot and interval: a regime's metric in the final year, in $bn per year. */
export interface HeadlinePoint { regime: string; metric: HeadlineMetric; q05: number; q50: number; q95: number }

export interface Headline { year: number; seeds: number; points: HeadlinePoint[]; finding: string }

const BN = 1e-9;
const money = (v: number): string => `$${sig3(v)} bn`;

/** The final-year points (or `atYear`'s) for the given regimes (in that order) from summary rows of the whole run. */
export function headlinePoints(summary: readonly SummaryRow[], regimes: readonly string[], atYear?: number): { year: number; points: HeadlinePoint[] } {
  const year = atYear ?? Math.max(...summary.map((r) => r.year));
  const points: HeadlinePoint[] = [];
  for (const metric of HEADLINE_METRICS)
    for (const regime of regimes) {
      const r = summary.find((s) => s.year === year && s.regime === regime && s.metric === metric && !s.group);
      if (r) points.push({ regime, metric, q05: r.q05 * BN, q50: r.q50 * BN, q95: r.q95 * BN });
    }
  return { year, points };
}

const extreme = (pts: readonly HeadlinePoint[], metric: HeadlineMetric, sign: 1 | -1): HeadlinePoint =>
  pts.filter((p) => p.metric === metric).reduce((a, b) => (sign * b.q50 > sign * a.q50 ? b : a));

/** Medians within this share of an extreme's are named with it: at three significant figures the model cannot tell them apart. */
export const HEADLINE_TIE = 0.01;

/** The other regimes whose median is within `HEADLINE_TIE` of `p`'s, on the same metric. */
const tiedWith = (pts: readonly HeadlinePoint[], p: HeadlinePoint): HeadlinePoint[] =>
  pts.filter((q) => q.metric === p.metric && q.regime !== p.regime && Math.abs(q.q50 - p.q50) <= HEADLINE_TIE * Math.abs(p.q50));

const names = (ps: readonly HeadlinePoint[]): string => {
  const l = ps.map((q) => regimeLabel(q.regime));
  return l.length < 2 ? l.join("") : `${l.slice(0, -1).join(", ")} and ${l[l.length - 1]}`;
};

/**
 * One sentence of finding: which regime pays creators most and which costs developers least in the final
 * year, with medians and 90% bands, naming the regimes whose medians are within 1% of each extreme.
 * @example headlineFinding(points, 2035) // => "In 2035, creators earn most under Licensing only ($… bn a year, 90% band …) …"
 */
export function headlineFinding(points: readonly HeadlinePoint[], year: number): string {
  const top = extreme(points, "creator_revenue", 1);
  const low = extreme(points, "creator_revenue", -1);
  const cheap = extreme(points, "developer_cost", -1);
  const dear = extreme(points, "developer_cost", 1);
  const band = (p: HeadlinePoint): string => {
    const tied = tiedWith(points, p);
    const also = tied.length ? `; ${names(tied)} within ${HEADLINE_TIE * 100}% of it` : "";
    return `${money(p.q50)} a year, 90% band ${money(p.q05)}–${money(p.q95)}${also}`;
  };
  return `In ${year}, creators earn most under ${regimeLabel(top.regime)} (${band(top)}) and least under ${regimeLabel(low.regime)} (${band(low)}); ` +
    `developers pay most under ${regimeLabel(dear.regime)} (${band(dear)}) and least under ${regimeLabel(cheap.regime)} (${band(cheap)}).`;
}
