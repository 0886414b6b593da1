/**
 * The one run-and-summarise module, shared by the explorer and the notebook figures (LiveFigure,
 * SweepFigure): run the model for some regimes, settings and seeds in Web Workers, and receive quantile
 * summaries as seeds finish (a first summary as soon as the first seed is done for every regime, then
 * more as the bands fill in). Each summary is computed once, here, derived keys ("metric|d01+d02")
 * included; the workers send back only the series the keys need.
 *
 * @example
 *   const sim = createSimClient();
 *   sim.run({ scenario: "explorer", regimes: ["fair-use", "compulsory"], settings: { "compulsory.royalty_rate": 0.1 },
 *             seeds: [1, 2, 3, 4, 5], keys: ["creator_revenue"] },
 *           (p) => draw(p.summary)); // called with seedsDone = 1, then more, last 5 (done: true)
 *
 * Each (seed, regime) is one task in the shared worker pool, queued seed by seed, so the regimes of the
 * first seed run in parallel and the first summary comes after about ⌈regimes ÷ workers⌉ runs. The
 * first seed is queued alone, and the others once its summary is out and the frame the page drew from
 * it is painted (`afterPaint`), so that neither the first run nor the drawing and painting of its
 * result share the machine with them (the first redraw, issue 14); a client at `shown` priority also
 * holds every other client's background work back until then (`SimPool.hold`). Later summaries come at most every
 * `MIN_INTERVAL_MS`, and not when the last seed is expected within `FINAL_SOON_MS` (`soonDone`): each
 * one redraws every chart, which on two cores slows the runs still to come.
 * A (seed, regime) run the page already has for settings that agree on every parameter it read is reused
 * instead of queued (run-cache.ts): moving the royalty rate reruns only the regimes that read it.
 * A new `run` cancels the previous one of the same client (its queued tasks are withdrawn and its late
 * results ignored). Each client has its own generation counter; clients share one worker pool.
 * Creating a client schedules a warm-up of the pool's workers when the page is idle.
 * `completeRuns` runs a request once more with every series, for the per-seed download.
 * Not responsible for drawing (src/lib/charts/) or for the URL (src/lib/url-state.ts).
 */
import { REGIME_IDS } from "../../models/regimes/types";
import type { RunOutput, SummaryRow } from "../../models/results/types";
import { modelKeys, summarizeWithDerived } from "./derived-series";
import { RunCache } from "./run-cache";
import { PRIORITY, getPool, newOwner, warmPoolWhenIdle, type Priority } from "./sim-pool";
import type { SimTaskResult } from "./sim-protocol";

/** The page's runs, reused for settings that differ only in parameters a run never read (run-cache.ts). */
const runCache = new RunCache();

export interface SimRequest {
  /** Label written in the `scenario` column of the rows (e.g. "explorer"); no overrides are looked up from it. */
  scenario: string;
  regimes: readonly string[];
  /** Complete or partial settings (parameter id → value); missing ids take defaults, invalid ones are dropped and reported in `problems`. */
  settings: Readonly<Record<string, number>>;
  seeds: readonly number[];
  /** Series keys to summarise ("metric", "metric|group" or a derived "metric|a+b"); default all. */
  keys?: readonly string[];
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
}

/** How many seeds the first, quick summary waits for (all regimes of the first seed). */
const FIRST_SEEDS = 1;
/** Least time between two progressive summaries (ms); the final one is always sent. */
const MIN_INTERVAL_MS = 400;

/** A progressive summary is skipped when the last seed is expected within this many ms (`soonDone`). */
const FINAL_SOON_MS = 200;

/**
 * Whether the remaining seeds are expected within `FINAL_SOON_MS`, at the pace of the seeds done since
 * the first summary (`since` of them between `firstAt` and `now`, ms).
 * @example soonDone(0, 400, 16, 2) // => true (2 more seeds at 25 ms each)
 */
export function soonDone(firstAt: number, now: number, since: number, remaining: number): boolean {
  if (since <= 0) return false;
  return (remaining * (now - firstAt)) / since < FINAL_SOON_MS;
}

/** Longest wait for a painted frame before the other seeds are queued anyway (a hidden page paints none). */
const PAINT_WAIT_MS = 100;

/** Run `f` once, in a task after the next painted frame, or after `PAINT_WAIT_MS` if no frame comes. */
function afterPaint(f: () => void): void {
  let ran = false;
  const once = () => { if (!ran) { ran = true; f(); } };
  const timer = setTimeout(once, PAINT_WAIT_MS);
  if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => setTimeout(() => { clearTimeout(timer); once(); }, 0));
}

/** What `submitRequest` reports: the runs of each seed as it completes (regimes in request order), or a failure. */
interface RequestEvents {
  seed(seed: number, runs: RunOutput[], problems: readonly string[]): void;
  fail(error: string): void;
}

