/**
 * Derived series: a key "metric|a+b+c" is the per-seed sum of the groups a, b, c (e.g. the bottom half
 * of creators, d01..d05), computed before quantiles are taken across seeds (a sum of medians is not the
 * median of sums). A key "metric@cumulative" is the per-seed running total of the metric from the first
 * year (its last year's quantiles are those of each seed's whole-run sum, not sums of yearly quantiles).
 * Used by the sim client (src/lib/sim-client.ts), which asks the worker for the
 * component keys and summarises the derived ones once.
 */
import { summarizeRuns } from "../../models/results/summary";
import type { RunOutput, SummaryRow } from "../../models/results/types";

/** Suffix of a running-total key. @example cumulativeKey("creator_revenue") // => "creator_revenue@cumulative" */
export const CUMULATIVE = "@cumulative";
export const cumulativeKey = (key: string): string => key + CUMULATIVE;

/** Component keys a key needs from the model. @example componentKeys("m|d01+d02") // => ["m|d01", "m|d02"] */
export function componentKeys(key: string): string[] {
  if (key.endsWith(CUMULATIVE)) return componentKeys(key.slice(0, -CUMULATIVE.length));
  const i = key.indexOf("|");
  if (i < 0 || !key.includes("+")) return [key];
  const metric = key.slice(0, i);
  return key.slice(i + 1).split("+").map((g) => `${metric}|${g}`);
}

/** Every key the model must return for `keys` (each once, in first-use order). @example modelKeys(["a", "m|d01+d02", "m|d01"]) // => ["a", "m|d01", "m|d02"] */
export function modelKeys(keys: readonly string[]): string[] {
  return [...new Set(keys.flatMap(componentKeys))];
}

/** Runs with every derived key added as a series (the input is not changed). */
export function withDerived(runs: readonly RunOutput[], keys: readonly string[]): RunOutput[] {
  const derived = keys.filter((k) => k.endsWith(CUMULATIVE) || componentKeys(k).length > 1);
  if (!derived.length) return [...runs];
  return runs.map((r) => {
    const series = { ...r.series };
    const sumOf = (k: string): Float64Array => {
      const out = new Float64Array(r.years);
      for (const col of componentKeys(k).map((c) => r.series[c])) if (col) for (let t = 0; t < r.years; t++) out[t] += col[t];
      return out;
    };
    for (const k of derived) {
      if (!k.endsWith(CUMULATIVE)) { series[k] = sumOf(k); continue; }
      const out = sumOf(k.slice(0, -CUMULATIVE.length));
      for (let t = 1; t < r.years; t++) out[t] += out[t - 1];
      series[k] = out;
    }
    return { ...r, series };
  });
}

/** Quantile summary of runs for `keys`, derived keys included (every series when `keys` is undefined). */
export function summarizeWithDerived(runs: readonly RunOutput[], scenario: string, keys?: readonly string[]): SummaryRow[] {
  return keys ? summarizeRuns(withDerived(runs, keys), scenario, keys) : summarizeRuns(runs, scenario);
}
