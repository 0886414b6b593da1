/**
 * The Node part of the bench: the model's cost per creator-year at 1×, 2×, 4× and 10× the default
 * creators against the bare kernel, one full explorer run and a 100-seed ensemble (single-threaded and
 * with a worker_threads pool), the model at 1,000,000 creators and whole runs per second per core.
 * The regimes are the five of version 1, which the budgets are stated for.
 *
 * Unit of work: one call of `runEnsemble(all five regimes, defaults, seeds)`, initial populations and
 * all, timed end to end. Creator-years = creators × years × regimes × seeds. The kernel does the same
 * number of creator-years (see kernel.ts).
 */
import { cpus } from "node:os";
import { loadRegistry } from "../cli/files";
import { defaultSettings, runEnsemble, runModel, summarizeRuns } from "../models/index";
import { ORIGINAL_REGIMES, median } from "./cli-path";
import { kernelColumns, kernelRun } from "./kernel";
import { NodePool } from "./node-pool";

export interface SizeFigure {
  multiplier: number; creators: number; years: number; regimes: number; seeds: number; creatorYears: number;
  modelMs: number; modelNsPerCreatorYear: number; kernelNsPerCreatorYear: number; ratioToKernel: number;
}

export interface NodeReport {
  unit: string;
  sizes: SizeFigure[];
  kernelNsPerCreatorYear: number;
  modelNsPerCreatorYear: number;
  ratioToKernel: number;
  /** ns per creator-year at the largest multiplier ÷ at 1× (1 = linear; below 1 = fixed costs dominate at 1×). */
  linearity: number;
  linearityMultiplier: number;
  explorer: { seeds: number; regimes: number; singleThreadMs: number; workersMs: number | null; workers: number };
  ensemble: { seeds: number; regimes: number; singleThreadMs: number; workersMs: number | null; workers: number };
  large: { creators: number; oneRunMs: number; fiveRegimesMs: number };
  /** Whole runs (one regime, one seed, defaults) per second on one core, in this process. */
  runsPerSecondPerCore: number;
  /** ns per creator-year at `large.creators` (five regimes, one seed) ÷ at the first size. */
  largeLinearity: number;
}

export interface NodeOptions { quick: boolean; log: (s: string) => void; workers: boolean }


function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

const seedList = (n: number, from = 1) => Array.from({ length: n }, (_, i) => from + i);

