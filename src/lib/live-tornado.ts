/**
 * The explorer's tornado at the current settings (issue 12 item 3): one-at-a-time swings computed in the
 * page's worker pool, for one regime, metric and window (a year, or the whole run's total).
 *
 * Design (models/analysis/oat.ts `oneAtATime`, model-agnostic): the base point is the explorer's
 * settings; each chosen parameter moves alone to its 5th and then its 95th percentile (`factorOf`,
 * "percentile"), the others staying at the base. The metric at each point is the mean over the same
 * seeds (common random numbers, as models/analysis/evaluate.ts does), so a bar's length is the
 * parameter's doing, not the dice's. 1 + 2k points × seeds runs; each (point, seed) is one pool task.
 * The caller chooses the parameters (the explorer: the largest bars of the build-time tornado, see
 * `liveParameters`) and says so.
 *
 * Pure design and assembly (`tornadoPoints`, `windowValue`, `tornadoFromValues`) plus a small runner
 * (`createLiveTornado`) that can be cancelled: a newer run withdraws the queued tasks of the older one.
 * Not responsible for drawing (src/scripts/explorer/tornado-view.ts).
 */
import { factorOf, type Factor } from "../../models/analysis/factor";
import type { MetricTornado } from "../../models/analysis/headline";
import { oneAtATime, type Point } from "../../models/analysis/oat";
import type { Registry } from "../../models/params/registry";
import type { RunOutput } from "../../models/results/types";
import { PRIORITY, getPool, newOwner } from "./sim-pool";
import { submitRun } from "./sim-client";

/** Seeds the live tornado averages over (the first of the explorer's seeds): 3 keeps it to a few seconds. */
export const LIVE_TORNADO_SEEDS = 3;

/** A year, or the total over the whole run. */
export type TornadoWindow = { kind: "year"; year: number } | { kind: "cumulative" };

export interface LiveTornadoSpec {
  regime: string;
  metric: string;
  window: TornadoWindow;
  /** The base point: every parameter's value (the explorer's settings). */
  base: Point;
  /** Parameter ids to swing, in the order wanted (each must have an uncertainty distribution). */
  parameters: readonly string[];
  seeds: readonly number[];
}

/**
 * The parameters to recompute: the build-time tornado's bars (largest first) that the regime has and
 * that the user has not set (a value the user chose is held, not swung), at most `k`.
 * @example liveParameters(registry, buildRows, ["compulsory.royalty_rate"], 10) // => ["demand.users_2025", …]
 */
export function liveParameters(registry: Registry, ranked: readonly { parameter: string }[], setByUser: ReadonlySet<string>, k: number): string[] {
  return ranked.map((r) => r.parameter).filter((id) => registry.byId.get(id)?.uncertainty !== undefined && !setByUser.has(id)).slice(0, k);
}

/** The factors and the points to run: the base first, then each factor's low and high. */
export function tornadoPoints(registry: Registry, spec: LiveTornadoSpec): { factors: Factor[]; points: Point[] } {
  const factors = spec.parameters.map((id) => {
    const r = registry.byId.get(id);
    if (!r) throw new Error(`tornado: unknown parameter "${id}"`);
    return factorOf(r, "percentile");
  });
  const points: Point[] = [spec.base];
  for (const f of factors) points.push({ ...spec.base, [f.id]: f.low }, { ...spec.base, [f.id]: f.high });
  return { factors, points };
}

/**
 * The metric of one run in the window: its value in the year, or its sum over every simulated year.
 * @example windowValue(run, "creator_revenue", { kind: "cumulative" }) // => the 2025–2035 total
 */
export function windowValue(run: RunOutput, metric: string, w: TornadoWindow): number {
  const col = run.series[metric];
  if (!col) throw new Error(`tornado: no series "${metric}" in the run`);
  if (w.kind === "cumulative") return col.reduce((s, v) => s + v, 0);
  const t = w.year - run.startYear;
  if (t < 0 || t >= run.years) throw new Error(`tornado: year ${w.year} is not simulated (${run.startYear} to ${run.startYear + run.years - 1})`);
  return col[t];
}

/** The tornado from the mean metric at each point (`values[i]` for `points[i]`), through `oneAtATime`. */
export function tornadoFromValues(spec: LiveTornadoSpec, factors: readonly Factor[], points: readonly Point[], values: readonly number[]): MetricTornado {
  const keyOf = (p: Point) => {
    for (const f of factors) if (p[f.id] !== spec.base[f.id]) return `${f.id}=${p[f.id]}`;
    return "base";
  };
  const byKey = new Map(points.map((p, i) => [keyOf(p), values[i]]));
  const rows = oneAtATime(spec.base, factors, (p) => {
    const v = byKey.get(keyOf(p));
    if (v === undefined) throw new Error(`tornado: no run for ${keyOf(p)}`);
    return v;
  });
  return { metric: spec.metric, base: values[0], rows };
}


export interface LiveTornadoRunner {
  /** Start (cancelling any earlier run): `progress` after each finished task, `done` with the tornado, `fail` on an error. */
  run(registry: Registry, spec: LiveTornadoSpec, events: { progress(done: number, total: number): void; done(t: MetricTornado): void; fail(error: string): void }): void;
  cancel(): void;
}

export function createLiveTornado(): LiveTornadoRunner {
  const owner = newOwner();
  let generation = 0;
  const cancel = () => { generation++; getPool().withdraw(owner); };
  return {
    cancel,
    run(registry, spec, events) {
      cancel();
      const gen = generation;
      let design: ReturnType<typeof tornadoPoints>;
      try { design = tornadoPoints(registry, spec); } catch (e) { events.fail(e instanceof Error ? e.message : String(e)); return; }
      const { factors, points } = design;
      const sums = points.map(() => 0);
      const total = points.length * spec.seeds.length;
      let finished = 0;
      points.forEach((point, i) => {
        // Through the run cache: the base point is the shown settings, whose runs the charts have just
        // made (or are making), so those are reused, not repeated; the swings are not kept (`keep`).
        for (const seed of spec.seeds)
          submitRun(owner, { regime: spec.regime, settings: { ...point }, seed, keys: [spec.metric], keep: i === 0 }, (r) => {
            if (gen !== generation) return;
            try {
              if (!r.ok) throw new Error(r.error);
              sums[i] += windowValue(r.runs[0], spec.metric, spec.window);
            } catch (e) { cancel(); events.fail(e instanceof Error ? e.message : String(e)); return; }
            finished++;
            events.progress(finished, total);
            if (finished === total) events.done(tornadoFromValues(spec, factors, points, sums.map((s) => s / spec.seeds.length)));
          }, PRIORITY.background);
      });
    },
  };
}
