/**
 * tornadoPoints, tornadoFromValues, windowValue and liveParameters (src/lib/live-tornado.ts): the live
 * tornado's design, run point by point as the workers do, gives the same rows as `oneAtATime` with the
 * model's own evaluator (models/analysis/evaluate.ts) at the same settings and seeds.
 */
import { describe, expect, it } from "vitest";
import { factorOf, metricEvaluator, oneAtATime, uncertainParameters } from "../models/analysis/index";
import { runModel } from "../models/run";
import { liveParameters, tornadoFromValues, tornadoPoints, windowValue, type LiveTornadoSpec } from "../src/lib/live-tornado";
import { defaults, registry } from "./helpers/model";

const small = { ...defaults, "sim.creators": 1000, "sim.developers": 10, "compulsory.royalty_rate": 0.1 };

describe("tornadoFromValues", () => {
  it("equals oneAtATime with the model's evaluator for the same point, parameters and seeds", () => {
    const ids = uncertainParameters(registry.parameters, "compulsory").slice(0, 3).map((p) => p.id);
    const seeds = [1, 2];
    const spec: LiveTornadoSpec = { regime: "compulsory", metric: "creator_ai_revenue", window: { kind: "year", year: 2030 }, base: small, parameters: ids, seeds };
    const { factors, points } = tornadoPoints(registry, spec);
    expect(points.length).toBe(1 + 2 * ids.length);
    const values = points.map((p) => seeds.reduce((s, seed) => s + windowValue(runModel({ regime: "compulsory", params: p, seed }), spec.metric, spec.window), 0) / seeds.length);
    const live = tornadoFromValues(spec, factors, points, values);
    const reference = oneAtATime(small, ids.map((id) => factorOf(registry.byId.get(id)!, "percentile")), metricEvaluator({ regime: "compulsory", metric: spec.metric, year: 2030, seeds }));
    expect(live.rows).toEqual(reference);
    expect(live.base).toBe(values[0]);
  });
});

describe("windowValue", () => {
  it("reads the year, sums the whole run for the cumulative window, and names a year not simulated", () => {
    const run = { regime: "r", seed: 1, startYear: 2025, years: 3, series: { m: Float64Array.of(1, 2, 4) } };
    expect(windowValue(run, "m", { kind: "year", year: 2026 })).toBe(2);
    expect(windowValue(run, "m", { kind: "cumulative" })).toBe(7);
    expect(() => windowValue(run, "m", { kind: "year", year: 2030 })).toThrow(/year 2030 is not simulated \(2025 to 2027\)/);
  });
});

describe("liveParameters", () => {
  it("keeps the ranked order, drops parameters the user set or without uncertainty, and stops at k", () => {
    const uncertain = registry.parameters.filter((p) => p.uncertainty).map((p) => p.id);
    const ranked = [...uncertain.slice(0, 5), "compulsory.royalty_rate"].map((parameter) => ({ parameter }));
    expect(liveParameters(registry, ranked, new Set([uncertain[1]]), 3)).toEqual([uncertain[0], uncertain[2], uncertain[3]]);
  });
});
