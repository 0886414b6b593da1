/**
 * Serialising results as CSV and JSON: the one serialiser of the project, used by the CLI and by the
 * explorer's downloads (per-seed rows, quantile summaries, inputs), so that the same settings and seeds
 * give byte-identical files in both. Numbers are written by `formatValue`; fields are quoted only when
 * needed (RFC 4180); lines end with `\n`, and the text with one.
 */
import { formatValue, toRows } from "./rows";
import type { Row, RunOutput, SummaryRow } from "./types";

export const ROW_COLUMNS = ["scenario", "regime", "seed", "year", "metric", "value", "group"] as const;
export const SUMMARY_COLUMNS = ["scenario", "regime", "year", "metric", "group", "n", "mean", "q05", "q25", "q50", "q75", "q95"] as const;

/** Quote a CSV field when it needs it (RFC 4180). */
export function csvField(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

function cell(v: unknown): string {
  if (v === undefined || v === null) return "";
  if (typeof v === "number") return formatValue(v);
  return csvField(String(v));
}

/** CSV text (header line, then one line per object, `\n` line ends, trailing newline). */
export function toCsv(objects: readonly object[], columns: readonly string[]): string {
  const lines = [columns.join(",")];
  for (const o of objects) lines.push(columns.map((c) => cell((o as Record<string, unknown>)[c])).join(","));
  return lines.join("\n") + "\n";
}

/** Per-seed tidy rows as CSV (columns `ROW_COLUMNS`). */
export function rowsToCsv(rows: readonly Row[]): string {
  return toCsv(rows, ROW_COLUMNS);
}

/**
 * Every series of every run as per-seed rows, in the CLI's order: regime-major (in `regimes` order;
 * runs of other regimes are left out), then seed, each run's rows by year then series key.
 * @example runsToCsv(runs, "custom", ["fair-use", "compulsory"]) // => "scenario,regime,seed,year,metric,value,group\ncustom,fair-use,1,2025,creator_revenue,…"
 */
export function runsToCsv(runs: readonly RunOutput[], scenario: string, regimes: readonly string[]): string {
  const rank = new Map(regimes.map((r, i) => [r, i]));
  const ordered = runs.filter((r) => rank.has(r.regime)).sort((a, b) => rank.get(a.regime)! - rank.get(b.regime)! || a.seed - b.seed);
  const rows: Row[] = [];
  for (const run of ordered) for (const r of toRows(run, scenario)) rows.push(r);
  return rowsToCsv(rows);
}

/** Quantile summary rows as CSV (columns `SUMMARY_COLUMNS`). */
export function summaryToCsv(rows: readonly SummaryRow[]): string {
  return toCsv(rows, SUMMARY_COLUMNS);
}

export const INPUT_COLUMNS = ["id", "label", "unit", "value", "default"] as const;

/**
 * Every parameter with its value in `settings` (its default when absent) and its default, in the
 * order given (the registry's: sorted by id).
 * @example inputsToCsv([{ id: "compulsory.royalty_rate", label: "Statutory royalty rate", unit: "share of AI revenue", default: 0.03 }], { "compulsory.royalty_rate": 0.1 })
 *   // => "id,label,unit,value,default\ncompulsory.royalty_rate,Statutory royalty rate,share of AI revenue,0.1,0.03\n"
 */
export function inputsToCsv(parameters: readonly { id: string; label: string; unit: string; default: number }[], settings: Readonly<Record<string, number>>): string {
  return toCsv(parameters.map((p) => ({ id: p.id, label: p.label, unit: p.unit, value: settings[p.id] ?? p.default, default: p.default })), INPUT_COLUMNS);
}

/** JSON text of an array of objects with numbers in canonical form; one object per line. */
export function toJson(objects: readonly object[], columns: readonly string[]): string {
  const lines = objects.map((o) => {
    const parts: string[] = [];
    for (const c of columns) {
      const v = (o as Record<string, unknown>)[c];
      if (v === undefined) continue;
      parts.push(`${JSON.stringify(c)}:${typeof v === "number" ? (Number.isFinite(v) ? formatValue(v) : "null") : JSON.stringify(v)}`);
    }
    return `{${parts.join(",")}}`;
  });
  return lines.length ? `[\n${lines.join(",\n")}\n]\n` : "[]\n";
}
