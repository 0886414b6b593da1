/**
 * Small cases solved by hand; the arithmetic is in the comments.
 */
import { describe, expect, it } from "vitest";
import { choose, type Choice, type DevView } from "../models/economy/choose";
import { allocPlan, buildPlan } from "../models/economy/plan";
import { usDamages } from "../models/economy/rules";
import { readModelParams } from "../models/economy/params";
import { addToGini, allocGiniBins, giniExact, giniFromBins } from "../models/economy/gini";
import { formatValue, runModel, summarizeRuns } from "../models/index";
import { defaults, small } from "./helpers/model";
import { makeRng } from "../models/engine/rng";

const p = readModelParams(defaults);

describe("usDamages", () => {
  it("mixes statutory damages for registered works with actual damages for the rest", () => {
    // books at defaults: 0.8 × $3,100 + 0.2 × 1 × $1,667 = 2,480 + 333.4 = $2,813.40 per work
    expect(usDamages(p, 0)).toBeCloseTo(2813.4, 6);
  });
});

describe("choose", () => {
  // One segment of 100 users, price $1, no inference cost, e^δ = V (θα = 1, no repetition value
  // R* → 0, no synthetic data, compute never binds: D″ = V), no rivals (1 + I = 1):
  // q(V) = 100 V / (V + 1), revenue R(V) = 100 V / (V + 1), marginal revenue R'(V) = 100 / (V + 1)².
  // Free value 0.5; one costly cell of value 0.5 and 1 work.
  const setup = (cost: number) => {
    const plan = allocPlan(1);
    plan.costPerWork[0] = cost;
    buildPlan(plan, new Float64Array([1]), new Float64Array([1]), new Float64Array(1), new Float64Array([0.5]), 0.5, new Uint8Array(1), new Float64Array(1));
    const out: Choice = { lastPos: -1, lastFrac: 0, value: 0, cost: 0, worksUsed: 0, revenue: 0, profit: 0, legal: 0 };
    const view: DevView = {
      prices: new Float64Array([1]), costs: new Float64Array([0]), users: new Float64Array([100]), a: new Float64Array([1]), rivals: new Float64Array([0]),
      thetaAlpha: 1, tokens: 1e9, rStar: 1e-12, sigma: 0, dRef: 1, fixed: 0,
    };
    choose(plan, view, out);
    return out;
  };
  it("takes a cheap cell whole: cost $5 (= $10 per unit value) < R'(1) = 25", () => {
    // V = 1: revenue 100·1/2 = 50; profit 50 − 5 = 45
    const c = setup(5);
    expect(c.value).toBeCloseTo(1, 12);
    expect(c.revenue).toBeCloseTo(50, 9);
    expect(c.profit).toBeCloseTo(45, 9);
  });
  it("takes part of a dear cell, where marginal revenue equals cost per unit of value", () => {
    // cost $20 → $40 per unit value. R'(0.5) = 44.4 ≥ 40 > R'(1) = 25, so solve 100/(V+1)² = 40:
    // V = √2.5 − 1 = 0.58114; fraction x = 0.08114/0.5 = 0.16228; cost 20x = 3.2456;
    // revenue 100·0.58114/1.58114 = 36.754; profit = 33.509
    const c = setup(20);
    expect(c.value).toBeCloseTo(Math.sqrt(2.5) - 1, 6);
    expect(c.cost).toBeCloseTo(20 * (Math.sqrt(2.5) - 1.5) / 0.5, 5);
    expect(c.profit).toBeCloseTo(33.509, 3);
  });
  it("skips a cell whose cost exceeds the marginal revenue at the free corpus", () => {
    // cost $50 → $100 per unit value > R'(0.5) = 44.4: nothing bought; revenue 100·0.5/1.5 = 33.33
    const c = setup(50);
    expect(c.value).toBeCloseTo(0.5, 12);
    expect(c.profit).toBeCloseTo(100 / 3, 9);
  });
});

describe("giniFromBins", () => {
  it("is 0.5 for two people with incomes 0 and 100 (exact: 1 − (½·0 + ½·(0+1)) = 0.5)", () => {
    const b = allocGiniBins();
    addToGini(b, 0, 1);
    addToGini(b, 100, 1);
    expect(giniFromBins(b)).toBeCloseTo(0.5, 12);
  });
  it("is within half a Gini point of the exact value for a heavy-tailed sample", () => {
    const r = makeRng(3);
    const ys = Array.from({ length: 5000 }, () => 2000 * Math.exp(2 * Math.sqrt(-2 * Math.log(r())) * Math.cos(2 * Math.PI * r())));
    const b = allocGiniBins();
    for (const y of ys) addToGini(b, y, 1);
    expect(Math.abs(giniFromBins(b) - giniExact(ys))).toBeLessThan(0.005);
  });
});

describe("formatValue", () => {
  it("writes 12 significant digits without float noise", () => {
    expect(formatValue(0.1 + 0.2)).toBe("0.3");
    expect(formatValue(1234567.891234567)).toBe("1234567.89123");
    expect(formatValue(42)).toBe("42");
    expect(formatValue(-0)).toBe("0");
  });
});

describe("runModel compulsory", () => {
  it("collects exactly rate × AI revenue when the rate binds, and the collective keeps exactly its admin share", () => {
    // With no per-work minimum, certain detection (no piracy) and no training abroad, every developer
    // takes the blanket licence; royalties = 0.05 × AI revenue.
    const r = runModel({ regime: "compulsory", params: small({ "compulsory.royalty_rate": 0.05, "enforcement.detection_probability": 0.5, "offshore.training_territorial": 0 }), seed: 2 });
    for (let t = 0; t < r.years; t++) {
      expect(r.series.royalties_paid[t]).toBeCloseTo(0.05 * r.series.ai_revenue[t], 0);
      expect(r.series.collective_admin_cost[t]).toBeCloseTo(0.1 * r.series.royalties_paid[t], 0);
    }
  });
});

describe("summarizeRuns", () => {
  it("gives q50 = the median across seeds", () => {
    const runs = [1, 2, 3].map((seed) => runModel({ regime: "fair-use", params: small(), seed }));
    const row = summarizeRuns(runs, "t").find((x) => x.metric === "creator_revenue" && !x.group && x.year === 2025)!;
    const vals = runs.map((r) => r.series.creator_revenue[0]).sort((a, b) => a - b);
    expect(row.q50).toBe(vals[1]);
    expect(row.n).toBe(3);
    expect(row.q05).toBeLessThanOrEqual(row.q50);
    expect(row.q95).toBeGreaterThanOrEqual(row.q50);
  });
  it("gives the mean across seeds beside the quantiles (they differ when the distribution is skewed)", () => {
    const runs = [1, 2, 3].map((seed) => runModel({ regime: "fair-use", params: small(), seed }));
    const row = summarizeRuns(runs, "t").find((x) => x.metric === "creator_revenue" && !x.group && x.year === 2025)!;
    const vals = runs.map((r) => r.series.creator_revenue[0]);
    const mean = (vals[0] + vals[1] + vals[2]) / 3;
    expect(Math.abs(row.mean - mean) / mean).toBeLessThan(1e-12);
  });
});
