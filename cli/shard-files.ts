/**
 * A shard's files: its rows (CSV, JSON or Parquet) and a manifest beside them (`<file>.manifest.json`).
 *
 * A shard's rows keep every number at full precision (the shortest decimal that reads back as the same
 * double, in CSV and JSON; doubles in Parquet), unlike the canonical 12-digit form of a finished output,
 * so that the merge, a summary computed after it, and a Parquet file made from it are the same as an
 * unsharded run's. The manifest says where the rows came from (model version, a hash of the resolved
 * settings and run list, shard k/n), which runs they hold (canonical index and row count of each), and the
 * SHA-256 of the rows file; the merge trusts nothing else.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { basename } from "node:path";
import { parquetReadObjects } from "hyparquet";
import { csvField, seriesKey, type RunOutput } from "../models/index";
import type { OutputFormat } from "./args";
import { toParquet, type RunResult } from "./output";
import type { Layout } from "./plan";

export const MANIFEST_KIND = "ai-training-royalties/shard@1";

export interface Manifest {
  kind: typeof MANIFEST_KIND;
  modelVersion: string;
  /** SHA-256 of the model version, layout and run list with every run's settings (`planHash`). */
  settingsHash: string;
  layout: Layout;
  shard: { k: number; n: number };
  /** Runs in the whole run list (all shards). */
  totalRuns: number;
  /** The rows file, by name, in the same folder as the manifest. */
  file: string;
  format: OutputFormat;
  rowCount: number;
  /** SHA-256 of the rows file's bytes. */
  sha256: string;
  /** `[canonical index, rows]` of each run, in the order the rows file holds them. */
  runs: [number, number][];
}

export const manifestPath = (file: string): string => `${file}.manifest.json`;

export const sha256 = (bytes: string | Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

const NUMERIC = new Set(["seed", "draw", "year", "value", "sweep_value"]);

/** Exact text of a number: shortest round-trip decimal, keeping −0, NaN and ±Infinity. */
function exact(v: number): string {
  return Object.is(v, -0) ? "-0" : String(v);
}

/** The rows of results (in the given order) as a shard file's bytes. */
export function encodeShardRows(objects: readonly object[], columns: readonly string[], format: OutputFormat): string | Uint8Array {
  if (format === "parquet") return toParquet(objects, columns);
  const cell = (v: unknown) => (v === undefined || v === null ? "" : typeof v === "number" ? exact(v) : csvField(String(v)));
  if (format === "csv") return [columns.join(","), ...objects.map((o) => columns.map((c) => cell((o as Record<string, unknown>)[c])).join(","))].join("\n") + "\n";
  const lines = objects.map((o) => {
    const parts: string[] = [];
    for (const c of columns) {
      const v = (o as Record<string, unknown>)[c];
      if (v === undefined) continue;
      const text = typeof v === "number" ? (Number.isFinite(v) && !Object.is(v, -0) ? String(v) : JSON.stringify(exact(v))) : JSON.stringify(v);
      parts.push(`${JSON.stringify(c)}:${text}`);
    }
    return `{${parts.join(",")}}`;
  });
  return lines.length ? `[\n${lines.join(",\n")}\n]\n` : "[]\n";
}

/** Split CSV text into records of fields (RFC 4180: quoted fields may hold commas, quotes and newlines). */
export function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
      else if (ch === '"') (quoted = false), i++;
      else (field += ch), i++;
    } else if (ch === '"') (quoted = true), i++;
    else if (ch === ",") row.push(field), (field = ""), i++;
    else if (ch === "\n") row.push(field), out.push(row), (row = []), (field = ""), i++;
    else (field += ch), i++;
  }
  if (field !== "" || row.length) row.push(field), out.push(row);
  return out;
}

/** Read a shard's rows file back into row objects (numbers as numbers, an empty `group` left out). */
export async function decodeShardRows(bytes: Buffer, format: OutputFormat): Promise<Record<string, unknown>[]> {
  const fix = (o: Record<string, unknown>) => {
    for (const k of Object.keys(o)) {
      const v = o[k];
      if (v === null || v === "" || v === undefined) delete o[k];
      else if (NUMERIC.has(k) && typeof v !== "number") o[k] = Number(v);
    }
    return o;
  };
  if (format === "parquet") {
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    return (await parquetReadObjects({ file: ab })).map((o) => fix({ ...o }));
  }
  if (format === "json") return (JSON.parse(bytes.toString("utf8")) as Record<string, unknown>[]).map(fix);
  const [header, ...records] = parseCsv(bytes.toString("utf8"));
  return records.map((f) => fix(Object.fromEntries(header.map((c, j) => [c, f[j]]))));
}

