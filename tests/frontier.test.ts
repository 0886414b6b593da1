/** The rate frontier's helpers: the rate grid with the markers, the surplus maximum, and a compulsory licence at rate 0 paying creators nothing. */
import { describe, expect, it } from "vitest";
import { frontierRates, ratePoints, surplusMaximum, type FrontierPoint } from "../src/components/frontier/frontier";
import { small } from "./helpers/model";

const pt = (rate: number, ts: number): FrontierPoint => {
  const m = { creator_ai_revenue: 0, developer_cost: 0, consumer_surplus: 0, total_surplus: ts };
  return { rate, mean: m, min: m, max: m };
};

describe("frontierRates", () => {
  it("spaces the grid evenly and adds the markers once", () => {
    expect(frontierRates(0, 0.2, 5, [0.15, 0.1])).toEqual([0, 0.05, 0.1, 0.15, 0.2]);
    expect(frontierRates(0, 0.2, 3, [0.01])).toEqual([0, 0.01, 0.1, 0.2]);
  });
});

describe("surplusMaximum", () => {
  it("is interior only when the maximum is not at an end", () => {
    expect(surplusMaximum([pt(0, 1), pt(0.1, 3), pt(0.2, 2)])).toEqual({ rate: 0.1, interior: true });
    expect(surplusMaximum([pt(0, 3), pt(0.1, 2), pt(0.2, 1)])).toEqual({ rate: 0, interior: false });
  });
});

describe("ratePoints", () => {
  // Training kept at home: a developer who trains abroad pays output liability to the works' rights holders
  // (creator AI income) whatever the statutory rate, and since 2.3.0 some do even at low rates.
  it("pays creators nothing at rate 0 and something at 10% (training kept at home)", () => {
    const [zero, ten] = ratePoints(small({ "offshore.training_territorial": 0 }), "compulsory.royalty_rate", [0, 0.1], 2030, [1]);
    expect(zero.mean.creator_ai_revenue).toBe(0);
    expect(ten.mean.creator_ai_revenue).toBeGreaterThan(0);
  });
});
