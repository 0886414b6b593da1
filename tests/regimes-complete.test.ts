/**
 * Adding a regime means: its file, its entry in models/regimes/index.ts, its explainer page, its
 * scenario, its golden and a cross-regime check. This test names whichever is missing.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, loadChecks } from "../cli/files";
import { REGIMES, REGIME_IDS } from "../models/index";
import { registry } from "./helpers/model";

describe("every regime of REGIME_IDS", () => {
  const checks = loadChecks().crossRegime;
  for (const id of REGIME_IDS) {
    it(`${id} has its rules, sources, explainer page, scenario, golden and a cross-regime check`, () => {
      const regime = REGIMES.find((r) => r.id === id)!;
      expect(regime.rules.plans.length, `${id}: no plans`).toBeGreaterThan(0);
      for (const s of regime.sources) expect(registry.sourcesById.has(s.id), `${id} cites unknown source ${s.id}`).toBe(true);
      expect(existsSync(join(ROOT, "src/content/regimes", `${id}.mdx`)), `missing src/content/regimes/${id}.mdx`).toBe(true);
      expect(registry.scenarios.has(id), `missing scenarios/${id}.yaml`).toBe(true);
      expect(existsSync(join(ROOT, "tests/golden", `${id}.json`)), `missing tests/golden/${id}.json`).toBe(true);
      expect(checks.some((c) => (c.kind === "all" ? c.run.regime === id : c.a.regime === id || c.b.regime === id)), `no check in data/checks/cross-regime.yaml names ${id}`).toBe(true);
    });
  }
});
