/**
 * Runs a CLI command from the prebuilt bundle (cli/bundle.mjs), building it first when the sources
 * changed: `node cli/run.mjs simulate --seeds 1..4 --summary` behaves as `tsx cli/simulate.ts …`, with
 * the same output byte for byte, but starts in plain Node and so do its worker threads.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ENTRIES, ensureBundle } from "./bundle.mjs";

const [name, ...rest] = process.argv.slice(2);
if (!ENTRIES.includes(name) || name === "worker") {
  process.stderr.write(`error: cli/run.mjs: unknown command ${JSON.stringify(name ?? "")}; allowed: ${ENTRIES.filter((e) => e !== "worker").join(", ")}\n`);
  process.exit(2);
}
let dir;
try {
  dir = await ensureBundle();
} catch (e) {
  process.stderr.write(`error: cannot build the CLI bundle: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
const entry = join(dir, `${name}.js`);
process.argv = [process.argv[0], entry, ...rest];
await import(pathToFileURL(entry).href);
