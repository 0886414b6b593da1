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
import { readFileSync } from "node:fs";
import { fail, registryOrFail, writeOutOrFail } from "./write";
import { SENSITIVITY_USAGE, parseSensitivityArgs } from "./sensitivity-args";
import { renderSensitivity } from "./sensitivity-run";

function main(argv: string[]): void {
  const registry = registryOrFail();
  const parsed = parseSensitivityArgs(argv, registry, (p) => readFileSync(p, "utf8"));
  if (!parsed.ok) fail(parsed.problems);
  if (parsed.request.kind === "help") {
    process.stdout.write(SENSITIVITY_USAGE);
    return;
  }
  const text = renderSensitivity(parsed.request, registry);
  if (parsed.request.out) writeOutOrFail(parsed.request.out, text);
  else process.stdout.write(text);
}

main(process.argv.slice(2));
