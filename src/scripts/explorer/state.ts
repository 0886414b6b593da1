/**
 * The explorer's state, apart from its views: the settings (every parameter, always valid), the seeds,
 * the regimes shown and the loaded scenario. Pure (no DOM, no `window`), tested in Node
 * (tests/explorer-state.test.ts).
 *
 * Every change goes through `applyChange`, which validates at the boundary with the model's own
 * `validateSettings` (and the explorer's seed limit): an invalid change leaves the state as it was and
 * returns the model's message. What is derived from the state — the URL query, the citation, the scenario
 * file, the run request — is computed from validated state only, by the functions below.
 * Not responsible for reading the page (controls-view.ts), running the model (runner.ts) or parsing
 * scenario files (scenario-file.ts, loaded lazily).
 */
import { MODEL_VERSION } from "../../../models/version";
import { DEFAULT_SEEDS } from "../../../models/engine/seeds";
import { DEFAULT_REGIME_IDS, REGIME_IDS } from "../../../models/regimes/types";
import { defaultSettings, nonDefault, validateSettings, type Settings } from "../../../models/params/validate";
import type { Registry } from "../../../models/params/registry";
import { DEFAULT_COMPARISON, EXPLORER_MAX_SEEDS, formatUrlState, parseComparisonKey, seedsText, type ComparisonUrl, type UrlState } from "../../lib/url-state";
import type { CiteInput } from "../../lib/cite";
import { scenarioYaml } from "./scenario-yaml";
import type { LoadedScenario } from "./scenario-file";

/** Largest scenario file read (bytes); real ones are about 1 kB. */
export const MAX_SCENARIO_BYTES = 256 * 1024;
/** Scenario column when no scenario is loaded: what `simulate` writes without `--scenario`. */
export const NO_SCENARIO = "custom";

/** A loaded scenario: named (from `?scenario=`, kept in the URL) or uploaded. */
export type ShownScenario = Omit<LoadedScenario, "problems"> & { named: boolean };

export interface ExplorerState {
  /** Every parameter id → a valid value. */
  readonly settings: Readonly<Settings>;
  /** Seeds run, 1 to `EXPLORER_MAX_SEEDS` of them. */
  readonly seeds: readonly number[];
  /** Regimes shown, in order (the order of the per-seed rows). */
  readonly regimes: readonly string[];
  readonly scenario: ShownScenario | null;
  /** The comparison chart's choices (metric, window, year, reference regime), kept in the URL. */
  readonly comparison: ComparisonUrl;
}

/** One change, whatever its origin (slider, button, URL, scenario, upload). `value` is unchecked input. */
export type Change =
  | { kind: "set"; id: string; value: unknown }
  | { kind: "reset"; id: string }
  | { kind: "seed-count"; value: unknown }
  | { kind: "reset-seeds" }
  | { kind: "reset-all" }
  | { kind: "regimes"; value: readonly string[] }
  | { kind: "comparison"; value: ComparisonUrl }
  | { kind: "scenario"; scenario: LoadedScenario; named: boolean };

export interface ChangeResult {
  state: ExplorerState;
  /** The model's messages for what was refused (the state keeps its old value); empty when all applied. */
  problems: string[];
}

/** Defaults: every parameter at its default, the default seeds, the regimes shown by default, no scenario. */
export function defaultState(registry: Registry): ExplorerState {
  return { settings: defaultSettings(registry), seeds: [...DEFAULT_SEEDS], regimes: [...DEFAULT_REGIME_IDS], scenario: null, comparison: DEFAULT_COMPARISON };
}

/** Seeds 1..n for a count, or the reason the count is refused. @example seedsForCount("3") // => { ok: true, seeds: [1, 2, 3] } */
export function seedsForCount(value: unknown): { ok: true; seeds: number[] } | { ok: false; message: string } {
  const n = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > EXPLORER_MAX_SEEDS)
    return { ok: false, message: `seeds: ${JSON.stringify(String(value).slice(0, 60))} is not a number of seeds (allowed: whole numbers 1 to ${EXPLORER_MAX_SEEDS})` };
  return { ok: true, seeds: Array.from({ length: n }, (_, i) => i + 1) };
}

