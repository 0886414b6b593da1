/**
 * India's hybrid model (models/economy/retroactive.ts, models/regimes/india-hybrid.ts): the committee's
 * rate from the start year, back royalties on earlier revenue, apportionment by works used.
 */
import { describe, expect, it } from "vitest";
import { runEnsemble } from "../models/index";
import { defaults, small, violations } from "./helpers/model";

const SEEDS = [1, 2, 3, 4, 5];
const settings = (over: Record<string, number> = {}) => small({ "sim.years": 8, "india.start_year": 2028, ...over });

describe("committeeRateSetter (statutory_rate under india-hybrid)", () => {
  it("is 0 before india.start_year and india.royalty_rate from it, under a fixed standard", () => {
    for (const r of runEnsemble(["india-hybrid"], settings({ "india.royalty_rate": 0.04 }), SEEDS))
      expect(Array.from(r.series.statutory_rate)).toEqual([0, 0, 0, 0.04, 0.04, 0.04, 0.04, 0.04]);
  });
  it("moves only at reviews every india.review_years from the start year when the committee resets toward willingness to pay", () => {
    for (const r of runEnsemble(["india-hybrid"], settings({ "india.review_standard": 1, "india.review_years": 2 }), SEEDS)) {
      const rate = r.series.statutory_rate;
      // 2028 start, reviews in 2030 and 2032: the rate may change only there.
      for (const t of [4, 6]) expect(rate[t], `${2025 + t}`).toBe(rate[t - 1]);
      expect(rate[5]).not.toBe(rate[4]);
    }
  });
});

describe("committeeRateSetter.review (partial adjustment, compulsory.review_adjustment)", () => {
  it("moves the rate at the first review by κ of the gap to its target: none at κ = 0, the whole gap at κ = 1", () => {
    const at = (k: number) => runEnsemble(["india-hybrid"], settings({ "india.review_standard": 1, "india.review_years": 2, "compulsory.review_adjustment": k }), SEEDS);
    const still = at(0), half = at(0.5), jump = at(1);
    for (let s = 0; s < SEEDS.length; s++) {
      // Up to the first review (2030, t = 5) the three runs are identical, so they share the target there.
      const r0 = half[s].series.statutory_rate[4];
      expect(jump[s].series.statutory_rate[4]).toBe(r0);
      expect(still[s].series.statutory_rate[5]).toBe(r0);
      const gap = jump[s].series.statutory_rate[5] - r0;
      expect(Math.abs(gap)).toBeGreaterThan(1e-6);
      expect(half[s].series.statutory_rate[5] - r0).toBeCloseTo(gap / 2, 12);
    }
  });
});

describe("retroactiveRoyalties (runEnsemble under india-hybrid)", () => {
  it("adds, in the start year only, the rate times the revenue earned before it (at most)", () => {
    const retro = runEnsemble(["india-hybrid"], settings(), SEEDS);
    const none = runEnsemble(["india-hybrid"], settings({ "india.retroactive": 0 }), SEEDS);
    for (let s = 0; s < SEEDS.length; s++) {
      const a = retro[s].series, b = none[s].series;
      for (let t = 0; t < 3; t++) expect(a.royalties_paid[t]).toBe(0);
      const pastRevenue = a.ai_revenue[0] + a.ai_revenue[1] + a.ai_revenue[2];
      const back = a.royalties_paid[3] - b.royalties_paid[3];
      expect(back).toBeGreaterThan(0.9 * 0.03 * pastRevenue);
      expect(back).toBeLessThanOrEqual(0.03 * pastRevenue * (1 + 1e-9));
      expect(violations(retro[s])).toEqual([]);
    }
  });
  it("after the start year the royalty is the rate times AI revenue (a mandatory licence: no developer can skip it)", () => {
    for (const r of runEnsemble(["india-hybrid"], settings({ "india.retroactive": 0 }), SEEDS))
      for (let t = 3; t < r.years; t++) expect(r.series.royalties_paid[t] / r.series.ai_revenue[t]).toBeCloseTo(0.03, 9);
  });
});

describe("retroactiveRoyalties when no cell with works shows past use", () => {
  it("holds the back royalties with the collective's unmatched money, so the payments identity still holds", async () => {
    const { readFileSync } = await import("node:fs");
    const fx = JSON.parse(readFileSync(new URL("./fixtures/india-back-royalties-no-past-use.json", import.meta.url), "utf8"));
    // The fixture is a 2.2.0 parameter set: parameters added since take their defaults.
    const runs = runEnsemble([fx.regime], { ...defaults, ...fx.settings }, [fx.seed]);
    expect(runs.flatMap(violations)).toEqual([]);
    expect(Math.max(...runs[0].series.unmatched_royalties_held)).toBeGreaterThan(0);
  });
});
