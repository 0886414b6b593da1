/**
 * The explorer's tornado beside the comparison chart (issue 12 item 3): for the comparison's metric and a
 * chosen regime (a select over the regimes shown), the build-time one-at-a-time swings
 * (/robustness/tornado.json, src/lib/tornado.ts) as an SVG bar per parameter around the base value, with
 * a data table and a note saying it was computed at the defaults. Fetched once, when first drawn.
 * Not responsible for computing swings (models/analysis, at build time).
 */
import { REGIME_BY_ID } from "../../../models/regimes/index";
import type { MetricTornado } from "../../../models/analysis/index";
import { BASE_PATH } from "../../lib/base-path";
import { displayUnit } from "../../lib/charts/units";
import { seriesTitle } from "../../lib/series-label";
import { tornadoNote, type TornadoPayload } from "../../lib/tornado";
import type { ExplorerState } from "./state";

const SVG = "http://www.w3.org/2000/svg";
const LABEL = 230, ROW = 22, TOP = 8;

function el(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * The tornado SVG: one bar per parameter from the metric at its 5th to its 95th percentile, dark end = 95th.
 * Narrower than 520 px, each parameter's name goes above its bar instead of beside it.
 */
export function tornadoSvg(t: MetricTornado, label: string, W = 640): SVGSVGElement {
  const u = displayUnit(t.metric);
  const values = t.rows.flatMap((r) => [r.value_low, r.value_high]).concat(t.base);
  const lo = Math.min(...values), hi = Math.max(...values);
  const narrow = W < 520;
  const left = narrow ? 8 : LABEL, row = narrow ? 34 : ROW, barTop = narrow ? 15 : 3, barH = narrow ? 14 : ROW - 6;
  const x = (v: number) => left + ((v - lo) / (hi - lo || 1)) * (W - left - 16);
  const H = TOP + t.rows.length * row + 24;
  const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": label }) as SVGSVGElement;
  svg.append(el("line", { x1: x(t.base), x2: x(t.base), y1: TOP - 4, y2: H - 20, stroke: "#333" }));
  t.rows.forEach((r, i) => {
    const y = TOP + i * row, a = Math.min(r.value_low, r.value_high), b = Math.max(r.value_low, r.value_high);
    const g = el("g", { "data-parameter": r.parameter });
    g.append(narrow
      ? el("text", { x: left, y: y + 11, "font-size": 11, fill: "#222" }, r.parameter)
      : el("text", { x: left - 6, y: y + 14, "text-anchor": "end", "font-size": 11, fill: "#222" }, r.parameter.length > 36 ? `…${r.parameter.slice(-35)}` : r.parameter));
    g.append(el("rect", { x: x(a), y: y + barTop, width: Math.max(1, x(b) - x(a)), height: barH, fill: "#7aa6c2" }));
    g.append(el("rect", { x: x(r.value_high) - 2, y: y + barTop, width: 4, height: barH, fill: "#1f4e6b" }));
    svg.append(g);
  });
  svg.append(el("text", { x: left, y: H - 6, "font-size": 11, fill: "#444" }, u.format(lo * u.scale)));
  svg.append(el("text", { x: W - 16, y: H - 6, "font-size": 11, "text-anchor": "end", fill: "#444" }, u.format(hi * u.scale)));
  return svg;
}

function tornadoTable(t: MetricTornado, title: string): HTMLDetailsElement {
  const u = displayUnit(t.metric);
  const f = (v: number) => u.format(v * u.scale);
  const d = document.createElement("details");
  d.className = "chart-data";
  d.append(Object.assign(document.createElement("summary"), { textContent: "Data table" }));
  const table = document.createElement("table");
  table.createCaption().textContent = `${title}: one-at-a-time swings (${u.label})`;
  const head = table.createTHead().insertRow();
  for (const h of ["Parameter", "5th percentile", "95th percentile", "Metric at 5th", "Metric at 95th", "Swing"]) head.append(Object.assign(document.createElement("th"), { scope: "col", textContent: h }));
  const body = table.createTBody();
  for (const r of t.rows) {
    const tr = body.insertRow();
    tr.append(Object.assign(document.createElement("th"), { scope: "row", textContent: r.parameter }));
    for (const v of [String(Number(r.low.toPrecision(4))), String(Number(r.high.toPrecision(4))), f(r.value_low), f(r.value_high), f(r.swing)]) tr.insertCell().textContent = v;
  }
  const scroll = Object.assign(document.createElement("div"), { className: "table-scroll" });
  scroll.append(table);
  d.append(scroll);
  return d;
}

export function mountTornado(current: () => { state: ExplorerState; atDefaults: boolean }) {
  const anchor = document.querySelector("[data-comparison]");
  const box = document.createElement("section");
  box.dataset.tornado = "";
  box.setAttribute("aria-labelledby", "tornado-h");
  const h = Object.assign(document.createElement("h2"), { id: "tornado-h", textContent: "What this result rests on (sensitivity)" });
  const wrap = document.createElement("label");
  const sel = Object.assign(document.createElement("select"), { name: "tornado-regime" });
  wrap.append("Regime ", sel);
  const fig = document.createElement("figure");
  fig.className = "tornado-figure";
  box.append(h, wrap, fig);
  (anchor ?? document.querySelector(".results"))?.after(box);
  let payload: TornadoPayload | undefined;
  let failed = "";
  let loading = false;

  async function load() {
    loading = true;
    try {
      const r = await fetch(`${BASE_PATH}/robustness/tornado.json`);
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      payload = (await r.json()) as TornadoPayload;
    } catch (e) {
      failed = `The sensitivity data could not be loaded (${e instanceof Error ? e.message : String(e)}).`;
    }
    draw();
  }

  function draw() {
    if (!payload) { if (failed) fig.replaceChildren(failed); else if (!loading) void load(); return; }
    const { state, atDefaults } = current();
    const ids = state.regimes.map(String);
    if ([...sel.options].map((o) => o.value).join() !== ids.join()) {
      const keep = ids.includes(sel.value) ? sel.value : ids.includes("compulsory") ? "compulsory" : ids[0];
      sel.replaceChildren(...ids.map((id) => new Option(REGIME_BY_ID.get(id)?.label ?? id, id, id === keep, id === keep)));
    }
    const metric = state.comparison.metric;
    const t = payload.tornado[sel.value]?.[metric];
    if (!t) { fig.replaceChildren(`No sensitivity data for ${seriesTitle(metric)} under this regime.`); return; }
    const title = `${seriesTitle(metric)}, ${REGIME_BY_ID.get(sel.value)?.label ?? sel.value}, ${payload.sizes.year}`;
    const cap = document.createElement("figcaption");
    cap.append(Object.assign(document.createElement("strong"), { className: "chart-title", textContent: title }), " ", tornadoNote(payload.sizes, atDefaults), ` Base ${displayUnit(metric).format(t.base * displayUnit(metric).scale)}; dark bar end: the 95th percentile.`);
    const width = Math.max(320, Math.min(700, fig.clientWidth || 640));
    fig.replaceChildren(cap, tornadoSvg(t, `Tornado chart: ${title}. Largest swing: ${t.rows[0]?.parameter ?? "none"}. The data table lists every bar.`, width), tornadoTable(t, title));
  }
  sel.addEventListener("change", draw);
  return { changed: draw };
}
