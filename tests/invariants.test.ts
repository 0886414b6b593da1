/**
 * Invariants of MODEL.md over many seeds, at the defaults and at every parameter's minimum and maximum.
 */
import { describe, expect, it } from "vitest";
import { loadChecks } from "../cli/files";
import { REGIME_IDS, runEnsemble, sweepPoints, sweepRegimes } from "../models/index";
import { defaults, registry, small, violations } from "./helpers/model";

describe("runEnsemble invariants", () => {
  it("hold for every regime over 50 seeds at the defaults", () => {
    const seeds = Array.from({ length: 50 }, (_, i) => i + 1);
    const runs = runEnsemble(REGIME_IDS, small({ "sim.creators": 800, "sim.years": 5 }), seeds);
    expect(runs).toHaveLength(50 * REGIME_IDS.length);
    const bad = runs.flatMap(violations);
    expect(bad.slice(0, 10)).toEqual([]);
  }, 60_000);

  it("hold for every regime with every parameter at its minimum and at its maximum (the declared sweep)", () => {
    const sweep = loadChecks().sweeps.find((s) => s.name === "every-parameter-at-its-extremes");
    expect(sweep, "data/checks/sweeps.yaml declares every-parameter-at-its-extremes").toBeDefined();
    const points = sweepPoints(sweep!, registry.parameters, defaults);
    expect(new Set(points.map((p) => p.parameter)).size).toBe(registry.parameters.length - sweep!.except.length);
    const bad: string[] = [];
    for (const pt of points) {
      for (const r of runEnsemble(sweepRegimes(sweep!), pt.settings, sweep!.seeds)) bad.push(...violations(r).map((m) => `${pt.parameter}=${pt.value}: ${m}`));
    }
    expect(bad.slice(0, 10)).toEqual([]);
  }, 240_000);
});
