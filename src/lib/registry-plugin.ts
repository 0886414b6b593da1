/**
 * Build-time parameter registry (Vite plugins, run in Node only). Pages and the explorer import
 * `virtual:registry-data`: the registry already parsed from
 * `data/parameters/**.yaml`, `data/sources.yaml` and `scenarios/*.yaml` and validated by the model's own
 * `buildRegistry` (zod schemas, source ids, ids vs paths), as plain JSON. So the YAML parser and zod
 * never ship to the browser for the registry, and bad data still fails the build with the same messages
 * as the CLI. The simulation worker gets what the model needs to validate settings (ids, kinds, defaults,
 * ranges) from the page, in its first message (src/lib/sim-protocol.ts `SimInit`), not from here.
 * The files are watched, so `astro dev` reloads when one changes.
 *
 * A second plugin tells Rollup that the model's modules and the `yaml` package have no import-time side
 * effects, so a bundle that imports `models/index` but never parses YAML or validates with zod (the
 * explorer page) drops the zod schemas and the YAML parser; code that does use them (the lazily loaded
 * scenario upload) still gets them.
 *
 * Registered in astro.config.mjs (`vite.plugins` and `vite.worker.plugins`). Not responsible for
 * reading the JSON back into Maps: see src/lib/registry.ts.
 */
import { readFileSync } from "node:fs";
import { join, sep } from "node:path";
import type { Plugin } from "vite";
import { ROOT, readTree } from "../../cli/files";
import { buildRegistry, type Registry } from "../../models/index";

export const REGISTRY_MODULE = "virtual:registry-data";
/** The named scenarios alone (the browser's registry leaves them out; src/lib/registry.ts `withScenarios`). */
export const SCENARIOS_MODULE = "virtual:registry-data/scenarios";
const RESOLVED = "\0" + REGISTRY_MODULE;
const RESOLVED_SCENARIOS = "\0" + SCENARIOS_MODULE;

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

/**
 * The registry as the browser receives it: without what only build-time pages show (parameter
 * descriptions, their sources and locators, the bibliography, the reasons given for uncertainty
 * distributions), a third of the JSON. Pages render that text into their HTML at build time (server
 * side, with the full registry); no script reads it (`sources` is empty, as in the model's registry).
 * The named scenarios (4 kB gzipped) are left out too: only the explorer's scenario code and the embed
 * page read them, and they import `virtual:registry-data/scenarios` (src/lib/registry.ts `withScenarios`).
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
    scenarios: [],
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
      return id === REGISTRY_MODULE ? RESOLVED : id === SCENARIOS_MODULE ? RESOLVED_SCENARIOS : undefined;
    },
    load(id, options) {
      if (id !== RESOLVED && id !== RESOLVED_SCENARIOS) return undefined;
      const r = registryData();
      files = r.files;
      for (const f of files) this.addWatchFile(f);
      // Server-side rendering (build-time pages) gets everything; the browser the page registry.
      const data = id === RESOLVED_SCENARIOS ? r.data.scenarios : options?.ssr ? r.data : pageRegistryData(r.data);
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`;
    },
    handleHotUpdate(ctx) {
      // A data file changed (dev): drop the modules so the next request rebuilds them from the files.
      if (!files.includes(ctx.file)) return;
      for (const id of [RESOLVED, RESOLVED_SCENARIOS]) {
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
