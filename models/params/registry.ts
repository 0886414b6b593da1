/**
 * The parameter registry: every parameter record, the bibliography and the scenario files, parsed and
 * checked together.
 *
 * Responsible for: turning file texts (path → YAML text) into validated records, and reporting every
 * problem with the file it came from. Not responsible for reading the files: the CLI reads them with `fs`
 * (`cli/files.ts`), the site with Vite's `import.meta.glob` (`src/lib/registry.ts`), so this module stays
 * free of I/O and runs the same in Node, in the page and in a worker.
 */
import { parse as parseYaml } from "yaml";
import { Bibliography, ParameterRecord, ScenarioFile, type SourceRecord } from "./schema";
import { formatIssues } from "./issues";

export interface Registry {
  /** Parameter records in a stable order (sorted by id). */
  parameters: ParameterRecord[];
  byId: Map<string, ParameterRecord>;
  sources: SourceRecord[];
  sourcesById: Map<string, SourceRecord>;
  /** Scenario files keyed by scenario id (the file name without extension), raw and unresolved. */
  scenarios: Map<string, ScenarioFile>;
}

/** Raised when declarative inputs are malformed; `problems` has one line per problem, each naming its file. */
export class RegistryError extends Error {
  constructor(public problems: string[]) {
    super(problems.join("\n"));
    this.name = "RegistryError";
  }
}

/** `data/parameters/compulsory/royalty_rate.yaml` → `compulsory.royalty_rate`. */
export function idFromParameterPath(path: string): string {
  const m = /data\/parameters\/(.+)\.ya?ml$/.exec(path.replaceAll("\\", "/"));
  if (!m) throw new Error(`not a parameter file path: ${path}`);
  return m[1].split("/").join(".");
}

/** `scenarios/eu-news-optout.yaml` → `eu-news-optout`. */
export function idFromScenarioPath(path: string): string {
  const base = path.replaceAll("\\", "/").split("/").pop() ?? path;
  return base.replace(/\.(ya?ml|json)$/, "");
}

function parseText(path: string, text: string, problems: string[]): unknown {
  try {
    return path.endsWith(".json") ? JSON.parse(text) : parseYaml(text, { logLevel: "error" });
  } catch (e) {
    problems.push(`${path}: cannot be parsed: ${(e as Error).message.split("\n")[0]}`);
    return undefined;
  }
}

/**
 * Build the registry from file texts.
 * @param parameterFiles path → YAML text, for `data/parameters/**.yaml`
 * @param sourcesText the text of `data/sources.yaml`
 * @param scenarioFiles path → YAML text, for `scenarios/*.yaml`
 * @throws RegistryError listing every problem (file, key, value)
 */
export function buildRegistry(
  parameterFiles: Record<string, string>,
  sourcesText: string,
  scenarioFiles: Record<string, string> = {},
): Registry {
  const problems: string[] = [];
  const bib = Bibliography.safeParse(parseText("data/sources.yaml", sourcesText, problems) ?? {});
  const sources: SourceRecord[] = bib.success ? bib.data.sources : [];
  if (!bib.success) problems.push(...formatIssues("data/sources.yaml", bib.error));
  const sourcesById = new Map(sources.map((s) => [s.id, s]));
  if (sourcesById.size !== sources.length) problems.push("data/sources.yaml: duplicate source ids");

  const parameters: ParameterRecord[] = [];
  for (const path of Object.keys(parameterFiles).sort()) {
    const raw = parseText(path, parameterFiles[path], problems);
    if (raw === undefined) continue;
    const r = ParameterRecord.safeParse(raw);
    if (!r.success) {
      problems.push(...formatIssues(path, r.error));
      continue;
    }
    const expected = idFromParameterPath(path);
    if (r.data.id !== expected) problems.push(`${path}: id "${r.data.id}" does not match its path (expected "${expected}")`);
    for (const s of r.data.sources)
      if (!sourcesById.has(s.id)) problems.push(`${path}: sources: unknown source id "${s.id}" (not in data/sources.yaml)`);
    parameters.push(r.data);
  }
  parameters.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byId = new Map(parameters.map((p) => [p.id, p]));

  const scenarios = new Map<string, ScenarioFile>();
  for (const path of Object.keys(scenarioFiles).sort()) {
    const raw = parseText(path, scenarioFiles[path], problems);
    if (raw === undefined) continue;
    const r = ScenarioFile.safeParse(raw);
    if (!r.success) problems.push(...formatIssues(path, r.error));
    else scenarios.set(idFromScenarioPath(path), r.data);
  }
  if (problems.length) throw new RegistryError(problems);
  return { parameters, byId, sources, sourcesById, scenarios };
}
