/**
 * Merging shards (the `merge` command's work, without its I/O on standard streams): parsing its command
 * line, finding the manifests, and checking them before anything is written: every manifest is readable; all have the same model version (this
 * one's), settings hash, shard count and run count; each shard 1..n is there exactly once; each rows
 * file's SHA-256 and row count match its manifest; the runs of all shards are the whole run list, each
 * once. A missing, duplicated or mismatched shard exits 2 naming it, and writes nothing.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { MODEL_VERSION, nearest } from "../models/index";
import type { OutputFormat } from "./args";
import type { RunResult } from "./output";
import { manifestPath, readManifest, runsFromRows, verifyShard, type Manifest } from "./shard-files";

export const MERGE_USAGE = `Usage: npm run merge -- <shard files or folders…> --out <file> [options]

  <shard file>            a shard's rows file (its manifest is <file>.manifest.json) or the manifest itself
  <folder>                every *.manifest.json in it
  --summary               quantiles 5/25/50/75/95 across seeds (and draws), computed after the merge
  --format csv|json|parquet  output format (default csv)
  --out <file>            where to write (required)
`;

export interface MergeRequest {
  inputs: string[];
  summary: boolean;
  format: OutputFormat;
  out: string;
}

/** Parse the merge command line. */
export function parseMergeArgs(argv: readonly string[]): { ok: true; request: MergeRequest | "help" } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const inputs: string[] = [];
  let summary = false;
  let format: string | undefined;
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--help") return { ok: true, request: "help" };
    else if (a === "--summary") summary = true;
    else if (a === "--format" || a === "--out") {
      const v = argv[++i];
      if (v === undefined || v.startsWith("--")) problems.push(`${a}: needs a value`);
      else if (a === "--format") format = v;
      else out = v;
    } else if (a.startsWith("--")) {
      const near = nearest(a, ["--summary", "--format", "--out", "--help"]);
      problems.push(`unknown argument ${JSON.stringify(a)}${near ? ` (did you mean "${near}"?)` : ""}; see --help`);
    } else inputs.push(a);
  }
  if (format !== undefined && !["csv", "json", "parquet"].includes(format)) problems.push(`--format: ${JSON.stringify(format)} is not valid (allowed: csv, json, parquet)`);
  if (out === undefined || out.trim() === "") problems.push(`--out: needs a file name`);
  if (!inputs.length) problems.push(`no shards given (allowed: shard files, their manifests, or folders holding them)`);
  if (problems.length) return { ok: false, problems };
  return { ok: true, request: { inputs, summary, format: (format ?? "csv") as OutputFormat, out: out! } };
}

/** The manifest paths named by the inputs (folders are searched for `*.manifest.json`, sorted by name). */
export function manifestPaths(inputs: readonly string[], problems: string[]): string[] {
  const out: string[] = [];
  for (const p of inputs) {
    if (!existsSync(p)) problems.push(`${p}: no such file or folder`);
    else if (statSync(p).isDirectory()) {
      const found = readdirSync(p).filter((f) => f.endsWith(".manifest.json")).sort();
      if (!found.length) problems.push(`${p}: no shard manifests (*.manifest.json) in this folder`);
      out.push(...found.map((f) => join(p, f)));
    } else out.push(p.endsWith(".manifest.json") ? p : manifestPath(p));
  }
  return out;
}

/**
 * Check the shards and put their runs together in canonical order.
 * @returns the runs and the manifest they share, or one problem per missing, duplicated or mismatched shard
 */
export async function collectShards(paths: readonly string[]): Promise<{ ok: true; results: RunResult[]; manifest: Manifest } | { ok: false; problems: string[] }> {
  const problems: string[] = [];
  const shards: { path: string; m: Manifest }[] = [];
  for (const p of [...new Set(paths)]) {
    const m = readManifest(p);
    if (typeof m === "string") problems.push(m);
    else shards.push({ path: p, m });
  }
  if (problems.length || !shards.length) return { ok: false, problems: problems.length ? problems : ["no shards"] };
  const ref = shards[0];
  for (const s of shards) {
    if (s.m.modelVersion !== MODEL_VERSION) problems.push(`${s.path}: made with model version ${s.m.modelVersion}; this is ${MODEL_VERSION}`);
    if (s === ref) continue;
    if (s.m.settingsHash !== ref.m.settingsHash) problems.push(`${s.path}: settings hash ${s.m.settingsHash.slice(0, 12)}… differs from ${ref.path}'s ${ref.m.settingsHash.slice(0, 12)}… (a different sweep)`);
    else if (s.m.shard.n !== ref.m.shard.n) problems.push(`${s.path}: shard ${s.m.shard.k}/${s.m.shard.n}, but ${ref.path} is one of ${ref.m.shard.n}`);
  }
  if (problems.length) return { ok: false, problems };
  const n = ref.m.shard.n;
  const byK = new Map<number, string>();
  for (const s of shards) {
    const other = byK.get(s.m.shard.k);
    if (other) problems.push(`shard ${s.m.shard.k}/${n} given twice: ${other} and ${s.path}`);
    else byK.set(s.m.shard.k, s.path);
  }
  for (let k = 1; k <= n; k++) if (!byK.has(k)) problems.push(`shard ${k}/${n} missing (given: ${[...byK.keys()].sort((a, b) => a - b).join(", ")})`);
  if (problems.length) return { ok: false, problems };
  const results: RunResult[] = [];
  for (const s of shards) {
    const v = await verifyShard(join(dirname(s.path), s.m.file), s.m);
    if (!v.ok) {
      problems.push(...v.problems.map((p) => `shard ${s.m.shard.k}/${n}: ${p}`));
      continue;
    }
    results.push(...runsFromRows(v.rows, s.m.runs));
  }
  if (problems.length) return { ok: false, problems };
  results.sort((a, b) => a.index - b.index);
  const total = ref.m.totalRuns;
  const bad = results.length !== total || results.some((r, i) => r.index !== i);
  if (bad) return { ok: false, problems: [`the shards hold ${results.length} runs, not the ${total} runs 0..${total - 1} each once`] };
  return { ok: true, results, manifest: ref.m };
}

