/**
 * The home figure, live (HomeFigure.astro): after the page has shown the build-time figure, run the same
 * model in the browser (the worker pool, default settings and seeds, every regime), redraw the figure from
 * the browser's own numbers with the shared layout (panels.ts), say whether they match the build's, and
 * offer every year of the run. Without JavaScript, or until the run is done, the build-time figure stands.
 */
import { DEFAULT_SEEDS, REGIME_IDS, defaultSettings, type SummaryRow } from "../../../models/index";
import { getRegistry } from "../registry";
import { createSimClient } from "../sim-client";
import { regimeLabel } from "../charts/palette";
import { sig3 } from "../charts/units";
import { HEADLINE_METRICS, headlineFinding, headlinePoints } from "./headline";
import { PANEL, homePanels, type Panel } from "./panels";

const SVG = "http://www.w3.org/2000/svg";
const money = (v: number) => `$${sig3(v)} bn`;

function el(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Redraw one panel's SVG (same elements and attributes as HomeFigure.astro writes). */
function drawPanel(svg: SVGSVGElement, pan: Panel, year: number) {
  svg.setAttribute("viewBox", `0 0 ${PANEL.W} ${pan.height}`);
  svg.setAttribute("aria-label", `${pan.label} in ${year}: ${pan.rows.map((p) => `${regimeLabel(p.regime)} ${money(p.q50)} (90% band ${money(p.q05)} to ${money(p.q95)})`).join("; ")}`);
  const nodes: SVGElement[] = [];
  for (const t of pan.ticks) nodes.push(el("line", { x1: t.x, x2: t.x, y1: PANEL.TOP - 4, y2: pan.height - PANEL.AXIS + 4, stroke: "#ddd" }));
  for (const t of pan.ticks) nodes.push(el("text", { x: t.x, y: pan.height - 10, "text-anchor": "middle", "font-size": 12, fill: "#444" }, t.text));
  for (const p of pan.rows) {
    const g = el("g", { "data-regime": p.regime, "data-q50": p.q50 });
    g.append(
      el("text", { x: PANEL.LEFT - 8, y: p.y + 4, "text-anchor": "end", "font-size": 12, fill: "#222" }, p.short),
      el("line", { x1: p.x05, x2: p.x95, y1: p.y, y2: p.y, stroke: p.color, "stroke-width": 4, "stroke-linecap": "round", opacity: 0.45 }),
      el("circle", { cx: p.x50, cy: p.y, r: 5, fill: p.color }),
    );
    nodes.push(g);
  }
  svg.replaceChildren(...nodes);
}

/** The build-time medians on the page, by metric and regime. */
function buildMedians(fig: HTMLElement): Map<string, number> {
  const out = new Map<string, number>();
  for (const g of fig.querySelectorAll<SVGGElement>(".home-panel g[data-regime]")) {
    const metric = g.closest<HTMLElement>(".home-panel")?.dataset.metric;
    out.set(`${metric}|${g.dataset.regime}`, Number(g.dataset.q50));
  }
  return out;
}

function draw(fig: HTMLElement, summary: readonly SummaryRow[], year: number) {
  const { points } = headlinePoints(summary, REGIME_IDS, year);
  const panels = homePanels(points);
  for (const pan of panels) {
    const svg = fig.querySelector<SVGSVGElement>(`.home-panel[data-metric="${pan.metric}"] svg`);
    if (svg) drawPanel(svg, pan, year);
    for (const p of pan.rows) {
      const td = fig.querySelector<HTMLElement>(`.home-table tr[data-regime="${p.regime}"] td[data-metric="${pan.metric}"]`);
      if (td) td.textContent = `${sig3(p.q50)} (${sig3(p.q05)}–${sig3(p.q95)})`;
    }
  }
  for (const s of fig.querySelectorAll("[data-home-year]")) s.textContent = String(year);
  const finding = fig.querySelector("[data-home-finding]");
  if (finding) finding.textContent = headlineFinding(points, year);
  fig.dataset.year = String(year);
}

/** Start the live figure (once), when the browser is idle after the first paint. */
export function mountHomeFigure() {
  const fig = document.querySelector<HTMLElement>("[data-home-figure]");
  if (!fig || fig.dataset.mounted !== undefined) return;
  fig.dataset.mounted = "";
  const status = fig.querySelector<HTMLElement>("[data-home-live]");
  const say = (s: string) => { if (status) status.textContent = s; };
  const start = () => {
    const registry = getRegistry();
    const built = buildMedians(fig);
    const finalYear = Number(fig.dataset.year);
    say(`Drawn when the site was built; recomputing in your browser (0 of ${DEFAULT_SEEDS.length} seeds)…`);
    createSimClient().run(
      { scenario: "explorer", regimes: [...REGIME_IDS], settings: defaultSettings(registry), seeds: [...DEFAULT_SEEDS], keys: [...HEADLINE_METRICS] },
      (p) => {
        if (p.error) { say(`Drawn when the site was built (the live run stopped: ${p.error}).`); return; }
        if (!p.done) { say(`Drawn when the site was built; recomputing in your browser (${p.seedsDone} of ${p.seedsTotal} seeds)…`); return; }
        const live = headlinePoints(p.summary, REGIME_IDS, finalYear).points;
        const same = live.length === built.size && live.every((q) => {
          const b = built.get(`${q.metric}|${q.regime}`);
          return b !== undefined && Math.abs(q.q50 - b) <= 1e-9 * Math.max(1, Math.abs(b));
        });
        draw(fig, p.summary, finalYear);
        fig.dataset.state = same ? "live" : "live-differs";
        say(same
          ? "Live: recomputed in your browser by the model, with the same numbers as when the site was built. Choose another year to see it."
          : "Live: recomputed in your browser by the model; these numbers differ from the ones drawn when the site was built (the page may be older than the model).");
        const control = fig.querySelector<HTMLElement>("[data-home-year-control]");
        const select = fig.querySelector<HTMLSelectElement>("[data-home-year-select]");
        const years = [...new Set(p.summary.map((r) => r.year))].sort((a, b) => a - b);
        if (control && select) {
          select.replaceChildren(...years.map((y) => new Option(String(y), String(y), false, y === finalYear)));
          select.addEventListener("change", () => draw(fig, p.summary, Number(select.value)));
          control.hidden = false;
        }
      },
    );
  };
  if ("requestIdleCallback" in window) requestIdleCallback(start, { timeout: 2000 });
  else setTimeout(start, 200);
}
