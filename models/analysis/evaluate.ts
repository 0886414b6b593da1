/**
 * The model as a function of its parameters, for sensitivity analysis: one metric of one regime in one
 * year, averaged over a fixed list of seeds. The same seeds are used at every point (common random
 * numbers), so a difference between two points comes from the parameters, not from the dice.
 *
 * Responsible for: running the model and reading the metric. Not responsible for: validating the point
 * (callers pass values inside each record's range, e.g. from `factorOf`).
 */
import { runModel } from "../run";
import { seriesKey } from "../results/metrics";

export interface MetricSpec {
  regime: string;
  /** A metric name from `results/metrics.ts`, e.g. `creator_revenue`. */
  metric: string;
  /** A sector or decile for a breakdown, or undefined for the total. */
  group?: string;
  /** Calendar year to read (must be simulated). */
  year: number;
  seeds: readonly number[];
}

/**
 * `evaluate(point)`: the mean over `spec.seeds` of the metric in `spec.year`, in the metric's units.
 * @example metricEvaluator({ regime: "compulsory", metric: "creator_revenue", year: 2035, seeds: [1, 2] })(defaults) // => USD per year
 */
export function metricEvaluator(spec: MetricSpec): (point: Readonly<Record<string, number>>) => number {
  const key = seriesKey(spec.metric, spec.group);
  return (point) => {
    let sum = 0;
    for (const seed of spec.seeds) {
      const run = runModel({ regime: spec.regime, params: point, seed });
      const t = spec.year - run.startYear;
      const col = run.series[key];
      if (!col) throw new Error(`no series "${key}" in the model's output`);
      if (t < 0 || t >= run.years) throw new Error(`year ${spec.year} is not simulated (${run.startYear} to ${run.startYear + run.years - 1})`);
      sum += col[t];
    }
    return sum / spec.seeds.length;
  };
}