/**
 * Queue every (seed, regime) task of a request for `owner`, seed by seed; report each seed when all its
 * regimes are in. Returns the known regimes and unique seeds. Stale results are the caller's to ignore.
 */
function submitRequest(owner: number, req: SimRequest, events: RequestEvents, priority: Priority): { regimes: string[]; seeds: number[] } {
  const regimes = req.regimes.filter((r) => (REGIME_IDS as readonly string[]).includes(r));
  const seeds = [...new Set(req.seeds)];
  const keys = req.keys ? modelKeys(req.keys) : undefined;
  const rank = new Map(regimes.map((r, i) => [r, i]));
  const partial = new Map<number, RunOutput[]>();
  const arrived = (seed: number, runs: RunOutput[], problems: readonly string[]) => {
    const got = partial.get(seed) ?? [];
    got.push(...runs);
    if (got.length < regimes.length) { partial.set(seed, got); return; }
    partial.delete(seed);
    // Request order of regimes within a seed (as runEnsemble returns them).
    events.seed(seed, got.sort((a, b) => rank.get(a.regime)! - rank.get(b.regime)!), problems);
  };
  for (const seed of seeds) {
    for (const regime of regimes) {
      submitRun(owner, { regime, settings: req.settings, seed, keys }, (result) => {
        if (!result.ok) { events.fail(result.error); return; }
        arrived(seed, result.runs, result.problems);
      }, priority);
    }
  }
  return { regimes, seeds };
}

/** One (regime, seed) run of `submitRun`. */
export interface RunTask {
  regime: string;
  settings: Readonly<Record<string, number>>;
  seed: number;
  /** Model series keys (derived keys already expanded: `modelKeys`); absent: every series. */
  keys?: readonly string[];
  /**
   * Whether to keep the finished run for later requests (default true). A one-off point nobody will ask
   * for again (a tornado's swing of one parameter) is not kept: it would push out of the cache the runs
   * the charts and the comparisons reuse (`RunCache` keeps a few runs per regime and seed).
   */
  keep?: boolean;
}

/**
 * Queue one (regime, seed) run for `owner` in the shared pool, or answer it (in a microtask) with a run
 * the page already has for settings that agree on every parameter that run read (run-cache.ts); every
 * finished run without problems is kept for later requests. Every view that runs the model goes through
 * here, so the comparison's paired runs reuse the runs the charts just made instead of repeating them.
 */
export function submitRun(owner: number, task: RunTask, callback: (result: SimTaskResult) => void, priority: Priority): void {
  const cached = (): SimTaskResult | undefined => {
    const kept = runCache.get(task.regime, task.seed, task.settings, task.keys);
    return kept && { taskId: 0, ok: true, runs: [kept], deps: [], problems: [] };
  };
  const now = cached();
  if (now) { queueMicrotask(() => callback(now)); return; }
  // Asked again when a worker is free: a run queued behind one that makes it (the charts' run of the
  // same settings, for the comparison) is answered from the cache instead of repeated (sim-pool.ts).
  getPool().submit(owner, { regimes: [task.regime], settings: task.settings, seed: task.seed, keys: task.keys }, (result) => {
    if (task.keep !== false && result.ok && result.problems.length === 0 && result.taskId !== 0) result.runs.forEach((r, i) => runCache.put(r, result.deps[i], task.keys));
    callback(result);
  }, priority, cached);
}

/**
 * The summaries of one request as its seeds come in (`seedIn` with the number of seeds done): the first
 * after `FIRST_SEEDS`, then at most every `MIN_INTERVAL_MS` unless the last seed is due soon
 * (`soonDone`), and the final one; `emit` sends one now. Nothing is sent once `live()` is false.
 */
function summaries(
  req: SimRequest, seeds: () => number[], bySeed: Map<number, RunOutput[]>, problems: Set<string>,
  onProgress: (p: SimProgress) => void, live: () => boolean, progressive = true,
) {
  let lastEmit = 0;
  /** When the first summary was sent (Date.now()); the seeds after it set the pace `soonDone` projects. */
  let firstAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const emit = (done: boolean, error?: string) => {
    if (!live()) return;
    if (timer) clearTimeout(timer);
    timer = undefined;
    lastEmit = Date.now();
    if (!firstAt) firstAt = lastEmit;
    const all = seeds();
    const runs = all.flatMap((s) => bySeed.get(s) ?? []);
    const summary = summarizeWithDerived(runs, req.scenario, req.keys);
    onProgress({ summary, seedsDone: bySeed.size, seedsTotal: all.length, done, problems: problems.size ? [...problems] : undefined, error });
  };
  const seedIn = (n: number) => {
    const total = seeds().length;
    if (n === total) emit(true);
    else if (!progressive) return;
    else if (n === Math.min(FIRST_SEEDS, total)) emit(false);
    else if (n > FIRST_SEEDS && !timer) {
      const wait = Math.max(0, MIN_INTERVAL_MS - (Date.now() - lastEmit));
      timer = setTimeout(() => {
        if (!live()) return;
        // Skipped when the last seed is due soon: the reader would see the bands twice in quick
        // succession, and the redraw would slow the last runs. The next seed to come in asks again.
        if (soonDone(firstAt, Date.now(), bySeed.size - FIRST_SEEDS, total - bySeed.size)) { timer = undefined; return; }
        emit(false);
      }, wait);
    }
  };
  return { emit, seedIn };
}

