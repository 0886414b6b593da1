/**
 * The `simulate` command: the public interface for citing results.
 *
 *   npm run simulate -- --regime compulsory --set compulsory.royalty_rate=0.15 --seeds 1..20 --summary
 *
 * Bad input exits with status 2, one line per problem on standard error, and writes nothing. The same
 * arguments give byte-identical output on every run (no clock, no locale, canonical number format).
 */
import { readFileSync, renameSync, writeFileSync, rmSync } from "node:fs";
import { loadRegistry } from "./files";
import { USAGE, parseArgs, type ListRequest, type SimulateRequest } from "./args";
import {
  MODEL_VERSION, REGIMES, RegistryError, formatSeeds, rowsToCsv, runEnsemble, summarizeRuns, summaryToCsv, toCsv, toJson, toRows,
  ROW_COLUMNS, SUMMARY_COLUMNS, type Registry, type Row, type RunOutput,
} from "../models/index";

/** Run a request and return the output text. */
export function renderRun(req: SimulateRequest): string {
  const runs = runEnsemble(req.regimes, req.settings, req.seeds);
  // Regime-major, then seed: the order a reader scans.
  const order = new Map(req.regimes.map((r, i) => [r, i]));
  runs.sort((a: RunOutput, b: RunOutput) => order.get(a.regime)! - order.get(b.regime)! || a.seed - b.seed);
  if (req.summary) {
    const rows = summarizeRuns(runs, req.scenario);
    return req.format === "json" ? toJson(rows, SUMMARY_COLUMNS) : summaryToCsv(rows);
  }
  const rows: Row[] = [];
  for (const r of runs) for (const row of toRows(r, req.scenario)) rows.push(row);
  return req.format === "json" ? toJson(rows, ROW_COLUMNS) : rowsToCsv(rows);
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

function fail(problems: string[]): never {
  for (const p of problems) process.stderr.write(`error: ${p}\n`);
  process.exit(2);
}

/** Write atomically: a temporary file renamed into place, so a failure leaves nothing half-written. */
function writeOut(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    fail([`--out: cannot write ${JSON.stringify(path)}: ${(e as Error).message.split("\n")[0]}`]);
  }
}

function main(argv: string[]): void {
  let registry: Registry;
  try {
    registry = loadRegistry();
  } catch (e) {
    if (e instanceof RegistryError) fail(e.problems);
    throw e;
  }
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
  const text = req.kind === "list" ? renderList(req, registry) : renderRun(req);
  if (req.out) writeOut(req.out, text);
  else process.stdout.write(text);
}

main(process.argv.slice(2));
