/**
 * The explorer's tornado beside the comparison chart (issue 12 item 3): for the comparison's metric and a
 * chosen regime (a select over the regimes shown), first the build-time one-at-a-time swings at the
 * defaults (/robustness/tornado.json, src/lib/tornado.ts, fetched once), labelled "at defaults"; when the
 * settings differ from the defaults, the swings at the current settings computed in the workers
 * (src/lib/live-tornado.ts) replace it when they finish, with a status line meanwhile. Each is an SVG bar
 * per parameter around the base value, the largest swings in words, and a data table.
 * Not responsible for computing swings (models/analysis; src/lib/live-tornado.ts runs them).
 */
import { REGIME_BY_ID } from "../../../models/regimes/index";
import type { MetricTornado } from "../../../models/analysis/index";
import { BASE_PATH } from "../../lib/base-path";
import { displayUnit } from "../../lib/charts/units";
import { seriesTitle } from "../../lib/series-label";
import { TORNADO_BARS, liveTornadoNote, tornadoNote, type TornadoPayload } from "../../lib/tornado";
import { LIVE_TORNADO_SEEDS, createLiveTornado, liveParameters, type LiveTornadoSpec, type TornadoWindow } from "../../lib/live-tornado";
import type { Registry } from "../../../models/params/registry";
import { nonDefault } from "../../../models/params/validate";
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

/** The largest bars in words (the text alternative beside the chart). */
function inWords(t: MetricTornado): string {
  const u = displayUnit(t.metric);
  const f = (v: number) => u.format(v * u.scale);
  const top = t.rows.slice(0, 3).map((r) => `${r.parameter} (${f(r.value_low)} at its 5th percentile, ${f(r.value_high)} at its 95th)`);
  return top.length ? `Largest swings: ${top.join("; ")}. Base value ${f(t.base)}.` : "No parameter moves this metric.";
}

/** The figure: caption (title, what it is), the SVG, the swings in words and the data table. */
function figureParts(fig: HTMLElement, t: MetricTornado, title: string, note: string): Node[] {
  const cap = document.createElement("figcaption");
  cap.append(Object.assign(document.createElement("strong"), { className: "chart-title", textContent: title }), " ", note, " Dark bar end: the 95th percentile.");
  const width = Math.max(320, Math.min(700, fig.clientWidth || 640));
  const words = Object.assign(document.createElement("p"), { className: "tornado-words", textContent: inWords(t) });
  return [cap, tornadoSvg(t, `Tornado chart: ${title}. Largest swing: ${t.rows[0]?.parameter ?? "none"}. The data table lists every bar.`, width), words, tornadoTable(t, title)];
}

/** The comparison's window as the live tornado reads it (the year clamped to the run). */
function windowOf(state: ExplorerState): { w: TornadoWindow; text: string } {
  const first = state.settings["sim.start_year"], last = first + state.settings["sim.years"] - 1;
  if (state.comparison.window === "cumulative") return { w: { kind: "cumulative" }, text: `the ${first}–${last} total` };
  const year = Math.min(last, Math.max(first, state.comparison.year ?? last));
  return { w: { kind: "year", year }, text: String(year) };
}

/** The build-time tornadoes, or why they could not be loaded. */
async function fetchPayload(): Promise<TornadoPayload | string> {
  try {
    const r = await fetch(`${BASE_PATH}/robustness/tornado.json`);
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    return (await r.json()) as TornadoPayload;
  } catch (e) {
    return `The sensitivity data could not be loaded (${e instanceof Error ? e.message : String(e)}).`;
  }
}

/** The box, its regime select, status line and figure, in place of `place` (or after the comparison chart). */
function mountBox(place?: Element) {
  const anchor = document.querySelector("[data-comparison]");
  const box = document.createElement("section");
  box.dataset.tornado = "";
  box.dataset.tornadoState = "defaults";
  box.setAttribute("aria-labelledby", "tornado-h");
  const h = Object.assign(document.createElement("h2"), { id: "tornado-h", textContent: "What this result rests on (sensitivity)" });
  const wrap = document.createElement("label");
  const sel = Object.assign(document.createElement("select"), { name: "tornado-regime" });
  wrap.append("Regime ", sel);
  const status = Object.assign(document.createElement("p"), { className: "tornado-status" });
  status.setAttribute("role", "status");
  status.dataset.tornadoStatus = "";
  const fig = document.createElement("figure");
  fig.className = "tornado-figure";
  box.append(h, wrap, status, fig);
  if (place) place.replaceWith(box);
  else (anchor ?? document.querySelector(".results"))?.after(box);
  return { box, sel, status, fig };
}

/**
 * Show a tornado, or a line of text, in `fig`. A tornado is not rebuilt when the tornado, its title and
 * its note are the ones already shown (a slider move while the one at the defaults is shown and the live
 * one is computed): the rebuild read the figure's width, forcing a layout inside the slider's input
 * handler, and cost about 8 ms of main thread a move while the move's first run was in the workers.
 */