/** The known regimes of a list, in its order, each once; the regimes shown by default when none is known (or no list). */
function knownRegimes(list: readonly string[] | null | undefined): string[] {
  const known = [...new Set((list ?? []).filter((r) => (REGIME_IDS as readonly string[]).includes(r)))];
  return known.length ? known : [...DEFAULT_REGIME_IDS];
}

/** A scenario's valid parts on the defaults: its overrides, its regimes and its seeds (the defaults' if too many). */
function withScenario(registry: Registry, loaded: LoadedScenario, named: boolean): ExplorerState {
  const { problems: _problems, ...scenario } = loaded;
  const checked = validateSettings(registry, Object.entries(loaded.overrides)).settings;
  return {
    settings: { ...defaultSettings(registry), ...checked },
    regimes: knownRegimes(loaded.regimes),
    seeds: loaded.seeds && loaded.seeds.length > 0 && loaded.seeds.length <= EXPLORER_MAX_SEEDS ? [...loaded.seeds] : [...DEFAULT_SEEDS],
    scenario: { ...scenario, overrides: checked, named },
    comparison: DEFAULT_COMPARISON,
  };
}

/**
 * The state after a change, validated; a refused change returns the old state and the reason.
 * @example applyChange(registry, s, { kind: "set", id: "compulsory.royalty_rate", value: "0.1" }).state.settings["compulsory.royalty_rate"] // => 0.1
 * @example applyChange(registry, s, { kind: "set", id: "compulsory.royalty_rate", value: 5 }).problems
 *   // => ["compulsory.royalty_rate: 5 is outside the allowed range 0 to 0.2"]
 */
export function applyChange(registry: Registry, state: ExplorerState, change: Change): ChangeResult {
  switch (change.kind) {
    case "set": {
      const checked = validateSettings(registry, [[change.id, change.value]]);
      if (checked.problems.length) return { state, problems: checked.problems };
      return { state: { ...state, settings: { ...state.settings, ...checked.settings } }, problems: [] };
    }
    case "reset": {
      const r = registry.byId.get(change.id);
      if (!r) return { state, problems: validateSettings(registry, [[change.id, 0]]).problems };
      return { state: { ...state, settings: { ...state.settings, [r.id]: r.default } }, problems: [] };
    }
    case "seed-count": {
      const s = seedsForCount(change.value);
      return s.ok ? { state: { ...state, seeds: s.seeds }, problems: [] } : { state, problems: [s.message] };
    }
    case "reset-seeds":
      return { state: { ...state, seeds: [...DEFAULT_SEEDS] }, problems: [] };
    case "reset-all":
      return { state: defaultState(registry), problems: [] };
    case "regimes": {
      const known = REGIME_IDS.filter((id) => change.value.includes(id));
      return known.length ? { state: { ...state, regimes: known }, problems: [] } : { state, problems: ["regimes: choose at least one regime"] };
    }
    case "scenario":
      return { state: { ...withScenario(registry, change.scenario, change.named), comparison: state.comparison }, problems: [] };
    case "comparison": {
      const c = { ...DEFAULT_COMPARISON }, v = change.value;
      const problems = [
        parseComparisonKey("cmp_metric", v.metric, c), parseComparisonKey("cmp_window", v.window, c),
        v.year === null ? undefined : parseComparisonKey("cmp_year", String(v.year), c),
        v.reference === null ? undefined : parseComparisonKey("cmp_ref", v.reference, c),
      ].filter((p): p is string => p !== undefined);
      return problems.length ? { state, problems } : { state: { ...state, comparison: c }, problems: [] };
    }
  }
}

/**
 * The state a link asks for: its (already validated) settings on the defaults; with a named scenario
 * that loaded, the scenario's values first and then the keys the link sets explicitly.
 */
