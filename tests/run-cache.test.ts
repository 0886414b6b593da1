import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DEFAULT_REGIME_IDS, runModel, type RunOutput } from "../models/index";
import { paramReads, readIds } from "../models/economy/param-reads";
import { RunCache, depsMatch } from "../src/lib/run-cache";
import type { RunDeps } from "../src/lib/sim-protocol";
import { small } from "./helpers/model";

const KEYS = ["creator_revenue", "developer_cost", "total_surplus"];

/** A run with its deps, as the worker makes them (values after the regime's overrides: none here). */
function tracked(regime: string, settings: Record<string, number>, seed: number, keys?: string[]): { run: RunOutput; deps: RunDeps } {
  const reads = paramReads();
  const run = runModel({ regime, params: settings, seed, keys }, undefined, reads);
  const ids = readIds(reads);
  return { run, deps: { ids, values: ids.map((id) => settings[id]) } };
}
const bytes = (r: RunOutput) => Object.entries(r.series).map(([k, v]) => `${k}:${Array.from(v).join(",")}`).join("|");

describe("RunCache.get", () => {
  it("returns a kept run for settings that move only parameters it did not read, equal to a fresh run (default regimes, seeds 1–2)", () => {
    const cache = new RunCache();
    const a = small(), b = small({ "compulsory.royalty_rate": 0.11 });
    let reused = 0;
    for (const regime of DEFAULT_REGIME_IDS) for (const seed of [1, 2]) {
      const { run, deps } = tracked(regime, a, seed, KEYS);
      cache.put(run, deps, KEYS);
      const kept = cache.get(regime, seed, b, KEYS);
      if (!kept) continue;
      reused++;
      expect(bytes(kept), `${regime} ${seed}`).toBe(bytes(runModel({ regime, params: b, seed, keys: KEYS })));
    }
    expect(reused).toBeGreaterThan(0);
    expect(cache.get("compulsory", 1, b, KEYS)).toBeUndefined();
  });
  it("answers as a full comparison would after a miss: the parameter it last differed in is tried first, then every other one (random settings)", () => {
    const deps: RunDeps = { ids: ["a", "b", "c", "d"], values: [1, 2, 3, 4] };
    const run = tracked("fair-use", small(), 1, KEYS).run;
    // Sequences of settings (each parameter keeps its value or moves), against a fresh cache each time:
    // what the cache answers depends on the misses before, so the order of the settings matters.
    const moves = fc.array(fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 40 });
    fc.assert(fc.property(moves, (sequence) => {
      const cache = new RunCache();
      cache.put(run, deps, KEYS);
      for (const moved of sequence) {
        const settings = Object.fromEntries(deps.ids.map((id, i) => [id, moved[i] ? deps.values[i] + 1 : deps.values[i]]));
        expect(cache.get("fair-use", 1, settings, KEYS) !== undefined, JSON.stringify(settings)).toBe(depsMatch(deps, settings));
      }
    }), { numRuns: 200, seed: 12345 });
  });
  it("misses when a read parameter is missing from the settings, when a series is not kept, and for all series from a partial run", () => {
    const cache = new RunCache();
    const { run, deps } = tracked("fair-use", small(), 1, KEYS);
    cache.put(run, deps, KEYS);
    expect(cache.get("fair-use", 1, small(), KEYS)).toBeDefined();
    expect(cache.get("fair-use", 1, small(), ["creator_revenue"])!.series).toHaveProperty("creator_revenue");
    const partial: Record<string, number> = { ...small() };
    delete partial[deps.ids[0]];
    expect(cache.get("fair-use", 1, partial, KEYS)).toBeUndefined();
    expect(cache.get("fair-use", 1, small(), [...KEYS, "model_quality"])).toBeUndefined();
    expect(cache.get("fair-use", 1, small())).toBeUndefined();
    expect(cache.get("fair-use", 2, small(), KEYS)).toBeUndefined();
  });
  it("serves any keys from a run kept with every series, and only the keys asked for", () => {
    const cache = new RunCache();
    const { run, deps } = tracked("licensing", small(), 4);
    cache.put(run, deps);
    expect(Object.keys(cache.get("licensing", 4, small(), ["model_quality", "creator_revenue"])!.series)).toEqual(["model_quality", "creator_revenue"]);
    expect(Object.keys(cache.get("licensing", 4, small())!.series).length).toBe(Object.keys(run.series).length);
  });
  it("keeps the latest few settings per regime and seed", () => {
    const cache = new RunCache();
    const run = { regime: "fair-use", seed: 1, startYear: 2025, years: 1, series: { x: new Float64Array([1]) } };
    for (let v = 0; v < 10; v++) cache.put(run, { ids: ["p"], values: [v] }, ["x"]);
    expect(cache.get("fair-use", 1, { p: 9 }, ["x"])).toBeDefined();
    expect(cache.get("fair-use", 1, { p: 0 }, ["x"])).toBeUndefined();
  });
  it("keeps a run that is asked for again (the defaults a comparison pairs with) while newer settings come and go", () => {
    const cache = new RunCache();
    const run = { regime: "compulsory", seed: 1, startYear: 2025, years: 1, series: { x: new Float64Array([1]) } };
    cache.put(run, { ids: ["p"], values: [0] }, ["x"]); // the defaults
    for (let v = 1; v < 10; v++) {
      cache.put(run, { ids: ["p"], values: [v] }, ["x"]); // a slider move
      expect(cache.get("compulsory", 1, { p: 0 }, ["x"]), `after move ${v}`).toBeDefined(); // the comparison's other side
    }
    expect(cache.get("compulsory", 1, { p: 5 }, ["x"])).toBeUndefined(); // four newer ones and the reused one are kept
  });
});

describe("depsMatch", () => {
  it("needs every read parameter at its read value", () => {
    expect(depsMatch({ ids: ["a", "b"], values: [1, 2] }, { a: 1, b: 2, c: 3 })).toBe(true);
    expect(depsMatch({ ids: ["a", "b"], values: [1, 2] }, { a: 1, b: 3 })).toBe(false);
    expect(depsMatch({ ids: ["a"], values: [1] }, {})).toBe(false);
  });
});
