/**
 * Running one shard of a run list: which shard (from `--shard k/n`, or from the array index of a batch
 * system with `auto/n`), resuming when its files are already complete, and writing rows then manifest.
 */
import { existsSync, rmSync } from "node:fs";
import { MODEL_VERSION, toRows } from "../models/index";
import type { OutputFormat } from "./args";
import { rowRecords, rowColumns, type RunResult } from "./output";
import type { Layout } from "./plan";
import { encodeShardRows, makeManifest, manifestPath, readManifest, verifyShard } from "./shard-files";
import { writeAtomic } from "./write";

/** The array-index variables understood by `--shard auto/<n>`, in the order they are looked for (all 0- or min-based). */
export const ARRAY_INDEX_VARS = ["SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX", "AWS_BATCH_JOB_ARRAY_INDEX"] as const;

/**
 * The shard k (1-based) for `--shard auto/<n>` from the environment: Slurm's SLURM_ARRAY_TASK_ID counted
 * from SLURM_ARRAY_TASK_MIN (so `--array=0-3` and `--array=1-4` both give k = 1..4), a Kubernetes Indexed
 * Job's JOB_COMPLETION_INDEX + 1, or AWS Batch's AWS_BATCH_JOB_ARRAY_INDEX + 1.
 * @example resolveAutoShard(4, { JOB_COMPLETION_INDEX: "2" }) // => { ok: true, k: 3, source: "JOB_COMPLETION_INDEX=2 (k = index + 1)" }
 */
export function resolveAutoShard(n: number, env: Record<string, string | undefined>): { ok: true; k: number; source: string } | { ok: false; message: string } {
  for (const name of ARRAY_INDEX_VARS) {
    const raw = env[name];
    if (raw === undefined || raw === "") continue;
    if (!/^\d+$/.test(raw)) return { ok: false, message: `--shard auto/${n}: ${name}=${JSON.stringify(raw)} is not a whole number` };
    let k = Number(raw) + 1;
    let source = `${name}=${raw} (k = index + 1)`;
    if (name === "SLURM_ARRAY_TASK_ID") {
      const min = env.SLURM_ARRAY_TASK_MIN !== undefined && /^\d+$/.test(env.SLURM_ARRAY_TASK_MIN) ? Number(env.SLURM_ARRAY_TASK_MIN) : 1;
      k = Number(raw) - min + 1;
      source = `${name}=${raw} (k = id − SLURM_ARRAY_TASK_MIN + 1, min ${min})`;
    }
    if (k < 1 || k > n) return { ok: false, message: `--shard auto/${n}: ${source} gives shard ${k}, outside 1..${n}` };
    return { ok: true, k, source };
  }
  return { ok: false, message: `--shard auto/${n}: none of ${ARRAY_INDEX_VARS.join(", ")} is set (allowed: run inside an array job, or give --shard <k>/${n})` };
}

/** `{k}` and `{n}` in an output path stand for the shard. @example shardPath("out/shard-{k}-of-{n}.csv", 2, 4) // => "out/shard-2-of-4.csv" */
export function shardPath(path: string, k: number, n: number): string {
  return path.replaceAll("{k}", String(k)).replaceAll("{n}", String(n));
}

/**
 * Whether a shard's rows and manifest already exist and verify for this request (same model version,
 * settings hash, shard and format; the rows' hash and count match): then it need not run again.
 */
export async function shardComplete(file: string, expect: { settingsHash: string; k: number; n: number; format: OutputFormat }): Promise<boolean> {
  if (!existsSync(file) || !existsSync(manifestPath(file))) return false;
  const m = readManifest(manifestPath(file));
  if (typeof m === "string") return false;
  if (m.modelVersion !== MODEL_VERSION || m.settingsHash !== expect.settingsHash || m.shard?.k !== expect.k || m.shard?.n !== expect.n || m.format !== expect.format) return false;
  return (await verifyShard(file, m)).ok;
}

/** Write a shard's rows (full precision) and then its manifest: the manifest's presence marks the shard complete. */
export function writeShard(file: string, results: readonly RunResult[], ctx: { layout: Layout; settingsHash: string; k: number; n: number; totalRuns: number; format: OutputFormat }): number {
  const records = rowRecords(results, ctx.layout);
  const rowsPerRun = results.map((r) => toRows(r.run, ctx.layout.scenario).length);
  const bytes = encodeShardRows(records, rowColumns(ctx.layout), ctx.format);
  const manifest = makeManifest({
    settingsHash: ctx.settingsHash, modelVersion: MODEL_VERSION, layout: ctx.layout, shard: { k: ctx.k, n: ctx.n }, totalRuns: ctx.totalRuns,
    file, format: ctx.format, results, rowsPerRun, bytes,
  });
  rmSync(manifestPath(file), { force: true }); // an old manifest must not vouch for new rows
  writeAtomic(file, bytes);
  writeAtomic(manifestPath(file), JSON.stringify(manifest, null, 2).replace(/\[\s+(\d+),\s+(\d+)\s+\]/g, "[$1, $2]") + "\n");
  return records.length;
}
