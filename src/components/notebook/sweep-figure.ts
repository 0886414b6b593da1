/**
 * Behaviour of SweepFigure.astro: one sim client per parameter value (clients share the worker pool),
 * the last year's quantiles across seeds collected per value, and a chart of median and 90% band
 * against the parameter, drawn with Observable Plot inside the shared figure frame (legend, text
 * description, data table).
 */
import * as Plot from "@observablehq/plot";
import { REGIME_IDS, splitSeriesKey, type Settings } from "../../../models/index";
import { createSimClient } from "../../lib/sim-client";
import { assembleFigure, type LegendItem } from "../../lib/charts/figure";
import { regimeColor, regimeDash, regimeLabel } from "../../lib/charts/palette";
import { displayUnit } from "../../lib/charts/units";
import { getRegistry } from "../../lib/registry";
import { formatParam } from "../../lib/format-param";
import { seriesTitle } from "../../lib/series-label";

interface SweepConfig {
  scenario: string; param: string; values: number[]; regimes: string[]; settings: Settings;
  seeds: number[]; metrics: string[]; base: string;
}
interface Point { regime: string; x: number; q05: number; q50: number; q95: number; year: number }

function chart(points: Point[], key: string, cfg: SweepConfig, width: number): HTMLElement {
  const { metric } = splitSeriesKey(key);
  const du = displayUnit(metric);
  const rec = getRegistry().byId.get(cfg.param)!;
  const fx = (v: number) => formatParam(rec, v);
  const xScale = rec.format === "share" ? 100 : 1;
  const regimes = (REGIME_IDS as readonly string[]).filter((r) => points.some((p) => p.regime === r));
  const data = points.map((p) => ({ ...p, xs: p.x * xScale, q05: p.q05 * du.scale, q50: p.q50 * du.scale, q95: p.q95 * du.scale }));
  const title = seriesTitle(key);
  const year = points[0]?.year;
  const marks: Plot.Markish[] = [Plot.ruleY([0], { stroke: "#bbb" })];
  const legend: LegendItem[] = [];
  for (const r of regimes) {
    const mine = data.filter((d) => d.regime === r);
    const color = regimeColor(r);
    marks.push(
      Plot.areaY(mine, { x: "xs", y1: "q05", y2: "q95", fill: color, fillOpacity: 0.18 }),
      Plot.lineY(mine, { x: "xs", y: "q50", stroke: color, strokeWidth: 2, strokeDasharray: regimeDash(r) === "none" ? undefined : regimeDash(r) }),
      Plot.dot(mine, { x: "xs", y: "q50", fill: color, r: 3 }),
    );
    legend.push({ label: regimeLabel(r), color, kind: "line", dash: regimeDash(r) });
  }
  legend.push({ label: "90% band across seeds", color: "#777", kind: "band" });
  marks.push(Plot.tip(data, Plot.pointerX({ x: "xs", y: "q50", title: (d: (typeof data)[number]) => `${regimeLabel(d.regime)}, ${rec.label} ${fx(d.x)}\nmedian ${du.format(d.q50)}\n90% band ${du.format(d.q05)} to ${du.format(d.q95)}` })));
  const description = points.length === 0 ? `${title}: no data yet.` :
    `${title} in ${year} (${du.label}) against ${rec.label.toLowerCase()} (${rec.unit}), median across ${cfg.seeds.length} seeds with 90% band. ` +
    regimes.map((r) => {
      const mine = data.filter((d) => d.regime === r).sort((a, b) => a.x - b.x);
      const lo = mine[0], hi = mine[mine.length - 1];
      return `${regimeLabel(r)}: ${du.format(lo.q50)} at ${fx(lo.x)}, ${du.format(hi.q50)} at ${fx(hi.x)}`;
    }).join("; ") + ".";
  const plot = Plot.plot({
    width, height: 240, marginLeft: 56, marginTop: 24, marginBottom: 40,
    x: { label: `${rec.label} (${rec.format === "share" ? "%" : rec.unit})`, labelAnchor: "center", labelArrow: "none", ticks: width < 420 ? 4 : 8 },
    y: { grid: true, zero: true, nice: true, label: du.label, labelAnchor: "top", labelArrow: "none" },
    style: { fontSize: "11px" },
    ariaLabel: `${title} against ${rec.label}`,
    ariaDescription: description,
    marks,
  });
  const rows = [...data].sort((a, b) => regimes.indexOf(a.regime) - regimes.indexOf(b.regime) || a.x - b.x)
    .map((d) => [regimeLabel(d.regime), fx(d.x), du.plain(d.q05), du.plain(d.q50), du.plain(d.q95)]);
  return assembleFigure({
    title: `${title}, ${year ?? ""}`, unit: du.label, legend, plot, description,
    table: { columns: ["Regime", rec.label, `5th pct (${du.label})`, `Median (${du.label})`, `95th pct (${du.label})`], rows, caption: `${title} by ${rec.label.toLowerCase()}` },
  });
}

function mount(fig: HTMLElement) {
  const cfg = JSON.parse(fig.dataset.config ?? "{}") as SweepConfig;
  const status = fig.querySelector<HTMLElement>("[data-status]")!;
  const charts = fig.querySelector<HTMLElement>("[data-charts]")!;
  const points = new Map<string, Point[]>(cfg.metrics.map((k) => [k, []]));
  let done = 0;
  fig.dataset.state = "running";
  const draw = () => {
    const width = Math.min(760, Math.max(280, charts.clientWidth || 640));
    charts.replaceChildren(...cfg.metrics.map((k) => chart(points.get(k)!, k, cfg, width)));
  };
  for (const x of cfg.values) {
    const client = createSimClient();
    client.run({ scenario: cfg.scenario, regimes: cfg.regimes, settings: { ...cfg.settings, [cfg.param]: x }, seeds: cfg.seeds, keys: cfg.metrics }, (p) => {
      if (!p.done) return;
      if (p.error) { fig.dataset.state = "error"; status.textContent = `The model stopped with an error: ${p.error}`; return; }
      const summary = p.summary;
      client.dispose();
      const last = Math.max(...summary.map((s) => s.year));
      for (const k of cfg.metrics) {
        const { metric, group } = splitSeriesKey(k);
        for (const s of summary) if (s.year === last && s.metric === metric && (s.group ?? undefined) === group)
          points.get(k)!.push({ regime: s.regime, x, q05: s.q05, q50: s.q50, q95: s.q95, year: last });
      }
      done++;
      draw();
      if (done === cfg.values.length) { fig.dataset.state = "done"; status.textContent = `Done: ${cfg.values.length} settings × ${cfg.seeds.length} seeds.`; }
      else status.textContent = `Running: ${done} of ${cfg.values.length} settings done…`;
    });
  }
}

/** Start every sweep figure on the page (once). */
export function mountSweepFigures() {
  for (const fig of document.querySelectorAll<HTMLElement>("[data-nb-sweep]:not([data-mounted])")) {
    fig.dataset.mounted = "";
    mount(fig);
  }
}
