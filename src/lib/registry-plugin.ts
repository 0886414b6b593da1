/**
 * Build-time parameter registry (Vite plugins, run in Node only). Pages and the explorer import
 * `virtual:registry-data`: the registry already parsed from
 * `data/parameters/**.yaml`, `data/sources.yaml` and `scenarios/*.yaml` and validated by the model's own
 * `buildRegistry` (zod schemas, source ids, ids vs paths), as plain JSON. So the YAML parser and zod
 * never ship to the browser for the registry, and bad data still fails the build with the same messages
 * as the CLI. The simulation worker imports `virtual:registry-data/model`: only what the model needs to
 * validate settings (ids, kinds, defaults, ranges; no descriptions, sources or scenarios).
 * The files are watched, so `astro dev` reloads when one changes.
 *
 * A second plugin tells Rollup that the model's modules and the `yaml` package have no import-time side
 * effects, so a bundle that imports `models/index` but never parses YAML or validates with zod (the
 * explorer page) drops the zod schemas and the YAML parser; code that does use them (the lazily loaded
 * scenario upload) still gets them.
 *
 * Registered in astro.config.mjs (`vite.plugins` and `vite.worker.plugins`). Not responsible for
 * reading the JSON back into Maps: see src/lib/registry.ts and src/lib/model-registry.ts.
 */
import { readFileSync } from "node:fs";
import { join, sep } from "node:path";
import type { Plugin } from "vite";
import { ROOT, readTree } from "../../cli/files";
import { buildRegistry, type Registry } from "../../models/index";

export const REGISTRY_MODULE = "virtual:registry-data";
export const MODEL_REGISTRY_MODULE = "virtual:registry-data/model";
const RESOLVED = "\0" + REGISTRY_MODULE;
const RESOLVED_MODEL = "\0" + MODEL_REGISTRY_MODULE;

/** The serialisable form of a registry (what `virtual:registry-data` exports as default). */
export interface RegistryData {
  parameters: Registry["parameters"];
  sources: Registry["sources"];
  scenarios: [string, Registry["scenarios"] extends Map<string, infer S> ? S : never][];
}

/** Read and validate the registry files now (throws RegistryError listing every problem). */
export function registryData(): { data: RegistryData; files: string[] } {
  const params = readTree("data/parameters");
  const scenarios = readTree("scenarios");
  const sourcesPath = join(ROOT, "data/sources.yaml");
  const reg = buildRegistry(params, readFileSync(sourcesPath, "utf8"), scenarios);
  return {
    data: { parameters: reg.parameters, sources: reg.sources, scenarios: [...reg.scenarios] },
    files: [...Object.keys(params), ...Object.keys(scenarios)].map((p) => join(ROOT, p)).concat(sourcesPath),
  };
}

/** The fields of a parameter record the model's `validateSettings` and `defaultSettings` read. */
export type ModelParameter = Pick<Registry["parameters"][number], "id" | "label" | "unit" | "kind" | "format" | "group" | "default" | "range">;

/** The model's view of the registry: parameters without descriptions, sources or markers. */
export function modelRegistryData(data: RegistryData): { parameters: ModelParameter[] } {
  return {
    parameters: data.parameters.map((p) => ({ id: p.id, label: p.label, unit: p.unit, kind: p.kind, format: p.format, group: p.group, default: p.default, range: p.range })),
  };
}

/**
 * The registry as the browser receives it: without what only build-time pages show (parameter
 * descriptions, their sources and locators, the bibliography, the reasons given for uncertainty
 * distributions), a third of the JSON. Pages render that text into their HTML at build time (server
 * side, with the full registry); no script reads it (`sources` is empty, as in the model's registry).
 */
export function pageRegistryData(data: RegistryData): RegistryData {
  return {
    parameters: data.parameters.map((p) => {
      const { description: _d, sources: _s, uncertainty, ...rest } = p;
      const lite = { ...rest, description: "", sources: [] } as typeof p;
      if (uncertainty) {
        const { reason: _r, ...u } = uncertainty;
        lite.uncertainty = { ...u, reason: "" } as typeof uncertainty;
      }
      return lite;
    }),
    sources: [],
    scenarios: data.scenarios,
  };
}

/** Model modules (models/**) and the YAML package: importing them has no side effects. */
const PURE_DIRS = [join(ROOT, "models") + sep, join(ROOT, "node_modules", "yaml") + sep];
const isPure = (id: string) => PURE_DIRS.some((d) => id.split("?")[0].startsWith(d));

export function registryPlugin(): Plugin[] {
  let files: string[] = [];
  const registry: Plugin = {
    name: "ai-royalties:registry-data",
    resolveId(id) {
      return id === REGISTRY_MODULE ? RESOLVED : id === MODEL_REGISTRY_MODULE ? RESOLVED_MODEL : undefined;
    },
    load(id, options) {
      if (id !== RESOLVED && id !== RESOLVED_MODEL) return undefined;
      const r = registryData();
      files = r.files;
      for (const f of files) this.addWatchFile(f);
      // Server-side rendering (build-time pages) gets everything; the browser the page registry.
      const data = id === RESOLVED_MODEL ? modelRegistryData(r.data) : options?.ssr ? r.data : pageRegistryData(r.data);
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`;
    },
    handleHotUpdate(ctx) {
      // A data file changed (dev): drop the modules so the next request rebuilds them from the files.
      if (!files.includes(ctx.file)) return;
      for (const id of [RESOLVED, RESOLVED_MODEL]) {
        const mod = ctx.server.moduleGraph.getModuleById(id);
        if (mod) ctx.server.moduleGraph.invalidateModule(mod);
      }
      ctx.server.ws.send({ type: "full-reload" });
      return [];
    },
  };
  const pure: Plugin = {
    name: "ai-royalties:pure-model-modules",
    apply: "build",
    transform(_code, id) {
      // Same as a package.json "sideEffects: false", for these files only.
      return isPure(id) ? { code: _code, map: null, moduleSideEffects: false } : undefined;
    },
  };
  return [registry, pure];
}
