/**
 * The extended collective licence (models/economy/extended-licence.ts, models/regimes/ecl.ts).
 */
import { describe, expect, it } from "vitest";
import { runEnsemble } from "../models/index";
import { BARGAIN, PRICING, marginalValue, nashPrice } from "../models/economy/bargaining";
import { isOptedOut, N_CELLS, sectorOfCell, statusOfCell } from "../models/economy/cells";
import { type World } from "../models/economy/world-state";
import { small, violations } from "./helpers/model";
import { worldAt } from "./helpers/world";

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

/** The ecl world after the supply step of year t (cell terms set, prices bargained). */
function afterSupply(settings: Record<string, number>, t: number): World {
  return worldAt(settings, "ecl", t, { after: "supply" });
}

describe("extendedLicenceTerms and bargainPrices (supply step under ecl)", () => {
  it("prices every work under the extended licence, whatever its owner's status, at the Nash catalogue price, not the posted one", () => {
    for (const t of [0, 3]) {
      const w = afterSupply(small({ "sim.years": 5, "optout.adoption": 0.3 }), t);
      const p = w.p;
      const mr = marginalValue(w);
      let licensed = 0, differs = 0;
      for (let c = 0; c < N_CELLS; c++) {
        if (!(w.cells.works[c] > 0) || isOptedOut(statusOfCell(c))) continue;
        expect(w.bargain[c]).toBe(BARGAIN.catalogue);
        const v = (mr * w.cells.value[c]) / w.cells.works[c];
        const nash = nashPrice(BARGAIN.catalogue, p.licensing.bargainingPower, v, p.licensing.dealCostShare, p.licensing.transactionCostPerWork, Infinity);
        expect(w.cells.price[c], `cell ${c}`).toBeCloseTo(nash, 6);
        const posted = p.sectors[sectorOfCell(c)].licencePrice;
        if (Math.abs(w.cells.price[c] - posted) > 0.01 * posted) differs++;
        expect(w.cells.tx[c]).toBeCloseTo(w.cells.price[c] * p.licensing.dealCostShare, 9);
        licensed++;
      }
      expect(licensed).toBeGreaterThan(0);
      // The bargained price is not the posted one (it depends on each cell's value per work).
      expect(differs).toBeGreaterThan(licensed / 2);
    }
  }, 60_000);
  it("keeps the posted price only when licensing.pricing asks for it", () => {
    const w = afterSupply(small({ "sim.years": 5, "licensing.pricing": PRICING.posted }), 2);
    for (let c = 0; c < N_CELLS; c++) {
      if (!(w.cells.works[c] > 0) || isOptedOut(statusOfCell(c))) continue;
      expect(w.cells.price[c]).toBe(w.p.sectors[sectorOfCell(c)].licencePrice);
    }
  }, 60_000);
  it("charges developers the bargained fees: data cost changes with the rights holders' bargaining power", () => {
    const cost = (beta: number) => runEnsemble(["ecl"], small({ "sim.years": 4, "licensing.bargaining_power": beta, "offshore.training_territorial": 0 }), [1])[0].series.developer_data_cost[2];
    expect(cost(0.7)).toBeGreaterThan(cost(0.3));
  });
});
