/**
 * runTotals, moneySplit, cents (src/lib/money/split.ts) and PAYMENT_ANCHORS (src/lib/money/anchors.ts):
 * the payees add up to everything developers pay in every regime and seed, the shares of a regime's
 * split lie in [0, 1] with medians inside their bands, and every anchor cites a source that exists.
 */
import { describe, expect, it } from "vitest";
import { loadRegistry } from "../cli/files";
import { REGIME_IDS, defaultSettings, runEnsemble } from "../models/index";
import { PAYEES, cents, moneySplit, runTotals } from "../src/lib/money/split";
import { PAYMENT_ANCHORS } from "../src/lib/money/anchors";

const registry = loadRegistry();
const runs = runEnsemble(REGIME_IDS, defaultSettings(registry), [1, 2, 3]);

describe("runTotals", () => {
  it("the payees add up to developer cost over the run, in every regime and seed", () => {
    for (const run of runs) {
      const t = runTotals(run);
      const payees = PAYEES.reduce((s, p) => s + t[p.id], 0);
      expect(Math.abs(payees - t.developer_cost) / Math.max(1, t.developer_cost), `${run.regime} seed ${run.seed}`).toBeLessThan(1e-8);
      for (const p of PAYEES) expect(t[p.id], `${run.regime} ${p.id}`).toBeGreaterThanOrEqual(-1e-6);
    }
  });
});

describe("moneySplit", () => {
  it("gives every payee a share in [0, 1] with its median inside the band, for every regime", () => {
    for (const id of REGIME_IDS) {
      const s = moneySplit(runs.filter((r) => r.regime === id));
      expect(s.regime).toBe(id);
      expect(s.seeds).toBe(3);
      expect(s.shares.map((c) => c.id)).toEqual(PAYEES.map((p) => p.id));
      for (const c of s.shares) {
        expect(c.q05).toBeGreaterThanOrEqual(-1e-9);
        expect(c.q95).toBeLessThanOrEqual(1 + 1e-9);
        expect(c.q05).toBeLessThanOrEqual(c.q50);
        expect(c.q50).toBeLessThanOrEqual(c.q95);
      }
    }
  });
  it("refuses an empty list of runs", () => {
    expect(() => moneySplit([])).toThrow(/no runs/);
  });
});

describe("cents", () => {
  it("rounds to whole cents and marks small positive shares", () => {
    expect(cents(0.434)).toBe("43¢");
    expect(cents(0.004)).toBe("<1¢");
    expect(cents(0)).toBe("0¢");
  });
});

describe("PAYMENT_ANCHORS", () => {
  it("every anchor cites at least one source that exists in data/sources.yaml", () => {
    for (const a of PAYMENT_ANCHORS) {
      expect(a.sources.length, a.id).toBeGreaterThan(0);
      for (const id of a.sources) expect(registry.sourcesById.has(id), `${a.id}: ${id}`).toBe(true);
    }
  });
});
