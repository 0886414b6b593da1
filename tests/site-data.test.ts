import { describe, expect, it } from "vitest";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { loadRegistry, ROOT } from "../cli/files";
import { cliCommand, parameterRows, scenarioRows } from "../src/components/notebook/site-data";

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yamlFiles(p, out);
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

describe("parameterRows", () => {
  it("lists every parameter file in data/parameters, once, with its anchor", () => {
    const ids = yamlFiles(join(ROOT, "data/parameters"))
      .map((p) => p.slice(join(ROOT, "data/parameters").length + 1).replace(/\.ya?ml$/, "").split(/[\\/]/).join("."))
      .sort();
    const rows = parameterRows(loadRegistry());
    expect(rows.map((r) => r.id).sort()).toEqual(ids);
    for (const r of rows) {
      expect(r.anchor).toBe(`param-${r.id.replaceAll(".", "-")}`);
      expect(r.default).not.toBe("");
      for (const s of r.sources) expect(s.known, `${r.id} cites unknown source ${s.id}`).toBe(true);
    }
  });
});

describe("scenarioRows", () => {
  it("lists every scenario file with an explorer link and a command", () => {
    const files = readdirSync(join(ROOT, "scenarios")).filter((f) => /\.ya?ml$/.test(f)).map((f) => f.replace(/\.ya?ml$/, "")).sort();
    const rows = scenarioRows(loadRegistry());
    expect(rows.map((r) => r.id)).toEqual(files);
    for (const r of rows) {
      expect(r.explorer).toMatch(new RegExp(`^/explorer/\\?scenario=${r.id}&.*seeds=.*&v=`));
      expect(r.command).toContain(`--scenario ${r.id}`);
      const reg = loadRegistry();
      // Overrides that differ from the default appear in the link (ones equal to it are left out, as in the explorer).
      for (const o of r.overrides)
        if (Number(reg.scenarios.get(r.id)!.overrides[o.id]) !== reg.byId.get(o.id)!.default) expect(r.explorer).toContain(`${o.id}=`);
    }
  });
});

describe("cliCommand", () => {
  it("writes the flags of cli/simulate.ts", () => {
    expect(cliCommand({ scenario: "compulsory", regimes: ["compulsory"], set: { "compulsory.royalty_rate": 0.1 }, seeds: [1, 2, 3] }))
      .toBe("npm run simulate -- --scenario compulsory --regime compulsory --set compulsory.royalty_rate=0.1 --seeds 1..3 --summary");
  });
});
