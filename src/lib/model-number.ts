/**
 * Model results quoted in prose, computed when the site is built (issue 16 item 4): a spec names a
 * regime, a metric, a year (or a window of years), seeds, a statistic across seeds and the settings (a
 * scenario and/or parameter overrides); `modelValue` runs it through `buildRuns` (so pages share runs
 * with the figures) and `formatModelNumber` writes it the way the prose does ("$4.3bn", "33.5%").
 * Derived forms: the difference, ratio or percent change against a second spec (`vs`).
 * Not responsible for markup (src/components/ModelNumber.astro) or for wording that depends on the
 * numbers (those sentences carry a `depends on model` comment for a person to re-read).
 */
import {
  METRIC_BY_NAME, REGIME_IDS, SERIES_KEYS, defaultSettings, parseSeeds, validateSettings,
  type Registry, type RunOutput, type Settings,
} from "../../models/index";
import { buildRuns } from "./build-runs";

export const STATS = ["mean", "median", "min", "max"] as const;
export const WINDOW_STATS = ["sum", "mean", "min", "max"] as const;
export const FORMATS = ["usd-bn", "usd-m", "usd", "percent", "points", "count", "ratio", "number"] as const;
export const OPS = ["difference", "ratio", "change"] as const;
export type Stat = (typeof STATS)[number];
export type Format = (typeof FORMATS)[number];
export type Op = (typeof OPS)[number];

export interface NumberSpec {
  /** Regime id; may be left out when the scenario has exactly one regime. */
  regime?: string;
  /** A metric name or a series key `metric|group` (e.g. `creator_ai_revenue|d10`). */
  metric: string;
  /** Groups of a grouped metric to add up (e.g. the bottom half, d01–d05); `metric` is then the metric name. */
  groups?: string[];
  /** Calendar year; defaults to the last simulated year. */
  year?: number;
  /** A window of years instead of one, "2025..2035", aggregated per seed by `window` (default sum). */
  years?: string;
  window?: (typeof WINDOW_STATS)[number];
  /** Seeds, "1..5" or "1,3,7" (default 1..5). */
  seeds?: string;
  /** Statistic across seeds (default mean). */
  stat?: Stat;
  /** A scenario id (scenarios/<id>.yaml) whose overrides apply first. */
  scenario?: string;
  /** Parameter overrides on top of the scenario (numbers, or option values as numbers). */
  set?: Record<string, unknown>;
}

export interface ResolvedSpec { regime: string; key: string; keys: string[]; settings: Settings; seeds: number[]; from: number; to: number; window: string; stat: Stat }

const fail = (field: string, why: string): never => { throw new Error(`ModelNumber: ${field} ${why}`); };
const oneOf = <T extends string>(field: string, v: string | undefined, allowed: readonly T[], dflt: T): T =>
  v === undefined ? dflt : (allowed as readonly string[]).includes(v) ? (v as T) : fail(field, `${JSON.stringify(v)} is not allowed (allowed: ${allowed.join(", ")})`);

/** Settings of a spec: defaults, then the scenario's overrides, then `set` (every id and value validated). */
function specSettings(registry: Registry, spec: NumberSpec): { settings: Settings; scenarioRegimes: string[] } {
  let settings = defaultSettings(registry);
  let scenarioRegimes: string[] = [];
  if (spec.scenario !== undefined) {
    const f = registry.scenarios.get(spec.scenario);
    if (!f) fail("scenario", `${JSON.stringify(spec.scenario)} is not a scenario (allowed: ${[...registry.scenarios.keys()].sort().join(", ")})`);
    settings = { ...settings, ...Object.fromEntries(Object.entries(f!.overrides).map(([k, v]) => [k, Number(v)])) };
    scenarioRegimes = [...f!.regimes];
  }
  const { settings: set, problems } = validateSettings(registry, Object.entries(spec.set ?? {}));
  if (problems.length) fail("set", problems.join("; "));
  return { settings: { ...settings, ...set }, scenarioRegimes };
}

