/**
 * The `merge` command: the shards of a sweep, checked against their manifests (see merge-shards.ts), into
 * one output that is byte-identical to the unsharded run; `--summary` is computed after the merge.
 *
 *   npm run merge -- results/ --summary --format parquet --out sweep.parquet
 *
 * A missing, duplicated or mismatched shard exits 2 naming it, and writes nothing.
 */
import { MERGE_USAGE, collectShards, manifestPaths, parseMergeArgs } from "./merge-shards";
import { render } from "./output";
import { fail, writeAtomic } from "./write";

async function main(argv: string[]): Promise<void> {
  const parsed = parseMergeArgs(argv);
  if (!parsed.ok) fail(parsed.problems);
  if (parsed.request === "help") {
    process.stdout.write(MERGE_USAGE);
    return;
  }
  const req = parsed.request;
  const problems: string[] = [];
  const paths = manifestPaths(req.inputs, problems);
  if (problems.length) fail(problems);
  const c = await collectShards(paths);
  if (!c.ok) fail(c.problems);
  const out = render(c.results, c.manifest.layout, req.summary, req.format);
  try {
    writeAtomic(req.out, out);
  } catch (e) {
    fail([`--out: ${(e as Error).message}`]);
  }
}

await main(process.argv.slice(2));
