import { describe, expect, it } from "vitest";
import { calibrationChecks } from "../models/index";
import { defaults } from "./helpers/model";

describe("calibrationChecks", () => {
  const checks = calibrationChecks(defaults, [1, 2, 3]);
  it("cites only sources in the bibliography", async () => {
    const { registry } = await import("./helpers/model");
    for (const c of checks) for (const s of c.sources) expect(registry.sourcesById.has(s), `${c.id}: ${s}`).toBe(true);
  });
  for (const c of checks) {
    it(`${c.id}: ${c.label} is within ${c.target.text}`, () => {
      expect(c.value, `${c.value} not in [${c.target.min}, ${c.target.max}]`).toBeGreaterThanOrEqual(c.target.min);
      expect(c.value).toBeLessThanOrEqual(c.target.max);
      expect(c.pass).toBe(true);
    });
  }
});
