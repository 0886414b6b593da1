/**
 * Reading the declarative inputs from disk for Node (the CLI, tests, the benchmark).
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseChecks, type Checks } from "../models/checks/parse";
import { buildRegistry, type Registry } from "../models/params/registry";

/** The nearest folder above `from` that holds data/parameters: the project root, from cli/ or from the prebuilt `.cli-bundle/<key>/`. */
function findRoot(from: string): string {
  for (let d = from; ; d = dirname(d)) {
    if (existsSync(join(d, "data", "parameters"))) return d;
    if (dirname(d) === d) throw new Error(`no project root (a folder with data/parameters) above ${from}`);
  }
}

export const ROOT = findRoot(resolve(dirname(fileURLToPath(import.meta.url))));

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

/** path (relative to the project root, forward slashes) → text, for every YAML file under `dir`. */
export function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of walk(join(ROOT, dir))) out[relative(ROOT, p).split("\\").join("/")] = readFileSync(p, "utf8");
  return out;
}

let cached: Registry | undefined;

/** The registry of `data/` and `scenarios/` (parsed once per process). */
export function loadRegistry(): Registry {
  cached ??= buildRegistry(readTree("data/parameters"), readFileSync(join(ROOT, "data/sources.yaml"), "utf8"), readTree("scenarios"));
  return cached;
}

let checks: Checks | undefined;

/** The model checks declared in `data/checks/` (parsed and validated once per process). */
export function loadChecks(): Checks {
  checks ??= parseChecks(readTree("data/checks"));
  return checks;
}
