/**
 * Reproductions of published results (`data/checks/reproductions.yaml`): resolve each declared run,
 * run the model, compute every test's statistic, apply its thresholds, and write the verdict, the
 * reason (from the numbers) and the `simulate` commands that print the same figures. Pure and
 * deterministic: the registry and the definitions are arguments; no file, DOM or clock is read.
 *
 * Responsible for: the arithmetic of a statistic and the verdict rule. Not for what a run means (the
 * data says that, in `design`) nor for the page (src/pages/evidence/).
 *
 * Verdict rule, for a reproduction: "reproduced" when every test is reproduced; "not reproduced" when
 * no test is reproduced or partly reproduced; otherwise "partly". A test is reproduced when its
 * statistic meets every `reproduced` threshold, partly when it meets every `partly` threshold instead.
 */
import { quantileSorted } from "simple-statistics";
import type { Expr, Measure, Reproduction, ReproductionTest, Threshold } from "../checks/reproduction-schema";
import { parseSeeds } from "../engine/seeds";
import type { Registry } from "../params/registry";
import { defaultSettings, validateSettings, type Settings } from "../params/validate";
import type { RunOutput, SummaryRow } from "../results/types";
import { seriesKey } from "../results/metrics";
import { runEnsemble } from "../run";
import { resolveScenarioById } from "../scenarios/resolve";

export type Verdict = "reproduced" | "partly" | "not";
export const VERDICT_TEXT: Readonly<Record<Verdict, string>> = { reproduced: "Reproduced", partly: "Partly reproduced", not: "Not reproduced" };

export interface ResolvedRun {
  id: string;
  label: string;
  regime: string;
  scenario?: string;
  /** Every parameter id → value. */
  settings: Settings;
  /** The overrides a command must pass with `--set` (the reproduction's and the run's; the scenario's come with `--scenario`). */
  sets: [string, number][];
}

/** One value a statistic read, as `simulate --summary` prints it. */
export interface MeasureValue extends Omit<Measure, "year"> {
  label: string;
  regime: string;
  year: number;
  value: number;
}

export interface TestResult {
  id: string;
  label: string;
  format: ReproductionTest["format"];
  value: number;
  verdict: Verdict;
  reproduced: Threshold[];
  partly?: Threshold[];
  /** One sentence: the statistic, what it is measured against, and the outcome. */
  reason: string;
}

export interface ReproductionResult extends Omit<Reproduction, "runs" | "tests" | "seeds" | "settings"> {
  seeds: number[];
  seedsText: string;
  runs: ResolvedRun[];
  measures: MeasureValue[];
  tests: TestResult[];
  verdict: Verdict;
  /** The counts of tests by verdict, then each test's value and verdict. */
  reason: string;
  /** The counts only ("1 of 2 tests reproduced, 0 partly, 1 not."). */
  counts: string;
  commands: string[];
}

/** Resolve the runs of a reproduction. @throws Error naming the reproduction, run and field of any bad input */
export function resolveRuns(registry: Registry, rep: Reproduction): ResolvedRun[] {
  const problems: string[] = [];
  const runs = Object.entries(rep.runs).map(([id, run]) => {
    let base = defaultSettings(registry);
    if (run.scenario) {
      const s = resolveScenarioById(registry, run.scenario);
      if (s.ok) base = s.scenario.settings;
      else problems.push(...s.problems.map((m) => `${rep.id}: run ${id}: scenario: ${m}`));
    }
    const sets = Object.entries({ ...rep.settings, ...run.settings }).sort(([a], [b]) => (a < b ? -1 : 1));
    const v = validateSettings(registry, sets);
    problems.push(...v.problems.map((m) => `${rep.id}: run ${id}: settings: ${m}`));
    return { id, label: run.label, regime: run.regime, scenario: run.scenario, settings: { ...base, ...v.settings }, sets: sets as [string, number][] };
  });
  if (problems.length) throw new Error(problems.join("\n"));
  return runs;
}

const median = (xs: number[]) => quantileSorted(xs.slice().sort((a, b) => a - b), 0.5);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** A measure's value across seeds, and the calendar year it reads. */
function readMeasure(m: Measure, outputs: readonly RunOutput[]): { year: number; value: number } {
  const first = outputs[0];
  const t = m.year === "first" ? 0 : m.year === "last" ? first.years - 1 : m.year - first.startYear;
  if (t < 0 || t >= first.years) throw new Error(`year ${m.year} is outside the run (${first.startYear}–${first.startYear + first.years - 1})`);
  const key = seriesKey(m.metric, m.group);
  const xs = outputs.map((o) => {
    const col = o.series[key];
    if (!col) throw new Error(`metric ${key} does not exist (group "${m.group}" unknown for ${m.metric})`);
    return col[t];
  });
  return { year: first.startYear + t, value: m.across === "mean" ? mean(xs) : median(xs) };
}

