/**
 * The parameter registry for the site (pages, the explorer and the worker), read from the same YAML
 * files as the CLI through Vite's `import.meta.glob`, so sliders, the methods page and the CLI share
 * one source of truth.
 */
import { buildRegistry, type Registry } from "../../models/index";

const parameterFiles = import.meta.glob("/data/parameters/**/*.yaml", { query: "?raw", import: "default", eager: true }) as Record<string, string>;
const sourcesFiles = import.meta.glob("/data/sources.yaml", { query: "?raw", import: "default", eager: true }) as Record<string, string>;
const scenarioFiles = import.meta.glob("/scenarios/*.yaml", { query: "?raw", import: "default", eager: true }) as Record<string, string>;

function strip(files: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(files)) out[k.replace(/^\//, "")] = v;
  return out;
}

let cached: Registry | undefined;

/** The registry (parsed once per page or worker). */
export function getRegistry(): Registry {
  cached ??= buildRegistry(strip(parameterFiles), Object.values(sourcesFiles)[0] ?? "", strip(scenarioFiles));
  return cached;
}
