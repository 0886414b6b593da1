/**
 * The explorer's state in the URL query: every non-default parameter (its id as the key), the seeds
 * (`seeds=1..20`), the regimes shown when not the default five (`regimes=compulsory,licensing`), a named scenario
 * (`scenario=eu-opt-out`), the comparison chart's choices when not the defaults (`cmp_metric`,
 * `cmp_window`, `cmp_year`, `cmp_ref`; `ComparisonUrl`) and the model version (`v=1.0.0`). Pure functions
 * (no `window`), tested in Node.
 *
 * Parsing never throws: bad values, unknown keys and bad seeds become `problems` (the model's own
 * messages naming the key, the value and the allowed range) and fall back to defaults. A link made with
 * an older model version is migrated through the model's table (`MIGRATIONS`) before validation, and
 * the reader is told what was renamed or dropped.
 *
 * Migration rules for the non-parameter keys: `seeds`, `regimes`, `scenario`, `v` and the `cmp_*` keys
 * are not parameters and never pass through the parameter migration table. The `cmp_*` keys were added
 * after model 2.0.0; a link without them (any older link) shows the comparison's defaults, and a regime
 * id in `cmp_ref` is checked against the regimes this version knows (an unknown one is a problem naming
 * the allowed ids, and the comparison stays absolute). A renamed regime would get a rule here.
 * Not responsible for resolving a scenario id (src/scripts/explorer/scenario-file.ts does, lazily).
 */
import {
  DEFAULT_REGIME_IDS, DEFAULT_SEEDS, MIGRATIONS, MODEL_VERSION, REGIME_IDS, VERSION_TEXT, checkRegimes, compareVersions, formatSeeds, formatValue, migrateEntries,
  nonDefault, parseSeeds, validateSettings, type Migration, type Registry, type Settings,
} from "../../models/index";
import { COMPARISON_METRICS } from "./charts/comparison";

/** Most seeds the explorer runs (the model allows more, for the CLI). */
export const EXPLORER_MAX_SEEDS = 200;
/** Longest value kept in a message or a scenario id (a 100 kB query value is cut, not echoed). */
const MAX_ID = 100;

/** The comparison chart's choices (src/scripts/explorer/comparison-view.ts). */
export interface ComparisonUrl {
  /** One of `COMPARISON_METRICS`. */
  metric: string;
  window: "final" | "cumulative";
  /** The year shown in the "final" window; null = the run's last year. */
  year: number | null;
  /** Reference regime of the relative view; null = absolute values. */
  reference: string | null;
}
export const DEFAULT_COMPARISON: ComparisonUrl = { metric: COMPARISON_METRICS[0], window: "final", year: null, reference: null };
const CMP_WINDOWS = ["final", "cumulative"] as const;
/** First and last year a `cmp_year` may name (the model's start year and run length bound it further on the page). */
const CMP_YEARS = [2000, 2200] as const;

export interface UrlState {
  /** Valid settings from the query (invalid ones are left out). */
  settings: Settings;
  seeds: number[];
  /** True when the query set the seeds (validly): they win over a scenario's seeds. */
  seedsGiven: boolean;
  /** Regimes from `regimes=`, or null when absent or invalid (then: the scenario's, else the default five, `DEFAULT_REGIME_IDS`). */
  regimes: string[] | null;
  /** The `scenario` id in the link, or null. Not checked here. */
  scenario: string | null;
  /** The comparison's choices: the defaults, with what the link set validly. */
  comparison: ComparisonUrl;
  /** The `v` in the link, or null when absent or not a version. */
  version: string | null;
  /** One line per problem, each naming the key, the value and what is allowed. */
  problems: string[];
  /** Set when the link was made with another model version (a note, not an error). */
  versionNote?: string;
  /** What the migration did, one line per renamed or dropped key. */
  migrated: string[];
}

const quote = (s: string) => JSON.stringify(s.length > 60 ? s.slice(0, 57) + "..." : s);

/**
 * Read the explorer state from a query string (with or without the leading "?").
 * @example parseUrlState("?compulsory.royalty_rate=0.15&seeds=1..5&v=1.0.0", registry)
 *   // => { settings: { "compulsory.royalty_rate": 0.15 }, seeds: [1, 2, 3, 4, 5], version: "1.0.0", problems: [], … }
 * @example parseUrlState("?v=0.9.0", registry).versionNote
 *   // => "This link was made with model version 0.9.0; you are viewing 1.0.0, so the numbers may differ. …"
 */
