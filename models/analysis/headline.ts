/**
 * Robustness of the headline results, computed from as few runs as possible: every run is read for
 * several metrics at once. `pairwiseWinShares` runs each regime once per draw × seed (common random
 * numbers: the same draw and seed for every regime) and counts, for each pair and metric, how often the
 * first beats the second (Wilson 95% interval). `multiTornado` is `oneAtATime` for several metrics from
 * the same 2k runs. Used at build time by the /robustness/ page; not responsible for choosing sizes.
 */
import { runModel } from "../run";
import { factorOf, uncertainParameters } from "./factor";
import { sortByAbs, type OatRow, type Point } from "./oat";
import { lowerIsBetter } from "./robustness";
import { wilson } from "./wilson";
import type { ParameterRecord } from "../params/schema";

export interface PairShare {
  a: string;
  b: string;
  metric: string;
  share: number;
  lo: number;
  hi: number;
  n: number;
}

/** The metrics in `year` of one run, in the metrics' units. */
function readMetrics(regime: string, point: Point, seed: number, metrics: readonly string[], year: number): number[] {
  const run = runModel({ regime, params: point, seed });
  const t = year - run.startYear;
  if (t < 0 || t >= run.years) throw new Error(`year ${year} is not simulated (${run.startYear} to ${run.startYear + run.years - 1})`);
  return metrics.map((m) => {
    const col = run.series[m];
    if (!col) throw new Error(`no series "${m}" in the model's output`);
    return col[t];
  });
}

/**
 * For every ordered pair (a before b in `regimes`) and metric: the share of draw × seed pairs in which a
 * beats b (larger, or smaller for *_cost; ties one half). Costs regimes · draws · seeds runs.
 * @example pairwiseWinShares(settings, ["licensing", "compulsory"], ["total_surplus"], 2035, draws, [1, 2])
 * // => [{ a: "licensing", b: "compulsory", metric: "total_surplus", share: 0.4, lo: 0.22, hi: 0.61, n: 20 }]
 */
export function pairwiseWinShares(settings: Point, regimes: readonly string[], metrics: readonly string[], year: number, draws: readonly Point[], seeds: readonly number[]): PairShare[] {
  // values[r][m] is the list over draw × seed.
  const values = regimes.map(() => metrics.map(() => [] as number[]));
  for (const draw of draws) {
    const point = { ...settings, ...draw };
    for (const seed of seeds) regimes.forEach((r, i) => readMetrics(r, point, seed, metrics, year).forEach((v, m) => values[i][m].push(v)));
  }
  const out: PairShare[] = [];
  for (let i = 0; i < regimes.length; i++)
    for (let j = i + 1; j < regimes.length; j++)
      metrics.forEach((metric, m) => {
        const sign = lowerIsBetter(metric) ? -1 : 1;
        const x = values[i][m], y = values[j][m];
        const k = x.reduce((s, v, d) => s + (sign * (v - y[d]) > 0 ? 1 : v === y[d] ? 0.5 : 0), 0);
        const w = wilson(k, x.length);
        out.push({ a: regimes[i], b: regimes[j], metric, share: w.share, lo: w.lo, hi: w.hi, n: w.n });
      });
  return out;
}

export interface MetricTornado {
  metric: string;
  /** The metric at the base point. */
  base: number;
  rows: OatRow[];
}

/**
 * One-at-a-time swings (5th → 95th percentile) of every uncertain parameter the regime reads, for
 * several metrics from the same 2k + 1 runs, each metric's rows sorted by |swing|.
 */
export function multiTornado(parameters: readonly ParameterRecord[], settings: Point, regime: string, metrics: readonly string[], year: number, seed: number): MetricTornado[] {
  const factors = uncertainParameters(parameters, regime).map((r) => factorOf(r, "percentile"));
  const base = readMetrics(regime, settings, seed, metrics, year);
  const swings = factors.map((f) => ({
    f,
    low: readMetrics(regime, { ...settings, [f.id]: f.low }, seed, metrics, year),
    high: readMetrics(regime, { ...settings, [f.id]: f.high }, seed, metrics, year),
  }));
  return metrics.map((metric, m) => ({
    metric,
    base: base[m],
    rows: sortByAbs(
      swings.map(({ f, low, high }) => ({ parameter: f.id, low: f.low, high: f.high, value_low: low[m], value_high: high[m], swing: high[m] - low[m] })),
      (r) => r.swing,
    ),
  }));
}