/**
 * Validate a spec completely and fill in its defaults; throws an error naming the bad field and the allowed values.
 * @example resolveSpec(reg, { regime: "compulsory", metric: "creator_ai_revenue" }).from // => 2035
 */
export function resolveSpec(registry: Registry, spec: NumberSpec): ResolvedSpec {
  if (!(SERIES_KEYS as readonly string[]).includes(spec.metric)) {
    const names = [...METRIC_BY_NAME.keys()];
    fail("metric", `${JSON.stringify(spec.metric)} is not a model metric or series key (allowed: ${names.join(", ")}, or metric|group for grouped metrics)`);
  }
  const keys = spec.groups === undefined ? [spec.metric] : spec.groups.map((g) => `${spec.metric}|${g}`);
  for (const k of keys) if (!(SERIES_KEYS as readonly string[]).includes(k))
    fail("groups", `${JSON.stringify(k.split("|")[1])} is not a group of ${spec.metric} (allowed: ${SERIES_KEYS.filter((x) => x.startsWith(`${spec.metric}|`)).map((x) => x.split("|")[1]).join(", ") || "none, the metric has no groups"})`);
  const { settings, scenarioRegimes } = specSettings(registry, spec);
  const regime = spec.regime ?? (scenarioRegimes.length === 1 ? scenarioRegimes[0] : fail("regime", `is required${spec.scenario ? ` (scenario ${spec.scenario} has regimes ${scenarioRegimes.join(", ")})` : ""} (allowed: ${REGIME_IDS.join(", ")})`));
  if (!(REGIME_IDS as readonly string[]).includes(regime)) fail("regime", `${JSON.stringify(regime)} is not a regime (allowed: ${REGIME_IDS.join(", ")})`);
  const seedsParsed = parseSeeds(spec.seeds ?? "1..5");
  if (!seedsParsed.ok) fail("seeds", seedsParsed.message);
  const y0 = settings["sim.start_year"], y1 = y0 + settings["sim.years"] - 1;
  let from: number, to: number;
  if (spec.years !== undefined) {
    const m = /^(\d{4})\.\.(\d{4})$/.exec(spec.years);
    if (!m) fail("years", `${JSON.stringify(spec.years)} is not a window like "2025..2035"`);
    [from, to] = [Number(m![1]), Number(m![2])];
  } else from = to = spec.year ?? y1;
  if (!(from >= y0 && to <= y1 && from <= to && Number.isInteger(from) && Number.isInteger(to)))
    fail(spec.years ? "years" : "year", `${spec.years ?? spec.year} is outside the simulated years (allowed: ${y0} to ${y1})`);
  return {
    regime, key: spec.groups ? `${spec.metric}|${spec.groups.join("+")}` : spec.metric, keys, settings, seeds: (seedsParsed as { seeds: number[] }).seeds, from, to,
    window: oneOf("window", spec.window, WINDOW_STATS, "sum"), stat: oneOf("stat", spec.stat, STATS, "mean"),
  };
}

const agg = (v: number[], how: string): number => {
  if (how === "min") return Math.min(...v);
  if (how === "max") return Math.max(...v);
  if (how === "median") { const s = [...v].sort((a, b) => a - b), h = s.length / 2; return s.length % 2 ? s[Math.floor(h)] : (s[h - 1] + s[h]) / 2; }
  const sum = v.reduce((a, b) => a + b, 0);
  return how === "sum" ? sum : sum / v.length;
};

/** One value per seed of a resolved spec, from runs of its regime (in seed order). */
export function perSeed(r: ResolvedSpec, runs: readonly RunOutput[]): number[] {
  return runs.map((run) => {
    const vals: number[] = [];
    for (let y = r.from; y <= r.to; y++) vals.push(r.keys.reduce((a, k) => a + run.series[k][y - run.startYear], 0));
    return agg(vals, r.window);
  });
}

/**
 * The statistic across seeds of a spec's metric (model units: USD, shares 0–1, counts), run at build time.
 * @example modelValue(reg, { regime: "fair-use", metric: "creator_ai_revenue", year: 2035, seeds: "1..5" }) // => about 4.6e8
 */
