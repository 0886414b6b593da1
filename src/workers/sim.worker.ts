/**
 * The simulation worker: runs one seed of the model for a list of regimes per message, off the main
 * thread. Stateless apart from the parameter registry (parsed once). Settings arrive partial; the
 * worker validates them with the model's own `validateSettings` and fills the rest with defaults,
 * so the page and the CLI share one validation path.
 *
 * Not responsible for scheduling, cancelling or summarising: see src/lib/sim-pool.ts and sim-client.ts.
 */
/// <reference lib="webworker" />
import { defaultSettings, runEnsemble, validateSettings } from "../../models/index";
import { getRegistry } from "../lib/registry";
import type { SimTask, SimTaskResult } from "../lib/sim-protocol";

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<SimTask>) => {
  const task = event.data;
  try {
    const registry = getRegistry();
    const { settings, problems } = validateSettings(registry, Object.entries(task.settings));
    const complete = { ...defaultSettings(registry), ...settings };
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
