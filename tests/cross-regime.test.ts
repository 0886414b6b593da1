/**
 * Runs the cross-regime model checks declared (and validated) in data/checks/cross-regime.yaml.
 */
import { describe, expect, it } from "vitest";
import { loadChecks } from "../cli/files";
import { REGIME_IDS, runEnsemble, validateSettings, type CheckRun } from "../models/index";
import { registry, small } from "./helpers/model";

type RunSpec = CheckRun;
const checks = loadChecks().crossRegime;
const SEEDS = [1, 2, 3, 4, 5];
const YEARS = 8;

function runs(spec: RunSpec) {
  const v = validateSettings(registry, Object.entries(spec.settings ?? {}));
  expect(v.problems).toEqual([]);
  return runEnsemble([spec.regime], small({ "sim.years": YEARS, "sim.creators": 2000, ...v.settings }), SEEDS);
}

function holds(op: string, x: number, y: number): boolean {
  switch (op) {
    case "==": return x === y;
    case "~=": return Math.abs(x - y) <= 1e-12 * Math.max(Math.abs(x), Math.abs(y));
    case ">=": return x >= y;
    case "<=": return x <= y;
    case ">": return x > y;
    case "<": return x < y;
    default: throw new Error(`unknown op ${op}`);
  }
}

function finalMedian(spec: RunSpec, metric: string): number {
  const vals = runs(spec).map((r) => r.series[spec.metric ?? metric][r.years - 1]).sort((a, b) => a - b);
  return vals[Math.floor(vals.length / 2)];
}

describe("cross-regime checks (data/checks/cross-regime.yaml)", () => {
  it("declares at least one check per regime", () => {
    const regimes = new Set(checks.flatMap((c) => (c.kind === "all" ? [c.run.regime] : [c.a.regime, c.b.regime])));
    for (const id of REGIME_IDS) expect(regimes.has(id), `no cross-regime check names ${id}`).toBe(true);
  });
  for (const c of checks) {
    it(c.name, () => {
      if (c.kind === "all") {
        for (const r of runs(c.run)) for (let t = 0; t < r.years; t++) {
          const v = r.series[c.metric][t];
          expect(holds(c.op, v, c.value), `${c.metric} seed ${r.seed} year ${r.startYear + t}: ${v} ${c.op} ${c.value}`).toBe(true);
        }
      } else {
        const x = finalMedian(c.a, c.metric);
        const y = finalMedian(c.b, c.metric);
        expect(holds(c.op, x, y), `${x} ${c.op} ${y}`).toBe(true);
      }
    });
  }
});
