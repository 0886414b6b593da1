/**
 * Messages between the page (src/lib/sim-pool.ts) and the simulation worker (src/workers/sim.worker.ts).
 * One task is one seed for a list of regimes (the client sends one regime per task, so the five regimes
 * of the first seed finish in parallel and a stale request wastes at most one run per worker). Results
 * are identical however regimes are grouped: every run of a seed starts from the same initial
 * populations (common random numbers, as `runEnsemble` does).
 */
import type { ParameterRecord, RunOutput } from "../../models/index";

/** Page → worker: run these regimes for one seed. */
export interface SimTask {
  taskId: number;
  regimes: string[];
  /** Partial settings, parameter id → value; the worker validates them and fills in the defaults. */
  settings: Readonly<Record<string, number>>;
  seed: number;
  /**
   * Series keys the page needs ("metric" or "metric|group"); the worker sends only these back. Absent:
   * every series (the per-seed download needs them all).
   */
  keys?: readonly string[];
  /** A warm-up task (tiny run to compile the model's hot code); its result is empty. */
  warm?: boolean;
}

/**
 * Page → worker, first message to every worker: the parameter records the model's `validateSettings`
 * and `defaultSettings` read (id, kind, default, range), from the page's own registry, so the worker
 * bundle carries no copy of it (issue 14: the explorer's JavaScript budget).
 */
export interface SimInit { init: ModelParameter[] }
export type ModelParameter = Pick<ParameterRecord, "id" | "kind" | "default" | "range">;

/** The records a worker needs, from a registry. */
export const modelParameters = (parameters: readonly ParameterRecord[]): ModelParameter[] =>
  parameters.map((p) => ({ id: p.id, kind: p.kind, default: p.default, range: p.range }));

/**
 * Page → worker: drop these tasks if they are still waiting in the worker's own queue (the pool hands a
 * worker its next task before it finishes the one it runs; their owner withdrew them). A task already
 * started runs to the end; the page ignores its result.
 */
export interface SimCancel { cancel: number[] }

/**
 * The parameters a run read and their values (after the regime's overrides): any settings with the same
 * values for these ids give the same run, byte for byte (models/economy/param-reads.ts).
 */
export interface RunDeps { ids: readonly string[]; values: readonly number[] }

/** Worker → page: the runs of one task (series buffers are transferred, not copied) with their `deps` (same order), or an error. */
export type SimTaskResult =
  | { taskId: number; ok: true; runs: RunOutput[]; deps: RunDeps[]; problems: string[] }
  | { taskId: number; ok: false; error: string };

/** Settings of a warm-up task: every regime at the smallest creator count, default years. */
export const WARM_SETTINGS: Record<string, number> = { "sim.creators": 1000 };
/** Series of the warm-up runs that skip the decile and Gini bookkeeping (any key that needs neither). */
export const WARM_KEYS: readonly string[] = ["creator_revenue"];
