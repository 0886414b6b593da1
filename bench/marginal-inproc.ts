/**
 * The marginal cost of a creator-year in this process (no CLI start-up): the slope of model time between
 * `sim.creators` 2,000 and 40,000, `--years 20`, seeds 1–2, the five original regimes, all series (as the
 * CLI bench, bench/cli-path.ts, but quicker and steadier for comparing two versions of the creators'
 * pass). Prints ns per creator-year, the best of `--reps` (default 3).
 *
 *   npx tsx bench/marginal-inproc.ts [--reps N] [--keys a,b]
 */
import { loadRegistry } from "../cli/files";
import { defaultSettings, runEnsemble } from "../models/index";
import { ORIGINAL_REGIMES } from "./cli-path";

const argv = process.argv.slice(2);
const val = (f: string) => { const i = argv.indexOf(f); return i >= 0 ? argv[i + 1] : undefined; };
const reps = Number(val("--reps") ?? 3);
const keys = val("--keys")?.split(",");
const regimes = ORIGINAL_REGIMES.split(",");
const defaults = defaultSettings(loadRegistry());
const seeds = [1, 2];
const time = (n: number) => {
  const params = { ...defaults, "sim.creators": n, "sim.years": 20 };
  runEnsemble(regimes, params, [99], keys);
  let best = Infinity;
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    runEnsemble(regimes, params, seeds, keys);
    best = Math.min(best, performance.now() - t0);
  }
  return best;
};
const small = time(2000), large = time(40_000);
const ns = ((large - small) * 1e6) / ((40_000 - 2000) * 20 * regimes.length * seeds.length);
console.log(`${ns.toFixed(1)} ns per creator-year (2,000: ${small.toFixed(0)} ms, 40,000: ${large.toFixed(0)} ms; ${keys ? keys.length + " keys" : "all series"})`);
