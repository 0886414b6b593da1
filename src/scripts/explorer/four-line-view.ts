/**
 * The explorer's four-line view (src/lib/four-line.ts): when an assumption differs from its default, it
 * runs three corners (default assumptions at the baseline policy with the shown run settings, changed
 * assumptions at the baseline policy, default assumptions with the changed policy) in the worker pool,
 * the fourth being the data shown, and draws the chosen metric (a select: the comparison's metrics) for
 * all four corners per regime, each as its median line and its 90% band across seeds, with a data table
 * (median and band) and the decomposition of the medians in words. Hidden when every assumption is at its default.
 */
import * as Plot from "@observablehq/plot";
import type { Registry } from "../../../models/params/registry";
import type { SummaryRow } from "../../../models/results/types";
import { METRIC_BY_NAME } from "../../../models/results/metrics";
import { REGIME_BY_ID } from "../../../models/regimes/index";
import { COMPARISON_METRICS } from "../../lib/charts/comparison";
import { OKABE_ITO, regimeShort } from "../../lib/charts/palette";
import { displayUnit } from "../../lib/charts/units";
import { legendList, type LegendItem } from "../../lib/charts/figure";
import { sharePlotStyle } from "../../lib/charts/plot-style";
import { CORNER_LABELS, cornerPoints, cornerValues, corners, decompositionText, type Corner } from "../../lib/four-line";
import { createSimClient } from "../../lib/sim-client";
import { PRIORITY } from "../../lib/sim-pool";
import { pageElement } from "./dom";
import type { ExplorerState } from "./state";

const CORNERS: Corner[] = ["D", "A", "P", "B"];
/**
 * Each corner's colour (Okabe–Ito hues that read on white) and dash pattern, so colour is never the only
 * cue. The legend is the site's HTML legend: Plot's own would add a <style> element, which the pages'
 * content security policy does not allow.
 */
const CORNER_STYLE: Record<Corner, { color: string; dash: string }> = {
  D: { color: OKABE_ITO[7], dash: "none" }, // black
  A: { color: OKABE_ITO[4], dash: "6 3" }, // blue
  P: { color: OKABE_ITO[5], dash: "2 2" }, // vermillion
  B: { color: OKABE_ITO[2], dash: "8 3 2 3" }, // bluish green
};

/** The legend: one swatch per corner (line, dash and colour) and the band. */
const cornerLegend = (): HTMLUListElement => legendList([
  ...CORNERS.map((c): LegendItem => ({ label: CORNER_LABELS[c], color: CORNER_STYLE[c].color, kind: "line", dash: CORNER_STYLE[c].dash })),
  { label: "90% band across seeds", color: "#777", kind: "band" },
]);
const label = (m: string) => METRIC_BY_NAME.get(m)?.label ?? m;

/** The metric select, labelled; its options are the comparison's metrics. */
function metricSelect(onChange: () => void): HTMLLabelElement {
  const wrap = document.createElement("label");
  const sel = document.createElement("select");
  sel.name = "four-line-metric";
  sel.dataset.fourLineMetric = "";
  for (const m of COMPARISON_METRICS) sel.append(new Option(label(m), m, m === "creator_ai_revenue", m === "creator_ai_revenue"));
  sel.addEventListener("change", onChange);
  wrap.append("Metric ", sel);
  return wrap;
}

/** The table: per regime and corner, median (90% band) in the last year. */
function cornerTable(s: Record<Corner, SummaryRow[]>, regimes: readonly string[], metric: string, year: number): HTMLTableElement {
  const u = displayUnit(metric);
  const f = (v: number) => u.format(v * u.scale);
  const table = document.createElement("table");
  table.createCaption().textContent = `${label(metric)} in ${year}: median (90% band) across seeds, ${u.label}`;
  const head = table.createTHead().insertRow();
  for (const h of ["Regime", ...CORNERS.map((c) => CORNER_LABELS[c])]) { const th = document.createElement("th"); th.scope = "col"; th.textContent = h; head.append(th); }
  const body = table.createTBody();
  for (const regime of regimes) {
    const tr = body.insertRow();
    const th = document.createElement("th"); th.scope = "row"; th.textContent = REGIME_BY_ID.get(regime)?.label ?? regime; tr.append(th);
    for (const c of CORNERS) {
      const r = s[c].find((x) => x.regime === regime && x.metric === metric && x.year === year && x.group === undefined);
      tr.insertCell().textContent = r ? `${f(r.q50)} (${f(r.q05)} to ${f(r.q95)})` : "";
    }
  }
  return table;
}