/**
 * Rebuild run results from a shard's rows and its manifest's run table: each run's columns
 * (`series[key][t]`) from its rows, in order, so that `toRows` and `summarizeRuns` give back exactly the
 * rows and quantiles of the original runs.
 */
export function runsFromRows(rows: readonly Record<string, unknown>[], runs: readonly [number, number][]): RunResult[] {
  const out: RunResult[] = [];
  let at = 0;
  for (const [index, count] of runs) {
    const mine = rows.slice(at, at + count);
    at += count;
    if (!mine.length) throw new Error(`run ${index} has no rows`);
    const years = [...new Set(mine.map((r) => r.year as number))].sort((a, b) => a - b);
    const startYear = years[0];
    const series: Record<string, Float64Array> = {};
    for (const r of mine) {
      const key = seriesKey(r.metric as string, r.group as string | undefined);
      (series[key] ??= new Float64Array(years.length))[(r.year as number) - startYear] = r.value as number;
    }
    const first = mine[0];
    const run: RunOutput = { regime: first.regime as string, seed: first.seed as number, startYear, years: years.length, series };
    const res: RunResult = { index, run };
    if (first.sweep_value !== undefined) res.point = first.sweep_value as number;
    if (first.draw !== undefined) res.draw = first.draw as number;
    out.push(res);
  }
  return out;
}

/** Read and parse a manifest; a problem string when it is missing or not a shard manifest. */
export function readManifest(path: string): Manifest | string {
  if (!existsSync(path)) return `${path}: no manifest`;
  try {
    const m = JSON.parse(readFileSync(path, "utf8")) as Manifest;
    if (m.kind !== MANIFEST_KIND) return `${path}: not a shard manifest (kind ${JSON.stringify(m.kind)}, expected ${MANIFEST_KIND})`;
    return m;
  } catch (e) {
    return `${path}: cannot be read: ${(e as Error).message.split("\n")[0]}`;
  }
}

/**
 * Check a shard's rows file against its manifest: the SHA-256 of the bytes, then the row count and the run
 * table. Returns the rows, or the problems (each naming the file).
 */
export async function verifyShard(dataPath: string, m: Manifest): Promise<{ ok: true; rows: Record<string, unknown>[] } | { ok: false; problems: string[] }> {
  if (!existsSync(dataPath)) return { ok: false, problems: [`${dataPath}: rows file missing (named by its manifest)`] };
  const bytes = readFileSync(dataPath);
  const hash = sha256(bytes);
  if (hash !== m.sha256) return { ok: false, problems: [`${dataPath}: SHA-256 ${hash.slice(0, 12)}… does not match its manifest's ${String(m.sha256).slice(0, 12)}…`] };
  let rows: Record<string, unknown>[];
  try {
    rows = await decodeShardRows(bytes, m.format);
  } catch (e) {
    return { ok: false, problems: [`${dataPath}: cannot be read as ${m.format}: ${(e as Error).message.split("\n")[0]}`] };
  }
  const listed = m.runs.reduce((s, [, c]) => s + c, 0);
  if (rows.length !== m.rowCount || listed !== m.rowCount)
    return { ok: false, problems: [`${dataPath}: ${rows.length} rows, its manifest says ${m.rowCount} (runs list ${listed})`] };
  return { ok: true, rows };
}

/** The manifest of a shard's results, once its rows file's bytes are known. */
export function makeManifest(args: {
  settingsHash: string; modelVersion: string; layout: Layout; shard: { k: number; n: number }; totalRuns: number;
  file: string; format: OutputFormat; results: readonly RunResult[]; rowsPerRun: number[]; bytes: string | Uint8Array;
}): Manifest {
  return {
    kind: MANIFEST_KIND, modelVersion: args.modelVersion, settingsHash: args.settingsHash, layout: args.layout, shard: args.shard,
    totalRuns: args.totalRuns, file: basename(args.file), format: args.format,
    rowCount: args.rowsPerRun.reduce((a, b) => a + b, 0), sha256: sha256(args.bytes),
    runs: args.results.map((r, i) => [r.index, args.rowsPerRun[i]]),
  };
}

