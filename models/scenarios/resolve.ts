/**
 * Resolving a scenario: its file, plus any further settings, into a complete and validated run
 * specification. Nothing runs until this succeeds.
 */
import { parse as parseYaml } from "yaml";
import { parseSeeds } from "../engine/seeds";
import { formatIssues } from "../params/issues";
import { nearest } from "../params/nearest";
import type { Registry } from "../params/registry";
import { ScenarioFile } from "../params/schema";
import { defaultSettings, validateSettings, type Settings } from "../params/validate";
import { checkRegimes } from "./regime-check";

export interface ResolvedScenario {
  id: string;
  title: string;
  description: string;
  regimes: string[];
  /** Every parameter id → value (defaults, then scenario overrides, then extra settings). */
  settings: Settings;
  /** Only the overrides (scenario + extra), for display and permalinks. */
  overrides: Settings;
  seeds: number[];
}

export { checkRegimes };

export type ScenarioResult = { ok: true; scenario: ResolvedScenario } | { ok: false; problems: string[] };

/**
 * Validate a parsed scenario object (from a file, an upload or the registry) and resolve it.
 * @param label how to name it in messages (a file path or "uploaded scenario")
 */
export function resolveScenarioObject(registry: Registry, id: string, raw: unknown, label: string): ScenarioResult {
  const parsed = ScenarioFile.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: formatIssues(label, parsed.error) };
  const f = parsed.data;
  const problems: string[] = [];
  problems.push(...checkRegimes(f.regimes, `${label}: regimes`));
  const v = validateSettings(registry, Object.entries(f.overrides));
  problems.push(...v.problems.map((m) => `${label}: overrides: ${m}`));
  const seeds = parseSeeds(f.seeds);
  if (!seeds.ok) problems.push(`${label}: ${seeds.message}`);
  if (problems.length || !seeds.ok) return { ok: false, problems };
  return {
    ok: true,
    scenario: {
      id, title: f.title, description: f.description, regimes: [...f.regimes],
      settings: { ...defaultSettings(registry), ...v.settings }, overrides: v.settings, seeds: seeds.seeds,
    },
  };
}

/** Parse scenario text (YAML or JSON; YAML is a superset of JSON) and resolve it. */
export function resolveScenarioText(registry: Registry, id: string, text: string, label: string): ScenarioResult {
  let raw: unknown;
  try {
    raw = parseYaml(text, { logLevel: "error" });
  } catch (e) {
    return { ok: false, problems: [`${label}: cannot be parsed: ${(e as Error).message.split("\n")[0]}`] };
  }
  return resolveScenarioObject(registry, id, raw, label);
}

/** Resolve a scenario of the registry by id. */
export function resolveScenarioById(registry: Registry, id: string): ScenarioResult {
  const f = registry.scenarios.get(id);
  if (!f) {
    const near = nearest(id, registry.scenarios.keys());
    return { ok: false, problems: [`unknown scenario ${JSON.stringify(id)}${near ? ` (did you mean "${near}"?)` : ""}`] };
  }
  return resolveScenarioObject(registry, id, f, `scenarios/${id}.yaml`);
}
