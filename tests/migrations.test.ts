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
  it("maps every renamed id in the real table to a parameter that exists", () => {
    for (const m of MIGRATIONS) for (const to of Object.values(m.renamed)) expect(registry.byId.has(to) || MIGRATIONS.some((n) => to in n.renamed)).toBe(true);
  });
});
