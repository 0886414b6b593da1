/**
 * The frame every chart shares: a <figure> with a title, an HTML legend, the Plot SVG, a text
 * description and a "Show data table" toggle with a real <table> of the plotted numbers. Also records
 * what an image export needs (title, unit, legend, description) in a WeakMap keyed by the figure, so the
 * exporter can draw a self-contained SVG. Not responsible for drawing the plot itself.
 */
import { sharePlotStyle } from "./plot-style";

export interface LegendItem {
  label: string;
  color: string;
  /** How the swatch is drawn: a line (with optional dash), a band (light fill) or an area (solid fill). */
  kind: "line" | "band" | "area";
  dash?: string;
  opacity?: number;
}

export interface ChartMeta {
  title: string;
  unit: string;
  legend: LegendItem[];
  description: string;
  /** The plot's <svg> element (the one Plot made). */
  svg: SVGSVGElement;
}

const META = new WeakMap<Element, ChartMeta>();
/** The builders of lazy data tables, by their <details> (`assembleFigure`, `openDataTable`). */
const FILL = new WeakMap<Element, () => void>();

/**
 * Open a figure's data table now, building it if it is lazy (rather than on the `toggle` event, which
 * comes a task later): for a redrawn chart whose table the reader had open.
 */
export function openDataTable(figure: Element): void {
  const details = figure.querySelector("details.chart-data");
  if (!details) return;
  details.setAttribute("open", "");
  FILL.get(details)?.();
}

/** Export metadata for a figure made by one of the chart functions, or undefined. */
export function chartMeta(figure: Element): ChartMeta | undefined {
  return META.get(figure);
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** A small inline SVG swatch for a legend item (line with dash pattern, or a filled box). */
export function swatch(item: LegendItem): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("width", "28");
  svg.setAttribute("height", "12");
  svg.setAttribute("aria-hidden", "true");
  if (item.kind === "line") {
    const line = document.createElementNS(SVG_NS, "line");
    line.setAttribute("x1", "1"); line.setAttribute("x2", "27"); line.setAttribute("y1", "6"); line.setAttribute("y2", "6");
    line.setAttribute("stroke", item.color);
    line.setAttribute("stroke-width", "2.5");
    if (item.dash && item.dash !== "none") line.setAttribute("stroke-dasharray", item.dash);
    if (item.opacity !== undefined) line.setAttribute("stroke-opacity", String(item.opacity));
    svg.append(line);
  } else {
    const rect = document.createElementNS(SVG_NS, "rect");
    rect.setAttribute("x", "1"); rect.setAttribute("y", "1"); rect.setAttribute("width", "26"); rect.setAttribute("height", "10");
    rect.setAttribute("fill", item.color);
    rect.setAttribute("fill-opacity", String(item.opacity ?? (item.kind === "band" ? 0.25 : 0.85)));
    svg.append(rect);
  }
  return svg;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The HTML legend of a chart: one swatch and label per item, in a labelled list. */
export function legendList(items: readonly LegendItem[]): HTMLUListElement {
  const legend = el("ul", "chart-legend");
  legend.setAttribute("aria-label", "Legend");
  for (const item of items) {
    const li = el("li");
    li.append(swatch(item), el("span", undefined, item.label));
    legend.append(li);
  }
  return legend;
}

export interface FigureParts {
  title: string;
  unit: string;
  legend: LegendItem[];
  plot: SVGSVGElement | HTMLElement;
  description: string;
  /**
   * The data table, or a function that makes it: then the table is built when its "Show data table"
   * toggle first opens (at once if the figure is placed open), not with every redraw. The explorer draws
   * its nine charts several times a second while a slider moves, and building and laying out their
   * tables, shown or not, was most of the main thread's work (bench/profile-explorer.ts).
   */
  table: FigureTable | (() => FigureTable);
}

export interface FigureTable { columns: string[]; rows: (string | number)[][]; caption: string }

/** The option of the chart functions that draw an explorer chart (band-chart.ts, split-chart.ts). */
export interface LazyTableOption {
  /** Build the data table when it is first opened, not now: for charts redrawn while a slider moves. */
  lazyTable?: boolean;
}

/** `FigureParts.table` from its maker: the maker itself when `lazy`, else the table made now. */
export const figureTable = (make: () => FigureTable, lazy = false): FigureParts["table"] => (lazy ? make : make());

/** The <table> of a figure's numbers. */
function dataTable(t: FigureTable): HTMLTableElement {
  const table = el("table");
  table.append(el("caption", undefined, t.caption));
  const thead = el("thead");
  const hr = el("tr");
  for (const c of t.columns) {
    const th = el("th", undefined, c);
    th.scope = "col";
    hr.append(th);
  }
  thead.append(hr);
  const tbody = el("tbody");
  for (const row of t.rows) {
    const tr = el("tr");
    row.forEach((cell, i) => {
      const td = i === 0 ? el("th", undefined, String(cell)) : el("td", undefined, String(cell));
      if (i === 0) (td as HTMLTableCellElement).scope = "row";
      tr.append(td);
    });
    tbody.append(tr);
  }
  table.append(thead, tbody);
  return table;
}

/** Assemble the figure (see the module comment). */
export function assembleFigure(parts: FigureParts): HTMLElement {
  const figure = el("figure", "chart");
  const head = el("figcaption", "chart-head");
  head.append(el("span", "chart-title", parts.title), el("span", "chart-unit", ` (${parts.unit})`));
  figure.append(head);

  figure.append(legendList(parts.legend));

  const body = el("div", "chart-plot");
  body.append(parts.plot);
  figure.append(body);

  figure.append(el("p", "chart-desc", parts.description));

  const details = el("details", "chart-data");
  details.append(el("summary", undefined, "Show data table"));
  const wrap = el("div", "table-scroll");
  const spec = parts.table;
  if (typeof spec === "function") {
    const fill = () => { if (details.open && !wrap.firstChild) wrap.append(dataTable(spec())); };
    details.addEventListener("toggle", fill);
    FILL.set(details, fill);
  } else wrap.append(dataTable(spec));
  details.append(wrap);
  figure.append(details);

  const svg = parts.plot instanceof SVGSVGElement ? parts.plot : (parts.plot.querySelector("svg") as SVGSVGElement);
  // Plot labels each mark's <g> with aria-label ("area", "line", …), which ARIA prohibits on a <g> without
  // a role. The <svg> keeps its label and description; the marks are hidden and the data table carries
  // the numbers. Tips are tagged so image exports can drop them.
  if (svg) {
    sharePlotStyle(svg);
    svg.setAttribute("role", "img");
    svg.querySelectorAll('g[aria-label="tip"]').forEach((g) => g.setAttribute("data-tip", ""));
    svg.querySelectorAll("g[aria-label]").forEach((g) => { g.removeAttribute("aria-label"); g.setAttribute("aria-hidden", "true"); });
  }
  META.set(figure, { title: parts.title, unit: parts.unit, legend: parts.legend, description: parts.description, svg });
  return figure;
}
