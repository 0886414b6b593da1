/**
 * The extended collective licence (models/economy/extended-licence.ts, models/regimes/ecl.ts).
 */
import { describe, expect, it } from "vitest";
import { runEnsemble } from "../models/index";
import { small, violations } from "./helpers/model";

const SEEDS = [1, 2, 3, 4, 5];

describe("feesToCollective (runEnsemble under ecl)", () => {
  it("sends every licence fee through the collective: royalties paid equal the fees in developers' data cost", () => {
    for (const r of runEnsemble(["ecl"], small({ "sim.years": 8 }), SEEDS)) {
      expect(violations(r)).toEqual([]);
      // No side deals and no copies to buy under the licence: a developer's data cost is its licence fees.
      for (let t = 0; t < r.years; t++) expect(r.series.royalties_paid[t]).toBeCloseTo(r.series.developer_data_cost[t], 0);
    }
  });
  it("holds non-members' money: with nobody registered at first, most of the first year's money is held", () => {
    for (const r of runEnsemble(["ecl"], small({ "sim.years": 8, "collective.initial_match_rate": 0, "offshore.training_territorial": 0 }), SEEDS)) {
      // Only those who registered in the first year's registration draw are paid; the rest is held.
      expect(r.series.unmatched_royalties_held[0]).toBeGreaterThan(r.series.royalties_distributed[0]);
    }
  });
});

describe("extendedLicenceTerms (runEnsemble under ecl)", () => {
  it("licenses the unreachable long tail: at home, more of the corpus is used than under licensing only, in every seed", () => {
    const settings = small({ "sim.years": 6, "offshore.training_territorial": 0, "optout.adoption": 0 });
    const ecl = runEnsemble(["ecl"], settings, SEEDS);
    const lic = runEnsemble(["licensing"], settings, SEEDS);
    for (let s = 0; s < SEEDS.length; s++) expect(ecl[s].series.corpus_share[0]).toBeGreaterThan(lic[s].series.corpus_share[0]);
  });
});
