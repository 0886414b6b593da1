/**
 * Derived series for notebook figures: a key "metric|a+b+c" is the per-seed sum of the groups a, b, c
 * (e.g. the bottom half of creators, d01..d05), computed before quantiles are taken across seeds
 * (a sum of medians is not the median of sums).
 */
import { summarizeRuns, type RunOutput, type SummaryRow } from "../../../models/index";

/** Component keys a key needs from the model. @example componentKeys("m|d01+d02") // => ["m|d01", "m|d02"] */
export function componentKeys(key: string): string[] {
  const i = key.indexOf("|");
  if (i < 0 || !key.includes("+")) return [key];
  const metric = key.slice(0, i);
  return key.slice(i + 1).split("+").map((g) => `${metric}|${g}`);
}

/** Runs with every derived key added as a series (the input is not changed). */
export function withDerived(runs: readonly RunOutput[], keys: readonly string[]): RunOutput[] {
  const derived = keys.filter((k) => componentKeys(k).length > 1);
  if (!derived.length) return [...runs];
  return runs.map((r) => {
    const series = { ...r.series };
    for (const k of derived) {
      const parts = componentKeys(k).map((c) => r.series[c]);
      const out = new Float64Array(r.years);
      for (const col of parts) if (col) for (let t = 0; t < r.years; t++) out[t] += col[t];
      series[k] = out;
    }
    return { ...r, series };
  });
}

/** Quantile summary of runs for keys, derived keys included. */
export function summarize(runs: readonly RunOutput[], scenario: string, keys: readonly string[]): SummaryRow[] {
  return summarizeRuns(withDerived(runs, keys), scenario, keys);
}

/** Readable group label: "d01+d02+d03+d04+d05" → "deciles 1–5"; "d10" → "top decile"; "books" → "books". */
export function groupLabel(group: string): string {
  const ds = group.split("+");
  if (ds.every((d) => /^d\d\d$/.test(d))) {
    const n = ds.map((d) => Number(d.slice(1)));
    if (n.length === 1) return n[0] === 10 ? "top decile (d10)" : n[0] === 1 ? "bottom decile (d01)" : `decile ${n[0]}`;
    return `income deciles ${Math.min(...n)}–${Math.max(...n)}${Math.min(...n) === 1 && Math.max(...n) === 5 ? " (bottom half)" : ""}`;
  }
  return ds.join(" + ");
}
