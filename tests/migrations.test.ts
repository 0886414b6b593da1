import { describe, expect, it } from "vitest";
import { MIGRATIONS, compareVersions, migrateEntries, type Migration } from "../models/index";
import { registry } from "./helpers/model";

describe("compareVersions", () => {
  it("orders versions numerically", () => {
    expect(compareVersions("1.10.0", "1.9.9")).toBe(1);
    expect(compareVersions("1.0.0", "1.0.0")).toBe(0);
    expect(compareVersions("0.9.0", "1.0.0")).toBe(-1);
  });
});

describe("migrateEntries", () => {
  const table: Migration[] = [
    { version: "1.1.0", renamed: { "royalty.rate": "compulsory.royalty_rate" }, removed: { "sim.agents": "replaced by sim.creators" } },
    { version: "1.2.0", renamed: { "compulsory.royalty_rate": "compulsory.rate" }, removed: {} },
  ];
  it("applies renames and removals made after the link's version, in order, and says so", () => {
    const r = migrateEntries("1.0.0", [["royalty.rate", "0.1"], ["sim.agents", "5"], ["optout.adoption", "0.2"]], table);
    expect(r.entries).toEqual([["compulsory.rate", "0.1"], ["optout.adoption", "0.2"]]);
    expect(r.notes).toHaveLength(3);
    expect(r.notes.some((n) => /"sim.agents" was removed in 1.1.0/.test(n))).toBe(true);
  });
  it("leaves links from the current version alone", () => {
    expect(migrateEntries("1.2.0", [["compulsory.rate", "0.1"]], table).entries).toEqual([["compulsory.rate", "0.1"]]);
  });
  it("migrates a version-1.0.0 link through the real table: the renamed output-filter cost is carried over, the removed revenue pool dropped with its reason", () => {
    const r = migrateEntries("1.0.0", [["output_protection.revenue_cost", "0.02"], ["market.ai_revenue_2025", "2e10"], ["compulsory.royalty_rate", "0.05"]]);
    expect(r.entries).toEqual([["output_protection.quality_cost", "0.02"], ["compulsory.royalty_rate", "0.05"]]);
    expect(r.notes.some((n) => /"output_protection.revenue_cost" was renamed "output_protection.quality_cost" in 2.0.0/.test(n))).toBe(true);
    expect(r.notes.some((n) => /"market.ai_revenue_2025" was removed in 2.0.0 \(AI revenue is now an outcome/.test(n))).toBe(true);
    for (const [k] of r.entries) expect(registry.byId.has(k), k).toBe(true);
  });
  it("lists every parameter id that version 1.0.0 had and the current registry lacks as removed or renamed", () => {
    const v1 = ["market.ai_revenue_2025", "market.ai_revenue_growth", "market.quality_cap", "market.quality_elasticity", "market.quality_sensitivity", "output_protection.revenue_cost"];
    for (const id of v1) {
      expect(registry.byId.has(id), id).toBe(false);
      expect(MIGRATIONS.some((m) => id in m.renamed || id in m.removed), id).toBe(true);
    }
  });
  it("maps every renamed id in the real table to a parameter that exists", () => {
    for (const m of MIGRATIONS) for (const to of Object.values(m.renamed)) expect(registry.byId.has(to) || MIGRATIONS.some((n) => to in n.renamed)).toBe(true);
  });
});
