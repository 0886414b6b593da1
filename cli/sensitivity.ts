/**
 * The `sensitivity` command: which uncertain parameters move a result most.
 *
 *   npm run sensitivity -- --regime compulsory --metric creator_revenue --year 2035
 *   npm run sensitivity -- --regime eu-opt-out --metric developer_cost --method morris --format json
 *
 * One-at-a-time swings between each parameter's 5th and 95th percentiles (or its range with
 * `--bounds range`), and with `--method morris` Morris elementary effects; see `SENSITIVITY_USAGE` and
 * `models/analysis/`. Bad input exits with status 2, one line per problem on standard error, and writes
 * nothing. The same arguments give byte-identical output (fixed seeds and design seed, canonical numbers).
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { RegistryError, type Registry } from "../models/index";
import { loadRegistry } from "./files";
import { SENSITIVITY_USAGE, parseSensitivityArgs } from "./sensitivity-args";
import { renderSensitivity } from "./sensitivity-run";

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
  const parsed = parseSensitivityArgs(argv, registry, (p) => readFileSync(p, "utf8"));
  if (!parsed.ok) fail(parsed.problems);
  if (parsed.request.kind === "help") {
    process.stdout.write(SENSITIVITY_USAGE);
    return;
  }
  const text = renderSensitivity(parsed.request, registry);
  if (parsed.request.out) writeOut(parsed.request.out, text);
  else process.stdout.write(text);
}

main(process.argv.slice(2));
