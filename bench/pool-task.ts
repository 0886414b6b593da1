/**
 * One bench worker task (worker_threads): run every listed regime for one seed, as the browser's
 * src/workers/sim.worker.ts does, and send the runs back (series buffers transferred).
 */
import { parentPort } from "node:worker_threads";
import { runEnsemble } from "../models/index";

export interface PoolTask { id: number; regimes: string[]; params: Record<string, number>; seed: number }

parentPort!.on("message", (task: PoolTask) => {
  const runs = runEnsemble(task.regimes, task.params, [task.seed]);
  const transfer: ArrayBuffer[] = [];
  for (const r of runs) for (const col of Object.values(r.series)) transfer.push(col.buffer as ArrayBuffer);
  parentPort!.postMessage({ id: task.id, runs }, transfer);
});
parentPort!.postMessage({ ready: true });