export function parseUrlState(search: string, registry: Registry, migrations: readonly Migration[] = MIGRATIONS): UrlState {
  const params = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search);
  let entries: [string, string][] = [];
  const problems: string[] = [];
  let seeds = [...DEFAULT_SEEDS];
  let seedsGiven = false;
  let regimes: string[] | null = null;
  let scenario: string | null = null;
  let version: string | null = null;
  const comparison: ComparisonUrl = { ...DEFAULT_COMPARISON };
  const seen = new Set<string>();
  const once = (key: string): boolean => {
    if (seen.has(key)) { problems.push(`${key}: given more than once (allowed: one value)`); return false; }
    seen.add(key);
    return true;
  };
  for (const [key, value] of params) {
    if (key === "seeds") {
      if (!once(key)) continue;
      const r = parseSeeds(value);
      if (!r.ok) problems.push(value.length > 60 ? `seeds: ${quote(value)} is not valid (allowed: a count, a range a..b or a list a,b,c)` : r.message);
      else if (r.seeds.length > EXPLORER_MAX_SEEDS)
        problems.push(`seeds: ${quote(value)} lists ${r.seeds.length} seeds (allowed in the explorer: 1 to ${EXPLORER_MAX_SEEDS} seeds)`);
      else { seeds = r.seeds; seedsGiven = true; }
    } else if (key === "v") {
      if (!once(key)) continue;
      if (VERSION_TEXT.test(value)) version = value;
      else problems.push(`v: ${quote(value)} is not a model version (allowed: major.minor.patch, such as ${MODEL_VERSION})`);
    } else if (key === "regimes") {
      if (!once(key)) continue;
      const ids = value.split(",").map((s) => s.trim());
      const bad = checkRegimes(ids.filter((s) => s !== ""), "regimes").map((m) => (m.length > 300 ? m.slice(0, 297) + "..." : m));
      if (ids.some((s) => s === "")) bad.push(`regimes: ${quote(value)} has an empty regime id (allowed: ${REGIME_IDS.join(", ")})`);
      else if (new Set(ids).size !== ids.length) bad.push(`regimes: ${quote(value)} lists a regime twice (allowed: ${REGIME_IDS.join(", ")})`);
      if (bad.length) problems.push(...bad);
      else regimes = ids;
    } else if (key === "scenario") {
      if (!once(key)) continue;
      if (value.trim() === "" || value.length > MAX_ID) problems.push(`scenario: ${quote(value)} is not a scenario id`);
      else scenario = value;
    } else if (key.startsWith("cmp_")) {
      if (!once(key)) continue;
      const p = parseComparisonKey(key, value, comparison);
      if (p) problems.push(p);
    } else if (key.length > MAX_ID) {
      // The model's message for an unknown id, without the typo search (no id is this long).
      problems.push(`unknown parameter ${quote(key)}`);
    } else entries.push([key, value]);
  }
  const state: UrlState = { settings: {}, seeds, seedsGiven, regimes, scenario, comparison, version, problems, migrated: [] };
  if (version !== null && compareVersions(version, MODEL_VERSION) < 0) {
    const m = migrateEntries(version, entries, migrations);
    entries = m.entries;
    state.migrated = m.notes;
    state.versionNote = `This link was made with model version ${version}; you are viewing ${MODEL_VERSION}, so the numbers may differ. ` +
      (m.notes.length ? "Settings that were migrated or dropped:" : "No settings needed migrating.");
  } else if (version !== null && compareVersions(version, MODEL_VERSION) > 0) {
    state.versionNote = `This link was made with model version ${version}, newer than the ${MODEL_VERSION} this page runs; settings this version does not know are listed as problems, and the numbers may differ.`;
  }
  const checked = validateSettings(registry, entries);
  state.settings = checked.settings;
  problems.push(...checked.problems);
  return state;
}

/**
 * Read one `cmp_*` key into `into`; returns the problem (naming the key, the value and what is allowed), if any.
 * @example parseComparisonKey("cmp_window", "weekly", c) // => 'cmp_window: "weekly" is not a time window (allowed: final, cumulative)'
 */
