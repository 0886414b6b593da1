/**
 * The comparison chart's numbers (src/lib/charts/comparison.ts) and the running-total series they read
 * (src/lib/derived-series.ts): the cumulative band is the band of each seed's whole-run total.
 */
import { describe, expect, it } from "vitest";
import { makeRng } from "../models/engine/rng";
import { summarizeRuns } from "../models/results/summary";
import type { RunOutput } from "../models/results/types";
import { cumulativeKey, componentKeys, summarizeWithDerived, withDerived } from "../src/lib/derived-series";
import { windowPoints } from "../src/lib/charts/comparison";

const YEARS = 11;
/** Runs whose yearly values are independent noise, so yearly percentiles add up to a far wider band than the totals'. */
function noisyRuns(seeds: number, rngSeed: number): RunOutput[] {
  const rng = makeRng(rngSeed);
  return Array.from({ length: seeds }, (_, i) => ({
    regime: "compulsory", seed: i + 1, startYear: 2025, years: YEARS,
    series: { creator_revenue: Float64Array.from({ length: YEARS }, () => 1e9 * (5 + 10 * rng())) },
  }));
}

describe("withDerived(runs, ['m@cumulative'])", () => {
  it("adds each run's running total, ending at the run's sum", () => {
    const runs = noisyRuns(3, 1);
    const out = withDerived(runs, [cumulativeKey("creator_revenue")]);
    for (const [i, r] of out.entries()) {
      const col = r.series["creator_revenue@cumulative"];
      const sum = Array.from(runs[i].series.creator_revenue).reduce((a, b) => a + b, 0);
      expect(col[YEARS - 1]).toBeCloseTo(sum, 0);
      expect(col[0]).toBe(runs[i].series.creator_revenue[0]);
    }
    expect(componentKeys("creator_revenue@cumulative")).toEqual(["creator_revenue"]);
  });
});

describe("windowPoints(summary, metric, regimes, { kind: 'cumulative' })", () => {
  it("gives the quantiles of the per-seed totals, narrower than the sum of yearly percentiles (over many seeds)", () => {
    for (const rngSeed of [1, 2, 3, 4]) {
      const runs = noisyRuns(40, rngSeed);
      const summary = summarizeWithDerived(runs, "t", ["creator_revenue", cumulativeKey("creator_revenue")]);
      const [p] = windowPoints(summary, "creator_revenue", ["compulsory"], { kind: "cumulative" });
      // The totals, summarised directly as a one-year series.
      const totals: RunOutput[] = runs.map((r) => ({ ...r, years: 1, series: { t: Float64Array.of(Array.from(r.series.creator_revenue).reduce((a, b) => a + b, 0)) } }));
      const [direct] = summarizeRuns(totals, "t", ["t"]);
      expect(p.q05).toBeCloseTo(direct.q05 / 1e9, 6);
      expect(p.q50).toBeCloseTo(direct.q50 / 1e9, 6);
      expect(p.q95).toBeCloseTo(direct.q95 / 1e9, 6);
      const yearly = summary.filter((r) => r.metric === "creator_revenue");
      const sumWidth = yearly.reduce((s, r) => s + r.q95 - r.q05, 0) / 1e9;
      expect(p.q95 - p.q05).toBeLessThan(sumWidth);
    }
  });
  it("has no point for a regime without the running-total rows", () => {
    const summary = summarizeRuns(noisyRuns(5, 1), "t", ["creator_revenue"]);
    expect(windowPoints(summary, "creator_revenue", ["compulsory"], { kind: "cumulative" })).toEqual([]);
    expect(windowPoints(summary, "creator_revenue", ["compulsory"], { kind: "year", year: 2030 })).toHaveLength(1);
  });
});
