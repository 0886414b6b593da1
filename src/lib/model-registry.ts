/**
 * The registry as the simulation worker needs it: parameter ids, kinds, defaults and ranges for the
 * model's `validateSettings` and `defaultSettings`, from the build-time JSON `virtual:registry-data/model`
 * (src/lib/registry-plugin.ts). No descriptions, sources or scenarios, so the worker stays small.
 */
import data from "virtual:registry-data/model";
import type { Registry } from "../../models/index";

let cached: Registry | undefined;

/** A registry with the model's fields only (sources and scenarios empty). */
export function getModelRegistry(): Registry {
  const parameters = data.parameters as Registry["parameters"];
  cached ??= { parameters, byId: new Map(parameters.map((p) => [p.id, p])), sources: [], sourcesById: new Map(), scenarios: new Map() };
  return cached;
}
