/**
 * The prebuilt CLI: cli/ and models/ bundled by esbuild into plain JavaScript, so that `npm run simulate`
 * and each of its worker threads start in plain Node instead of compiling TypeScript through tsx (which
 * cost about a second for the main thread and again for every worker).
 *
 * The bundle is a build artefact, made on demand and never committed: `.cli-bundle/<key>/`, where the key
 * is a SHA-256 of every file under the source folders (path and content), tsconfig.json, the esbuild
 * version and the build options. Any change to a source file, or a file added or removed, gives a new key
 * and so a new build on the next run; a bundle is never reused for other sources. The build checks that
 * every file it read lies under those folders, so an import from elsewhere fails loudly instead of being
 * left out of the key. Builds go to a temporary folder renamed into place, so concurrent runs (Slurm
 * array tasks, two terminals) never see half a bundle, and a running process keeps its own folder (its
 * workers load `worker.js` from it later) while a newer one is built beside it.
 *
 * Plain JavaScript (not TypeScript) because it must run before anything can compile TypeScript.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** Folders whose every file is part of the key (the CLI imports nothing else but packages). */
export const SOURCE_DIRS = ["cli", "models"];
/** Single files that change what esbuild emits. */
export const SOURCE_FILES = ["tsconfig.json"];
/** The commands bundled, one entry each (cli/<name>.ts), and the worker thread they start. */
export const ENTRIES = ["simulate", "sensitivity", "robustness", "merge", "worker"];
export const BUNDLE_DIR = ".cli-bundle";
/** Bundles kept besides the newest (older ones may still be in use by a running process). */
const KEEP = 3;

const OPTIONS = {
  bundle: true, splitting: true, format: "esm", platform: "node", target: "node20",
  packages: "external", sourcemap: "linked", logLevel: "warning",
};

function walk(root, dir, out) {
  for (const name of readdirSync(join(root, dir)).sort()) {
    const rel = `${dir}/${name}`;
    if (statSync(join(root, rel)).isDirectory()) walk(root, rel, out);
    else out.push(rel);
  }
  return out;
}

/** The files the key covers, relative to `root`, sorted. */
export function sourceFiles(root = ROOT) {
  const files = SOURCE_DIRS.flatMap((d) => walk(root, d, []));
  for (const f of SOURCE_FILES) if (existsSync(join(root, f))) files.push(f);
  return files.sort();
}

function esbuildVersion(root) {
  return JSON.parse(readFileSync(join(root, "node_modules", "esbuild", "package.json"), "utf8")).version;
}

/** The key of the sources under `root`: 16 hex digits of a SHA-256 over paths, contents, esbuild's version and the options. */
export function sourceKey(root = ROOT) {
  const h = createHash("sha256");
  h.update(JSON.stringify({ esbuild: esbuildVersion(root), OPTIONS, ENTRIES }));
  for (const f of sourceFiles(root)) {
    h.update(`\0${f}\0`);
    h.update(readFileSync(join(root, f)));
  }
  return h.digest("hex").slice(0, 16);
}

/** Files esbuild read that the key does not cover (packages are external, so there should be none). */
export function uncovered(inputs, root = ROOT) {
  const covered = new Set(sourceFiles(root));
  return inputs.filter((p) => !covered.has(relative(root, resolve(root, p)).split("\\").join("/")));
}

async function buildInto(root, dir) {
  const { build } = await import("esbuild");
  const result = await build({
    ...OPTIONS, absWorkingDir: root, outdir: dir, metafile: true,
    entryPoints: ENTRIES.map((e) => `cli/${e}.ts`),
  });
  const stray = uncovered(Object.keys(result.metafile.inputs), root);
  if (stray.length) throw new Error(`the CLI bundle read files outside ${SOURCE_DIRS.join(", ")} (add their folder to SOURCE_DIRS in cli/bundle.mjs): ${stray.join(", ")}`);
}

/** Remove all but the newest KEEP complete bundles (and temporary folders of crashed builds older than an hour). */
function prune(base, keep) {
  const now = Date.now();
  const dirs = readdirSync(base).map((name) => ({ name, mtime: statSync(join(base, name)).mtimeMs }));
  const stale = dirs.filter((d) => d.name.startsWith("tmp-") && now - d.mtime > 3_600_000);
  const done = dirs.filter((d) => !d.name.startsWith("tmp-") && d.name !== keep).sort((a, b) => b.mtime - a.mtime);
  for (const d of [...stale, ...done.slice(KEEP)]) rmSync(join(base, d.name), { recursive: true, force: true });
}

/**
 * The folder of a bundle built from the current sources, building it first if there is none.
 * @returns an absolute path holding `<entry>.js` for every entry
 */
export async function ensureBundle(root = ROOT) {
  const key = sourceKey(root);
  const base = join(root, BUNDLE_DIR);
  const dir = join(base, key);
  if (existsSync(join(dir, "complete"))) return dir;
  mkdirSync(base, { recursive: true });
  const tmp = join(base, `tmp-${process.pid}-${Date.now()}`);
  try {
    await buildInto(root, tmp);
    writeFileSync(join(tmp, "complete"), `${key}\n`);
    try {
      renameSync(tmp, dir);
    } catch (e) {
      if (!existsSync(join(dir, "complete"))) throw e; // otherwise another process built the same key first
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  prune(base, key);
  return dir;
}
