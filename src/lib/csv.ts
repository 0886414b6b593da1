/**
 * CSV texts for the explorer's downloads: per-seed rows through the model's own serialiser (`rowsToCsv`,
 * the one the `simulate` command uses, so the same settings and seeds give byte-identical files), quantile
 * summary rows, and the inputs. Numbers use the model's canonical `formatValue`. Fields are quoted only
 * when needed (RFC 4180).
 */
import { formatValue, rowsToCsv, toRows, type Registry, type Row, type RunOutput, type Settings, type SummaryRow } from "../../models/index";

/** Quote a field when it holds a comma, quote or newline. @example csvField('a,"b"') // => '"a,""b"""' */
export function csvField(v: string | number | undefined): string {
  const s = v === undefined ? "" : typeof v === "number" ? formatValue(v) : v;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

const line = (fields: (string | number | undefined)[]) => fields.map(csvField).join(",");

export const RAW_HEADER = "scenario,regime,seed,year,metric,value,group";
export const SUMMARY_HEADER = "scenario,regime,year,metric,group,n,q05,q25,q50,q75,q95";
export const INPUTS_HEADER = "id,label,unit,value,default";

/**
 * Per-seed tidy rows of every series of every run, in the CLI's order: regime-major (in `regimes`
 * order), then seed, each run's rows by year then series key. `scenario` is the label for the scenario
 * column: "custom" when no scenario is loaded (as `simulate` without `--scenario`), else its id.
 * @example rawCsv(runs, "custom", ["fair-use", "compulsory"]) // => "scenario,regime,seed,year,metric,value,group\ncustom,fair-use,1,2025,creator_revenue,…"
 */
export function rawCsv(runs: readonly RunOutput[], scenario: string, regimes: readonly string[]): string {
  const rank = new Map(regimes.map((r, i) => [r, i]));
  const ordered = runs.filter((r) => rank.has(r.regime)).sort((a, b) => rank.get(a.regime)! - rank.get(b.regime)! || a.seed - b.seed);
  const rows: Row[] = [];
  for (const run of ordered) for (const r of toRows(run, scenario)) rows.push(r);
  return rowsToCsv(rows);
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
