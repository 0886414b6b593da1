/**
 * The rate frontier, computed at build time: creators' AI income, developer cost, consumer surplus and
 * total surplus in one year as the statutory royalty rate moves over its range (mean over a few seeds,
 * with the range across them), and the rate that maximises total surplus when the maximum is inside
 * the range (at an end of the range there is no interior maximum, and the page says so).
 * Not responsible for drawing (RateFrontier.astro).
 */
import { runModel, type Settings } from "../../../models/index";

export const FRONTIER_METRICS = ["creator_ai_revenue", "developer_cost", "consumer_surplus", "total_surplus"] as const;
export type FrontierMetric = (typeof FRONTIER_METRICS)[number];

export interface FrontierPoint {
  rate: number;
  /** Mean over seeds, in USD per year. */
  mean: Record<FrontierMetric, number>;
  min: Record<FrontierMetric, number>;
  max: Record<FrontierMetric, number>;
}

/** The rates to run: `n` evenly spaced over [min, max] plus the marker rates, sorted, without repeats. */
export function frontierRates(min: number, max: number, n: number, markers: readonly number[]): number[] {
  const grid = Array.from({ length: n }, (_, i) => Number((min + ((max - min) * i) / (n - 1)).toPrecision(10)));
  return [...new Set([...grid, ...markers])].sort((a, b) => a - b);
}

/**
 * One point per rate (the regime `compulsory`, the parameter `param`), metrics read in `year`.
 * @example ratePoints(settings, "compulsory.royalty_rate", [0, 0.1], 2035, [1, 2])[1].mean.creator_ai_revenue // => USD per year at 10%
 */
export function ratePoints(settings: Settings, param: string, rates: readonly number[], year: number, seeds: readonly number[]): FrontierPoint[] {
  return rates.map((rate) => {
    const per = seeds.map((seed) => {
      const run = runModel({ regime: "compulsory", params: { ...settings, [param]: rate }, seed });
      const t = year - run.startYear;
      if (t < 0 || t >= run.years) throw new Error(`year ${year} is not simulated`);
      return Object.fromEntries(FRONTIER_METRICS.map((m) => [m, run.series[m][t]])) as Record<FrontierMetric, number>;
    });
    const agg = (f: (xs: number[]) => number) => Object.fromEntries(FRONTIER_METRICS.map((m) => [m, f(per.map((p) => p[m]))])) as Record<FrontierMetric, number>;
    return { rate, mean: agg((xs) => xs.reduce((s, v) => s + v, 0) / xs.length), min: agg((xs) => Math.min(...xs)), max: agg((xs) => Math.max(...xs)) };
  });
}

/**
 * The rate with the largest mean total surplus, and whether it is interior (not the first or last rate).
 * @example surplusMaximum(points) // => { rate: 0.05, interior: true }
 */
export function surplusMaximum(points: readonly FrontierPoint[]): { rate: number; interior: boolean } {
  let best = 0;
  points.forEach((p, i) => { if (p.mean.total_surplus > points[best].mean.total_surplus) best = i; });
  return { rate: points[best].rate, interior: best > 0 && best < points.length - 1 };
}
