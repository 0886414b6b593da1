/**
 * Draw a chart spec (specs.ts) with its data: `(spec, data) → <figure>`, a pure function like the chart
 * functions it calls. Not responsible for placing the figure on the page (the explorer's charts view).
 */
import type { SummaryRow } from "../../../models/results/types";
import { bandChart } from "./band-chart";
import { splitChart } from "./split-chart";
import type { ChartSpec } from "./specs";

export interface ChartData {
  summary: SummaryRow[];
  /** Summary of the default settings, drawn faintly; undefined when the settings are the defaults. */
  base: SummaryRow[] | undefined;
  /** Width of the chart column, px. */
  width: number;
}

/** Gap between the cells of the outcomes grid (px; as .outcomes in src/styles/explorer.css). */
const GRID_GAP = 16;

/** Width of one cell of the outcomes grid: 3 columns from 900 px, 2 from 600, else 1. @example outcomeCellWidth(1000) // => 322 */
export function outcomeCellWidth(width: number): number {
  const cols = width >= 900 ? 3 : width >= 600 ? 2 : 1;
  return Math.floor((width - (cols - 1) * GRID_GAP) / cols);
}

/** `lazyTable`: build each data table when it is opened (the explorer, which redraws while a slider moves). */
export function renderSpec(spec: ChartSpec, { summary, base, width }: ChartData, lazyTable = false): HTMLElement {
  if (spec.kind === "split") {
    return splitChart(summary, {
      total: spec.total, parts: [...spec.parts], title: spec.title, unit: spec.unit, baseline: base, width, lazyTable,
      partLabels: spec.partLabels ? { ...spec.partLabels } : undefined,
    });
  }
  const cell = spec.place === "outcome";
  return bandChart(summary, {
    metric: spec.metric, title: spec.title, unit: spec.unit, baseline: base,
    width: cell ? outcomeCellWidth(width) : width, facet: !cell, height: cell ? 200 : undefined, lazyTable,
  });
}
