/**
 * The `simulate` command: the public interface for citing results.
 *
 *   npm run simulate -- --regime compulsory --set compulsory.royalty_rate=0.15 --seeds 1..20 --summary
 *
 * Bad input exits with status 2, one line per problem on standard error, and writes nothing. The same
 * arguments give byte-identical output on every run (no clock, no locale, canonical number format).
 */
import { mkdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { availableParallelism } from "node:os";
import { USAGE, parseArgs, type ListRequest, type SimulateRequest } from "./args";
import { MODEL_VERSION, REGIMES, formatSeeds, toCsv, type Registry } from "../models/index";
import { execute } from "./execute";
import { render } from "./output";
import { planHash, planRuns, shardIndices, tasksOf } from "./plan";
import { progressBar } from "./progress";
import { resolveAutoShard, shardComplete, shardPath, writeShard } from "./shard";
import { fail, registryOrFail, writeAtomic } from "./write";

/** Run a request (all of it, in this thread) and return the output: text, or bytes for Parquet. */
export async function renderRun(req: SimulateRequest, workers = 1): Promise<string | Uint8Array> {
  const plan = planRuns(req);
  const results = await execute(plan, tasksOf(plan, plan.computeOrder), workers, progressBar(plan.runs.length, req.quiet));
  return render(results, plan.layout, req.summary, req.format);
}

/** Run one shard of a request and write its rows and manifest (or skip it when they are already complete). */
async function runShard(req: SimulateRequest, shard: { k: number | "auto"; n: number }, workers: number): Promise<void> {
  const say = (line: string) => {
    if (!req.quiet) process.stderr.write(`${line}\n`);
  };
  let k: number;
  if (shard.k === "auto") {
    const a = resolveAutoShard(shard.n, process.env);
    if (!a.ok) fail([a.message]);
    k = a.k;
    say(`--shard auto/${shard.n}: shard ${k}/${shard.n} from ${a.source}`);
  } else k = shard.k;
  const file = shardPath(req.out!, k, shard.n);
  const plan = planRuns(req);
  const settingsHash = planHash(plan);
  const ctx = { layout: plan.layout, settingsHash, k, n: shard.n, totalRuns: plan.runs.length, format: req.format };
  if (await shardComplete(file, ctx)) {
    say(`shard ${k}/${shard.n}: ${file} and its manifest are already complete; skipped`);
    return;
  }
  const indices = shardIndices(plan, { k, n: shard.n });
  const results = await execute(plan, tasksOf(plan, indices), workers, progressBar(indices.length, req.quiet));
  try {
    mkdirSync(dirname(file), { recursive: true }); // each array task may be the first to write the results folder
    const rows = writeShard(file, results, ctx);
    say(`shard ${k}/${shard.n}: ${indices.length} of ${plan.runs.length} runs, ${rows} rows → ${file}`);
  } catch (e) {
    fail([`--out: ${(e as Error).message}`]);
  }
}

/** The text of a listing. */
export function renderList(req: ListRequest, registry: Registry): string {
  if (req.what === "params") {
    if (req.format === "json") return JSON.stringify(registry.parameters, null, 2) + "\n";
    return toCsv(
      registry.parameters.map((p) => ({
        id: p.id, label: p.label, unit: p.unit, kind: p.kind, group: p.group, default: p.default,
        min: p.range.min, max: p.range.max, step: p.range.step, status: p.status, sources: p.sources.map((s) => s.id).join(";"),
      })),
      ["id", "label", "unit", "kind", "group", "default", "min", "max", "step", "status", "sources"],
    );
  }
  if (req.what === "regimes") {
    const recs = REGIMES.map((r) => ({ id: r.id, label: r.label, summary: r.summary, modelled: r.modelled, sources: r.sources }));
    if (req.format === "json") return JSON.stringify(recs, null, 2) + "\n";
    return toCsv(recs.map((r) => ({ ...r, sources: r.sources.map((s) => s.id).join(";") })), ["id", "label", "summary", "modelled", "sources"]);
  }
  const recs = [...registry.scenarios.entries()].map(([id, s]) => ({
    id, title: s.title, description: s.description, regimes: s.regimes, overrides: s.overrides, seeds: s.seeds,
  }));
  if (req.format === "json") return JSON.stringify(recs, null, 2) + "\n";
  return toCsv(
    recs.map((r) => ({
      id: r.id, title: r.title, regimes: r.regimes.join(";"),
      overrides: Object.entries(r.overrides).map(([k, v]) => `${k}=${v}`).join(";"),
      seeds: Array.isArray(r.seeds) ? formatSeeds(r.seeds) : String(r.seeds), description: r.description,
    })),
    ["id", "title", "regimes", "overrides", "seeds", "description"],
  );
}

async function main(argv: string[]): Promise<void> {
  const registry = registryOrFail();
  const parsed = parseArgs(argv, registry, (p) => readFileSync(p, "utf8"));
  if (!parsed.ok) fail(parsed.problems);
  const req = parsed.request;
  if (req.kind === "help") {
    process.stdout.write(USAGE);
    return;
  }
  if (req.kind === "version") {
    process.stdout.write(`${MODEL_VERSION}\n`);
    return;
  }
  if (req.kind === "list") {
    const text = renderList(req, registry);
    if (req.out) write(req.out, text);
    else process.stdout.write(text);
    return;
  }
  if (req.uncertainty && req.uncertainty.ids.length === 0 && !req.quiet)
    process.stderr.write("warning: --uncertainty: no parameter that is not set explicitly declares an uncertainty; every draw has the same settings\n");
  const workers = req.workers ?? availableParallelism();
  if (req.shard) return runShard(req, req.shard, workers);
  const out = await renderRun(req, workers);
  if (req.out) write(req.out, out);
  else process.stdout.write(out);
}

function write(path: string, data: string | Uint8Array): void {
  try {
    writeAtomic(path, data);
  } catch (e) {
    fail([`--out: ${(e as Error).message}`]);
  }
}

await main(process.argv.slice(2));
