/**
 * A worker thread of `--workers`: runs tasks (the regimes of one variant and seed) and sends the columns
 * back, transferring their buffers. Knows nothing of files, shards or output formats.
 */
import { parentPort } from "node:worker_threads";
import { runEnsemble, type Settings } from "../models/index";

export interface TaskMessage {
  id: number;
  regimes: string[];
  settings: Settings;
  seed: number;
}

parentPort!.on("message", (msg: TaskMessage) => {
  const runs = runEnsemble(msg.regimes, msg.settings, [msg.seed]);
  const transfer = runs.flatMap((r) => Object.values(r.series).map((a) => a.buffer as ArrayBuffer));
  parentPort!.postMessage({ id: msg.id, runs }, transfer);
});
