/**
 * The bench measured the way a user feels it: through the public command (`npm run simulate`, here
 * `node cli/run.mjs simulate`, the same without npm's own start-up: the prebuilt CLI of cli/bundle.mjs,
 * built before the first timing), from outside, wall time of the whole process.
 *
 *  - Marginal cost of a creator-year: the slope of wall time between `sim.creators=2000` and
 *    `sim.creators=40000` with `--years 20 --seeds 1..4` and the five original regimes, `--workers 1`
 *    (one core, so the figure is a cost per core; start-up, parameter loading and output cancel in the
 *    difference). The bare kernel (kernel.ts) does the same number of creator-years in this process, so
 *    the ratio compares like with like on the same machine in the same minute.
 *  - A million creators: one seed, the five original regimes, default years, default workers; wall time
 *    and the peak resident memory of the process (all threads), read at exit by bench/rss-preload.cjs.
 *  - An uncertainty ensemble: 100 Latin-hypercube draws × 2 seeds × the five original regimes at
 *    defaults (1,000 runs), `--summary`, at `--workers 1` and `--workers 2`.
 * Each timing is the median of `reps` runs. Output goes to a temporary file so that writing to a pipe
 * is not part of the figure (the file write is).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { kernelColumns, kernelRun } from "./kernel";

const ROOT = resolve(import.meta.dirname, "..");
const PRELOAD = join(ROOT, "bench", "rss-preload.cjs");

/** The five regimes of version 1, which the budgets are stated for (later regimes are not in them). */
export const ORIGINAL_REGIMES = [
  "fair-use",
  "japan-30-4",
  "eu-opt-out",
  "licensing",
  "compulsory",
].join(",");

export interface CliRun { ms: number; rssMiB: number }
export interface CliPathReport {
  slope: {
    small: number; large: number; years: number; seeds: number; regimes: number;
    smallMs: number; largeMs: number; marginalNsPerCreatorYear: number;
    kernelNsPerCreatorYear: number; ratioToKernel: number;
  };
  million: { creators: number; seeds: number; regimes: number; ms: number; rssMiB: number };
  uncertainty: { draws: number; seeds: number; regimes: number; runs: number; workers1Ms: number; workers2Ms: number };
}

/** Median of a list of timings. */
export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Run `simulate` with these arguments once; wall time and peak memory. Throws with its stderr on failure. */
export function simulateOnce(args: string[]): CliRun {
  const dir = mkdtempSync(join(tmpdir(), "bench-cli-"));
  try {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ["--require", PRELOAD, "cli/run.mjs", "simulate", ...args, "--quiet", "--out", join(dir, "out.csv")], {
      cwd: ROOT, encoding: "utf8", stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 26,
    });
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(`simulate ${args.join(" ")} failed (${r.status}): ${r.stderr}`);
    const m = /\[bench-rss-kib\] (\d+)/.exec(r.stderr ?? "");
    return { ms, rssMiB: m ? Number(m[1]) / 1024 : NaN };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function simulateMedian(args: string[], reps: number): CliRun {
  const runs = Array.from({ length: reps }, () => simulateOnce(args));
  return { ms: median(runs.map((r) => r.ms)), rssMiB: Math.max(...runs.map((r) => r.rssMiB)) };
}

function kernelNs(creators: number, years: number, runs: number, reps: number): number {
  const cols = kernelColumns(creators);
  for (let k = 0; k < 3; k++) kernelRun(cols, years, 100 + k);
  const ms = median(Array.from({ length: reps }, () => {
    const t0 = performance.now();
    for (let r = 0; r < runs; r++) kernelRun(cols, years, r);
    return performance.now() - t0;
  }));
  return (ms * 1e6) / (creators * years * runs);
}

export interface CliPathOptions { quick: boolean; log: (s: string) => void }

export function runCliPathBench(opt: CliPathOptions): CliPathReport {
  const { quick, log } = opt;
  // Build the prebuilt CLI now if the sources changed, so that no timing below includes the build.
  const warm = spawnSync(process.execPath, ["cli/run.mjs", "simulate", "--version"], { cwd: ROOT, encoding: "utf8" });
  if (warm.status !== 0) throw new Error(`cli/run.mjs simulate --version failed (${warm.status}): ${warm.stderr}`);
  const reps = quick ? 1 : 3;
  const small = quick ? 1000 : 2000;
  const large = quick ? 3000 : 40_000;
  const years = quick ? 3 : 20;
  const seeds = quick ? 1 : 4;
  const base = ["--regime", ORIGINAL_REGIMES, "--years", String(years), "--seeds", `1..${seeds}`, "--summary", "--workers", "1"];
  log(`simulate slope: ${small} and ${large} creators, ${years} years, ${seeds} seeds, five regimes, --workers 1…`);
  const smallMs = simulateMedian([...base, "--set", `sim.creators=${small}`], reps).ms;
  const largeMs = simulateMedian([...base, "--set", `sim.creators=${large}`], reps).ms;
  const creatorYears = (large - small) * years * 5 * seeds;
  const marginal = ((largeMs - smallMs) * 1e6) / creatorYears;
  const kernel = kernelNs(large, years, 5 * seeds, reps);
  log(`  marginal ${marginal.toFixed(1)} ns/creator-year, kernel ${kernel.toFixed(2)} ns, ratio ${(marginal / kernel).toFixed(1)}`);

  const millionCreators = quick ? 5000 : 1_000_000;
  log(`simulate ${millionCreators} creators, one seed, five regimes…`);
  const million = simulateMedian(["--regime", ORIGINAL_REGIMES, "--seeds", "1", "--summary", "--set", `sim.creators=${millionCreators}`], quick ? 1 : 2);
  log(`  ${million.ms.toFixed(0)} ms, peak ${million.rssMiB.toFixed(0)} MiB`);

  const draws = quick ? 4 : 100;
  const useeds = 2;
  const ens = (w: number) => simulateMedian(["--regime", ORIGINAL_REGIMES, "--uncertainty", "lhs", "--draws", String(draws), "--seeds", `1..${useeds}`, "--summary", "--workers", String(w)], quick ? 1 : 2).ms;
  log(`uncertainty ensemble ${draws} draws × ${useeds} seeds × 5 regimes at --workers 1 and 2…`);
  const workers1Ms = ens(1);
  const workers2Ms = ens(2);
  log(`  ${workers1Ms.toFixed(0)} ms (1 worker), ${workers2Ms.toFixed(0)} ms (2 workers)`);
  return {
    slope: { small, large, years, seeds, regimes: 5, smallMs, largeMs, marginalNsPerCreatorYear: marginal, kernelNsPerCreatorYear: kernel, ratioToKernel: marginal / kernel },
    million: { creators: millionCreators, seeds: 1, regimes: 5, ms: million.ms, rssMiB: million.rssMiB },
    uncertainty: { draws, seeds: useeds, regimes: 5, runs: draws * useeds * 5, workers1Ms, workers2Ms },
  };
}
