/**
 * Invariants of MODEL.md over many seeds, at the defaults and at every parameter's minimum and maximum.
 */
import { describe, expect, it } from "vitest";
import { REGIME_IDS, runEnsemble } from "../models/index";
import { registry, small, violations } from "./helpers/model";

describe("runEnsemble invariants", () => {
  it("hold for every regime over 50 seeds at the defaults", () => {
    const seeds = Array.from({ length: 50 }, (_, i) => i + 1);
    const runs = runEnsemble(REGIME_IDS, small({ "sim.creators": 800, "sim.years": 5 }), seeds);
    expect(runs).toHaveLength(250);
    const bad = runs.flatMap(violations);
    expect(bad.slice(0, 10)).toEqual([]);
  });

  it("hold for every regime with every parameter at its minimum and at its maximum", () => {
    const bad: string[] = [];
    for (const p of registry.parameters) {
      if (p.id === "sim.start_year") continue;
      for (const v of [p.range.min, p.range.max]) {
        // Keep runs small: the size parameters are tested at their extremes with the others small.
        const size = p.id === "sim.creators" ? Math.min(v, 20000) : p.id === "sim.years" ? Math.min(v, 30) : undefined;
        const settings = small({ [p.id]: size ?? v });
        const runs = runEnsemble(REGIME_IDS, settings, [7]);
        for (const r of runs) bad.push(...violations(r).map((m) => `${p.id}=${v}: ${m}`));
      }
    }
    expect(bad.slice(0, 10)).toEqual([]);
  }, 240_000);
});
