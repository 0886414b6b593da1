/**
 * The explorer's state in the URL query: every non-default parameter (its id as the key), the seeds
 * (`seeds=1..20`) and the model version (`v=1.0.0`). Pure functions (no `window`), tested in Node.
 *
 * Parsing never throws: bad values, unknown keys and bad seeds become `problems` (the model's own
 * messages naming the key, the value and the allowed range) and fall back to defaults.
 */
import {
  MODEL_VERSION, formatSeeds, formatValue, nonDefault, parseSeeds, validateSettings,
  type Registry, type Settings,
} from "../../models/index";

/** Most seeds the explorer runs (the model allows more, for the CLI). */
export const EXPLORER_MAX_SEEDS = 200;
/** Seeds when the URL gives none: 1..20. */
export const DEFAULT_SEEDS: readonly number[] = Array.from({ length: 20 }, (_, i) => i + 1);

export interface UrlState {
  /** Valid settings from the query that differ from or equal the defaults (invalid ones are left out). */
  settings: Settings;
  seeds: number[];
  /** The `v` in the link, or null when absent. */
  version: string | null;
  /** One line per problem, each naming the key, the value and what is allowed. */
  problems: string[];
  /** Set when the link was made with another model version (a note, not an error). */
  versionNote?: string;
}

/**
 * Read the explorer state from a query string (with or without the leading "?").
 * @example parseUrlState("?compulsory.royalty_rate=0.15&seeds=1..5&v=1.0.0", registry)
 *   // => { settings: { "compulsory.royalty_rate": 0.15 }, seeds: [1, 2, 3, 4, 5], version: "1.0.0", problems: [] }
 */
export function parseUrlState(search: string, registry: Registry): UrlState {
  const params = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search);
  const entries: [string, string][] = [];
  const problems: string[] = [];
  let seeds = [...DEFAULT_SEEDS];
  let version: string | null = null;
  let seedsSeen = false;
  let versionSeen = false;
  for (const [key, value] of params) {
    if (key === "seeds") {
      if (seedsSeen) { problems.push(`seeds: given more than once (allowed: one value)`); continue; }
      seedsSeen = true;
      const r = parseSeeds(value);
      if (!r.ok) problems.push(r.message);
      else if (r.seeds.length > EXPLORER_MAX_SEEDS)
        problems.push(`seeds: ${JSON.stringify(value)} lists ${r.seeds.length} seeds (allowed in the explorer: 1 to ${EXPLORER_MAX_SEEDS} seeds)`);
      else seeds = r.seeds;
    } else if (key === "v") {
      if (versionSeen) { problems.push(`v: given more than once (allowed: one value)`); continue; }
      versionSeen = true;
      version = value;
    } else entries.push([key, value]);
  }
  const checked = validateSettings(registry, entries);
  problems.push(...checked.problems);
  const state: UrlState = { settings: checked.settings, seeds, version, problems };
  if (version !== null && version !== MODEL_VERSION)
    state.versionNote = `This link was made with model version ${version}; the page runs version ${MODEL_VERSION}, so the numbers may differ.`;
  return state;
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

/**
 * The query string (with "?") for a state: non-default settings sorted by id, then seeds, then the version.
 * @example formatUrlState({ "compulsory.royalty_rate": 0.15, "optout.adoption": 0.4 }, [1, 2, 3], registry)
 *   // => "?compulsory.royalty_rate=0.15&seeds=1..3&v=1.0.0" (when 0.4 is the default adoption)
 */
export function formatUrlState(settings: Settings, seeds: readonly number[], registry: Registry): string {
  const parts = nonDefault(registry, settings).map(([id, v]) => `${enc(id)}=${enc(formatValue(v))}`);
  parts.push(`seeds=${enc(seedsText(seeds))}`, `v=${enc(MODEL_VERSION)}`);
  return `?${parts.join("&")}`;
}
