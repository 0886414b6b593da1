/**
 * The simulation worker: runs one seed of the model for a list of regimes per message, off the main
 * thread. Stateless apart from the parameter registry (built once, at start-up, from the build-time
 * JSON, model fields only: src/lib/model-registry.ts). Settings arrive partial; the worker validates them with the model's own `validateSettings`
 * and fills the rest with defaults, so the page and the CLI share one validation path.
 * A warm-up task runs a tiny simulation of every regime so the JIT has compiled the hot loops before
 * the first real request.
 *
 * Not responsible for scheduling, cancelling or summarising: see src/lib/sim-pool.ts and sim-client.ts.
 */
/// <reference lib="webworker" />
// The model's own modules rather than models/index, so the worker bundle has no YAML parser or zod.
import { defaultSettings, validateSettings } from "../../models/params/validate";
import { REGIME_IDS } from "../../models/regimes/index";
import { runEnsemble } from "../../models/run";
import { getModelRegistry } from "../lib/model-registry";
import { WARM_SETTINGS, type SimTask, type SimTaskResult } from "../lib/sim-protocol";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const registry = getModelRegistry();
const defaults = defaultSettings(registry);

scope.onmessage = (event: MessageEvent<SimTask>) => {
  const task = event.data;
  try {
    if (task.warm) {
      for (let k = 0; k < 3; k++) runEnsemble([...REGIME_IDS], { ...defaults, ...WARM_SETTINGS }, [2_000_000_000 + k]);
      const msg: SimTaskResult = { taskId: task.taskId, ok: true, runs: [], problems: [] };
      scope.postMessage(msg);
      return;
    }
    const { settings, problems } = validateSettings(registry, Object.entries(task.settings));
    const complete = { ...defaults, ...settings };
    const runs = runEnsemble(task.regimes, complete, [task.seed]);
    const transfer: Transferable[] = [];
    for (const r of runs) for (const col of Object.values(r.series)) transfer.push(col.buffer);
    const msg: SimTaskResult = { taskId: task.taskId, ok: true, runs, problems };
    scope.postMessage(msg, transfer);
  } catch (e) {
    const msg: SimTaskResult = { taskId: task.taskId, ok: false, error: e instanceof Error ? e.message : String(e) };
    scope.postMessage(msg);
  }
};
