/**
 * Quantile bands across seeds, computed after the runs (never inside the model), in the same tidy shape.
 */
import { quantileSorted } from "simple-statistics";
import type { RunOutput, SummaryRow } from "./types";
import { SERIES_KEYS, splitSeriesKey } from "./metrics";

export const QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

/**
 * Quantiles (5, 25, 50, 75, 95%) and the mean across seeds for every regime, year and series (both:
 * where a tail is heavy, as under licensing, the mean and the median differ several-fold).
 * Runs of the same regime must share start year and length.
 * @example summarizeRuns(runs, "baseline")[0] // => { scenario: "baseline", regime: "fair-use", year: 2025, metric: "creator_revenue", n: 20, mean: …, q05: …, q50: …, … }
 */
export function summarizeRuns(runs: readonly RunOutput[], scenario: string, keys: readonly string[] = SERIES_KEYS): SummaryRow[] {
  const byRegime = new Map<string, RunOutput[]>();
  for (const r of runs) {
    const list = byRegime.get(r.regime) ?? [];
    list.push(r);
    byRegime.set(r.regime, list);
  }
  const out: SummaryRow[] = [];
  const buf: number[] = [];
  for (const [regime, list] of byRegime) {
    const { startYear, years } = list[0];
    for (let t = 0; t < years; t++) {
      for (const key of keys) {
        buf.length = 0;
        for (const r of list) {
          const col = r.series[key];
          if (col) buf.push(col[t]);
        }
        if (buf.length === 0) continue;
        buf.sort((a, b) => a - b);
        const { metric, group } = splitSeriesKey(key);
        let sum = 0;
        for (const v of buf) sum += v;
        const row: SummaryRow = {
          scenario, regime, year: startYear + t, metric, n: buf.length, mean: sum / buf.length,
          q05: quantileSorted(buf, 0.05), q25: quantileSorted(buf, 0.25), q50: quantileSorted(buf, 0.5),
          q75: quantileSorted(buf, 0.75), q95: quantileSorted(buf, 0.95),
        };
        if (group !== undefined) row.group = group;
        out.push(row);
      }
    }
  }
  return out;
}
