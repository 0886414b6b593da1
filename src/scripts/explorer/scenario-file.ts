/**
 * Scenarios in the explorer: a named one from `?scenario=<id>`, or a file the reader uploads (YAML or
 * JSON). Loaded lazily (`await import(...)`) so the YAML parser and scenario schema stay out of the page's
 * first bundle.
 *
 * Every check is the model's own: `resolveScenarioById` / `resolveScenarioText` give the problems (the
 * same lines `simulate --scenario` prints), and the parts that are valid — settings through
 * `validateSettings`, regimes through `checkRegimes`, seeds through `parseSeeds` — are applied, so one bad
 * override does not throw away the rest of the file. Nothing here touches the page: titles and
 * descriptions are returned as plain strings for the caller to show with `textContent`.
 */
import { parse as parseYaml } from "yaml";
import { resolveScenarioById, resolveScenarioText, checkRegimes } from "../../../models/scenarios/resolve";
import { validateSettings, type Settings } from "../../../models/params/validate";
import { idFromScenarioPath, type Registry } from "../../../models/params/registry";
import { parseSeeds } from "../../../models/engine/seeds";

import { MAX_SCENARIO_BYTES } from "./state";

export interface LoadedScenario {
  /** The id written in the CSV's scenario column (the file name without extension, as the CLI does). */
  id: string;
  /** Plain text (never HTML); empty when missing or invalid. */
  title: string;
  description: string;
  /** Valid overrides only. */
  overrides: Settings;
  /** Valid regimes in the file's order (the order of the CLI's rows); null when none were valid. */
  regimes: string[] | null;
  /** Valid seeds, or null. */
  seeds: number[] | null;
  /** The model's messages, one per problem; empty when the file is entirely valid. */
  problems: string[];
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

/** The valid parts of a parsed scenario object (each part through the model's own check). */
function validParts(registry: Registry, raw: unknown): Omit<LoadedScenario, "id" | "problems"> {
  const o = isRecord(raw) ? raw : {};
  const text = (v: unknown, max: number) => (typeof v === "string" ? v.slice(0, max) : "");
  const overrides = isRecord(o.overrides) ? validateSettings(registry, Object.entries(o.overrides)).settings : {};
  let regimes: string[] | null = null;
  if (Array.isArray(o.regimes)) {
    const valid = [...new Set(o.regimes.filter((r): r is string => typeof r === "string" && checkRegimes([r]).length === 0))];
    regimes = valid.length ? valid : null;
  }
  const s = parseSeeds(o.seeds);
  return { title: text(o.title, 200), description: text(o.description, 4000), overrides, regimes, seeds: s.ok ? s.seeds : null };
}

/**
 * Read an uploaded scenario file.
 * @example readScenarioFile(registry, "mine.yaml", "title: x\noverrides: { compulsory.royalty_rate: 9 }")
 *   // => { id: "mine", overrides: {}, problems: ['uploaded file "mine.yaml": description: Required', …], … }
 */
export function readScenarioFile(registry: Registry, fileName: string, text: string): LoadedScenario {
  const label = `uploaded file ${JSON.stringify(fileName.length > 60 ? fileName.slice(0, 57) + "..." : fileName)}`;
  const id = idFromScenarioPath(fileName).slice(0, 100) || "uploaded";
  const empty = { id, title: "", description: "", overrides: {}, regimes: null, seeds: null };
  if (text.length > MAX_SCENARIO_BYTES) return { ...empty, problems: [`${label}: is ${text.length} bytes (allowed: up to ${MAX_SCENARIO_BYTES})`] };
  const res = resolveScenarioText(registry, id, text, label);
  if (res.ok) {
    const s = res.scenario;
    return { id, title: s.title, description: s.description, overrides: s.overrides, regimes: [...s.regimes], seeds: s.seeds, problems: [] };
  }
  let raw: unknown;
  try {
    raw = parseYaml(text, { logLevel: "error" });
  } catch {
    return { ...empty, problems: res.problems };
  }
  return { id, ...validParts(registry, raw), problems: res.problems };
}

/** A named scenario of the registry (`?scenario=<id>`); unknown ids give the model's message with the nearest id. */
export function loadNamedScenario(registry: Registry, id: string): LoadedScenario {
  const res = resolveScenarioById(registry, id);
  if (res.ok) {
    const s = res.scenario;
    return { id, title: s.title, description: s.description, overrides: s.overrides, regimes: [...s.regimes], seeds: s.seeds, problems: [] };
  }
  return { id, title: "", description: "", overrides: {}, regimes: null, seeds: null, problems: res.problems.map((p) => `scenario: ${p}`) };
}
