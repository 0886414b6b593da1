/**
 * A frozen comparison figure as data: the embed's default view (one metric, final year, every regime
 * shown, median and 90% band across seeds) laid out for an SVG drawn at build time with no script
 * (src/components/embed/FrozenFigure.astro), with its text alternative and a citation without an access
 * date (the figure is fixed at build time; the reader adds the date they saw it).
 * Pure: summary rows in, geometry and text out. Same numbers as the live embed's comparison chart
 * (src/lib/charts/comparison.ts `windowPoints`).
 */
import { MODEL_VERSION, METRIC_BY_NAME, type Registry, type Settings, type SummaryRow } from "../../../models/index";
import { bandText, comparisonUnit, niceTicks, windowPoints, yearSpan, type ComparisonPoint } from "../charts/comparison";
import { regimeColor, regimeLabel, regimeShort } from "../charts/palette";
import { changedSettings, SITE_AUTHOR, SITE_TITLE } from "../cite";
import { sig3 } from "../charts/units";
import { seedsText } from "../url-state";

export const FROZEN_METRIC = "creator_revenue";
/** Narrower than the live chart's 560 so that its 12 px labels stay legible when a phone scales it to ~360 px. */
const W = 440, ROW = 30, TOP = 10, LEFT = 100, RIGHT = 20, AXIS = 30;

export interface FrozenRow extends ComparisonPoint { label: string; short: string; color: string; y: number; x05: number; x50: number; x95: number }
export interface FrozenLayout {
  title: string; unit: string; year: number; width: number; height: number; axisY: number;
  ticks: { v: number; x: number; text: string }[]; rows: FrozenRow[]; alt: string;
}

/** The layout of the final-year comparison of `metric` for `regimes`. */
export function frozenLayout(summary: readonly SummaryRow[], regimes: readonly string[], metric = FROZEN_METRIC): FrozenLayout {
  const span = yearSpan(summary);
  const w = { kind: "year" as const, year: span[1] };
  const pts = windowPoints(summary, metric, regimes, w);
  const unit = comparisonUnit(metric, w, { kind: "absolute" }, span);
  const title = `${METRIC_BY_NAME.get(metric)?.label ?? metric}, in ${span[1]} (${unit})`;
  const t = niceTicks(Math.min(...pts.map((p) => p.q05)), Math.max(...pts.map((p) => p.q95)));
  const lo = t[0], hi = t[t.length - 1];
  const x = (v: number) => LEFT + ((v - lo) / (hi - lo || 1)) * (W - LEFT - RIGHT);
  const height = TOP + pts.length * ROW + AXIS;
  return {
    title, unit, year: span[1], width: W, height, axisY: height - AXIS,
    ticks: t.map((v) => ({ v, x: x(v), text: sig3(v) })),
    rows: pts.map((p, i) => ({ ...p, label: regimeLabel(p.regime), short: regimeShort(p.regime), color: regimeColor(p.regime), y: TOP + i * ROW + ROW / 2, x05: x(p.q05), x50: x(p.q50), x95: x(p.q95) })),
    alt: `${title}: ${pts.map((p) => `${regimeLabel(p.regime)} ${bandText(p)}`).join("; ")}`,
  };
}

/**
 * APA-style reference for a frozen figure (no retrieval date: add the date you saw it).
 * @example frozenCitation(registry, settings, [1, 2], "https://…/explorer/?seeds=1..2") // => "AI Training Royalties Project. (n.d.). Paying creators …"
 */
export function frozenCitation(registry: Registry, settings: Settings, seeds: readonly number[], permalink: string): string {
  const changed = changedSettings(registry, settings);
  const note = changed.length ? changed.map((c) => `${c.id} = ${c.value} (default ${c.default})`).join("; ") : "all parameters at their defaults";
  return `${SITE_AUTHOR}. (n.d.). ${SITE_TITLE}: Policy explorer (Model version ${MODEL_VERSION}; seeds ${seedsText(seeds)}; ${note}) [Computer software]. ${permalink}`;
}
