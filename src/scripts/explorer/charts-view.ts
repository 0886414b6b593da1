/**
 * The explorer's charts, one per spec (src/lib/charts/specs.ts) in the slots the page made for them
 * (`[data-chart=<spec id>]`), each with SVG and PNG download buttons.
 *
 * Charts are redrawn only when new data arrives (a summary, the baseline, a new width), in spec order,
 * a few per animation frame (as many as fit in `FRAME_BUDGET_MS`), so that no task holds the main thread
 * for long and the slider stays responsive. Each chart remembers a signature of the data it shows; a
 * chart whose data is unchanged is skipped. When new data arrives, the first chart that changed (the
 * creator chart, at the top) is drawn at once and alone, and the others only after the frame showing it
 * is painted, so that what the reader looks at first is not held back by the charts below it (issue 14).
 * Every frame reads the latest data, so progress updates that arrive while charts are being drawn are
 * coalesced: a chart drawn with older data is simply drawn again. While the data are not final (seeds
 * still running), only the charts on or near the screen are redrawn (an IntersectionObserver keeps
 * track): nobody sees the others' intermediate states, and on a two-core machine every millisecond the
 * main thread spends drawing them is taken from the workers computing the bands (a Chromium trace of an
 * every-regime slider move: the main thread busy for most of the bands' time, mostly drawing the nine
 * charts at each progress update). A chart that comes near the screen is drawn at once with the latest
 * data; the final data are drawn on every chart. When every chart drawn shows the latest data, `onDrawn`
 * is called (the summary text and the "done" status, which needs the final data drawn everywhere).
 */
import type { SummaryRow } from "../../../models/results/types";
import { MODEL_VERSION } from "../../../models/version";
import { slug } from "../../lib/anchors";
import { renderSpec, type ChartData } from "../../lib/charts/render-spec";
import { specMetrics, type ChartSpec } from "../../lib/charts/specs";
import { download, exportSvgText, svgToPng, type ExportInfo } from "../../lib/export-image";
import { openDataTable } from "../../lib/charts/figure";

/**
 * Drawing time one animation frame may spend on charts (ms): a chart is drawn in this frame if the time
 * already spent plus what it took last time fits. A chart costs 3–20 ms to draw on the bench's machine;
 * with style, layout and paint after it, a frame stays under the 50 ms that counts as a long task, and
 * the nine charts take three or four frames instead of nine.
 */
const FRAME_BUDGET_MS = 16;

/**
 * Run `f` in the frame after the next one, so after the next frame is painted (a frame callback runs
 * before its own frame's paint), and still at the start of a frame like every other drawing step.
 */
const afterNextPaint = (f: () => void) => requestAnimationFrame(() => requestAnimationFrame(f));

export interface ChartsView {
  /** New data: draw what changed, the first chart in this task and alone (`atOnce`), or from the next frame. */
  dataChanged(atOnce?: boolean): void;
  /** True while charts are still to be drawn for the latest data. */
  drawing(): boolean;
}

export interface ChartsOptions {
  specs: readonly ChartSpec[];
  /** The latest summary and baseline (the width is measured here). */
  data(): { summary: SummaryRow[]; base: SummaryRow[] | undefined };
  /** Called once every chart shows the latest data. */
  onDrawn(d: ChartData): void;
  /** Source, permalink and notes written into an exported image. */
  exportInfo(): ExportInfo;
  /** What the bands are (seed noise, or parameter uncertainty too), written under each chart's title. */
  bandNote?(): string;
  /**
   * Whether the data are final (every seed in): then every chart is drawn; before, only those on or
   * near the screen. Absent: always final (every chart is drawn at every update).
   */
  final?(): boolean;
}

/** How far beyond the screen a chart counts as near it (IntersectionObserver rootMargin): half a screen above and below. */
const NEAR_SCREEN = "50% 0px";

/** What a chart shows, as text: its rows of the summary and of the baseline, and the width. */
function signature(metrics: readonly string[], d: ChartData): string {
  const part = (rows: readonly SummaryRow[] | undefined) => {
    if (!rows) return "-";
    let out = "";
    for (const r of rows) {
      if (r.group === undefined && metrics.includes(r.metric)) out += `${r.metric} ${r.regime} ${r.year} ${r.n} ${r.q05} ${r.q50} ${r.q95};`;
    }
    return out;
  };
  return `${d.width}|${part(d.summary)}|${part(d.base)}`;
}

/** SVG and PNG download buttons for a figure. */
function imageButtons(figure: HTMLElement, name: string, exportInfo: () => ExportInfo): HTMLElement {
  const bar = document.createElement("div");
  bar.className = "chart-tools";
  const title = figure.querySelector(".chart-title")?.textContent ?? name;
  for (const kind of ["SVG", "PNG"] as const) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "dl-image";
    b.dataset.kind = kind.toLowerCase();
    b.textContent = `Download ${kind}`;
    b.setAttribute("aria-label", `Download “${title}” as ${kind}`);
    b.addEventListener("click", async () => {
      const svg = exportSvgText(figure, exportInfo());
      const file = `explorer-${slug(name)}-v${MODEL_VERSION}`;
      if (kind === "SVG") download(`${file}.svg`, new Blob([svg], { type: "image/svg+xml" }));
      else download(`${file}.png`, await svgToPng(svg, 2));
    });
    bar.append(b);
  }
  return bar;
}

