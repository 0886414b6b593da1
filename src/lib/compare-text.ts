/**
 * Plain-language comparison of two settings (issue 12 item 7): "Compared with the defaults, raising
 * the statutory royalty rate from 3% to 15% raises creators' AI income under the compulsory licence in
 * 2035 by $9.3 bn (+230%) …", every level with its 90% band across seeds, and the year always stated.
 * With the paired runs (`pairedDifferences`: the same regime and seed under both settings, so common
 * random numbers cancel the seed noise they share) the change is the median of the per-seed differences
 * and has its own 90% band; without them it is the difference of the medians and no band of the
 * difference is claimed. With parameter uncertainty on, runs carry their Latin-hypercube draw and a pair is
 * (regime, draw, seed): the same draw and seed under both settings, so the band of the change is across
 * draws × seeds (`CompareInput.draws` says so in the text). Pure; the explorer's compare view puts the text on the page.
 */
import type { Registry } from "../../models/params/registry";
import { summarizeRuns } from "../../models/results/summary";
import type { RunOutput, SummaryRow } from "../../models/results/types";
import { displayUnit } from "./charts/units";
import { formatParam } from "./format-param";
import { seriesTitle } from "./series-label";

export interface CompareInput {
  registry: Registry;
  /** The settings compared against (the defaults, or a saved state) and the current settings. */
  from: Readonly<Record<string, number>>;
  to: Readonly<Record<string, number>>;
  fromSummary: readonly SummaryRow[];
  toSummary: readonly SummaryRow[];
  /** Label of the settings compared against, e.g. "the defaults". */
  fromLabel: string;
  regime: string;
  regimeLabel: string;
  year: number;
  metrics: readonly string[];
  /** Summary of the per-seed differences (to − from; `pairedDifferences`), for the band of the change. */
  diffSummary?: readonly SummaryRow[];
  /** Number of parameter draws the runs were paired over (absent or 0: seeds only). */
  draws?: number;
}

/** A run, with the index of its parameter draw when it has one (pairs match on regime, draw and seed). */
export type MaybeDrawnRun = RunOutput & { draw?: number };

/**
 * The paired differences to − from of some series, as runs (one per regime, draw and seed present in
 * both), summarised across them: the band of a change, not the difference of two bands.
 * @example pairedDifferences(fromRuns, toRuns, ["creator_ai_revenue"])[0] // => { regime, year, metric: "creator_ai_revenue", q05, q50, q95, … } of to − from
 */
export function pairedDifferences(fromRuns: readonly MaybeDrawnRun[], toRuns: readonly MaybeDrawnRun[], keys: readonly string[]): SummaryRow[] {
  const pair = (r: MaybeDrawnRun) => `${r.regime}|${r.draw ?? 0}|${r.seed}`;
  const from = new Map(fromRuns.map((r) => [pair(r), r]));
  const diffs: RunOutput[] = [];
  for (const b of toRuns) {
    const a = from.get(pair(b));
    if (!a || a.startYear !== b.startYear || a.years !== b.years) continue;
    const series: Record<string, Float64Array> = {};
    for (const k of keys) {
      const x = a.series[k], y = b.series[k];
      if (x && y) series[k] = y.map((v, t) => v - x[t]);
    }
    diffs.push({ ...b, series });
  }
  return summarizeRuns(diffs, "difference", keys);
}

/** "raising the statutory royalty rate from 3% to 15%", one clause per changed parameter. */
export function changeClauses(registry: Registry, from: Readonly<Record<string, number>>, to: Readonly<Record<string, number>>): string[] {
  return registry.parameters
    .filter((p) => from[p.id] !== to[p.id] && to[p.id] !== undefined && p.group !== "simulation")
    .map((p) => {
      const verb = p.format === "switch" ? "switching" : to[p.id] > from[p.id] ? "raising" : "lowering";
      const what = p.label.charAt(0).toLowerCase() + p.label.slice(1);
      return p.format === "switch" ? `${verb} ${what} ${to[p.id] ? "on" : "off"}` : `${verb} ${what} from ${formatParam(p, from[p.id])} to ${formatParam(p, to[p.id])}`;
    });
}