/** Reads a measure: from runs in Node (`readMeasure`), from the worker's summaries in the browser. */
export type MeasureReader = (m: Measure) => { year: number; value: number };

/**
 * A reader over quantile summaries (`summarizeRuns` rows, as the browser's worker client returns them),
 * one list per run id: `q50` for the median, `mean` for the mean, the same numbers `readMeasure` gives.
 */
export function summaryReader(summaries: ReadonlyMap<string, readonly SummaryRow[]>): MeasureReader {
  return (m) => {
    const rows = (summaries.get(m.run) ?? []).filter((r) => r.metric === m.metric && r.group === m.group);
    if (!rows.length) throw new Error(`no summary of ${seriesKey(m.metric, m.group)} for run ${m.run}`);
    const years = rows.map((r) => r.year);
    const year = m.year === "first" ? Math.min(...years) : m.year === "last" ? Math.max(...years) : m.year;
    const row = rows.find((r) => r.year === year);
    if (!row) throw new Error(`year ${m.year} is outside the run (${Math.min(...years)}–${Math.max(...years)})`);
    return { year, value: m.across === "mean" ? row.mean : row.q50 };
  };
}

export interface Ctx {
  runs: Map<string, ResolvedRun>;
  read: MeasureReader;
  measures: MeasureValue[];
}

/** The value of a statistic; records each measure it reads. */
export function evaluate(e: Expr, ctx: Ctx): number {
  if ("metric" in e) {
    const run = ctx.runs.get(e.run)!;
    const { year, value } = ctx.read(e);
    if (!ctx.measures.some((m) => m.run === e.run && m.metric === e.metric && m.group === e.group && m.year === year && m.across === e.across))
      ctx.measures.push({ ...e, label: run.label, regime: run.regime, year, value });
    return value;
  }
  if ("param" in e) {
    const v = ctx.runs.get(e.run)!.settings[e.param];
    if (v === undefined) throw new Error(`unknown parameter "${e.param}"`);
    return v;
  }
  if ("const" in e) return e.const;
  if ("complement" in e) return 1 - evaluate(e.complement, ctx);
  if ("ratio" in e) return evaluate(e.ratio[0], ctx) / evaluate(e.ratio[1], ctx);
  if ("diff" in e) return evaluate(e.diff[0], ctx) - evaluate(e.diff[1], ctx);
  return evaluate(e.rel[0], ctx) / evaluate(e.rel[1], ctx) - 1;
}

const meets = (v: number, t: Threshold) => (t.op === ">=" ? v >= t.value : t.op === "<=" ? v <= t.value : t.op === ">" ? v > t.value : v < t.value);

/**
 * A statistic in words, for reasons and tables.
 * @example formatStatistic(-0.0124, "percent") // => "−1.24%"
 * @example formatStatistic(4.36, "ratio") // => "4.36×"
 */
export function formatStatistic(v: number, format: ReproductionTest["format"]): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return format === "usd" ? "$0" : format === "ratio" ? "0×" : format === "number" ? "0" : "0%";
  const sign = v < 0 ? "−" : "";
  const a = Math.abs(v);
  const sig = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
  if (format === "percent") return `${sign}${sig(a * 100)}%`;
  if (format === "share") return `${sign}${(a * 100).toPrecision(2)}%`;
  if (format === "ratio") return `${sign}${sig(a)}×`;
  if (format === "usd") return a >= 1e12 ? `${sign}$${sig(a / 1e12)}tn` : a >= 1e9 ? `${sign}$${sig(a / 1e9)}bn` : a >= 1e6 ? `${sign}$${sig(a / 1e6)}M` : `${sign}$${Math.round(a).toLocaleString("en-US")}`;
  return `${sign}${Number(a.toPrecision(4)).toLocaleString("en-US")}`;
}

const OP_TEXT: Readonly<Record<Threshold["op"], string>> = { ">=": "at least", "<=": "at most", ">": "above", "<": "below" };

/** Thresholds in words: "above 0% and at most 24%". */
export function thresholdText(ts: readonly Threshold[], format: ReproductionTest["format"]): string {
  return ts.map((t) => `${OP_TEXT[t.op]} ${formatStatistic(t.value, format)}`).join(" and ");
}

/** Apply a test's thresholds to its value. */
export function judgeTest(test: ReproductionTest, value: number): TestResult {
  const verdict: Verdict = test.reproduced.every((t) => meets(value, t)) ? "reproduced" : test.partly?.every((t) => meets(value, t)) ? "partly" : "not";
  const need = `reproduced if ${thresholdText(test.reproduced, test.format)}${test.partly ? `, partly if ${thresholdText(test.partly, test.format)}` : ""}`;
  const reason = `${test.label}: ${formatStatistic(value, test.format)} (${need}): ${VERDICT_TEXT[verdict].toLowerCase()}.`;
  return { id: test.id, label: test.label, format: test.format, value, verdict, reproduced: test.reproduced, partly: test.partly, reason };
}

