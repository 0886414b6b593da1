/**
 * Serialising results as CSV and JSON. The one serialiser used by the CLI and by the explorer's
 * download, so that the same settings and seeds give byte-identical files in both.
 */
import { formatValue } from "./rows";
import type { Row, SummaryRow } from "./types";

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

export function rowsToCsv(rows: readonly Row[]): string {
  return toCsv(rows, ROW_COLUMNS);
}

export function summaryToCsv(rows: readonly SummaryRow[]): string {
  return toCsv(rows, SUMMARY_COLUMNS);
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
