/**
 * Property-based tests (fast-check): arbitrary input never throws and always yields either a valid
 * setting or clear problems; random valid parameter sets keep every invariant.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseArgs } from "../cli/args";
import { REGIME_IDS, parseValue, resolveScenarioText, runEnsemble, validateSettings } from "../models/index";
import { registry, small, violations } from "./helpers/model";

const ids = registry.parameters.map((p) => p.id);
const inRange = (s: Record<string, number>) =>
  Object.entries(s).every(([id, v]) => {
    const r = registry.byId.get(id)!;
    return Number.isFinite(v) && v >= r.range.min && v <= r.range.max && (r.kind === "number" || Number.isInteger(v));
  });
const nastyString = fc.oneof(
  fc.string(),
  fc.constantFrom("", " ", "NaN", "1e309", "-1e309", "0x10", "1,5", "Infinity", "<script>alert(1)</script>", "__proto__", "constructor", "0.1.2", "--", "=", "1e-400"),
  fc.double().map(String),
  fc.integer().map(String),
);

describe("parseValue", () => {
  it("returns a finite in-range value or a message naming the parameter, for any input", () => {
    fc.assert(fc.property(fc.constantFrom(...registry.parameters), fc.oneof(nastyString, fc.anything()), (rec, raw) => {
      const r = parseValue(rec, raw);
      if (r.ok) expect(inRange({ [rec.id]: r.value })).toBe(true);
      else expect(r.message.startsWith(rec.id)).toBe(true);
    }), { numRuns: 2000 });
  });
});

describe("validateSettings", () => {
  it("never throws and keeps only valid entries, reporting the rest", () => {
    const key = fc.oneof(fc.constantFrom(...ids), nastyString);
    fc.assert(fc.property(fc.array(fc.tuple(key, fc.oneof(nastyString, fc.anything())), { maxLength: 8 }), (entries) => {
      const r = validateSettings(registry, entries);
      expect(inRange(r.settings)).toBe(true);
      expect(Object.keys(r.settings).length + r.problems.length).toBeGreaterThanOrEqual(new Set(entries.map(([k]) => k)).size > 0 ? 1 : 0);
      for (const p of r.problems) expect(typeof p === "string" && p.length > 0).toBe(true);
    }), { numRuns: 1000 });
  });
});

describe("parseArgs", () => {
  const flag = fc.constantFrom("--regime", "--scenario", "--set", "--seeds", "--years", "--summary", "--format", "--out", "--list-params", "--help", "--nope", "-x");
  const value = fc.oneof(nastyString, fc.constantFrom(...ids).map((id) => `${id}=0.1`), fc.constantFrom(...REGIME_IDS), fc.constantFrom("1..3", "csv", "json", "baseline"));
  it("never throws; returns a fully valid request or problems", () => {
    const readFile = (p: string) => {
      if (p.includes("good")) return "title: T\ndescription: A scenario that is long enough.\nregimes: [fair-use]\nseeds: 1..2\n";
      throw new Error(`no such file ${p}`);
    };
    fc.assert(fc.property(fc.array(fc.oneof(flag, value), { maxLength: 10 }), (argv) => {
      const r = parseArgs(argv, registry, readFile);
      if (r.ok && r.request.kind === "run") {
        expect(inRange(r.request.settings)).toBe(true);
        expect(Object.keys(r.request.settings)).toHaveLength(ids.length);
        expect(r.request.regimes.every((x) => (REGIME_IDS as readonly string[]).includes(x))).toBe(true);
        expect(r.request.seeds.length).toBeGreaterThan(0);
      } else if (!r.ok) expect(r.problems.length).toBeGreaterThan(0);
    }), { numRuns: 1500 });
  });
});

describe("resolveScenarioText", () => {
  it("never throws on arbitrary text or structures, and resolves only valid scenarios", () => {
    const doc = fc.oneof(
      nastyString,
      fc.anything().map((x) => { try { return JSON.stringify(x) ?? ""; } catch { return ""; } }),
      fc.record({
        title: nastyString, description: nastyString, regimes: fc.array(fc.oneof(fc.constantFrom(...REGIME_IDS), nastyString)),
        overrides: fc.dictionary(fc.oneof(fc.constantFrom(...ids), nastyString), fc.oneof(fc.double(), nastyString)),
        seeds: fc.oneof(nastyString, fc.array(fc.integer())),
      }, { requiredKeys: [] }).map((o) => JSON.stringify(o)),
    );
    fc.assert(fc.property(doc, (text) => {
      const r = resolveScenarioText(registry, "upload", text, "uploaded scenario");
      if (r.ok) {
        expect(inRange(r.scenario.settings)).toBe(true);
        expect(r.scenario.regimes.length).toBeGreaterThan(0);
      } else {
        expect(r.problems.length).toBeGreaterThan(0);
        for (const p of r.problems) expect(p.startsWith("uploaded scenario")).toBe(true);
      }
    }), { numRuns: 1500 });
  });
});

describe("runEnsemble over random valid parameter sets", () => {
  it("keeps every accounting identity, with nothing NaN, infinite or negative and shares in [0, 1]", () => {
    const arbs: Record<string, fc.Arbitrary<number>> = {};
    for (const p of registry.parameters) {
      const max = p.id === "sim.creators" ? 2000 : p.id === "sim.years" ? 6 : p.id === "sim.developers" ? 30 : p.range.max;
      const min = Math.min(p.range.min, max);
      // Values within 1e-100 of zero are drawn as zero: money is traced through per-work amounts
      // (payment ÷ works × works), which loses its precision when works are subnormal (e.g.
      // works_per_year = 9e-315), far below any input that means something.
      arbs[p.id] = p.kind === "number"
        ? fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((x) => (Math.abs(x) < 1e-100 ? Math.max(min, 0) : x))
        : fc.integer({ min, max });
    }
    // A fixed fast-check seed keeps CI reproducible; FC_SEED explores other parameter sets locally.
    fc.assert(fc.property(fc.record(arbs), fc.integer({ min: 0, max: 1000 }), (settings, seed) => {
      const runs = runEnsemble(REGIME_IDS, small(settings), [seed]);
      const bad = runs.flatMap(violations);
      expect(bad.slice(0, 5)).toEqual([]);
    }), { numRuns: 120, seed: Number(process.env.FC_SEED ?? 20261129) });
  }, 300_000);
});