/** The verdict of a reproduction from its tests' verdicts (see the module comment). */
export function overallVerdict(tests: readonly Pick<TestResult, "verdict">[]): Verdict {
  if (tests.every((t) => t.verdict === "reproduced")) return "reproduced";
  return tests.every((t) => t.verdict === "not") ? "not" : "partly";
}

/**
 * The counts, then each test's value and verdict:
 * "1 of 2 tests reproduced, 0 partly, 1 not. With negotiation feasible, …: −1.28%, not reproduced. How much …: 0.23%, reproduced."
 */
function overallReason(tests: readonly TestResult[]): { counts: string; reason: string } {
  const n = (v: Verdict) => tests.filter((t) => t.verdict === v).length;
  const each = tests.map((t) => `${t.label}: ${formatStatistic(t.value, t.format)}, ${VERDICT_TEXT[t.verdict].toLowerCase()}`).join(". ");
  const counts = `${n("reproduced")} of ${tests.length} test${tests.length === 1 ? "" : "s"} reproduced, ${n("partly")} partly, ${n("not")} not.`;
  return { counts, reason: `${counts} ${each}.` };
}

/**
 * The `simulate` commands that print every measure: one per group of runs sharing a scenario and
 * settings, filtered with grep to the measures' year, metric and group rows of `--summary`.
 */
export function reproductionCommands(runs: readonly ResolvedRun[], measures: readonly MeasureValue[], seedsText: string): string[] {
  const groups = new Map<string, { runs: ResolvedRun[] }>();
  for (const r of runs) {
    const key = JSON.stringify([r.scenario ?? "", r.sets]);
    const g = groups.get(key) ?? { runs: [] };
    g.runs.push(r);
    groups.set(key, g);
  }
  return [...groups.values()].map(({ runs: rs }) => {
    const { scenario, sets } = rs[0];
    const ids = new Set(rs.map((r) => r.id));
    const rows = [...new Set(measures.filter((m) => ids.has(m.run)).map((m) => `${m.year},${m.metric},${m.group ?? ""}`))];
    const parts = ["npm run simulate --", ...(scenario ? [`--scenario ${scenario}`] : []), `--regime ${[...new Set(rs.map((r) => r.regime))].join(",")}`,
      ...sets.map(([k, v]) => `--set ${k}=${v}`), `--seeds ${seedsText}`, "--summary --quiet"];
    return rows.length ? `${parts.join(" ")} | grep -E ',(${rows.join("|")}),'` : parts.join(" ");
  });
}

/**
 * Run one reproduction and judge it.
 * @throws Error naming the reproduction and the bad run, parameter, metric or year
 * @example runReproduction(registry, reps[0]).verdict // => "reproduced", "partly" or "not"
 */
export function runReproduction(registry: Registry, rep: Reproduction): ReproductionResult {
  const seeds = parseSeeds(rep.seeds);
  if (!seeds.ok) throw new Error(`${rep.id}: ${seeds.message}`);
  const runs = resolveRuns(registry, rep);
  const outputs = new Map(runs.map((r) => [r.id, runEnsemble([r.regime], r.settings, seeds.seeds)]));
  const { tests, measures } = judgeTests(rep, runs, (m) => readMeasure(m, outputs.get(m.run)!));
  const { runs: _r, tests: _t, seeds: _s, settings: _st, ...text } = rep;
  return {
    ...text, seeds: seeds.seeds, seedsText: rep.seeds, runs, measures, tests,
    verdict: overallVerdict(tests), ...overallReason(tests), commands: reproductionCommands(runs, measures, rep.seeds),
  };
}

/**
 * Compute and judge every test of a reproduction from measures read by `read` (shared by the build,
 * which reads runs, and the page's re-run in the browser, which reads the worker's summaries).
 * @throws Error naming the reproduction and test of a bad metric, year or parameter
 */
export function judgeTests(rep: Pick<Reproduction, "id" | "tests">, runs: readonly ResolvedRun[], read: MeasureReader): { tests: TestResult[]; measures: MeasureValue[]; verdict: Verdict } {
  const ctx: Ctx = { runs: new Map(runs.map((r) => [r.id, r])), read, measures: [] };
  const tests = rep.tests.map((t) => {
    try {
      return judgeTest(t, evaluate(t.statistic, ctx));
    } catch (e) {
      throw new Error(`${rep.id}: test ${t.id}: ${(e as Error).message}`);
    }
  });
  return { tests, measures: ctx.measures, verdict: overallVerdict(tests) };
}

/** Run every reproduction, in file order. */
export function runReproductions(registry: Registry, reps: readonly Reproduction[]): ReproductionResult[] {
  return reps.map((r) => runReproduction(registry, r));
}