export function parseComparisonKey(key: string, value: string, into: ComparisonUrl): string | undefined {
  switch (key) {
    case "cmp_metric":
      if (!(COMPARISON_METRICS as readonly string[]).includes(value)) return `cmp_metric: ${quote(value)} is not a comparison metric (allowed: ${COMPARISON_METRICS.join(", ")})`;
      into.metric = value;
      return;
    case "cmp_window":
      if (!(CMP_WINDOWS as readonly string[]).includes(value)) return `cmp_window: ${quote(value)} is not a time window (allowed: ${CMP_WINDOWS.join(", ")})`;
      into.window = value as ComparisonUrl["window"];
      return;
    case "cmp_year": {
      const y = /^\d{4}$/.test(value) ? Number(value) : NaN;
      if (!(y >= CMP_YEARS[0] && y <= CMP_YEARS[1])) return `cmp_year: ${quote(value)} is not a year (allowed: a year of the run, such as 2035)`;
      into.year = y;
      return;
    }
    case "cmp_ref":
      if (!(REGIME_IDS as readonly string[]).includes(value)) return `cmp_ref: ${quote(value)} is not a regime (allowed: ${REGIME_IDS.join(", ")})`;
      into.reference = value;
      return;
    default:
      return `${quote(key).slice(1, -1)}: unknown comparison key (allowed: cmp_metric, cmp_window, cmp_year, cmp_ref)`;
  }
}

/** The `cmp_*` parts of a query for the comparison's choices, only those that differ from the defaults. @example comparisonParts({ ...DEFAULT_COMPARISON, reference: "fair-use" }) // => ["cmp_ref=fair-use"] */
export function comparisonParts(c: ComparisonUrl): string[] {
  const out: string[] = [];
  if (c.metric !== DEFAULT_COMPARISON.metric) out.push(`cmp_metric=${enc(c.metric)}`);
  if (c.window !== DEFAULT_COMPARISON.window) out.push(`cmp_window=${enc(c.window)}`);
  if (c.year !== null && c.window === "final") out.push(`cmp_year=${c.year}`);
  if (c.reference !== null) out.push(`cmp_ref=${enc(c.reference)}`);
  return out;
}

/** `encodeURIComponent`, keeping the characters seed lists use readable. */
function enc(s: string): string {
  return encodeURIComponent(s).replaceAll("%2C", ",");
}

/**
 * Text of a seed list that `parseSeeds` reads back as the same list. `formatSeeds([5])` gives "5", which
 * `parseSeeds` reads as a count (seeds 1..5), so a single seed other than 1 is written as a range "5..5".
 * @example seedsText([5]) // => "5..5"
 * @example seedsText([1, 2, 3]) // => "1..3"
 */
export function seedsText(seeds: readonly number[]): string {
  return formatSeeds(seeds);
}

export interface UrlExtras {
  /** A named scenario; its own override keys are always written, so that moving one back to its default survives a reload. */
  scenario?: { id: string; overrides: Settings } | null;
  /** Regimes shown, in order (the order of the per-seed rows); written unless the default five in the model's order. */
  regimes?: readonly string[];
  /** The comparison chart's choices; written where they differ from the defaults. */
  comparison?: ComparisonUrl;
}

/**
 * The query string (with "?") for a state: the scenario, then non-default settings sorted by id, then
 * regimes (when not the default five), seeds and the version.
 * @example formatUrlState({ "compulsory.royalty_rate": 0.15, "optout.adoption": 0.4 }, [1, 2, 3], registry)
 *   // => "?compulsory.royalty_rate=0.15&seeds=1..3&v=1.0.0" (when 0.4 is the default adoption)
 */
export function formatUrlState(settings: Settings, seeds: readonly number[], registry: Registry, extras: UrlExtras = {}): string {
  const scen = extras.scenario;
  const keep = new Map(nonDefault(registry, settings));
  if (scen) for (const id of Object.keys(scen.overrides)) if (registry.byId.has(id) && id in settings) keep.set(id, settings[id]);
  const parts = scen ? [`scenario=${enc(scen.id)}`] : [];
  for (const [id, v] of [...keep].sort(([a], [b]) => (a < b ? -1 : 1))) parts.push(`${enc(id)}=${enc(formatValue(v))}`);
  const regimes = extras.regimes;
  if (regimes && regimes.join(",") !== DEFAULT_REGIME_IDS.join(","))
    parts.push(`regimes=${enc(regimes.join(","))}`);
  if (extras.comparison) parts.push(...comparisonParts(extras.comparison));
  parts.push(`seeds=${enc(seedsText(seeds))}`, `v=${enc(MODEL_VERSION)}`);
  return `?${parts.join("&")}`;
}