export function modelValue(registry: Registry, spec: NumberSpec): number {
  const r = resolveSpec(registry, spec);
  return agg(perSeed(r, buildRuns([r.regime], r.settings, r.seeds)), r.stat);
}

/** Combine a value with the value of a second spec: `a − b`, `a ÷ b`, or the percent change `a ÷ b − 1`. */
export function combine(a: number, b: number, op: Op): number {
  return op === "difference" ? a - b : op === "ratio" ? a / b : a / b - 1;
}

const fmt = (v: number, digits: number) => new Intl.NumberFormat("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(v);
/** Decimal places the prose uses by default: none from 100 (or 10 for percents), one from 1, else two significant figures. */
const autoDigits = (a: number, tens: number) => (a >= tens ? 0 : a >= 1 ? 1 : a === 0 ? 0 : Math.max(1, 1 - Math.floor(Math.log10(a))));

/**
 * Text of a model value as the prose writes it; `digits` fixes the decimal places.
 * @example formatModelNumber(4.31e9, "usd-bn") // => "$4.3bn"
 * @example formatModelNumber(0.335, "percent", 1) // => "33.5%"
 * @example formatModelNumber(3.52, "ratio") // => "3.5×"
 */
export function formatModelNumber(value: number, format: Format | string, digits?: number): string {
  if (!Number.isFinite(value)) throw new Error(`ModelNumber: value ${value} is not finite (format ${format})`);
  const f = oneOf("format", format, FORMATS, "number");
  const scaled = f === "usd-bn" ? value / 1e9 : f === "usd-m" ? value / 1e6 : f === "percent" || f === "points" ? value * 100 : value;
  const a = Math.abs(scaled);
  const d = digits ?? (f === "count" ? 0 : autoDigits(a, f === "percent" || f === "points" ? 10 : 100));
  const sign = scaled < 0 ? "−" : "";
  const n = fmt(a, d);
  switch (f) {
    case "usd-bn": return `${sign}$${n}bn`;
    case "usd-m": return `${sign}$${n}M`;
    case "usd": return `${sign}$${n}`;
    case "percent": return `${sign}${n}%`;
    case "points": return `${sign}${n} percentage points`;
    case "ratio": return `${sign}${n}×`;
    default: return `${sign}${n}`;
  }
}

export interface ModelNumberProps extends NumberSpec {
  format: Format;
  digits?: number;
  /** A second spec, written as changes to this one, to compare against with `op`. */
  vs?: Partial<NumberSpec>;
  op?: Op;
  /** Show the absolute value (for "falls by $Xbn" where the sign is in the words). */
  abs?: boolean;
}

/** The value and text a ModelNumber renders, with a provenance line for its title. */
export function modelNumber(registry: Registry, p: ModelNumberProps): { value: number; text: string; title: string } {
  const base: NumberSpec = { regime: p.regime, metric: p.metric, groups: p.groups, year: p.year, years: p.years, window: p.window, seeds: p.seeds, stat: p.stat, scenario: p.scenario, set: p.set };
  let value = modelValue(registry, base);
  if (p.vs !== undefined || p.op !== undefined) {
    if (p.vs === undefined) fail("vs", `is required with op ${p.op}`);
    const op = oneOf("op", p.op, OPS, "difference");
    value = combine(value, modelValue(registry, { ...base, ...p.vs, set: { ...base.set, ...p.vs!.set } }), op);
  }
  if (p.abs) value = Math.abs(value);
  const r = resolveSpec(registry, base);
  const when = r.from === r.to ? `${r.from}` : `${r.from}–${r.to}`;
  const title = `Model result: ${r.key}, ${r.regime}, ${when}, ${r.stat} of seeds ${spec(p.seeds ?? "1..5")}${p.scenario ? `, scenario ${p.scenario}` : ""}${p.op ? `, ${p.op} against a second run` : ""}; computed when the site was built`;
  return { value, text: formatModelNumber(value, p.format, p.digits), title };
}
const spec = (s: string) => s.replace("..", "–");
