/**
 * The simulation worker: runs one seed of the model for a list of regimes per message, off the main
 * thread. Stateless apart from the parameter registry (the model's fields of each parameter record, sent
 * by the page as the first message, `SimInit`: src/lib/sim-pool.ts). Settings arrive partial; the worker validates them
 * with the model's own `validateSettings` and fills the rest with defaults, so the page and the CLI share
 * one validation path. It sends back only the series the task asks for (`keys`): a chart page needs a
 * dozen of the ~90, and the model skips the decile and Gini bookkeeping when none of them needs it.
 * With every run it sends the parameters the run read and their values (`RunDeps`), so that the page can
 * reuse the run for settings that differ only in parameters it never read (src/lib/run-cache.ts).
 * A warm-up task runs a tiny simulation of every regime so the JIT has compiled the hot loops before
 * the first real request.
 *
 * Tasks handed out ahead of time wait in the worker's own queue, from which the page can recall them
 * (`SimCancel`, src/lib/worker-queue.ts).
 * Not responsible for scheduling, cancelling or summarising: see src/lib/sim-pool.ts and sim-client.ts.
 */
/// <reference lib="webworker" />
// The model's own modules rather than models/index, so the worker bundle has no YAML parser or zod.
import { defaultSettings, validateSettings } from "../../models/params/validate";
import { REGIME_BY_ID, REGIME_IDS } from "../../models/regimes/index";
import { drawPopulations, populationsMatch, runModel, type DrawnPopulations } from "../../models/run";
import { paramReads, readIds } from "../../models/economy/param-reads";
import type { RunOutput } from "../../models/results/types";
import type { Registry } from "../../models/params/registry";
import { WARM_KEYS, WARM_SETTINGS, type RunDeps, type SimCancel, type SimInit, type SimTask, type SimTaskResult } from "../lib/sim-protocol";
import { createTaskLoop } from "../lib/worker-queue";

const scope = self as unknown as DedicatedWorkerGlobalScope;
let registry: Registry | undefined;
let defaults: Record<string, number> = {};

/** The registry from the page's first message (model fields only; no sources or scenarios). */
function init(msg: SimInit): void {
  const parameters = msg.init as Registry["parameters"];
  registry = { parameters, byId: new Map(parameters.map((p) => [p.id, p])), sources: [], sourcesById: new Map(), scenarios: new Map() };
  defaults = defaultSettings(registry);
}

/**
 * Initial populations per seed, kept across requests with the parameters their draw read and the values
 * it read (`drawPopulations`): moving a lever that acts later (the royalty rate, detection, …) reuses the
 * seed's creators and developers instead of drawing them again, and settings that change any parameter the
 * draw read draw them anew (`populationsMatch`). Bounded; the least recently used entry goes first.
 */
const CACHE_LIMIT = 48;
const populations: DrawnPopulations[] = [];
function populationsFor(complete: Record<string, number>, seed: number): DrawnPopulations {
  const at = populations.findIndex((d) => populationsMatch(d, complete, seed));
  const pop = at >= 0 ? populations.splice(at, 1)[0] : drawPopulations(complete, seed);
  populations.unshift(pop);
  if (populations.length > CACHE_LIMIT) populations.pop();
  return pop;
}

/**
 * Run one regime of a task with its parameter reads tracked; its `RunDeps` are the parameters it read
 * (with those of the shared populations it started from) and their values: any settings that agree on
 * them give the same run (src/lib/run-cache.ts reuses it).
 */
function runTracked(regime: string, complete: Record<string, number>, task: SimTask): { run: RunOutput; deps: RunDeps } {
  const reads = paramReads();
  const overrides = REGIME_BY_ID.get(regime)?.overrides ?? {};
  const input = { regime, params: complete, seed: task.seed, keys: task.keys };
  let run: RunOutput;
  if (Object.keys(overrides).length) run = runModel(input, undefined, reads); // own populations, drawn (and tracked) in runModel
  else {
    const pop = populationsFor(complete, task.seed);
    run = runModel(input, pop.init, reads);
    for (let k = 0; k < reads.marks.length; k++) reads.marks[k] |= pop.reads.marks[k];
  }
  const merged: Record<string, number> = { ...complete, ...overrides };
  const ids = readIds(reads);
  return { run, deps: { ids, values: ids.map((id) => merged[id]) } };
}

/** Run one task and post its result (or its error). */
function handle(task: SimTask): void {
  try {
    if (!registry) throw new Error("the simulation worker got a task before its parameter records (SimInit)");
    if (task.warm) {
      // Both paths of the creators' pass (with the decile and Gini bookkeeping, all series, and without), tracked as real tasks are.
      const settings = { ...defaults, ...WARM_SETTINGS };
      for (let k = 0; k < 3; k++) for (const regime of REGIME_IDS) runTracked(regime, settings, { ...task, seed: 2_000_000_000 + k, keys: k === 0 ? undefined : WARM_KEYS });
      const msg: SimTaskResult = { taskId: task.taskId, ok: true, runs: [], deps: [], problems: [] };
      scope.postMessage(msg);
      return;
    }
    const { settings, problems } = validateSettings(registry, Object.entries(task.settings));
    const complete = { ...defaults, ...settings };
    // With `keys`, the model returns only those series and skips the bookkeeping none of them needs.
    const done = task.regimes.map((regime) => runTracked(regime, complete, task));
    const runs = done.map((d) => d.run);
    const transfer: Transferable[] = [];
    for (const r of runs) for (const col of Object.values(r.series)) transfer.push(col.buffer);
    const msg: SimTaskResult = { taskId: task.taskId, ok: true, runs, deps: done.map((d) => d.deps), problems };
    scope.postMessage(msg, transfer);
  } catch (e) {
    const msg: SimTaskResult = { taskId: task.taskId, ok: false, error: e instanceof Error ? e.message : String(e) };
    scope.postMessage(msg);
  }
}

/**
 * Tasks wait in the worker's own queue and run one per step, each step a message on a channel of the
 * worker's own (not a timer: nested timers are clamped to 4 ms), so that a `SimCancel` that arrived
 * during a run is read before the next run starts (worker-queue.ts).
 */
const steps = new MessageChannel();
let pendingStep: (() => void) | undefined;
steps.port1.onmessage = () => { const f = pendingStep; pendingStep = undefined; f?.(); };
const loop = createTaskLoop<SimTask>(handle, (step) => { pendingStep = step; steps.port2.postMessage(0); });

scope.onmessage = (event: MessageEvent<SimTask | SimInit | SimCancel>) => {
  const msg = event.data;
  if ("init" in msg) return init(msg);
  if ("cancel" in msg) return loop.cancel(msg.cancel);
  loop.push(msg);
};
