/**
 * The `simulate` command, run as a reader would run it (a child process).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { METRIC_NAMES, REGIME_IDS } from "../models/index";
import { ROOT } from "../cli/files";

const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const run = (args: string[]) => spawnSync(TSX, ["cli/simulate.ts", ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 28 });
const SMALL = ["--set", "sim.creators=1000", "--set", "sim.developers=10", "--years", "3"];

describe("simulate", () => {
  it("prints quantile rows for every metric with --summary (the issue's example)", () => {
    const r = run(["--regime", "compulsory", "--set", "compulsory.royalty_rate=0.15", "--seeds", "1..20", "--summary"]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe("scenario,regime,year,metric,group,n,mean,q05,q25,q50,q75,q95");
    for (const m of METRIC_NAMES) for (let y = 2025; y <= 2035; y++) expect(lines.some((l) => l.startsWith(`custom,compulsory,${y},${m},,20,`)), `${m} ${y}`).toBe(true);
  }, 120_000);

  it("gives every metric for every regime, year and seed in raw rows, and byte-identical output on a second run", () => {
    const a = run([...SMALL, "--seeds", "1,2"]);
    const b = run([...SMALL, "--seeds", "1,2"]);
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const lines = a.stdout.trim().split("\n");
    expect(lines[0]).toBe("scenario,regime,seed,year,metric,value,group");
    const have = new Set(lines.slice(1).map((l) => l.split(",")).filter((f) => f[6] === "").map((f) => `${f[1]}|${f[2]}|${f[3]}|${f[4]}`));
    for (const reg of REGIME_IDS) for (const seed of [1, 2]) for (const y of [2025, 2026, 2027]) for (const m of METRIC_NAMES)
      expect(have.has(`${reg}|${seed}|${y}|${m}`), `${reg} ${seed} ${y} ${m}`).toBe(true);
  }, 120_000);

  it("writes JSON arrays of the same objects, and listings as arrays of records", () => {
    const j = run([...SMALL, "--regime", "fair-use", "--seeds", "1", "--format", "json"]);
    const rows = JSON.parse(j.stdout);
    expect(Array.isArray(rows)).toBe(true);
    expect(Object.keys(rows[0]).sort()).toEqual(["metric", "regime", "scenario", "seed", "value", "year"]);
    for (const what of ["params", "regimes", "scenarios"]) {
      const l = run([`--list-${what}`, "--format", "json"]);
      expect(l.status).toBe(0);
      const recs = JSON.parse(l.stdout);
      expect(Array.isArray(recs) && recs.length > 0).toBe(true);
      expect(recs.every((x: { id: string }) => typeof x.id === "string")).toBe(true);
    }
  }, 120_000);

  it("runs a scenario by id and by path with the scenario's regimes and seeds", () => {
    const byId = run(["--scenario", "compulsory-phono-iv", "--seeds", "1", ...SMALL, "--summary"]);
    expect(byId.status).toBe(0);
    expect(byId.stdout.split("\n")[1]).toMatch(/^compulsory-phono-iv,compulsory,2025,/);
    const byPath = run(["--scenario", "scenarios/compulsory-phono-iv.yaml", "--seeds", "1", ...SMALL, "--summary"]);
    expect(byPath.stdout).toBe(byId.stdout);
  }, 120_000);

  const bad: [string, string[], RegExp][] = [
    ["an unknown parameter, with the nearest name", ["--set", "compulsory.royalty_rat=0.1"], /unknown parameter "compulsory\.royalty_rat" \(did you mean "compulsory\.royalty_rate"\?\)/],
    ["a value outside the range", ["--set", "compulsory.royalty_rate=0.5"], /compulsory\.royalty_rate: "0\.5" is outside the allowed range 0 to 0\.2/],
    ["a non-number", ["--set", "optout.adoption=lots"], /optout\.adoption: "lots" is not a number \(allowed: 0 to 0\.8\)/],
    ["an unknown regime", ["--regime", "fair_use"], /unknown regime "fair_use" \(did you mean "fair-use"\?\)/],
    ["an unknown scenario", ["--scenario", "compulsory-phono"], /unknown scenario "compulsory-phono" \(did you mean "compulsory-phono-iv"\?\)/],
    ["bad seeds", ["--seeds", "0..x"], /seeds: "0\.\.x" is not valid/],
    ["an unknown flag", ["--sumary"], /unknown argument "--sumary" \(did you mean "--summary"\?\)/],
    ["a bad format", ["--format", "xml"], /--format: "xml" is not valid \(allowed: csv, json\)/],
  ];
  for (const [what, args, msg] of bad) {
    it(`exits 2 and writes nothing for ${what}`, () => {
      const dir = mkdtempSync(join(tmpdir(), "sim-"));
      const out = join(dir, "out.csv");
      const r = run([...args, "--out", out]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(msg);
      expect(r.stdout).toBe("");
      expect(existsSync(out)).toBe(false);
    }, 60_000);
  }

  it("reports every problem of a malformed scenario file, one line each", () => {
    const dir = mkdtempSync(join(tmpdir(), "sim-"));
    const f = join(dir, "bad.yaml");
    writeFileSync(f, "title: Bad\ndescription: A scenario with several mistakes in it.\nregimes: [compulsory, nope]\noverrides:\n  compulsory.royalty_rate: 3\n  not.a.param: 1\nseeds: 1..5\ncolour: red\n");
    const r = run(["--scenario", f]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown key\(s\) "colour"/);
    writeFileSync(f, "title: Bad\ndescription: A scenario with several mistakes in it.\nregimes: [compulsory, nope]\noverrides:\n  compulsory.royalty_rate: 3\n  not.a.param: 1\nseeds: 1..5\n");
    const r2 = run(["--scenario", f]);
    expect(r2.status).toBe(2);
    const lines = r2.stderr.trim().split("\n");
    expect(lines).toHaveLength(3);
    expect(r2.stderr).toMatch(/unknown regime "nope"/);
    expect(r2.stderr).toMatch(/compulsory\.royalty_rate: 3 is outside the allowed range 0 to 0\.2/);
    expect(r2.stderr).toMatch(/unknown parameter "not\.a\.param"/);
  }, 60_000);

  it("writes --out atomically with the same bytes as standard output", () => {
    const dir = mkdtempSync(join(tmpdir(), "sim-"));
    const out = join(dir, "o.csv");
    const r = run([...SMALL, "--regime", "licensing", "--seeds", "2", "--out", out]);
    expect(r.status).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(run([...SMALL, "--regime", "licensing", "--seeds", "2"]).stdout);
  }, 60_000);

  it("prints the model version", () => {
    expect(execFileSync(TSX, ["cli/simulate.ts", "--version"], { cwd: ROOT, encoding: "utf8" }).trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
