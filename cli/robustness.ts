/**
 * The `robustness` command: how often one regime beats another across parameter draws, and what flips it.
 *
 *   npm run robustness -- --regimes compulsory,licensing --metric total_surplus --draws 40
 *   npm run robustness -- --regimes eu-opt-out,fair-use --metric developer_cost --draws 40 --format json
 *
 * The win share of a over b across Latin-hypercube draws × seeds with a Wilson 95% interval, and the
 * parameters whose value flips the ranking; see `ROBUSTNESS_USAGE` and `models/analysis/robustness.ts`. Bad input exits with status 2, one line per problem on standard error, and writes
 * nothing. The same arguments give byte-identical output (fixed seeds and design seed, canonical numbers).
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { RegistryError, type Registry } from "../models/index";
import { loadRegistry } from "./files";
import { ROBUSTNESS_USAGE, parseRobustnessArgs } from "./robustness-args";
import { renderRobustness } from "./robustness-run";

function fail(problems: string[]): never {
  for (const p of problems) process.stderr.write(`error: ${p}\n`);
  process.exit(2);
}

/** Write atomically (a temporary file renamed into place), so a failure leaves nothing half-written. */
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
  const parsed = parseRobustnessArgs(argv, registry, (p) => readFileSync(p, "utf8"));
  if (!parsed.ok) fail(parsed.problems);
  if (parsed.request.kind === "help") {
    process.stdout.write(ROBUSTNESS_USAGE);
    return;
  }
  const text = renderRobustness(parsed.request);
  if (parsed.request.out) writeOut(parsed.request.out, text);
  else process.stdout.write(text);
}

main(process.argv.slice(2));
