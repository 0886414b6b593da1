/**
 * Sweeps, uncertainty draws and shards, in process: the run list (`planRuns`), balanced shards, and three
 * shards merged equal to the unsharded output byte for byte (CSV, JSON, Parquet; rows and summaries; with
 * and without draws and sweep points). Uses the real registry with `uncertainty` declarations added to a
 * few records (the field the parameter schema is gaining), so the draws really move parameters.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseArgs, type SimulateRequest } from "../cli/args";
import { execute } from "../cli/execute";
import { collectShards } from "../cli/merge-shards";
import { render } from "../cli/output";
import { planHash, planRuns, shardIndices, shardRange, tasksOf } from "../cli/plan";
import { progressBar } from "../cli/progress";
import { writeShard } from "../cli/shard";
import { manifestPath } from "../cli/shard-files";
import { registry as base } from "./helpers/model";
import type { UncertaintySpec } from "../models/uncertainty/index";

const SPECS: Record<string, UncertaintySpec> = {
  "corpus.scaling_exponent": { distribution: "triangular", mode: 0.3, reason: "fixture" },
  "corpus.open_share": { distribution: "uniform", reason: "fixture" },
  "developers.frontier_scale": { distribution: "log-uniform", reason: "fixture" },
  "developers.entry_attempts": { distribution: "uniform", reason: "fixture" },
  "compulsory.royalty_rate": { distribution: "uniform", reason: "a policy lever: must never be drawn" },
};
// The fixture's own distributions replace the records' (so the expected draws do not follow the data).
const parameters = base.parameters.map(({ uncertainty: _, ...p }) => (SPECS[p.id] ? { ...p, uncertainty: SPECS[p.id] } : p));
const registry = { ...base, parameters, byId: new Map(parameters.map((p) => [p.id, p])) };

const SMALL = ["--set", "sim.creators=1000", "--set", "sim.developers=10", "--years", "3"];
const noFile = () => {
  throw new Error("no files here");
};
function request(argv: string[]): SimulateRequest {
  const r = parseArgs([...SMALL, ...argv], registry, noFile);
  if (!r.ok) throw new Error(r.problems.join("\n"));
  if (r.request.kind !== "run") throw new Error("not a run");
  return r.request;
}
const problemsOf = (argv: string[]) => {
  const r = parseArgs(argv, registry, noFile);
  return r.ok ? [] : r.problems;
};
const QUIET = progressBar(0, true);

describe("parseArgs(--uncertainty lhs --draws n)", () => {
  it("draws the world parameters that declare an uncertainty, never policy levers or explicitly set ones", () => {
    const req = request(["--uncertainty", "lhs", "--draws", "6", "--set", "corpus.open_share=0.1"]);
    expect(req.uncertainty!.ids).toEqual(["corpus.scaling_exponent", "developers.entry_attempts", "developers.frontier_scale"]);
    expect(req.uncertainty!.values).toHaveLength(6);
    const plan = planRuns(req);
    for (const v of plan.variants) {
      expect(v.settings["corpus.open_share"]).toBe(0.1);
      expect(v.settings["compulsory.royalty_rate"]).toBe(base.byId.get("compulsory.royalty_rate")!.default);
      expect(Number.isInteger(v.settings["developers.entry_attempts"])).toBe(true);
    }
    expect(new Set(plan.variants.map((v) => v.settings["corpus.scaling_exponent"])).size).toBe(6);
  });
  it("is deterministic for the same arguments and moves with --uncertainty-seed", () => {
    const a = request(["--uncertainty", "lhs", "--draws", "5"]).uncertainty!.values;
    expect(request(["--uncertainty", "lhs", "--draws", "5"]).uncertainty!.values).toEqual(a);
    expect(request(["--uncertainty", "lhs", "--draws", "5", "--uncertainty-seed", "1"]).uncertainty!.values).toEqual(a);
    expect(request(["--uncertainty", "lhs", "--draws", "5", "--uncertainty-seed", "2"]).uncertainty!.values).not.toEqual(a);
  });
  it("rejects bad values naming the flag and what is allowed", () => {
    expect(problemsOf(["--uncertainty", "lhs", "--draws", "0"])).toEqual(['--draws: "0" is not valid (allowed: a whole number from 1 to 100000)']);
    expect(problemsOf(["--uncertainty", "foo", "--draws", "3"])).toEqual(['--uncertainty: "foo" is not valid (allowed: lhs)']);
    expect(problemsOf(["--draws", "3"])).toEqual(["--draws: only with --uncertainty (allowed: --uncertainty lhs --draws <n>)"]);
    expect(problemsOf(["--uncertainty", "lhs"])[0]).toMatch(/--uncertainty: needs --draws <n>/);
    expect(problemsOf(["--uncertainty-seed", "x", "--uncertainty", "lhs", "--draws", "2"])[0]).toMatch(/--uncertainty-seed: "x" is not valid/);
  });
});

describe("parseArgs(--sweep)", () => {
  it("takes a..b:n (evenly spaced, end points exact) or a list, checked against the range", () => {
    expect(request(["--sweep", "compulsory.royalty_rate=0..0.2:5"]).sweep).toEqual({ param: "compulsory.royalty_rate", values: [0, 0.05, 0.1, 0.15000000000000002, 0.2] });
    expect(request(["--sweep", "developers.entry_attempts=1,3,5"]).sweep).toEqual({ param: "developers.entry_attempts", values: [1, 3, 5] });
    expect(problemsOf(["--sweep", "compulsory.royalty_rate=0..0.5:3"])[0]).toMatch(/--sweep compulsory\.royalty_rate: "0\.5" is outside the allowed range 0 to 0\.2/);
    expect(problemsOf(["--sweep", "developers.entry_attempts=0..3:3"])[0]).toMatch(/must be a whole number/);
    expect(problemsOf(["--sweep", "compulsory.royalty_rat=0,0.1"])[0]).toMatch(/did you mean "compulsory\.royalty_rate"/);
    expect(problemsOf(["--sweep", "compulsory.royalty_rate=0.1", "--set", "compulsory.royalty_rate=0.1"])[0]).toMatch(/sweep it or set it/);
    expect(problemsOf(["--sweep", "nonsense"])[0]).toMatch(/--sweep: "nonsense" is not valid \(allowed: <param>=<a>\.\.<b>:<n>/);
  });
  it("fixes the swept parameter in every draw", () => {
    const plan = planRuns(request(["--uncertainty", "lhs", "--draws", "3", "--sweep", "corpus.open_share=0.1,0.4"]));
    expect(plan.variants.map((v) => [v.point, v.draw, v.settings["corpus.open_share"]])).toEqual([
      [0.1, 1, 0.1], [0.1, 2, 0.1], [0.1, 3, 0.1], [0.4, 1, 0.4], [0.4, 2, 0.4], [0.4, 3, 0.4],
    ]);
  });
});

describe("planRuns(request)", () => {
  it("lists regimes × points × draws × seeds, canonical index regime-major, computed seed by seed", () => {
    const plan = planRuns(request(["--regime", "fair-use,compulsory", "--seeds", "1..3", "--uncertainty", "lhs", "--draws", "2", "--sweep", "corpus.open_share=0.1,0.2"]));
    expect(plan.runs).toHaveLength(2 * 2 * 2 * 3);
    expect(plan.runs.slice(0, 4).map((r) => [r.regime, r.variant, r.seed])).toEqual([["fair-use", 0, 1], ["fair-use", 0, 2], ["fair-use", 0, 3], ["fair-use", 1, 1]]);
    expect(plan.runs.every((r, i) => r.index === i)).toBe(true);
    expect(plan.computeOrder.slice(0, 2).map((i) => [plan.runs[i].regime, plan.runs[i].seed])).toEqual([["fair-use", 1], ["compulsory", 1]]);
    expect([...plan.computeOrder].sort((a, b) => a - b)).toEqual(plan.runs.map((r) => r.index));
    expect(tasksOf(plan, plan.computeOrder)).toHaveLength(2 * 2 * 3);
  });
  it("cuts n disjoint slices whose sizes differ by at most one and cover the list", () => {
    for (const [len, n] of [[10, 3], [400, 4], [7, 7], [5, 8], [1000, 13]]) {
      const sizes = Array.from({ length: n }, (_, i) => shardRange(len, i + 1, n)).map(([a, b]) => b - a);
      expect(sizes.reduce((s, x) => s + x, 0)).toBe(len);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      for (let k = 1; k < n; k++) expect(shardRange(len, k, n)[1]).toBe(shardRange(len, k + 1, n)[0]);
    }
  });
  it("hashes the run list: the same request gives the same hash, any change in settings or runs another", () => {
    const h = planHash(planRuns(request(["--seeds", "1..2"])));
    expect(planHash(planRuns(request(["--seeds", "1..2"])))).toBe(h);
    expect(planHash(planRuns(request(["--seeds", "1..3"])))).not.toBe(h);
    expect(planHash(planRuns(request(["--seeds", "1..2", "--set", "corpus.open_share=0.3"])))).not.toBe(h);
  });
});

/** Run a request whole, and as n shards written to a folder and merged back; return both outputs for each format. */
async function wholeAndMerged(req: SimulateRequest, n: number, summary: boolean) {
  const plan = planRuns(req);
  const whole = await execute(plan, tasksOf(plan, plan.computeOrder), 1, QUIET);
  const dir = mkdtempSync(join(tmpdir(), "shards-"));
  const files: string[] = [];
  const settingsHash = planHash(plan);
  for (let k = 1; k <= n; k++) {
    const idx = shardIndices(plan, { k, n });
    const results = await execute(plan, tasksOf(plan, idx), 1, QUIET);
    const fmt = (["csv", "json", "parquet"] as const)[k % 3]; // shards of any format merge together
    const file = join(dir, `shard-${k}.${fmt}`);
    writeShard(file, results, { layout: plan.layout, settingsHash, k, n, totalRuns: plan.runs.length, format: fmt });
    files.push(manifestPath(file));
  }
  const merged = await collectShards(files);
  if (!merged.ok) throw new Error(merged.problems.join("\n"));
  return (["csv", "json", "parquet"] as const).map((f) => [render(whole, plan.layout, summary, f), render(merged.results, merged.manifest.layout, summary, f)]);
}

