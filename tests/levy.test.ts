/**
 * The levy regime: a charge on revenue paid into a creators' fund (models/economy/levy.ts).
 */
import { describe, expect, it } from "vitest";
import { runEnsemble } from "../models/index";
import { small, violations } from "./helpers/model";

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const total = (xs: Float64Array) => xs.reduce((a, b) => a + b, 0);

function aiIncome(rate: number): number[] {
  return runEnsemble(["levy"], small({ "sim.years": 8, "levy.rate": rate }), SEEDS).map((r) => total(r.series.creator_ai_revenue));
}

describe("payLevy (runEnsemble under levy)", () => {
  it("creator_ai_revenue rises with levy.rate in every seed", () => {
    const rates = [0, 0.01, 0.03, 0.1, 0.2];
    const byRate = rates.map(aiIncome);
    for (let k = 1; k < rates.length; k++)
      for (let s = 0; s < SEEDS.length; s++) expect(byRate[k][s], `seed ${SEEDS[s]}: rate ${rates[k]} vs ${rates[k - 1]}`).toBeGreaterThan(byRate[k - 1][s]);
  });

  it("at levy.rate 0 every series equals fair use's, seed by seed", () => {
    const settings = small({ "sim.years": 8, "levy.rate": 0 });
    const levy = runEnsemble(["levy"], settings, SEEDS);
    const fair = runEnsemble(["fair-use"], settings, SEEDS);
    for (let s = 0; s < SEEDS.length; s++)
      for (const m of ["creator_revenue", "developer_cost", "consumer_surplus", "active_developers"]) expect(Array.from(levy[s].series[m]), m).toEqual(Array.from(fair[s].series[m]));
  });

  it("the levy paid is the rate times AI revenue, and every invariant holds", () => {
    for (const r of runEnsemble(["levy"], small({ "sim.years": 8, "levy.rate": 0.05 }), SEEDS)) {
      expect(violations(r)).toEqual([]);
      for (let t = 0; t < r.years; t++) expect(r.series.royalties_paid[t] / r.series.ai_revenue[t]).toBeCloseTo(0.05, 9);
    }
  });
});
