/**
 * The simulation worker: runs one seed of the model for a list of regimes per message, off the main
 * thread. Stateless apart from the parameter registry (the model's fields of each parameter record, sent
 * by the page as the first message, `SimInit`: src/lib/sim-pool.ts). Settings arrive partial; the worker validates them
 * with the model's own `validateSettings` and fills the rest with defaults, so the page and the CLI share
 * one validation path. It sends back only the series the task asks for (`keys`): a chart page needs a
 * dozen of the ~90, and the model skips the decile and Gini bookkeeping when none of them needs it.
 * A warm-up task runs a tiny simulation of every regime so the JIT has compiled the hot loops before
 * the first real request.
 *
 * Not responsible for scheduling, cancelling or summarising: see src/lib/sim-pool.ts and sim-client.ts.
 */
/// <reference lib="webworker" />
// The model's own modules rather than models/index, so the worker bundle has no YAML parser or zod.
import { defaultSettings, validateSettings } from "../../models/params/validate";
import { REGIME_BY_ID, REGIME_IDS } from "../../models/regimes/index";
import { initialPopulations, initialPopulationsKey, runEnsemble, runModel, type Initial } from "../../models/run";
import { readModelParams } from "../../models/economy/params";
import type { Registry } from "../../models/params/registry";
import { WARM_KEYS, WARM_SETTINGS, type SimInit, type SimTask, type SimTaskResult } from "../lib/sim-protocol";

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
 * Initial populations per (seed, the parameters they depend on), kept across requests: moving a lever
 * that acts later (the royalty rate, detection, …) reuses the seed's creators and developers instead of
 * drawing them again. Bounded; the oldest entry goes first.
 */
const CACHE_LIMIT = 48;
const populations = new Map<string, Initial>();
function populationsFor(complete: Record<string, number>, seed: number): Initial {
  const key = `${seed}|${initialPopulationsKey(complete)}`;
  let init = populations.get(key);
  if (init) {
    populations.delete(key);
  } else {
    init = initialPopulations(readModelParams(complete), seed);
    if (populations.size >= CACHE_LIMIT) populations.delete(populations.keys().next().value as string);
  }
  populations.set(key, init);
  return init;
}

scope.onmessage = (event: MessageEvent<SimTask | SimInit>) => {
  if ("init" in event.data) return init(event.data);
  const task = event.data;
  try {
    if (!registry) throw new Error("the simulation worker got a task before its parameter records (SimInit)");
    if (task.warm) {
      // Both paths of the creators' pass: with the decile and Gini bookkeeping (all series) and without.
      for (let k = 0; k < 3; k++) runEnsemble([...REGIME_IDS], { ...defaults, ...WARM_SETTINGS }, [2_000_000_000 + k], k === 0 ? undefined : WARM_KEYS);
      const msg: SimTaskResult = { taskId: task.taskId, ok: true, runs: [], problems: [] };
      scope.postMessage(msg);
      return;
    }
    const { settings, problems } = validateSettings(registry, Object.entries(task.settings));
    const complete = { ...defaults, ...settings };
    const init = populationsFor(complete, task.seed);
    // A regime that overrides parameters draws its own populations (as runEnsemble does).
    // With `keys`, the model returns only those series and skips the bookkeeping none of them needs.
    const input = (regime: string) => ({ regime, params: complete, seed: task.seed, keys: task.keys });
    const runs = task.regimes.map((regime) =>
      Object.keys(REGIME_BY_ID.get(regime)?.overrides ?? {}).length ? runModel(input(regime)) : runModel(input(regime), init));
    const transfer: Transferable[] = [];
    for (const r of runs) for (const col of Object.values(r.series)) transfer.push(col.buffer);
    const msg: SimTaskResult = { taskId: task.taskId, ok: true, runs, problems };
    scope.postMessage(msg, transfer);
  } catch (e) {
    const msg: SimTaskResult = { taskId: task.taskId, ok: false, error: e instanceof Error ? e.message : String(e) };
    scope.postMessage(msg);
  }
};