/** Options of a sim client. */
export interface SimClientOptions {
  /**
   * Whether to send summaries before the last seed (default true). Without: only the final one, and
   * every seed is queued at once (nobody waits for a first redraw).
   */
  progressive?: boolean;
}

/** A client whose tasks run at `priority` (default: a figure the reader is looking at; see `PRIORITY`). */
export function createSimClient(priority: Priority = PRIORITY.shown, options: SimClientOptions = {}): SimClient {
  const progressive = options.progressive ?? true;
  const owner = newOwner();
  warmPoolWhenIdle();
  let generation = 0;
  let disposed = false;

  /** Ends this client's hold on the pool (`SimPool.hold`), if any. */
  let release = () => {};

  function cancel() {
    generation++;
    getPool().withdraw(owner);
    release();
  }

  function run(req: SimRequest, onProgress: (p: SimProgress) => void) {
    if (disposed) throw new Error("sim client: run() after dispose()");
    cancel();
    const gen = generation;
    const bySeed = new Map<number, RunOutput[]>();
    const problems = new Set<string>();
    let seeds: number[] = [];
    const out = summaries(req, () => seeds, bySeed, problems, onProgress, () => gen === generation, progressive);

    const known = req.regimes.some((r) => (REGIME_IDS as readonly string[]).includes(r));
    if (!known || req.seeds.length === 0) {
      onProgress({ summary: [], seedsDone: 0, seedsTotal: new Set(req.seeds).size, done: true, error: known ? "no seeds" : "no known regimes" });
      return;
    }
    seeds = [...new Set(req.seeds)];
    // A figure the reader is looking at holds background work back until its first redraw is painted.
    if (priority === PRIORITY.shown && progressive) release = getPool().hold();
    // The first seed alone, the rest once it is in: a lone first run (one regime, say) has the machine to
    // itself instead of sharing it with the second seed's, so the first redraw comes sooner; the others
    // start as soon as it is done.
    const events: RequestEvents = {
      fail(error) {
        if (gen !== generation) return; // stale: a newer request arrived
        getPool().withdraw(owner);
        release();
        out.emit(true, error);
        generation++; // later results of this request are ignored
      },
      seed(seed, runs, found) {
        if (gen !== generation) return;
        for (const p of found) problems.add(p);
        bySeed.set(seed, runs);
        const n = bySeed.size;
        out.seedIn(n);
        // Once the first summary is out and the page has painted what it drew from it (so that the
        // drawing and painting have the cores to themselves): the other seeds, and the end of the hold.
        if (progressive && n === Math.min(FIRST_SEEDS, seeds.length)) {
          const hold = release;
          afterPaint(() => {
            if (gen === generation && seeds.length > FIRST_SEEDS) submitRequest(owner, { ...req, seeds: seeds.slice(FIRST_SEEDS) }, events, priority);
            hold();
          });
        }
      },
    };
    submitRequest(owner, progressive ? { ...req, seeds: seeds.slice(0, FIRST_SEEDS) } : req, events, priority);
  }

  return {
    run,
    cancel,
    dispose() {
      cancel();
      disposed = true;
    },
  };
}

/**
 * Every series of every run of a request, ordered by seed then regime (request order), once all are
 * done; for the per-seed download. The workers keep each seed's initial populations, so rerunning the
 * settings just shown is quick.
 * @example await completeRuns({ scenario: "explorer", regimes: ["compulsory"], settings: {}, seeds: [1, 2] }) // => [run seed 1, run seed 2]
 */
export function completeRuns(req: Omit<SimRequest, "keys">, priority: Priority = PRIORITY.baseline): Promise<RunOutput[]> {
  const owner = newOwner();
  return new Promise((resolve, reject) => {
    const bySeed = new Map<number, RunOutput[]>();
    let failed = false;
    const { seeds, regimes } = submitRequest(owner, { ...req, keys: undefined }, {
      fail(error) {
        if (failed) return;
        failed = true;
        getPool().withdraw(owner);
        reject(new Error(error));
      },
      seed(seed, runs) {
        bySeed.set(seed, runs);
        if (!failed && bySeed.size === seeds.length) resolve(seeds.flatMap((s) => bySeed.get(s)!));
      },
    }, priority);
    if (regimes.length === 0 || seeds.length === 0) resolve([]);
  });
}
