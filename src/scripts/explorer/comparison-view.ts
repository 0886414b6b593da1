/**
 * The comparison view (ComparisonPanel.astro): reads its own controls and the latest summary, draws one
 * dot-and-interval row per shown regime (src/lib/charts/comparison.ts computes the numbers) and the
 * cumulative table (each metric × regime, median and 90% band). Not responsible for runs or the URL.
 */
import type { SummaryRow } from "../../../models/results/types";
import { METRIC_BY_NAME } from "../../../models/results/metrics";
import { regimeColor, regimeLabel, regimeShort } from "../../lib/charts/palette";
import { sig3 } from "../../lib/charts/units";
import {
  COMPARISON_METRICS, bandText, comparisonUnit, niceTicks, relativePoints, windowPoints, windowText, yearSpan,
  type ComparisonPoint, type Mode, type Window,
} from "../../lib/charts/comparison";
import type { ComparisonUrl } from "../../lib/url-state";

const SVG = "http://www.w3.org/2000/svg";
const ROW = 30, TOP = 10, LEFT = 100, RIGHT = 20, AXIS = 30;

function el(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The dot-and-interval SVG for some points. */
export function dotInterval(points: readonly ComparisonPoint[], label: string, W = 560): SVGSVGElement {
  const t = niceTicks(Math.min(...points.map((p) => p.q05)), Math.max(...points.map((p) => p.q95)));
  const lo = t[0], hi = t[t.length - 1];
  const x = (v: number) => LEFT + ((v - lo) / (hi - lo || 1)) * (W - LEFT - RIGHT);
  const h = TOP + points.length * ROW + AXIS;
  const svg = el("svg", { viewBox: `0 0 ${W} ${h}`, role: "img", "aria-label": label }) as SVGSVGElement;
  for (const v of t) {
    svg.append(el("line", { x1: x(v), x2: x(v), y1: TOP - 4, y2: h - AXIS + 4, stroke: v === 0 ? "#888" : "#ddd" }));
    svg.append(el("text", { x: x(v), y: h - 10, "text-anchor": "middle", "font-size": 12, fill: "#444" }, sig3(v)));
  }
  points.forEach((p, i) => {
    const y = TOP + i * ROW + ROW / 2;
    const g = el("g", { "data-regime": p.regime, "data-q50": p.q50 });
    g.append(el("text", { x: LEFT - 8, y: y + 4, "text-anchor": "end", "font-size": 12, fill: "#222" }, regimeShort(p.regime)));
    g.append(el("line", { x1: x(p.q05), x2: x(p.q95), y1: y, y2: y, stroke: regimeColor(p.regime), "stroke-width": 5, "stroke-linecap": "round", opacity: 0.45 }));
    g.append(el("circle", { cx: x(p.q50), cy: y, r: 6, fill: regimeColor(p.regime) }));
    svg.append(g);
  });
  return svg;
}

/** The cumulative table: each metric × regime, median and 90% band over the whole run. */
function cumulativeTable(summary: readonly SummaryRow[], regimes: readonly string[], span: [number, number]): HTMLTableElement {
  const table = document.createElement("table");
  table.createCaption().textContent = `Cumulative ${span[0]}–${span[1]}, each metric by regime: median (90% band) of each seed's total, $bn in total (constant 2025 USD)`;
  const head = table.createTHead().insertRow();
  for (const h of ["Metric", ...regimes.map(regimeLabel)]) { const th = document.createElement("th"); th.scope = "col"; th.textContent = h; head.append(th); }
  const body = table.createTBody();
  for (const m of COMPARISON_METRICS) {
    const row = body.insertRow();
    const th = document.createElement("th"); th.scope = "row"; th.textContent = METRIC_BY_NAME.get(m)?.label ?? m; row.append(th);
    const pts = windowPoints(summary, m, regimes, { kind: "cumulative" });
    for (const id of regimes) { const p = pts.find((q) => q.regime === id); const td = row.insertCell(); td.dataset.regime = id; td.dataset.metric = m; td.textContent = p ? bandText(p) : "–"; }
  }
  return table;
}

export interface ComparisonView {
  dataChanged(): void;
  /** Set the controls from the state (after a link, a reset or a scenario). */
  show(c: ComparisonUrl): void;
}

/**
 * Mount on the page's comparison panel; `data` gives the latest summary and the regimes shown, `choose`
 * sends the controls' choices to the store (they live in the URL; refused ones are reported there).
 */
export function mountComparison(data: () => { summary: SummaryRow[]; regimes: readonly string[] }, choose: (c: ComparisonUrl) => void = () => {}): ComparisonView {
  const root = document.querySelector<HTMLElement>("[data-comparison]");
  if (!root) return { dataChanged() {}, show() {} };
  const q = <T extends Element>(k: string) => root.querySelector<T>(`[data-cmp="${k}"]`)!;
  const radio = (name: string) => root.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value;
  const setRadio = (name: string, value: string) => { const r = root.querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`); if (r) r.checked = true; };
  const yearSel = q<HTMLSelectElement>("year");
  /** The year asked for before the year options exist (from the URL). */
  let wantedYear: number | null = null;
  /** The chart's width, read when it resizes (a ResizeObserver runs after layout), so drawing never forces a layout. */
  let chartWidth = 0;

  function draw() {
    const { summary, regimes } = data();
    if (!summary.length) return;
    const span = yearSpan(summary);
    if (yearSel.options.length !== span[1] - span[0] + 1) {
      yearSel.replaceChildren(...Array.from({ length: span[1] - span[0] + 1 }, (_, i) => new Option(String(span[0] + i), String(span[0] + i), false, i === span[1] - span[0])));
    }
    if (wantedYear !== null && wantedYear >= span[0] && wantedYear <= span[1]) yearSel.value = String(wantedYear);
    const metric = q<HTMLSelectElement>("metric").value;
    const w: Window = radio("comparison-window") === "cumulative" ? { kind: "cumulative" } : { kind: "year", year: Number(yearSel.value) || span[1] };
    yearSel.disabled = w.kind === "cumulative";
    const m: Mode = radio("comparison-mode") === "relative" ? { kind: "relative", reference: q<HTMLSelectElement>("reference").value } : { kind: "absolute" };
    const abs = windowPoints(summary, metric, regimes, w);
    const pts = m.kind === "relative" ? relativePoints(abs, m.reference) : abs;
    const unit = comparisonUnit(metric, w, m, span);
    const title = `${METRIC_BY_NAME.get(metric)?.label ?? metric}, ${windowText(w, span)} (${unit})`;
    q("title").textContent = title;
    q("chart").replaceChildren(pts.length ? dotInterval(pts, `${title}: ${pts.map((p) => `${regimeLabel(p.regime)} ${bandText(p)}`).join("; ")}`, Math.max(300, Math.min(700, chartWidth || 560))) : document.createTextNode(m.kind === "relative" ? "The reference regime is not shown or is zero; choose another." : "No data yet."));
    q("note").textContent = `Dot: median; bar: 90% band (across seeds, or across parameter draws × seeds when parameter uncertainty is on).${m.kind === "relative" ? ` Reference: ${regimeLabel(m.reference)} (its median is 0%).` : ""}${w.kind === "cumulative" ? " Cumulative: each seed's (or draw's) total over the run, then the median and 90% band of those totals." : ""}`;
    q("table").replaceChildren(cumulativeTable(summary, regimes, span));
  }

  /** The controls' choices; the last year is written as null (the default), so a default view keeps a short URL. */
  function read(): ComparisonUrl {
    const last = yearSel.options.length ? Number(yearSel.options[yearSel.options.length - 1].value) : null;
    const y = yearSel.value ? Number(yearSel.value) : null;
    return {
      metric: q<HTMLSelectElement>("metric").value,
      window: radio("comparison-window") === "cumulative" ? "cumulative" : "final",
      year: y === null || y === last ? null : y,
      reference: radio("comparison-mode") === "relative" ? q<HTMLSelectElement>("reference").value : null,
    };
  }

  let queued = false;
  const later = () => { if (!queued) { queued = true; requestAnimationFrame(() => { queued = false; draw(); }); } };
  /** The data the chart was last drawn from: a new run that has not brought new data yet redraws nothing. */
  let drawnFrom: { summary: SummaryRow[]; regimes: string } | undefined;
  const dataChanged = () => {
    const { summary, regimes } = data();
    const now = { summary, regimes: regimes.join(",") };
    if (drawnFrom && drawnFrom.summary === now.summary && drawnFrom.regimes === now.regimes) return;
    drawnFrom = now;
    later();
  };
  root.addEventListener("change", (e) => {
    if (e.target === yearSel) wantedYear = Number(yearSel.value);
    draw();
    choose(read());
  });
  new ResizeObserver(() => {
    const width = q<HTMLElement>("chart").clientWidth;
    if (Math.abs(width - chartWidth) > 8) { chartWidth = width; later(); }
  }).observe(q("chart"));
  return {
    dataChanged,
    show(c) {
      q<HTMLSelectElement>("metric").value = c.metric;
      setRadio("comparison-window", c.window === "cumulative" ? "cumulative" : "final");
      setRadio("comparison-mode", c.reference ? "relative" : "absolute");
      if (c.reference) q<HTMLSelectElement>("reference").value = c.reference;
      wantedYear = c.year;
      later();
    },
  };
}
