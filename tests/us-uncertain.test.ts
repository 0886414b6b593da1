/**
 * The US-uncertain regime (models/economy/ruling.ts, models/regimes/us-uncertain.ts): a fair-use ruling
 * drawn once per seed, expected liability before it, the follow-on law after it.
 */
import { describe, expect, it } from "vitest";
import { runEnsemble, type RunOutput } from "../models/index";
import { fairUsePrevails } from "../models/economy/ruling";
import { small, violations } from "./helpers/model";

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const total = (xs: Float64Array) => xs.reduce((a, b) => a + b, 0);
const relDiff = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1);
const meanAt = (runs: RunOutput[], metric: string, t: number) => runs.reduce((s, r) => s + r.series[metric][t], 0) / runs.length;

describe("fairUsePrevails(seed, probability)", () => {
  const seeds = Array.from({ length: 2000 }, (_, k) => k + 1);
  it("is always true at 1 and always false at 0", () => {
    expect(seeds.every((s) => fairUsePrevails(s, 1))).toBe(true);
    expect(seeds.some((s) => fairUsePrevails(s, 0))).toBe(false);
  });
  it("holds in about the given share of seeds, and more often at a higher probability", () => {
    for (const p of [0.2, 0.5, 0.8]) expect(Math.abs(seeds.filter((s) => fairUsePrevails(s, p)).length / seeds.length - p)).toBeLessThan(0.04);
    for (const s of seeds) if (fairUsePrevails(s, 0.3)) expect(fairUsePrevails(s, 0.6)).toBe(true);
  });
});

describe("runEnsemble under us-uncertain", () => {
  it("at us.fair_use_probability 1 is within 1% of fair-use on creator revenue and developer cost, seeds 1..10", () => {
    const settings = small({ "sim.years": 8, "us.fair_use_probability": 1 });
    const us = runEnsemble(["us-uncertain"], settings, SEEDS);
    const fair = runEnsemble(["fair-use"], settings, SEEDS);
    for (let s = 0; s < SEEDS.length; s++)
      for (const m of ["creator_revenue", "developer_cost"]) expect(relDiff(total(us[s].series[m]), total(fair[s].series[m])), `seed ${SEEDS[s]} ${m}`).toBeLessThan(0.01);
  });

  for (const [followOn, regime] of [[0, "licensing"], [1, "compulsory"]] as const) {
    it(`at probability 0 with us.follow_on ${followOn}, is within 10% of ${regime} from the decision year on (means of seeds 1..10)`, () => {
      const settings = small({ "sim.years": 8, "us.fair_use_probability": 0, "us.decision_year": 2027, "us.follow_on": followOn });
      const us = runEnsemble(["us-uncertain"], settings, SEEDS);
      const other = runEnsemble([regime], settings, SEEDS);
      // Two years after the ruling, once the past infringement has been paid (2027) and the populations have settled.
      for (let t = 4; t < 8; t++)
        for (const m of ["creator_revenue", "developer_cost"]) expect(relDiff(meanAt(us, m, t), meanAt(other, m, t)), `${m} ${2025 + t}`).toBeLessThan(0.1);
    });
  }

  it("prices the risk ex ante: before the ruling, a lower chance of fair use means smaller home corpora", () => {
    const at = (p: number) => runEnsemble(["us-uncertain"], small({ "sim.years": 3, "us.decision_year": 2030, "offshore.training_territorial": 0, "us.fair_use_probability": p }), SEEDS);
    const [low, high] = [at(0.3), at(0.9)];
    for (let t = 0; t < 3; t++) expect(meanAt(low, "corpus_share", t)).toBeLessThan(meanAt(high, "corpus_share", t));
  });

  it("charges past infringement only in the decision year and only where the courts held infringement", () => {
    const settings = small({ "sim.years": 6, "us.decision_year": 2028, "us.fair_use_probability": 0.5, "offshore.training_territorial": 0, "enforcement.detection_probability": 0.01 });
    const us = runEnsemble(["us-uncertain"], settings, SEEDS);
    const noRisk = runEnsemble(["us-uncertain"], { ...settings, "us.fair_use_probability": 1 }, SEEDS);
    for (let s = 0; s < SEEDS.length; s++) {
      expect(violations(us[s])).toEqual([]);
      // In the decision year (2028) an infringement holding adds the past infringement to the year's legal cost.
      const jump = us[s].series.developer_legal_cost[3] - noRisk[s].series.developer_legal_cost[3];
      if (!fairUsePrevails(SEEDS[s], 0.5)) expect(jump, `seed ${SEEDS[s]}`).toBeGreaterThan(0);
    }
    expect(new Set(SEEDS.map((s) => fairUsePrevails(s, 0.5))).size, "seeds 1..10 show both rulings").toBe(2);
  });
});