/** The chart: per regime (a facet each when there are several), each corner's median line and 90% band; `W` its width. */
function cornerChart(s: Record<Corner, SummaryRow[]>, regimes: readonly string[], metric: string, W: number): SVGSVGElement | HTMLElement {
  const u = displayUnit(metric);
  const facet = regimes.length > 1 ? "regime" : undefined;
  const points = cornerPoints(s, regimes, metric).map((p) => ({ ...p, corner: CORNER_LABELS[p.corner] }));
  const years = [...new Set(points.map((p) => p.year))];
  return Plot.plot({
    width: W, height: facet ? 120 * regimes.length + 60 : 240, marginLeft: 56, marginRight: facet ? 96 : 20,
    x: { label: "Year", tickFormat: "d", ticks: years.filter((_, i) => i % Math.ceil(years.length / (W < 500 ? 4 : 8)) === 0) },
    y: { label: `${label(metric)}, ${u.label}`, grid: true },
    color: { domain: CORNERS.map((c) => CORNER_LABELS[c]), range: CORNERS.map((c) => CORNER_STYLE[c].color) },
    fy: facet ? { label: null, tickFormat: (id: string) => regimeShort(id) } : undefined,
    marks: [
      Plot.areaY(points, { x: "year", y1: "q05", y2: "q95", fill: "corner", fillOpacity: 0.12, fy: facet, ariaHidden: "true" }),
      ...CORNERS.map((c) => Plot.lineY(points.filter((p) => p.corner === CORNER_LABELS[c]), { x: "year", y: "q50", stroke: "corner", strokeDasharray: CORNER_STYLE[c].dash, fy: facet, ariaHidden: "true" })),
    ],
  });
}

/** `place`: an element the box replaces (else it goes after the summary). */
export function mountFourLine(registry: Registry, place?: Element) {
  const box = document.createElement("section");
  box.dataset.fourLine = "";
  box.hidden = true;
  box.setAttribute("aria-label", "Policy and assumptions, four lines");
  const h = document.createElement("h3");
  h.textContent = "How much comes from the policy and how much from the assumptions";
  const select = metricSelect(() => draw());
  const body = document.createElement("div");
  box.append(h, select, body);
  if (place) place.replaceWith(box);
  else pageElement("summary").after(box);
  // Only their final summaries are read: no progressive ones (each would cost the main thread a summary of every seed so far).
  const quiet = { progressive: false };
  const clients = { D: createSimClient(PRIORITY.background, quiet), A: createSimClient(PRIORITY.background, quiet), P: createSimClient(PRIORITY.background, quiet) };
  let key = "";
  const extra: Partial<Record<"D" | "A" | "P", SummaryRow[]>> = {};
  let latest: { state: ExplorerState; summary: SummaryRow[] } | undefined;

  function draw() {
    if (!latest || !extra.D || !extra.A || !extra.P) return;
    const { state } = latest;
    const metric = select.querySelector("select")!.value;
    const s: Record<Corner, SummaryRow[]> = { D: extra.D, A: extra.A, P: extra.P, B: latest.summary };
    const year = state.settings["sim.start_year"] + state.settings["sim.years"] - 1;
    const chart = cornerChart(s, state.regimes, metric, Math.max(300, Math.min(900, box.clientWidth || 640)));
    sharePlotStyle(chart);
    chart.setAttribute("aria-label", `${label(metric)} for the four corners of policy × assumptions, median and 90% band across seeds; the table below has the last year's values`);
    const words = state.regimes.map((regime) => {
      const v = cornerValues(s, regime, metric, year);
      const l = label(metric);
      return v ? decompositionText(v, l.charAt(0).toLowerCase() + l.slice(1), metric, REGIME_BY_ID.get(regime)?.label ?? regime, year) : "";
    });
    const note = Object.assign(document.createElement("p"), { className: "band-note", textContent: "Lines: medians across seeds; shaded: each corner's 90% band across seeds (seed noise only)." });
    const plot = Object.assign(document.createElement("div"), { className: "chart-plot" });
    plot.append(chart);
    const table = Object.assign(document.createElement("div"), { className: "table-scroll" });
    table.append(cornerTable(s, state.regimes, metric, year));
    body.replaceChildren(cornerLegend(), plot, note, ...words.map((t) => Object.assign(document.createElement("p"), { textContent: t })), table);
    box.hidden = false;
  }

  return {
    /**
     * The shown run's summary (`final` once every seed is in). The corners start only with the final
     * one: started with the first seed's, their runs (or, for corners the page already has, their
     * summaries) took the main thread and the workers from the shown run's bands (issue 14), and the
     * view draws nothing before all four corners are final anyway.
     */
    update(state: ExplorerState, d: { summary: SummaryRow[] }, final: boolean) {
      if (!final) return;
      latest = { state, summary: d.summary };
      const c = corners(registry, state.settings);
      if (!c) { box.hidden = true; key = ""; return; }
      const k = JSON.stringify([c.D, c.A, c.P, state.regimes, state.seeds]);
      if (k !== key) {
        key = k;
        delete extra.D; delete extra.A; delete extra.P;
        for (const corner of ["D", "A", "P"] as const)
          clients[corner].run({ scenario: "explorer", regimes: state.regimes, settings: c[corner], seeds: state.seeds, keys: [...COMPARISON_METRICS] }, (p) => {
            if (!p.done) return;
            extra[corner] = p.summary;
            draw();
          });
      }
      draw();
    },
    /**
     * The state changed: withdraw the corners' queued runs, if any are unfinished (the next `update` queues
     * them again, or the new corners); finished corners stay for the next `update` to reuse.
     */
    stale() {
      if (!key || (extra.D && extra.A && extra.P)) return;
      key = "";
      for (const c of Object.values(clients)) c.cancel();
    },
  };
}
