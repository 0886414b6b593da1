/**
 * The parameter registry for the site (pages, the explorer and the worker). It is parsed from the same
 * YAML files as the CLI and validated by the model's `buildRegistry`, but at build time
 * (src/lib/registry-plugin.ts, module `virtual:registry-data`): the browser receives plain JSON, so no
 * YAML parser or zod ships for it. Sliders, the methods page and the CLI share one source of truth.
 * In the browser the named scenarios are not in it (`scenarios` is empty) until `withScenarios` adds
 * them: only scenario code needs them (the explorer's, loaded lazily, and the embed page).
 */
import data from "virtual:registry-data";
import type { Registry } from "../../models/index";
import type { RegistryData } from "./registry-plugin";

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

/**
 * The registry with the named scenarios added (from `virtual:registry-data/scenarios`, imported by the
 * caller so that only code reading scenarios ships them).
 */
export function withScenarios(registry: Registry, scenarios: RegistryData["scenarios"]): Registry {
  for (const [id, s] of scenarios) if (!registry.scenarios.has(id)) registry.scenarios.set(id, s);
  return registry;
}
