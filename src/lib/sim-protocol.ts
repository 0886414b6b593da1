/**
 * Messages between the page (src/lib/sim-pool.ts) and the simulation worker (src/workers/sim.worker.ts).
 * One task is one seed for a list of regimes, so every regime is run on the same random draws
 * (common random numbers, as `runEnsemble` does) and a stale request can be dropped between seeds.
 */
import type { RunOutput } from "../../models/index";

/** Page → worker: run these regimes for one seed. */
export interface SimTask {
  taskId: number;
  regimes: string[];
  /** Partial settings, parameter id → value; the worker validates them and fills in the defaults. */
  settings: Record<string, number>;
  seed: number;
}

/** Worker → page: the runs of one task (series buffers are transferred, not copied), or an error. */
export type SimTaskResult =
  | { taskId: number; ok: true; runs: RunOutput[]; problems: string[] }
  | { taskId: number; ok: false; error: string };
