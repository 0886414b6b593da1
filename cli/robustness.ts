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
import { readFileSync } from "node:fs";
import { fail, registryOrFail, writeOutOrFail } from "./write";
import { ROBUSTNESS_USAGE, parseRobustnessArgs } from "./robustness-args";
import { renderRobustness } from "./robustness-run";

function main(argv: string[]): void {
  const registry = registryOrFail();
  const parsed = parseRobustnessArgs(argv, registry, (p) => readFileSync(p, "utf8"));
  if (!parsed.ok) fail(parsed.problems);
  if (parsed.request.kind === "help") {
    process.stdout.write(ROBUSTNESS_USAGE);
    return;
  }
  const text = renderRobustness(parsed.request);
  if (parsed.request.out) writeOutOrFail(parsed.request.out, text);
  else process.stdout.write(text);
}

main(process.argv.slice(2));
