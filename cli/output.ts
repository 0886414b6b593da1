/**
 * From run results to output: tidy rows or quantile summaries, as CSV, JSON or Parquet. The one path used
 * by `simulate` (unsharded) and by `merge`, so that a merged sweep has the bytes of the unsharded run.
 *
 * Columns: the usual `scenario,regime,seed,year,metric,value,group` (summaries:
 * `scenario,regime,year,metric,group,n,q05,…,q95`), with `sweep_param,sweep_value` after `regime` when a
 * sweep was run and `draw` after `seed` when uncertainty draws were; without those flags the output is
 * exactly what it always was.
 */
import { parquetWriteBuffer, type ColumnSource } from "hyparquet-writer";
import {
  MODEL_VERSION, ROW_COLUMNS, SUMMARY_COLUMNS, summarizeRuns, toCsv, toJson, toRows, type RunOutput,
} from "../models/index";
import type { OutputFormat } from "./args";
import type { Layout } from "./plan";

/** One finished run with its place in the run list. */
export interface RunResult {
  index: number;
  run: RunOutput;
  point?: number;
  draw?: number;
}

/** Row columns for a layout. */
export function rowColumns(layout: Layout): string[] {
  const cols: string[] = [...ROW_COLUMNS];
  if (layout.draws) cols.splice(cols.indexOf("seed") + 1, 0, "draw");
  if (layout.sweepParam) cols.splice(cols.indexOf("regime") + 1, 0, "sweep_param", "sweep_value");
  return cols;
}

/** Summary columns for a layout (quantiles are across draws × seeds, so there is no `draw` column). */
export function summaryColumns(layout: Layout): string[] {
  const cols: string[] = [...SUMMARY_COLUMNS];
  if (layout.sweepParam) cols.splice(cols.indexOf("regime") + 1, 0, "sweep_param", "sweep_value");
  return cols;
}

/** The tidy rows of results (sorted by canonical index) as plain objects. */
export function rowRecords(results: readonly RunResult[], layout: Layout): object[] {
  const out: object[] = [];
  for (const r of results) {
    for (const row of toRows(r.run, layout.scenario)) {
      if (!layout.sweepParam && !layout.draws) out.push(row);
      else out.push({ ...row, sweep_param: layout.sweepParam, sweep_value: r.point, draw: r.draw });
    }
  }
  return out;
}

/** Quantile rows across seeds and draws, per regime (and per sweep point), in canonical order. */
export function summaryRecords(results: readonly RunResult[], layout: Layout): object[] {
  if (!layout.sweepParam) return summarizeRuns(results.map((r) => r.run), layout.scenario);
  const groups = new Map<string, RunResult[]>();
  for (const r of results) {
    const key = `${r.run.regime}\u0000${r.point}`;
    const list = groups.get(key) ?? [];
    list.push(r);
    groups.set(key, list);
  }
  const out: object[] = [];
  for (const list of groups.values()) {
    for (const row of summarizeRuns(list.map((r) => r.run), layout.scenario)) out.push({ ...row, sweep_param: layout.sweepParam, sweep_value: list[0].point });
  }
  return out;
}

/** Parquet physical types by column name (the same names as the CSV header). */
const PARQUET_TYPES: Record<string, "STRING" | "INT32" | "DOUBLE"> = {
  scenario: "STRING", regime: "STRING", sweep_param: "STRING", metric: "STRING", group: "STRING",
  seed: "INT32", draw: "INT32", year: "INT32", n: "INT32",
  sweep_value: "DOUBLE", value: "DOUBLE", mean: "DOUBLE", q05: "DOUBLE", q25: "DOUBLE", q50: "DOUBLE", q75: "DOUBLE", q95: "DOUBLE",
};

/**
 * Parquet bytes of objects: typed columns (strings, 32-bit integers, doubles at full precision), `group`
 * null for totals. Deterministic: no clock in the file; the writer is named with the model version.
 */
export function toParquet(objects: readonly object[], columns: readonly string[]): Uint8Array {
  const columnData: ColumnSource[] = columns.map((name) => {
    const type = PARQUET_TYPES[name];
    if (!type) throw new Error(`no Parquet type for column ${name}`);
    const data = objects.map((o) => (o as Record<string, unknown>)[name] ?? null);
    return { name, data, type, nullable: name === "group" };
  });
  const buf = parquetWriteBuffer({ columnData, createdBy: `ai-training-royalties ${MODEL_VERSION}`, kvMetadata: [{ key: "model_version", value: MODEL_VERSION }] });
  return new Uint8Array(buf);
}

/** The output of results in a format: text for CSV and JSON, bytes for Parquet. */
export function render(results: readonly RunResult[], layout: Layout, summary: boolean, format: OutputFormat): string | Uint8Array {
  const sorted = [...results].sort((a, b) => a.index - b.index);
  const objects = summary ? summaryRecords(sorted, layout) : rowRecords(sorted, layout);
  const columns = summary ? summaryColumns(layout) : rowColumns(layout);
  if (format === "parquet") return toParquet(objects, columns);
  return format === "json" ? toJson(objects, columns) : toCsv(objects, columns);
}