function keptFigure(fig: HTMLElement) {
  let shown: { t: MetricTornado; title: string; note: string } | undefined;
  return {
    show(t: MetricTornado, title: string, note: string) {
      if (shown && shown.t === t && shown.title === title && shown.note === note) return;
      shown = { t, title, note };
      fig.replaceChildren(...figureParts(fig, t, title, note));
    },
    showText(text: string) {
      shown = undefined;
      fig.replaceChildren(text);
    },
  };
}

/**
 * The explorer's tornado: the build-time one at the defaults at once (labelled so), then, when the
 * settings are not the defaults, the one at the current settings computed in the workers
 * (src/lib/live-tornado.ts) for the comparison's metric and window and the chosen regime, replacing it
 * when finished. A change of settings, metric, window or regime cancels the running one and restarts it.
 */
export function mountTornado(registry: Registry, current: () => { state: ExplorerState; atDefaults: boolean }, place?: Element) {
  const { box, sel, status, fig } = mountBox(place);
  const runner = createLiveTornado();
  let payload: TornadoPayload | undefined;
  let failed = "";
  let loading = false;
  let live: { key: string; t: MetricTornado; note: string; title: string } | undefined;
  let runningKey = "";
  let timer: ReturnType<typeof setTimeout> | undefined;
  const { show, showText } = keptFigure(fig);

  async function load() {
    loading = true;
    const got = await fetchPayload();
    if (typeof got === "string") failed = got;
    else payload = got;
    draw();
  }

  /** The live spec for the state, its key, and the note's sizes; undefined at the defaults. */
  function liveSpec(): { key: string; spec: LiveTornadoSpec; note: string; title: string } | undefined {
    const { state, atDefaults } = current();
    const built = payload?.tornado[sel.value]?.[state.comparison.metric];
    if (atDefaults || !built) return undefined;
    const setByUser = new Set(nonDefault(registry, state.settings).map(([id]) => id));
    const parameters = liveParameters(registry, built.rows, setByUser, TORNADO_BARS);
    const { w, text } = windowOf(state);
    const seeds = state.seeds.slice(0, LIVE_TORNADO_SEEDS);
    const spec: LiveTornadoSpec = { regime: sel.value, metric: state.comparison.metric, window: w, base: state.settings, parameters, seeds };
    const note = liveTornadoNote({ creators: state.settings["sim.creators"], developers: state.settings["sim.developers"], seeds, bars: parameters.length, setByUser: built.rows.filter((r) => setByUser.has(r.parameter)).length, window: text });
    const title = `${seriesTitle(spec.metric)}, ${REGIME_BY_ID.get(sel.value)?.label ?? sel.value}, ${text}, at your settings`;
    return { key: JSON.stringify([spec.regime, spec.metric, w, seeds, state.settings]), spec, note, title };
  }

  /** Start (after a pause, so a dragged slider does not start a run per step) the live tornado if needed. */
  function schedule(s: ReturnType<typeof liveSpec>) {
    if (!s) { runner.cancel(); runningKey = ""; return; }
    if (s.key === live?.key || s.key === runningKey) return;
    runner.cancel();
    runningKey = s.key;
    box.dataset.tornadoState = "running";
    status.textContent = "Computing the tornado at your settings…";
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      runner.run(registry, s.spec, {
        progress: (done, total) => { status.textContent = `Computing the tornado at your settings: ${done} of ${total} runs done (the one shown is at the defaults until then).`; },
        done: (t) => { live = { key: s.key, t, note: s.note, title: s.title }; runningKey = ""; draw(); },
        fail: (error) => { runningKey = ""; box.dataset.tornadoState = "error"; status.textContent = `The tornado at your settings could not be computed: ${error}. The one shown is at the defaults.`; },
      });
    }, 400);
  }

  function draw() {
    if (!payload) { if (failed) showText(failed); else if (!loading) void load(); return; }
    const { state, atDefaults } = current();
    const ids = state.regimes.map(String);
    if ([...sel.options].map((o) => o.value).join() !== ids.join()) {
      const keep = ids.includes(sel.value) ? sel.value : ids.includes("compulsory") ? "compulsory" : ids[0];
      sel.replaceChildren(...ids.map((id) => new Option(REGIME_BY_ID.get(id)?.label ?? id, id, id === keep, id === keep)));
    }
    const want = liveSpec();
    schedule(want);
    if (want && live && want.key === live.key) {
      box.dataset.tornadoState = "current";
      status.textContent = "Tornado at your current settings (computed in your browser).";
      show(live.t, live.title, live.note);
      return;
    }
    if (!want) { box.dataset.tornadoState = "defaults"; status.textContent = atDefaults ? "These are the default settings, so the tornado is the one computed when the site was built." : "No tornado at your settings for this metric and regime."; }
    const metric = state.comparison.metric;
    const t = payload.tornado[sel.value]?.[metric];
    if (!t) { showText(`No sensitivity data for ${seriesTitle(metric)} under this regime.`); return; }
    const title = `${seriesTitle(metric)}, ${REGIME_BY_ID.get(sel.value)?.label ?? sel.value}, ${payload.sizes.year}, at defaults`;
    show(t, title, tornadoNote(payload.sizes, atDefaults));
  }
  sel.addEventListener("change", draw);
  return { changed: draw };
}
