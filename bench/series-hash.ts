/**
 * Byte-identity check for speed work: sha256 of every series of every regime at the given seeds
 * (default 1–2) at the defaults, one line per run and series, then one line for all of them. Run it
 * before and after a change (e.g. with `git stash`) and compare the outputs with `diff`.
 *
 *   npx tsx bench/series-hash.ts [--seeds 1,2] > /tmp/after.txt
 */
import { createHash } from "node:crypto";
import { loadRegistry } from "../cli/files";
import { REGIME_IDS, defaultSettings, runEnsemble } from "../models/index";

const argv = process.argv.slice(2);
const i = argv.indexOf("--seeds");
const seeds = (i >= 0 ? argv[i + 1] : "1,2").split(",").map(Number);
const all = createHash("sha256");
for (const run of runEnsemble([...REGIME_IDS], defaultSettings(loadRegistry()), seeds)) {
  for (const key of Object.keys(run.series).sort()) {
    const col = run.series[key];
    const bytes = new Uint8Array(col.buffer, col.byteOffset, col.byteLength);
    all.update(`${run.regime}|${run.seed}|${key}|`).update(bytes);
    console.log(`${run.regime} ${run.seed} ${key} ${createHash("sha256").update(bytes).digest("hex").slice(0, 16)}`);
  }
}
console.log(`ALL ${all.digest("hex")}`);
