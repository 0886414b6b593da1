/**
 * The simulation client for the explorer and the notebook figures: run the model for some regimes,
 * settings and seeds in Web Workers, and receive quantile summaries as seeds finish (a first summary
 * as soon as the first seed is done for every regime, then more as the bands fill in).
 *
 * @example
 *   const sim = createSimClient();
 *   sim.run({ scenario: "explorer", regimes: ["fair-use", "compulsory"], settings: { "compulsory.royalty_rate": 0.1 },
 *             seeds: [1, 2, 3, 4, 5], keys: ["creator_revenue"] },
 *           (p) => draw(p.summary)); // called with seedsDone = 1, then more, last 5 (done: true)
 *
 * Each (seed, regime) is one task in the shared worker pool, queued seed by seed, so the regimes of the
 * first seed run in parallel and the first summary comes after about ⌈regimes ÷ workers⌉ runs.
 * A new `run` cancels the previous one of the same client (its queued tasks are withdrawn and its late
 * results ignored). Each client has its own generation counter; clients share one worker pool.
 * Creating a client schedules a warm-up of the pool's workers when the page is idle.
 * Not responsible for drawing (src/lib/charts/) or for the URL (src/lib/url-state.ts).
 */
import { REGIME_IDS } from "../../models/regimes/index";
import { summarizeRuns } from "../../models/results/summary";
import type { RunOutput, SummaryRow } from "../../models/index";
import { getPool, warmPoolWhenIdle } from "./sim-pool";

export interface SimRequest {
  /** Label written in the `scenario` column of the rows (e.g. "explorer"); no overrides are looked up from it. */
  scenario: string;
  regimes: string[];
  /** Complete or partial settings (parameter id → value); missing ids take defaults, invalid ones are dropped and reported in `problems`. */
  settings: Record<string, number>;
  seeds: number[];
  /** Series keys to summarise ("metric" or "metric|group"); default all. */
  keys?: string[];
}

export interface SimProgress {
  summary: SummaryRow[];
  seedsDone: number;
  seedsTotal: number;
  done: boolean;
  /** Settings the model rejected (key, value, allowed range), if any; they fell back to defaults. */
  problems?: string[];
  /** Set when a run failed; `summary` then holds what finished before the failure. */
  error?: string;
}

export interface SimClient {
  run(req: SimRequest, onProgress: (p: SimProgress) => void): void;
  cancel(): void;
  dispose(): void;
  /** The per-seed runs of the latest request finished so far, ordered by seed then regime (for raw exports). */
  runs(): RunOutput[];
}

/** How many seeds the first, quick summary waits for (all regimes of the first seed). */
const FIRST_SEEDS = 1;
/** Least time between two progressive summaries (ms); the final one is always sent. */
const MIN_INTERVAL_MS = 250;

let nextOwner = 1;

export function createSimClient(): SimClient {
  const owner = nextOwner++;
  warmPoolWhenIdle();
  let generation = 0;
  let latest: RunOutput[] = [];
  let latestOrder: { seeds: number[]; regimes: string[] } = { seeds: [], regimes: [] };
  let disposed = false;

  function cancel() {
    generation++;
    getPool().withdraw(owner);
  }

  function run(req: SimRequest, onProgress: (p: SimProgress) => void) {
    if (disposed) throw new Error("sim client: run() after dispose()");
    cancel();
    const gen = generation;
    const regimes = req.regimes.filter((r) => (REGIME_IDS as readonly string[]).includes(r));
    const seeds = [...new Set(req.seeds)];
    const bySeed = new Map<number, RunOutput[]>();
    const problems = new Set<string>();
    let lastEmit = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    latest = [];
    latestOrder = { seeds, regimes };

    const collect = (): RunOutput[] => seeds.flatMap((s) => bySeed.get(s) ?? []);
    const emit = (done: boolean, error?: string) => {
      if (gen !== generation) return;
      if (timer) clearTimeout(timer);
      timer = undefined;
      lastEmit = Date.now();
      latest = collect();
      const summary = summarizeRuns(latest, req.scenario, req.keys);
      onProgress({ summary, seedsDone: bySeed.size, seedsTotal: seeds.length, done, problems: problems.size ? [...problems] : undefined, error });
    };

    if (regimes.length === 0 || seeds.length === 0) {
      onProgress({ summary: [], seedsDone: 0, seedsTotal: seeds.length, done: true, error: regimes.length ? "no seeds" : "no known regimes" });
      return;
    }
    const partial = new Map<number, RunOutput[]>();
    for (const seed of seeds) {
      for (const regime of regimes) {
        getPool().submit(owner, { regimes: [regime], settings: req.settings, seed }, (result) => {
          if (gen !== generation) return; // stale: a newer request arrived
          if (!result.ok) {
            getPool().withdraw(owner);
            emit(true, result.error);
            generation++; // later results of this request are ignored
            return;
          }
          for (const p of result.problems) problems.add(p);
          const got = partial.get(seed) ?? [];
          got.push(...result.runs);
          if (got.length < regimes.length) { partial.set(seed, got); return; }
          partial.delete(seed);
          // Request order of regimes within a seed (as runEnsemble returns them).
          const rank = new Map(regimes.map((r, i) => [r, i]));
          bySeed.set(seed, got.sort((a, b) => rank.get(a.regime)! - rank.get(b.regime)!));
          const n = bySeed.size;
          if (n === seeds.length) emit(true);
          else if (n === Math.min(FIRST_SEEDS, seeds.length)) emit(false);
          else if (n > FIRST_SEEDS && !timer) {
            const wait = Math.max(0, MIN_INTERVAL_MS - (Date.now() - lastEmit));
            timer = setTimeout(() => emit(false), wait);
          }
        });
      }
    }
  }

  return {
    run,
    cancel,
    dispose() {
      cancel();
      disposed = true;
      latest = [];
    },
    runs() {
      // Order by seed, then by regime in the request order (the CLI's order).
      const rank = new Map(latestOrder.regimes.map((r, i) => [r, i]));
      return [...latest].sort((a, b) => a.seed - b.seed || (rank.get(a.regime)! - rank.get(b.regime)!));
    },
  };
}