export async function runNodeBench(opt: NodeOptions): Promise<NodeReport> {
  const { quick, log } = opt;
  const registry = loadRegistry();
  const defaults = defaultSettings(registry);
  const regimes = ORIGINAL_REGIMES.split(",");
  const baseCreators = quick ? 1000 : defaults["sim.creators"];
  const years = defaults["sim.years"];
  const reps = quick ? 1 : 5;
  const withCreators = (n: number) => ({ ...defaults, "sim.creators": n });

  // Warm up the JIT on the model and the kernel (several ensembles, as a page would after a few moves).
  log("warming up…");
  const warmParams = withCreators(baseCreators);
  // V8 tiers hot code up over many calls (Sparkplug, Maglev, TurboFan): warm until the time per
  // ensemble settles (three in a row within 10% of each other), as a page's worker is after a few moves.
  const warmTimes: number[] = [];
  for (let k = 0; k < (quick ? 1 : 60); k++) {
    warmTimes.push(time(() => runEnsemble(regimes, warmParams, [900 + k])));
    const last = warmTimes.slice(-3);
    if (!quick && k >= 10 && Math.max(...last) <= 1.1 * Math.min(...last)) break;
  }
  const warmCols = kernelColumns(baseCreators);
  for (let k = 0; k < (quick ? 1 : 20); k++) kernelRun(warmCols, years, k);

  // Model vs kernel at 1×, 2×, 4×, 10× the default creators. Same work per size: seeds shrink as creators grow.
  const multipliers = [1, 2, 4, 10];
  const sizes: SizeFigure[] = [];
  for (const m of multipliers) {
    const creators = baseCreators * m;
    const seeds = seedList(Math.max(1, Math.round((quick ? 1 : 4) / m)));
    const params = withCreators(creators);
    const creatorYears = creators * years * regimes.length * seeds.length;
    // Warm this exact call until its time settles too (a new call shape can trigger re-optimisation).
    const settle: number[] = [];
    for (let k = 0; k < (quick ? 1 : 15); k++) {
      settle.push(time(() => runEnsemble(regimes, params, seeds)));
      const last = settle.slice(-3);
      if (quick || (k >= 2 && Math.max(...last) <= 1.1 * Math.min(...last))) break;
    }
    const modelMs = median(Array.from({ length: reps }, () => time(() => runEnsemble(regimes, params, seeds))));
    const cols = kernelColumns(creators);
    const kernelMs = median(Array.from({ length: Math.max(3, reps) }, () =>
      time(() => { for (let r = 0; r < regimes.length * seeds.length; r++) kernelRun(cols, years, r); })));
    const f: SizeFigure = {
      multiplier: m, creators, years, regimes: regimes.length, seeds: seeds.length, creatorYears, modelMs,
      modelNsPerCreatorYear: (modelMs * 1e6) / creatorYears, kernelNsPerCreatorYear: (kernelMs * 1e6) / creatorYears, ratioToKernel: 0,
    };
    f.ratioToKernel = f.modelNsPerCreatorYear / f.kernelNsPerCreatorYear;
    sizes.push(f);
    log(`  ${m}× (${creators} creators, ${seeds.length} seed(s)): model ${f.modelNsPerCreatorYear.toFixed(1)} ns/creator-year, kernel ${f.kernelNsPerCreatorYear.toFixed(2)}, ratio ${f.ratioToKernel.toFixed(1)}`);
  }

  // One full explorer run (default seeds) and a 100-seed ensemble, single-threaded, summaries included.
  const explorerSeeds = seedList(quick ? 2 : 20);
  const ensembleSeeds = seedList(quick ? 4 : 100);
  const params = quick ? withCreators(baseCreators) : defaults;
  const fullP = (seeds: number[]) => () => summarizeRuns(runEnsemble(regimes, params, seeds), "bench");
  log("explorer run, single thread…");
  const explorerSingle = median(Array.from({ length: quick ? 1 : 3 }, () => time(fullP(explorerSeeds))));
  log("100-seed ensemble, single thread…");
  const ensembleSingle = time(fullP(ensembleSeeds));

  let explorerWorkers: number | null = null;
  let ensembleWorkers: number | null = null;
  const nWorkers = Math.max(1, cpus().length);
  if (opt.workers) {
    log(`worker_threads pool (${nWorkers})…`);
    const pool = await NodePool.create(nWorkers);
    try {
      await pool.warm(regimes, params, quick ? 1 : 4);
      const runs: number[] = [];
      for (let k = 0; k < (quick ? 1 : 3); k++) runs.push(await timeAsync(async () => summarizeRuns(await pool.run(regimes, params, explorerSeeds), "bench")));
      explorerWorkers = median(runs);
      ensembleWorkers = await timeAsync(async () => summarizeRuns(await pool.run(regimes, params, ensembleSeeds), "bench"));
    } finally {
      await pool.close();
    }
  }

  // A million creators, in this process (the CLI figure is in cli-path.ts).
  const largeCreators = quick ? 5000 : 1_000_000;
  const large = withCreators(largeCreators);
  log(`${largeCreators} creators…`);
  const oneRunMs = time(() => runModel({ regime: "compulsory", params: large, seed: 1 }));
  const fiveRegimesMs = time(() => runEnsemble(regimes, large, [1]));

  // Whole runs per second per core at defaults (one regime and seed per run, populations included).
  const one = () => runModel({ regime: "compulsory", params: defaults, seed: 7 });
  for (let k = 0; k < (quick ? 1 : 3); k++) one();
  const oneMs = median(Array.from({ length: quick ? 1 : 5 }, () => time(one)));

  const first = sizes[0];
  const lastSize = sizes[sizes.length - 1];
  return {
    unit: "runEnsemble over all five regimes (initial populations included), timed end to end; creator-years = creators × years × regimes × seeds; median of repeated runs after warm-up",
    sizes,
    kernelNsPerCreatorYear: first.kernelNsPerCreatorYear,
    modelNsPerCreatorYear: first.modelNsPerCreatorYear,
    ratioToKernel: first.ratioToKernel,
    linearity: lastSize.modelNsPerCreatorYear / first.modelNsPerCreatorYear,
    linearityMultiplier: lastSize.multiplier,
    explorer: { seeds: explorerSeeds.length, regimes: regimes.length, singleThreadMs: explorerSingle, workersMs: explorerWorkers, workers: opt.workers ? nWorkers : 0 },
    ensemble: { seeds: ensembleSeeds.length, regimes: regimes.length, singleThreadMs: ensembleSingle, workersMs: ensembleWorkers, workers: opt.workers ? nWorkers : 0 },
    large: { creators: largeCreators, oneRunMs, fiveRegimesMs },
    runsPerSecondPerCore: 1000 / oneMs,
    largeLinearity: ((fiveRegimesMs * 1e6) / (largeCreators * years * regimes.length)) / first.modelNsPerCreatorYear,
  };
}
