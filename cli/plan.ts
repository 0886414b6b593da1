/**
 * The run list of a request: every (regime, sweep point, draw, seed) with its settings, a canonical
 * index for each run, balanced shards of it, and a hash that identifies it.
 *
 * The canonical index is the output order: regime-major, then sweep point, then draw, then seed (the
 * order a reader scans, and the order of an unsharded run's rows). Runs are *computed* in another order —
 * point, draw, seed, then regime — so that the regimes of one seed run together and share that seed's
 * initial populations (`runEnsemble`); a shard is a contiguous slice of that computing order, and the merge
 * puts rows back by canonical index. Neither order changes a number: each run depends only on its
 * regime, settings and seed.
 */
import { createHash } from "node:crypto";
import { MODEL_VERSION, type Settings } from "../models/index";
import type { SimulateRequest } from "./args";

/** One combination of sweep point and draw: complete settings for every regime and seed. */
export interface Variant {
  settings: Settings;
  /** The swept parameter's value, when there is a sweep. */
  point?: number;
  /** 1-based draw number, when there are uncertainty draws. */
  draw?: number;
}

export interface RunSpec {
  /** Canonical index: position in the output. */
  index: number;
  regime: string;
  seed: number;
  variant: number;
}

/** A unit of work: the regimes of one variant and seed, run together on one set of initial populations. */
export interface Task {
  variant: number;
  seed: number;
  regimes: string[];
  indices: number[];
}

/** What the columns of the output are: the extra `sweep_param`/`sweep_value` and `draw` columns appear only when used. */
export interface Layout {
  scenario: string;
  sweepParam?: string;
  draws: boolean;
}

export interface Plan {
  layout: Layout;
  regimes: string[];
  seeds: number[];
  variants: Variant[];
  /** Every run, by canonical index. */
  runs: RunSpec[];
  /** Canonical indices in computing order (variant, seed, regime). */
  computeOrder: number[];
}

/** The complete run list of a request. @example planRuns(req).runs.length // => regimes × points × draws × seeds */
export function planRuns(req: SimulateRequest): Plan {
  const points: (number | undefined)[] = req.sweep ? req.sweep.values : [undefined];
  const draws: (Settings | undefined)[] = req.uncertainty ? req.uncertainty.values : [undefined];
  const variants: Variant[] = [];
  for (const point of points) {
    for (let d = 0; d < draws.length; d++) {
      const settings: Settings = { ...req.settings, ...(draws[d] ?? {}) };
      if (req.sweep && point !== undefined) settings[req.sweep.param] = point;
      const v: Variant = { settings };
      if (point !== undefined) v.point = point;
      if (draws[d] !== undefined) v.draw = d + 1;
      variants.push(v);
    }
  }
  const V = variants.length;
  const S = req.seeds.length;
  const runs: RunSpec[] = [];
  req.regimes.forEach((regime, r) => {
    for (let v = 0; v < V; v++) for (let s = 0; s < S; s++) runs.push({ index: (r * V + v) * S + s, regime, seed: req.seeds[s], variant: v });
  });
  const computeOrder: number[] = [];
  for (let v = 0; v < V; v++) for (let s = 0; s < S; s++) for (let r = 0; r < req.regimes.length; r++) computeOrder.push((r * V + v) * S + s);
  const layout: Layout = { scenario: req.scenario, draws: req.uncertainty !== undefined };
  if (req.sweep) layout.sweepParam = req.sweep.param;
  return { layout, regimes: req.regimes, seeds: req.seeds, variants, runs, computeOrder };
}

/**
 * The k-th (1-based) of n contiguous slices of `length` items: sizes differ by at most one.
 * @example shardRange(10, 1, 3) // => [0, 3]
 * @example shardRange(10, 3, 3) // => [6, 10]
 */
export function shardRange(length: number, k: number, n: number): [number, number] {
  return [Math.floor(((k - 1) * length) / n), Math.floor((k * length) / n)];
}

/** The canonical indices a shard holds (all runs when `shard` is undefined), in computing order. */
export function shardIndices(plan: Plan, shard?: { k: number; n: number }): number[] {
  if (!shard) return plan.computeOrder;
  const [a, b] = shardRange(plan.computeOrder.length, shard.k, shard.n);
  return plan.computeOrder.slice(a, b);
}

/** Group runs (in computing order) into tasks: consecutive runs of the same variant and seed. */
export function tasksOf(plan: Plan, indices: readonly number[]): Task[] {
  const tasks: Task[] = [];
  for (const i of indices) {
    const run = plan.runs[i];
    const last = tasks[tasks.length - 1];
    if (last && last.variant === run.variant && last.seed === run.seed) {
      last.regimes.push(run.regime);
      last.indices.push(i);
    } else tasks.push({ variant: run.variant, seed: run.seed, regimes: [run.regime], indices: [i] });
  }
  return tasks;
}

/**
 * SHA-256 of the model version, the layout and the whole run list with every run's resolved settings: two
 * shards with the same hash come from the same request (whatever their k), so they can be merged.
 */
export function planHash(plan: Plan): string {
  const h = createHash("sha256");
  h.update(JSON.stringify({ model: MODEL_VERSION, layout: plan.layout, regimes: plan.regimes, seeds: plan.seeds }));
  for (const v of plan.variants) {
    const entries = Object.entries(v.settings).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    h.update("\n" + JSON.stringify([v.point ?? null, v.draw ?? null, entries]));
  }
  return h.digest("hex");
}
