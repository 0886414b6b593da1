/**
 * CSV texts for the explorer's downloads: per-seed rows in the CLI's tidy format, quantile summary rows,
 * and the inputs. Numbers use the model's canonical `formatValue`, so the same run gives the same bytes
 * in the browser and in Node. Fields are quoted only when needed (RFC 4180).
 */
import { formatValue, toRows, type Registry, type RunOutput, type Settings, type SummaryRow } from "../../models/index";

/** Quote a field when it holds a comma, quote or newline. @example csvField('a,"b"') // => '"a,""b"""' */
export function csvField(v: string | number | undefined): string {
  const s = v === undefined ? "" : typeof v === "number" ? formatValue(v) : v;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

const line = (fields: (string | number | undefined)[]) => fields.map(csvField).join(",");

export const RAW_HEADER = "scenario,regime,seed,year,metric,value,group";
export const SUMMARY_HEADER = "scenario,regime,year,metric,group,n,q05,q25,q50,q75,q95";
export const INPUTS_HEADER = "id,label,unit,value,default";

/** Per-seed tidy rows, one line per (regime, seed, year, series), as the `simulate` CLI writes them. */
export function rawCsv(runs: readonly RunOutput[], scenario: string): string {
  const out = [RAW_HEADER];
  for (const run of runs)
    for (const r of toRows(run, scenario)) out.push(line([r.scenario, r.regime, r.seed, r.year, r.metric, r.value, r.group]));
  return out.join("\n") + "\n";
}

/** Quantile summary rows. */
export function summaryCsv(rows: readonly SummaryRow[]): string {
  const out = [SUMMARY_HEADER];
  for (const r of rows) out.push(line([r.scenario, r.regime, r.year, r.metric, r.group, r.n, r.q05, r.q25, r.q50, r.q75, r.q95]));
  return out.join("\n") + "\n";
}

/** Every parameter with its value in this explorer state and its default (ids sorted). */
export function inputsCsv(registry: Registry, settings: Settings): string {
  const out = [INPUTS_HEADER];
  for (const p of registry.parameters) out.push(line([p.id, p.label, p.unit, settings[p.id] ?? p.default, p.default]));
  return out.join("\n") + "\n";
}
