/**
 * The parameter registry for the site (pages, the explorer and the worker). It is parsed from the same
 * YAML files as the CLI and validated by the model's `buildRegistry`, but at build time
 * (src/lib/registry-plugin.ts, module `virtual:registry-data`): the browser receives plain JSON, so no
 * YAML parser or zod ships for it. Sliders, the methods page and the CLI share one source of truth.
 */
import data from "virtual:registry-data";
import type { Registry } from "../../models/index";

let cached: Registry | undefined;

/** The registry (built once per page or worker from the build-time JSON). */
export function getRegistry(): Registry {
  cached ??= {
    parameters: data.parameters,
    byId: new Map(data.parameters.map((p) => [p.id, p])),
    sources: data.sources,
    sourcesById: new Map(data.sources.map((s) => [s.id, s])),
    scenarios: new Map(data.scenarios),
  };
  return cached;
}
