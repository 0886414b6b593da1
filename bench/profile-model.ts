/**
 * Where the model spends its time: runs the default explorer ensemble (five regimes × 20 seeds) a few
 * times after a warm-up, for `node --cpu-prof`. Prints nothing but the time; read the profile with
 * `npx tsx bench/cpuprofile-top.ts FILE`.
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-model.ts [--creators N] [--keys a,b,…]
 *
 * `--keys`: only those series (runModel's `keys`; the explorer asks for about fifteen, none of them a
 * decile or the Gini, so its runs skip that bookkeeping).
 */
import { loadRegistry } from "../cli/files";
import { REGIME_IDS, defaultSettings, runEnsemble } from "../models/index";

const argv = process.argv.slice(2);
const i = argv.indexOf("--creators");
const defaults = defaultSettings(loadRegistry());
const params = i >= 0 ? { ...defaults, "sim.creators": Number(argv[i + 1]) } : defaults;
const k = argv.indexOf("--keys");
const keys = k >= 0 ? argv[k + 1].split(",") : undefined;
const seeds = Array.from({ length: 20 }, (_, k) => k + 1);
for (let k = 0; k < 3; k++) runEnsemble([...REGIME_IDS], params, [100 + k], keys);
const t0 = performance.now();
for (let k = 0; k < 3; k++) runEnsemble([...REGIME_IDS], params, seeds, keys);
console.log(`${((performance.now() - t0) / 3).toFixed(0)} ms per 5 × 20 ensemble`);
