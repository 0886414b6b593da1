/** comparisonText: the plain-language comparison of two settings, on hand-made summaries. */
import { describe, expect, it } from "vitest";
import { changeClauses, comparisonText, pairedDifferences } from "../src/lib/compare-text";
import { makeRng } from "../models/engine/rng";
import type { RunOutput } from "../models/results/types";
import type { SummaryRow } from "../models/results/types";
import { defaults, registry } from "./helpers/model";

const row = (q50: number, q05: number, q95: number): SummaryRow => ({ scenario: "s", regime: "compulsory", year: 2035, metric: "creator_ai_revenue", n: 5, mean: q50, q05, q25: q50, q50, q75: q50, q95 });

describe("comparisonText", () => {
  it("states the change, its size and share, both levels with their 90% bands, and the year", () => {
    const to = { ...defaults, "compulsory.royalty_rate": 0.15 };
    const text = comparisonText({
      registry, from: defaults, to, fromSummary: [row(4e9, 3.8e9, 4.2e9)], toSummary: [row(13.3e9, 12.9e9, 13.7e9)], fromLabel: "the defaults",
      regime: "compulsory", regimeLabel: "the compulsory licence", year: 2035, metrics: ["creator_ai_revenue"],
    })!;
    // (13.3 − 4) / 4 = +233%
    expect(text).toMatch(/^Compared with the defaults, raising statutory royalty rate from 3% to 15% raises Creator AI income under the compulsory licence in 2035 by \$9\.3 bn \(\+233%\)/);
    expect(text).toContain("from a median of $4 bn (90% band $3.8 bn to $4.2 bn) to $13.3 bn ($12.9 bn to $13.7 bn)");
  });
  it("says nothing when only run settings differ", () => {
    expect(changeClauses(registry, defaults, { ...defaults, "sim.creators": 2000 })).toEqual([]);
  });
});

describe("pairedDifferences and comparisonText with a band of the change", () => {
  /** Runs sharing seed noise (common random numbers): the level varies a lot by seed, the change little. */
  const runs = (shift: number, seeds: number): RunOutput[] => {
    const rng = makeRng(7);
    return Array.from({ length: seeds }, (_, i) => {
      const level = 1e9 * (2 + 6 * rng());
      return { regime: "compulsory", seed: i + 1, startYear: 2035, years: 1, series: { creator_ai_revenue: Float64Array.of(level + shift * (1 + 0.01 * i)) } };
    });
  };
  it("gives quantiles of the per-seed differences, far narrower than the levels' bands when seeds share noise", () => {
    const from = runs(0, 30), to = runs(1e9, 30);
    const [d] = pairedDifferences(from, to, ["creator_ai_revenue"]);
    expect(d.n).toBe(30);
    expect(d.q05).toBeGreaterThanOrEqual(1e9);
    expect(d.q95).toBeLessThanOrEqual(1.3e9);
    // Unpaired seeds are left out.
    expect(pairedDifferences(from.slice(0, 10), to, ["creator_ai_revenue"])[0].n).toBe(10);
  });
  it("states the change's own band when given the paired summary", () => {
    const to = { ...defaults, "compulsory.royalty_rate": 0.15 };
    const text = comparisonText({
      registry, from: defaults, to, fromSummary: [row(4e9, 3.8e9, 4.2e9)], toSummary: [row(13.3e9, 12.9e9, 13.7e9)], fromLabel: "the saved state",
      regime: "compulsory", regimeLabel: "the compulsory licence", year: 2035, metrics: ["creator_ai_revenue"], diffSummary: [row(9.2e9, 9e9, 9.5e9)],
    })!;
    expect(text).toMatch(/^Compared with the saved state, raising .* raises Creator AI income under the compulsory licence in 2035 by \$9\.2 bn \(\+230%; 90% band of the change across paired seeds \+\$9 bn to \+\$9\.5 bn\)/);
    expect(text).toMatch(/changes: medians of the per-seed differences/);
  });
  it("pairs runs by draw and seed when they carry a draw, and says so", () => {
    // Two draws with very different levels, the same seeds: paired by (draw, seed) the change is exactly 1e9.
    const drawn = (shift: number) => [0, 1].flatMap((draw) => runs(shift, 10).map((r) => ({ ...r, draw, series: { creator_ai_revenue: r.series.creator_ai_revenue.map((v) => v + draw * 50e9) } })));
    const [d] = pairedDifferences(drawn(0), drawn(1e9), ["creator_ai_revenue"]);
    expect(d.n).toBe(20);
    expect(d.q95).toBeLessThanOrEqual(1.1e9);
    // Paired by seed only (draws ignored), the 50bn gap between draws would enter the band.
    const [seedOnly] = pairedDifferences(drawn(0).map(({ draw: _d, ...r }) => r), drawn(1e9).map(({ draw: _d, ...r }) => r), ["creator_ai_revenue"]);
    expect(seedOnly.q05).toBeLessThan(-40e9);
    const to = { ...defaults, "compulsory.royalty_rate": 0.15 };
    const text = comparisonText({
      registry, from: defaults, to, fromSummary: [row(4e9, 3.8e9, 4.2e9)], toSummary: [row(13.3e9, 12.9e9, 13.7e9)], fromLabel: "the defaults", draws: 8,
      regime: "compulsory", regimeLabel: "the compulsory licence", year: 2035, metrics: ["creator_ai_revenue"], diffSummary: [row(9.2e9, 9e9, 9.5e9)],
    })!;
    expect(text).toMatch(/90% band of the change across paired draws × seeds \+\$9 bn to \+\$9\.5 bn/);
    expect(text).toMatch(/the same 8 Latin-hypercube draws of the uncertain parameters neither sets and the same seeds/);
  });
  it("says a metric is unchanged in every pair when the paired band is zero, without a change of $0", () => {
    const to = { ...defaults, "compulsory.royalty_rate": 0.15 };
    const text = comparisonText({
      registry, from: defaults, to, fromSummary: [row(4e9, 3.8e9, 4.2e9)], toSummary: [row(4e9, 3.8e9, 4.2e9)], fromLabel: "the defaults", draws: 8,
      regime: "compulsory", regimeLabel: "licensing only", year: 2035, metrics: ["creator_ai_revenue"], diffSummary: [row(0, 0, 0)],
    })!;
    expect(text).toMatch(/leaves Creator AI income under licensing only in 2035 unchanged in every one of the paired draws × seeds, at a median of \$4 bn/);
    expect(text).not.toMatch(/by \$0/);
  });
});
