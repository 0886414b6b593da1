/**
 * Citation texts for an explorer state (APA 7 and BibTeX): title, model version, seeds, access date,
 * permalink, and the settings that differ from the defaults. Pure functions.
 */
import { MODEL_VERSION, nonDefault, type Registry, type Settings } from "../../models/index";
import { formatParam } from "./format-param";
import { seedsText } from "./url-state";

export const SITE_TITLE = "Paying creators for AI training";
export const SITE_AUTHOR = "AI Training Royalties Project";

export interface CiteInput {
  permalink: string;
  seeds: readonly number[];
  settings: Settings;
  /** Access date (tests pass a fixed one). */
  accessed: Date;
}

export interface ChangedSetting { id: string; label: string; value: string; default: string }

/** Settings that differ from the defaults, with display values. */
export function changedSettings(registry: Registry, settings: Settings): ChangedSetting[] {
  return nonDefault(registry, settings).map(([id, v]) => {
    const r = registry.byId.get(id)!;
    return { id, label: r.label, value: formatParam(r, v), default: formatParam(r, r.default) };
  });
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

function settingsNote(changed: ChangedSetting[]): string {
  return changed.length ? changed.map((c) => `${c.id} = ${c.value} (default ${c.default})`).join("; ") : "all parameters at their defaults";
}

/** APA 7 reference for software/data with a retrieval date. */
export function apaCitation(registry: Registry, c: CiteInput): string {
  const year = c.accessed.getUTCFullYear();
  const date = c.accessed.toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
  const changed = changedSettings(registry, c.settings);
  return `${SITE_AUTHOR}. (${year}). ${SITE_TITLE}: Policy explorer (Model version ${MODEL_VERSION}; seeds ${seedsText(c.seeds)}; ${settingsNote(changed)}) [Computer software]. Retrieved ${date}, from ${c.permalink}`;
}

/** Escape BibTeX special characters in a field value. */
function bib(s: string): string {
  return s.replace(/([{}%&$#_])/g, "\\$1").replaceAll("~", "\\textasciitilde{}");
}

/** BibTeX @software entry. */
export function bibtexCitation(registry: Registry, c: CiteInput): string {
  const year = c.accessed.getUTCFullYear();
  const changed = changedSettings(registry, c.settings);
  return [
    `@software{aitr_explorer_${year},`,
    `  author = {{${SITE_AUTHOR}}},`,
    `  title = {{${SITE_TITLE}: Policy explorer}},`,
    `  version = {${MODEL_VERSION}},`,
    `  year = {${year}},`,
    `  url = {${c.permalink}},`,
    `  urldate = {${iso(c.accessed)}},`,
    `  note = {Model version ${MODEL_VERSION}; seeds ${seedsText(c.seeds)}; ${bib(settingsNote(changed))}},`,
    `}`,
  ].join("\n");
}
