import { describe, expect, it } from "vitest";
import { loadChecks } from "../cli/files";
import { CALIBRATION_MEASURES, calibrationChecks } from "../models/index";
import { defaults, registry } from "./helpers/model";

describe("calibrationChecks", () => {
  const targets = loadChecks().calibration;
  const checks = calibrationChecks(targets, defaults, [1, 2, 3]);
  it("cites only sources in the bibliography", () => {
    for (const c of checks) for (const s of c.sources) expect(registry.sourcesById.has(s), `${c.id}: ${s}`).toBe(true);
  });
  it("has one measurement per target in data/checks/calibration.yaml, and rejects a target without one", () => {
    expect(Object.keys(CALIBRATION_MEASURES).sort()).toEqual(targets.map((t) => t.id).sort());
    expect(() => calibrationChecks([...targets, { ...targets[0], id: "no-such-measure" }], defaults, [1])).toThrow(/no-such-measure/);
  });
  for (const c of checks) {
    if (c.miss) {
      it(`${c.id}: ${c.label} is a known miss of ${c.target.text} (${c.sample} of sample)`, () => {
        expect(c.pass, `${c.id} now passes (${c.value}): remove its "miss" note`).toBe(false);
      });
      continue;
    }
    it(`${c.id}: ${c.label} is within ${c.target.text} (${c.sample} of sample)`, () => {
      expect(c.value, `${c.value} not in [${c.target.min}, ${c.target.max}]`).toBeGreaterThanOrEqual(c.target.min);
      expect(c.value).toBeLessThanOrEqual(c.target.max);
      expect(c.pass).toBe(true);
    });
  }
  it("says for every check whether it is in or out of sample, and has at least one out-of-sample check", () => {
    expect(checks.every((c) => c.sample === "in" || c.sample === "out")).toBe(true);
    expect(checks.some((c) => c.sample === "out" && !c.miss)).toBe(true);
  });
});