describe("three shards merged", () => {
  const cases: [string, string[]][] = [
    ["plain runs", ["--regime", "fair-use,compulsory", "--seeds", "1..4"]],
    ["uncertainty draws", ["--regime", "licensing,eu-opt-out", "--seeds", "1..2", "--uncertainty", "lhs", "--draws", "3"]],
    ["draws and a sweep", ["--regime", "compulsory", "--seeds", "1,5", "--uncertainty", "lhs", "--draws", "2", "--sweep", "compulsory.royalty_rate=0..0.2:3"]],
  ];
  for (const [what, argv] of cases) {
    for (const summary of [false, true]) {
      it(`equal the unsharded output byte for byte in CSV, JSON and Parquet: ${what}${summary ? ", --summary" : ""}`, async () => {
        for (const [whole, merged] of await wholeAndMerged(request(argv), 3, summary)) expect(Buffer.from(merged).equals(Buffer.from(whole))).toBe(true);
      }, 120_000);
    }
  }
  it("carry the draw and sweep columns only when used", async () => {
    const plain = planRuns(request(["--regime", "fair-use", "--seeds", "1"]));
    const text = render(await execute(plain, tasksOf(plain, plain.computeOrder), 1, QUIET), plain.layout, false, "csv") as string;
    expect(text.split("\n")[0]).toBe("scenario,regime,seed,year,metric,value,group");
    const full = planRuns(request(["--regime", "fair-use", "--seeds", "1", "--uncertainty", "lhs", "--draws", "2", "--sweep", "corpus.open_share=0.1,0.2"]));
    const res = await execute(full, tasksOf(full, full.computeOrder), 1, QUIET);
    const rows = (render(res, full.layout, false, "csv") as string).split("\n");
    expect(rows[0]).toBe("scenario,regime,sweep_param,sweep_value,seed,draw,year,metric,value,group");
    expect(rows[1]).toMatch(/^custom,fair-use,corpus\.open_share,0\.1,1,1,2025,/);
    const sum = (render(res, full.layout, true, "csv") as string).split("\n");
    expect(sum[0]).toBe("scenario,regime,sweep_param,sweep_value,year,metric,group,n,mean,q05,q25,q50,q75,q95");
    expect(sum[1]).toMatch(/^custom,fair-use,corpus\.open_share,0\.1,2025,[a-z_]+,,2,/); // n = 2 draws × 1 seed
  }, 60_000);
  it("keep the shard files at full precision", async () => {
    const req = request(["--regime", "fair-use", "--seeds", "1"]);
    const plan = planRuns(req);
    const res = await execute(plan, tasksOf(plan, plan.computeOrder), 1, QUIET);
    const file = join(mkdtempSync(join(tmpdir(), "shard-")), "s.csv");
    writeShard(file, res, { layout: plan.layout, settingsHash: planHash(plan), k: 1, n: 1, totalRuns: 1, format: "csv" });
    const values = readFileSync(file, "utf8").trim().split("\n").slice(1).map((l) => l.split(",")[5]);
    expect(values.some((v) => v.replace(/^-?0\./, "").replace(/e.*/, "").replace(".", "").length > 12)).toBe(true);
  }, 60_000);
});
