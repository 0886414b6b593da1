/**
 * The one validation path for settings, whatever their origin: a slider, a URL query, a scenario file,
 * an uploaded scenario or the `simulate` command. The same mistake gives the same message everywhere:
 * the key, the value and the allowed range (and the nearest valid name for a typo).
 *
 * Responsible for: strict parsing of raw values and checking them against the parameter records.
 * Not responsible for: where the values came from (callers prefix their own context if they want).
 */
import type { ParameterRecord } from "./schema";
import type { Registry } from "./registry";
import { nearest } from "./nearest";

/** A complete or partial assignment of parameter values, keyed by parameter id. */
export type Settings = Record<string, number>;

export type ParseResult = { ok: true; value: number } | { ok: false; message: string };

/** Decimal number syntax accepted from text: no hex, no commas, no `Infinity`, no `NaN`, no blanks. */
const NUMBER_TEXT = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** Human text of a record's allowed values. @example allowedText(rateRecord) // => "0 to 0.2" */
export function allowedText(r: ParameterRecord): string {
  if (r.kind === "switch") return "0 or 1";
  const whole = r.kind === "integer" ? "whole numbers " : "";
  return `${whole}${r.range.min} to ${r.range.max}`;
}

function show(raw: unknown): string {
  if (typeof raw === "string") return JSON.stringify(raw.length > 60 ? raw.slice(0, 57) + "..." : raw);
  if (typeof raw === "number") return String(raw);
  try {
    const s = JSON.stringify(raw);
    return s === undefined ? String(raw) : s.length > 60 ? s.slice(0, 57) + "..." : s;
  } catch {
    return String(raw);
  }
}

/**
 * Parse one raw value (text from a URL or CLI, or a number/boolean from YAML/JSON) for a record.
 * @example parseValue(rateRecord, "0.15") // => { ok: true, value: 0.15 }
 * @example parseValue(rateRecord, "1,5") // => { ok: false, message: 'compulsory.royalty_rate: "1,5" is not a number (allowed: 0 to 0.2)' }
 */
export function parseValue(r: ParameterRecord, raw: unknown): ParseResult {
  const bad = (why: string): ParseResult => ({ ok: false, message: `${r.id}: ${show(raw)} ${why}` });
  let v: number;
  if (typeof raw === "number") v = raw;
  else if (typeof raw === "boolean" && r.kind === "switch") v = raw ? 1 : 0;
  else if (typeof raw === "string") {
    const t = raw.trim();
    if (t === "") return { ok: false, message: `${r.id}: empty value (allowed: ${allowedText(r)})` };
    if (!NUMBER_TEXT.test(t)) return bad(`is not a number (allowed: ${allowedText(r)})`);
    v = Number(t);
  } else return bad(`is not a number (allowed: ${allowedText(r)})`);
  if (!Number.isFinite(v)) return bad(`is not a finite number (allowed: ${allowedText(r)})`);
  if (r.kind === "switch" && v !== 0 && v !== 1) return bad("must be 0 or 1");
  if (r.kind !== "number" && !Number.isInteger(v)) return bad(`must be ${r.kind === "switch" ? "0 or 1" : `a whole number from ${r.range.min} to ${r.range.max}`}`);
  if (v < r.range.min || v > r.range.max) return bad(`is outside the allowed range ${allowedText(r)}`);
  if (Object.is(v, -0)) v = 0;
  return { ok: true, value: v };
}

/** Message for an id that is not a parameter, with the nearest valid id when one is close. */
export function unknownParameterMessage(id: string, registry: Registry): string {
  const near = nearest(id, registry.byId.keys());
  return `unknown parameter ${show(id)}${near ? ` (did you mean "${near}"?)` : ""}`;
}

export interface SettingsResult {
  /** The valid settings (invalid entries are left out). */
  settings: Settings;
  /** One line per problem; empty when everything was valid. */
  problems: string[];
}

/**
 * Validate a set of raw key → value pairs against the registry. Every problem is reported; valid
 * entries are kept, so a caller that can fall back to defaults (the explorer) may, and a caller that
 * must refuse (the CLI) refuses when `problems` is not empty. A key given twice is a problem.
 * @example validateSettings(registry, [["optout.adoption", "0.5"]]) // => { settings: { "optout.adoption": 0.5 }, problems: [] }
 */
export function validateSettings(registry: Registry, entries: Iterable<[string, unknown]>): SettingsResult {
  const settings: Settings = {};
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const [id, raw] of entries) {
    const r = registry.byId.get(id);
    if (!r) {
      problems.push(unknownParameterMessage(id, registry));
      continue;
    }
    if (seen.has(id)) {
      problems.push(`${id}: given more than once (allowed: one value, ${allowedText(r)})`);
      delete settings[id];
      continue;
    }
    seen.add(id);
    const p = parseValue(r, raw);
    if (p.ok) settings[id] = p.value;
    else problems.push(p.message);
  }
  return { settings, problems };
}

/** Every parameter at its default value. */
export function defaultSettings(registry: Registry): Settings {
  const out: Settings = {};
  for (const p of registry.parameters) out[p.id] = p.default;
  return out;
}

/** The entries of `settings` that differ from the defaults, sorted by id (for permalinks and citations). */
export function nonDefault(registry: Registry, settings: Settings): [string, number][] {
  return Object.entries(settings)
    .filter(([id, v]) => registry.byId.has(id) && registry.byId.get(id)!.default !== v)
    .sort(([a], [b]) => (a < b ? -1 : 1));
}