/** Put a figure into its slot, keeping an open data table open, with its band note and image buttons. */
function place(slot: HTMLElement, figure: HTMLElement, name: string, exportInfo: () => ExportInfo, note: string) {
  if (note) {
    const p = document.createElement("p");
    p.className = "band-note";
    p.dataset.bandNote = "";
    p.textContent = note;
    const head = figure.querySelector("figcaption");
    if (head) head.after(p);
    else figure.prepend(p);
  }
  const wasOpen = slot.querySelector("details.chart-data")?.hasAttribute("open") ?? false;
  if (wasOpen) openDataTable(figure);
  slot.replaceChildren(figure, imageButtons(figure, name, exportInfo));
}

/** Keep `near[i]` true while `slots[i]` is on or near the screen; `arrived` when one comes near. */
function watchNearScreen(slots: readonly HTMLElement[], near: boolean[], arrived: () => void): void {
  const observer = new IntersectionObserver((entries) => {
    let came = false;
    for (const e of entries) {
      const i = slots.indexOf(e.target as HTMLElement);
      if (i < 0) continue;
      if (e.isIntersecting && !near[i]) came = true;
      near[i] = e.isIntersecting;
    }
    if (came) arrived();
  }, { rootMargin: NEAR_SCREEN });
  for (const slot of slots) observer.observe(slot);
}

/** The slot the page made for a chart spec (`[data-chart=<spec id>]`). */
function chartSlot(s: ChartSpec): HTMLElement {
  const slot = document.querySelector<HTMLElement>(`[data-chart="${CSS.escape(s.id)}"]`);
  if (!slot) throw new Error(`explorer: no slot [data-chart="${s.id}"] for the chart spec`);
  return slot;
}

export function mountCharts(opts: ChartsOptions): ChartsView {
  const { specs } = opts;
  const slots = specs.map(chartSlot);
  const metrics = specs.map(specMetrics);
  /** What each chart shows now: its data's signature (the cached string, compared by identity) and band note. */
  const drawn: (string | undefined)[] = specs.map(() => undefined);
  const drawnNote: string[] = specs.map(() => "");
  /** Signatures of the latest data, computed once per (summary, baseline, width). */
  let sigCache: { d: ChartData; sigs: (string | undefined)[] } | null = null;
  let frameRequested = false;
  /** Content width of the chart column (from the ResizeObserver, so drawing never forces a layout). */
  let chartWidth = 0;

  const signatureOf = (i: number, d: ChartData): string => {
    if (!sigCache || sigCache.d.summary !== d.summary || sigCache.d.base !== d.base || sigCache.d.width !== d.width) sigCache = { d, sigs: [] };
    return (sigCache.sigs[i] ??= signature(metrics[i], d));
  };
  const chartData = (): ChartData => ({ ...opts.data(), width: Math.floor(chartWidth || slots[0].clientWidth) || 640 });

  /** How long each chart took to draw the last time (ms; 0 before its first drawing). */
  const cost: number[] = specs.map(() => 0);
  /** Whether each chart's slot is on or near the screen (all, until the observer first reports). */
  const near: boolean[] = specs.map(() => true);

  /**
   * One step: draw the charts whose data changed, in spec order, while the time spent so far plus the
   * next chart's last drawing time stays within `FRAME_BUDGET_MS`, then ask for a frame for the rest;
   * when none is left, finish. The first chart of a step is always drawn, so every step makes progress;
   * `alone`: that chart only, the rest after the next paint.
   */
  const renderFrame = (alone = false) => {
    frameRequested = false;
    const d = chartData();
    if (d.summary.length) {
      const note = opts.bandNote?.() ?? "";
      const final = opts.final?.() ?? true;
      const start = performance.now();
      let drew = false;
      for (let i = 0; i < specs.length; i++) {
        if (!final && !near[i]) continue;
        const sig = signatureOf(i, d);
        if (sig === drawn[i] && note === drawnNote[i]) continue;
        const t = performance.now();
        if (drew && (alone || t - start + cost[i] > FRAME_BUDGET_MS)) {
          frameRequested = true;
          (alone ? afterNextPaint : requestAnimationFrame)(() => renderFrame());
          return;
        }
        place(slots[i], renderSpec(specs[i], d, true), specs[i].id, opts.exportInfo, note);
        cost[i] = performance.now() - t;
        drawn[i] = sig;
        drawnNote[i] = note;
        drew = true;
      }
    }
    opts.onDrawn(d);
  };

  const view: ChartsView = {
    dataChanged(atOnce = true) {
      if (frameRequested) return;
      if (atOnce) renderFrame(true);
      else { frameRequested = true; requestAnimationFrame(() => renderFrame()); }
    },
    drawing: () => frameRequested,
  };

  // A chart coming near the screen while the others wait for the final data is drawn with the latest data.
  watchNearScreen(slots, near, () => { if (opts.data().summary.length) view.dataChanged(false); });

  // The chart width, measured once here and then on resizes only (never while drawing).
  new ResizeObserver((entries) => {
    const w = entries[entries.length - 1].contentRect.width;
    if (Math.abs(w - chartWidth) > 8) { chartWidth = w; if (opts.data().summary.length) view.dataChanged(false); }
  }).observe(slots[0]);
  return view;
}
