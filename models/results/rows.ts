/**
 * From run columns to tidy rows, and canonical number formatting so that the same numbers give the
 * same bytes in Node and in the browser.
 */
import type { Row, RunOutput } from "./types";
import { SERIES_KEYS, splitSeriesKey } from "./metrics";

/** Tidy rows of one run, ordered by year, then by the catalogue order of series. */
export function toRows(run: RunOutput, scenario: string): Row[] {
  const rows: Row[] = [];
  for (let t = 0; t < run.years; t++) {
    for (const key of SERIES_KEYS) {
      const col = run.series[key];
      if (!col) continue;
      const { metric, group } = splitSeriesKey(key);
      const row: Row = { scenario, regime: run.regime, seed: run.seed, year: run.startYear + t, metric, value: col[t] };
      if (group !== undefined) row.group = group;
      rows.push(row);
    }
  }
  return rows;
}

/**
 * Canonical text of a number: 12 significant digits, no trailing zeros, no exponent for ordinary money.
 * @example formatValue(0.1 + 0.2) // => "0.3"
 * @example formatValue(1234567.891234567) // => "1234567.89123"
 */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v)) return String(v);
  const r = Number(v.toPrecision(12));
  return Object.is(r, -0) ? "0" : String(r);
}
