/**
 * The embed page's query (/embed/?…), read strictly: the explorer's own keys (src/lib/url-state.ts:
 * settings, `seeds`, `regimes`, `scenario`, `v`) plus `static=1` for a frozen figure. Every problem is
 * an error naming the field and its allowed values, and the embed then shows the problems instead of a
 * chart (a typo in an embedded figure must not silently show the defaults).
 *
 * A frozen figure exists for the default settings and for each named scenario as it is (built at
 * build time: /embed/frozen/ and /embed/frozen/<scenario>/, src/pages/embed/frozen/[...id].astro);
 * `frozenId` says which one a query asks for, or null when its settings are anything else.
 * Without `regimes=` (and without a scenario) an embed shows the regimes the explorer shows by default,
 * `DEFAULT_REGIME_IDS` (version 1's five), so the iframe code of a default explorer view embeds what it shows.
 * Pure (no `window`), tested in Node (tests/embed-query.test.ts).
 */
import { DEFAULT_REGIME_IDS, DEFAULT_SEEDS, defaultSettings, resolveScenarioById, type Registry, type Settings } from "../../../models/index";
import { formatUrlState, parseUrlState, seedsText, type UrlState } from "../url-state";

/** Allowed values of `static`. */
export const STATIC_VALUES = ["1"] as const;

export type EmbedQuery =
  | { ok: true; url: UrlState; frozen: boolean; scenario: { id: string; regimes: string[]; settings: Settings; overrides: Settings; seeds: number[] } | null }
  | { ok: false; problems: string[] };

const quote = (s: string) => JSON.stringify(s.length > 60 ? s.slice(0, 57) + "..." : s);

/**
 * Read an embed query.
 * @example parseEmbedQuery("?scenario=eu-opt-out&static=1", registry) // => { ok: true, frozen: true, scenario: { id: "eu-opt-out", … }, … }
 * @example parseEmbedQuery("?static=yes", registry) // => { ok: false, problems: ['static: "yes" is not allowed (allowed: static=1, or leave it out for a live chart)'] }
 */
export function parseEmbedQuery(search: string, registry: Registry): EmbedQuery {
  const params = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search);
  const problems: string[] = [];
  const statics = params.getAll("static");
  if (statics.length > 1) problems.push("static: given more than once (allowed: one value, static=1)");
  else if (statics.length === 1 && !(STATIC_VALUES as readonly string[]).includes(statics[0]))
    problems.push(`static: ${quote(statics[0])} is not allowed (allowed: static=1, or leave it out for a live chart)`);
  params.delete("static");
  const url = parseUrlState(params.toString(), registry);
  problems.push(...url.problems);
  let scenario: (EmbedQuery & { ok: true })["scenario"] = null;
  if (url.scenario !== null) {
    const res = resolveScenarioById(registry, url.scenario);
    if (res.ok) scenario = { id: res.scenario.id, regimes: res.scenario.regimes, settings: res.scenario.settings, overrides: res.scenario.overrides, seeds: res.scenario.seeds };
    else problems.push(`scenario: ${quote(url.scenario)} is not a scenario (allowed: ${[...registry.scenarios.keys()].sort().join(", ")})`);
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, url, frozen: statics.length === 1, scenario };
}

/** The settings, regimes and seeds a (valid) embed query shows: the scenario's, then what the link sets. */
export function embedRun(registry: Registry, q: EmbedQuery & { ok: true }): { settings: Settings; regimes: string[]; seeds: number[] } {
  const base = q.scenario ? q.scenario.settings : defaultSettings(registry);
  return {
    settings: { ...base, ...q.url.settings },
    regimes: q.url.regimes ?? q.scenario?.regimes ?? [...DEFAULT_REGIME_IDS],
    seeds: q.url.seedsGiven || !q.scenario ? [...q.url.seeds] : [...q.scenario.seeds],
  };
}

/**
 * Which pre-rendered figure shows exactly this query's run: "" for the defaults, a scenario id for a
 * scenario as it is, or null (settings, regimes or seeds changed from those: no frozen figure exists).
 */
export function frozenId(registry: Registry, q: EmbedQuery & { ok: true }): string | null {
  const run = embedRun(registry, q);
  const base = q.scenario
    ? { settings: q.scenario.settings, regimes: q.scenario.regimes, seeds: q.scenario.seeds }
    : { settings: defaultSettings(registry), regimes: [...DEFAULT_REGIME_IDS], seeds: [...DEFAULT_SEEDS] };
  const same = Object.keys(base.settings).every((k) => run.settings[k] === base.settings[k]) &&
    run.regimes.join(",") === base.regimes.join(",") && seedsText(run.seeds) === seedsText(base.seeds);
  return same ? (q.scenario?.id ?? "") : null;
}

/** The site path of a frozen figure ("" = the defaults). @example frozenPath("/base", "eu-opt-out") // => "/base/embed/frozen/eu-opt-out/" */
export function frozenPath(base: string, id: string): string {
  return `${base}/embed/frozen/${id ? `${encodeURIComponent(id)}/` : ""}`;
}

/** The explorer query (with "?") for a valid embed query's run: its scenario, settings, regimes and seeds. */
export function explorerQuery(registry: Registry, q: EmbedQuery & { ok: true }): string {
  const run = embedRun(registry, q);
  const sameRegimes = run.regimes.join(",") === (q.scenario?.regimes ?? DEFAULT_REGIME_IDS).join(",");
  return formatUrlState(run.settings, run.seeds, registry, {
    scenario: q.scenario ? { id: q.scenario.id, overrides: q.scenario.overrides } : null,
    regimes: sameRegimes ? undefined : run.regimes,
  });
}
