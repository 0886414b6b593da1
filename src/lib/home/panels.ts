/**
 * The home figure's layout as data, shared by the build-time SVG (HomeFigure.astro) and the live redraw
 * in the browser (src/lib/home/live.ts), so both draw the same figure from the same points: one panel per
 * headline metric, a dot (median) and bar (90% band) per regime on a nice 0-based axis. Pure.
 */
import { METRIC_BY_NAME } from "../../../models/results/metrics";
import { regimeColor, regimeShort } from "../charts/palette";
import { sig3 } from "../charts/units";
import { HEADLINE_METRICS, type HeadlineMetric, type HeadlinePoint } from "./headline";

export const PANEL = { W: 340, ROW: 26, TOP: 8, LEFT: 92, RIGHT: 14, AXIS: 28 } as const;

export interface PanelRow { regime: string; short: string; color: string; y: number; x05: number; x50: number; x95: number; q05: number; q50: number; q95: number }
export interface Panel { metric: HeadlineMetric; label: string; height: number; ticks: { x: number; text: string }[]; rows: PanelRow[] }

/** One panel per headline metric for the points (the regimes in the points' order). */
export function homePanels(points: readonly HeadlinePoint[]): Panel[] {
  const { W, ROW, TOP, LEFT, RIGHT, AXIS } = PANEL;
  return HEADLINE_METRICS.map((metric) => {
    const pts = points.filter((p) => p.metric === metric);
    const top = Math.max(...pts.map((p) => p.q95)) || 1;
    const mag = 10 ** Math.floor(Math.log10(top / 4));
    const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => top / s <= 5) ?? 10 * mag;
    const max = Math.ceil(top / step) * step;
    const x = (v: number) => LEFT + (Math.max(0, v) / max) * (W - LEFT - RIGHT);
    const ticks = Array.from({ length: Math.round(max / step) + 1 }, (_, i) => ({ x: x(i * step), text: sig3(i * step) }));
    const rows = pts.map((p, i) => ({
      regime: p.regime, short: regimeShort(p.regime), color: regimeColor(p.regime), y: TOP + i * ROW + ROW / 2,
      x05: x(p.q05), x50: x(p.q50), x95: x(p.q95), q05: p.q05, q50: p.q50, q95: p.q95,
    }));
    return { metric, label: METRIC_BY_NAME.get(metric)?.label ?? metric, height: TOP + pts.length * ROW + AXIS, ticks, rows };
  });
}
