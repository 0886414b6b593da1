/** comparisonText: the plain-language comparison of two settings, on hand-made summaries. */
import { describe, expect, it } from "vitest";
import { changeClauses, comparisonText } from "../src/lib/compare-text";
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