const find = (rows: readonly SummaryRow[], regime: string, metric: string, year: number) =>
  rows.find((r) => r.regime === regime && r.metric === metric && r.year === year && r.group === undefined);

/** The clause for one metric: "raises X by $a (+b%[; 90% band of the change …]), from $c [90% band d to e] to $f [g to h]". */
function metricClause(metric: string, a: SummaryRow, b: SummaryRow, where: string, diff?: SummaryRow, paired = "paired seeds"): string {
  const u = displayUnit(metric);
  const f = (v: number) => u.format(v * u.scale);
  const fs = (v: number) => (v < 0 ? "−" : "+") + f(Math.abs(v));
  const d = diff ? diff.q50 : b.q50 - a.q50;
  if (diff && diff.q05 === 0 && diff.q95 === 0 && d === 0)
    return `leaves ${seriesTitle(metric)} ${where} unchanged in every one of the ${paired}, at a median of ${f(a.q50)} (90% band ${f(a.q05)} to ${f(a.q95)})`;
  const verb = d > 0 ? "raises" : d < 0 ? "lowers" : "leaves unchanged";
  const pct = a.q50 !== 0 ? `${d >= 0 ? "+" : "−"}${Math.abs(Math.round((d / Math.abs(a.q50)) * 100))}%` : "";
  const band = diff ? `90% band of the change across ${paired} ${fs(diff.q05)} to ${fs(diff.q95)}` : "";
  const paren = [pct, band].filter((x) => x !== "").join("; ");
  const by = d === 0 && !diff ? "" : ` by ${f(Math.abs(d))}${paren ? ` (${paren})` : ""}`;
  return `${verb} ${seriesTitle(metric)} ${where}${by}, from a median of ${f(a.q50)} (90% band ${f(a.q05)} to ${f(a.q95)}) to ${f(b.q50)} (${f(b.q05)} to ${f(b.q95)})`;
}

/**
 * The sentence, or undefined when nothing but run settings differ or a metric is missing.
 * @example comparisonText({ …, from: defaults, to: { …defaults, "compulsory.royalty_rate": 0.15 }, year: 2035, metrics: ["creator_ai_revenue"] })
 * // => "Compared with the defaults, raising statutory royalty rate from 3% to 15% raises Creator AI income under Compulsory licence in 2035 by $9.3 bn (+230%), from a median of …"
 */
export function comparisonText(c: CompareInput): string | undefined {
  const clauses = changeClauses(c.registry, c.from, c.to);
  if (!clauses.length) return undefined;
  const parts: string[] = [];
  for (const m of c.metrics) {
    const a = find(c.fromSummary, c.regime, m, c.year), b = find(c.toSummary, c.regime, m, c.year);
    if (!a || !b) return undefined;
    const diff = c.diffSummary ? find(c.diffSummary, c.regime, m, c.year) : undefined;
    parts.push(metricClause(m, a, b, `under ${c.regimeLabel} in ${c.year}`, diff, c.draws ? "paired draws × seeds" : "paired seeds"));
  }
  const list = parts.length > 1 ? `${parts.slice(0, -1).join("; ")}; and ${parts.at(-1)}` : parts[0];
  return `Compared with ${c.fromLabel}, ${clauses.join(", ")} ${list} (${howText(c)}).`;
}

/** How the numbers were made, for the sentence's closing parenthesis. */
function howText(c: CompareInput): string {
  if (c.diffSummary && c.draws)
    return `with parameter uncertainty: both settings run for the same ${c.draws} Latin-hypercube draw${c.draws === 1 ? "" : "s"} of the uncertain parameters neither sets and the same seeds; ` +
      "changes: medians of the differences paired by draw and seed, with their 90% band; levels: medians across draws × seeds, with their 90% bands";
  return c.diffSummary ? "changes: medians of the per-seed differences; levels: medians across seeds, with their 90% bands" : "medians across seeds, with their 90% bands across seeds";
}