export function stateFromUrl(registry: Registry, url: UrlState, named?: LoadedScenario): ExplorerState {
  const loaded = named && named.problems.length === 0;
  const state = loaded ? withScenario(registry, named, true) : defaultState(registry);
  const checked = validateSettings(registry, Object.entries(url.settings)).settings;
  return {
    ...state,
    settings: { ...state.settings, ...checked },
    seeds: loaded && !url.seedsGiven ? state.seeds : [...url.seeds],
    regimes: url.regimes ? knownRegimes(url.regimes) : state.regimes,
    comparison: url.comparison ?? DEFAULT_COMPARISON,
  };
}

/** The label of the scenario column in downloads. @example scenarioLabel(defaultState(registry)) // => "custom" */
export function scenarioLabel(state: ExplorerState): string {
  return state.scenario?.id ?? NO_SCENARIO;
}

/**
 * The query string (with "?") of the permalink: a named scenario (whose own regimes need no `regimes=`),
 * non-default settings, regimes, seeds and version (src/lib/url-state.ts `formatUrlState`).
 * @example urlQuery(registry, defaultState(registry)) // => "?seeds=1..20&v=1.0.0"
 */
export function urlQuery(registry: Registry, state: ExplorerState): string {
  const named = state.scenario?.named ? state.scenario : null;
  const sameAsScenario = named && (named.regimes ?? DEFAULT_REGIME_IDS).join(",") === state.regimes.join(",");
  return formatUrlState(state.settings, state.seeds, registry, {
    scenario: named ? { id: named.id, overrides: named.overrides } : null,
    regimes: sameAsScenario ? undefined : state.regimes,
    comparison: state.comparison,
  });
}

/** What the citation texts need (src/lib/cite.ts), for a permalink made with `urlQuery`. */
export function citeInput(state: ExplorerState, permalink: string, accessed: Date): CiteInput {
  return { permalink, seeds: state.seeds, settings: state.settings, accessed };
}

/** The state as a scenario file (the format of scenarios/*.yaml): non-default settings, regimes and seeds. */
export function scenarioFileText(registry: Registry, state: ExplorerState): string {
  const changed = nonDefault(registry, state.settings);
  const s = state.scenario;
  return scenarioYaml({
    title: s ? `${s.title || s.id} (from the explorer)`.slice(0, 200) : "Settings from the policy explorer",
    description: `Saved from the policy explorer at model version ${MODEL_VERSION}: ${changed.length} parameter${changed.length === 1 ? "" : "s"} changed from the defaults, ` +
      `regimes ${state.regimes.join(", ")}, seeds ${seedsText(state.seeds)}.`,
    regimes: state.regimes, overrides: Object.fromEntries(changed), seeds: state.seeds,
  });
}

/** True when only the run length differs from the defaults: the baseline run is then the data shown. */
export function isDefaultRun(registry: Registry, state: ExplorerState): boolean {
  return nonDefault(registry, state.settings).every(([id]) => id === "sim.years");
}

/** Whether the seeds differ from the default seeds (the seed control is then marked as changed). */
export function seedsChanged(state: ExplorerState): boolean {
  return seedsText(state.seeds) !== seedsText(DEFAULT_SEEDS);
}

/** Called after every change that was applied, with the new state and the change. */
export type Listener = (state: ExplorerState, change: Change) => void;

/**
 * The one mutable holder of the state: views read it with `get` and request changes with `change`,
 * which validates (`applyChange`) and then tells every listener. A refused change tells nobody and
 * returns the reasons.
 */
export interface ExplorerStore {
  get(): ExplorerState;
  change(change: Change): string[];
  subscribe(listener: Listener): void;
}

export function createStore(registry: Registry, initial: ExplorerState): ExplorerStore {
  let state = initial;
  const listeners: Listener[] = [];
  return {
    get: () => state,
    change(change) {
      const result = applyChange(registry, state, change);
      if (result.state !== state) {
        state = result.state;
        for (const l of listeners) l(state, change);
      }
      return result.problems;
    },
    subscribe(listener) {
      listeners.push(listener);
    },
  };
}
