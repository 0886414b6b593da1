/**
 * Bargained licences of version 2 (issue 11, item 2): Nash bargaining over the value works add, with
 * the sellers' bargaining power, per-deal and per-work transaction costs, and the statutory cap.
 */
import { describe, expect, it } from "vitest";
import { runEnsemble, type RunOutput } from "../models/index";
import { BARGAIN, PRICING, marginalValue, nashPrice } from "../models/economy/bargaining";
import { cellIndex, STATUS } from "../models/economy/cells";
import { type World } from "../models/economy/world-state";
import { small } from "./helpers/model";
import { worldAt } from "./helpers/world";

describe("nashPrice", () => {
  it("gives the sellers' share of the value net of transaction costs, no deal below the per-work cost, and respects the cap", () => {
    expect(nashPrice(BARGAIN.catalogue, 0.5, 1000, 0.05, 100, Infinity)).toBeCloseTo(500 / 1.05, 9);
    expect(nashPrice(BARGAIN.perWork, 0.5, 1000, 0.05, 100, Infinity)).toBeCloseTo(450, 9);
    expect(nashPrice(BARGAIN.perWork, 0.5, 90, 0.05, 100, Infinity)).toBeNaN();
    expect(nashPrice(BARGAIN.catalogue, 0.5, 1000, 0.05, 100, 200)).toBe(200);
    expect(nashPrice(BARGAIN.catalogue, 0, 1000, 0.05, 100, Infinity)).toBe(0);
    expect(nashPrice(BARGAIN.catalogue, 1, 1000, 0, 100, Infinity)).toBe(1000);
  });
});

/** The licensing world after the supply step of year t. */
function afterSupply(settings: Record<string, number>, regime: string, t: number): World {
  return worldAt(settings, regime, t, { after: "supply" });
}

describe("bargainPrices (supply step)", () => {
  it("prices each represented cell at β × its value per work ÷ (1 + deal cost), and keeps posted prices when asked", () => {
    const w = afterSupply(small({ "sim.years": 4 }), "licensing", 3);
    const p = w.p;
    const mr = marginalValue(w);
    for (const band of [0, 2, 4]) {
      const c = cellIndex(0, band, STATUS.intermediated);
      const v = (mr * w.cells.value[c]) / w.cells.works[c];
      expect(w.cells.price[c]).toBeCloseTo((p.licensing.bargainingPower * v) / (1 + p.licensing.dealCostShare), 6);
      expect(w.cells.tx[c]).toBeCloseTo(w.cells.price[c] * p.licensing.dealCostShare, 9);
    }
    const posted = afterSupply(small({ "sim.years": 4, "licensing.pricing": PRICING.posted }), "licensing", 3);
    expect(posted.cells.price[cellIndex(0, 2, STATUS.intermediated)]).toBe(posted.p.sectors[0].licencePrice);
  }, 60_000);

  it("raises creators' AI income in the EU with the rights holders' bargaining power (opted-out works are licensed)", () => {
    const run = (beta: number) => runEnsemble(["eu-opt-out"], small({ "licensing.bargaining_power": beta, "optout.adoption": 0.6 }), [1, 2, 3]);
    const sum = (rs: RunOutput[]) => rs.reduce((a, r) => a + r.series.creator_ai_revenue.reduce((x, y) => x + y, 0), 0);
    expect(sum(run(0.8))).toBeGreaterThan(sum(run(0.2)));
  }, 60_000);
});
