/**
 * Ranking robustness: the Wilson interval by hand, the flip search on hand-made outcomes, the
 * `robustness` command's arguments (bad ones exit 2 naming the flag and the allowed values), and a small
 * deterministic run of the model.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { flipOf, flipSentence, flips, lowerIsBetter, wilson, winShare, type DrawOutcome } from "../models/analysis/index";
import { parseRobustnessArgs, type RobustnessRequest } from "../cli/robustness-args";
import { renderRobustness, robustnessRows } from "../cli/robustness-run";
import { ROOT } from "../cli/files";
import { registry } from "./helpers/model";

const fs = (p: string) => { throw new Error(`no file ${p}`); };
const outcome = (advantage: number, d = 1): DrawOutcome => ({ draw: d, advantage, wins: advantage > 0 ? 1 : 0, seeds: 1 });

describe("wilson", () => {
  it("matches the formula worked by hand", () => {
    // k = 8, n = 10, z² = 3.8415: centre = 0.8 + 0.19207 = 0.99207; half = 1.96 √(0.016 + 0.0096037) = 0.31361;
    // denominator 1.38415: lo = 0.67846 / 1.38415 = 0.49016, hi = 1.30568 / 1.38415 = 0.94331.
    const w = wilson(8, 10);
    expect(w.share).toBe(0.8);
    expect(w.lo).toBeCloseTo(0.49016, 4);
    expect(w.hi).toBeCloseTo(0.94331, 4);
    expect(wilson(0, 0)).toEqual({ share: NaN, lo: 0, hi: 1, n: 0 });
    expect(wilson(0, 5).lo).toBe(0);
    expect(wilson(5, 5).hi).toBe(1);
  });
  it("winShare pools draw × seed pairs", () => {
    const w = winShare([{ draw: 1, advantage: 1, wins: 2, seeds: 2 }, { draw: 2, advantage: -1, wins: 0, seeds: 2 }]);
    expect([w.share, w.n]).toEqual([0.5, 4]);
  });
});

describe("flipOf", () => {
  it("finds the threshold where a goes from losing to winning", () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const outs = values.map((v, i) => outcome(v > 5 ? 1 : -1, i + 1));
    expect(flipOf("x", values, outs, 3)).toEqual({ parameter: "x", threshold: 5.5, share_below: 0, share_above: 1, n_below: 5, n_above: 5 });
    // A parameter unrelated to the outcome (alternating) does not flip it.
    const noise = values.map((v) => (v % 2 ? v : 11 - v));
    expect(flipOf("y", noise, values.map((v, i) => outcome(i % 2 ? 1 : -1)), 3)).toBeUndefined();
    const all = flips(["x"], values.map((x) => ({ x })), outs);
    expect(flipSentence("a", "b", "total_surplus", 0.5, all[0])).toBe("a beats b on total_surplus unless x < 5.5");
  });
  it("costs are better when smaller", () => {
    expect(lowerIsBetter("developer_cost")).toBe(true);
    expect(lowerIsBetter("total_surplus")).toBe(false);
  });
});

describe("parseRobustnessArgs", () => {
  const parse = (argv: string[]) => parseRobustnessArgs(argv, registry, fs);
  it("rejects bad arguments naming the flag and the allowed values", () => {
    const r = parse(["--regimes", "compulsory", "--metric", "total_surplu", "--draws", "0", "--format", "xml"]);
    expect(r.ok).toBe(false);
    const text = (r as { problems: string[] }).problems.join("\n");
    expect(text).toMatch(/--regimes: "compulsory" is not valid \(allowed: two different regimes/);
    expect(text).toMatch(/--metric: unknown metric "total_surplu" \(did you mean "total_surplus"\?\)/);
    expect(text).toMatch(/--draws: "0" is not valid \(allowed: a whole number from 1/);
    expect(text).toMatch(/--format: "xml" is not valid \(allowed: csv, json\)/);
    expect((parse(["--regimes", "compulsory,licensing", "--metric", "total_surplus"]) as { problems: string[] }).problems).toContain("--draws: needed (allowed: a whole number from 1 to 100000)");
    expect((parse(["--regimes", "compulsory,licensing", "--metric", "total_surplus", "--draws", "2", "--year", "1990"]) as { problems: string[] }).problems[0]).toMatch(/--year: "1990" is not a simulated year \(allowed: 2025 to/);
  });
  it("reads a valid request with the LHS draws and default seeds 1..3", () => {
    const r = parse(["--regimes", "compulsory,licensing", "--metric", "total_surplus", "--draws", "4", "--year", "2030"]);
    expect(r.ok).toBe(true);
    const q = (r as { request: RobustnessRequest }).request;
    expect([q.a, q.b, q.year, q.seeds, q.values.length]).toEqual(["compulsory", "licensing", 2030, [1, 2, 3], 4]);
    expect(q.ids).not.toContain("compulsory.royalty_rate");
  });
});

describe("robustness run", () => {
  const argv = ["--regimes", "compulsory,licensing", "--metric", "creator_revenue", "--draws", "6", "--seeds", "1", "--years", "4",
    "--set", "sim.creators=1000", "--set", "sim.developers=10"];
  it("is deterministic and gives a win share within its interval", () => {
    const q = (parseRobustnessArgs(argv, registry, fs) as { request: RobustnessRequest }).request;
    const rows = robustnessRows(q);
    const head = rows[0] as { share: number; lo: number; hi: number; n: number };
    expect(head.n).toBe(6);
    expect(head.lo).toBeLessThanOrEqual(head.share);
    expect(head.hi).toBeGreaterThanOrEqual(head.share);
    expect(renderRobustness(q)).toBe(renderRobustness(q));
  });
  it("the command exits 2 on bad arguments", () => {
    const r = spawnSync("npx", ["tsx", "cli/robustness.ts", "--regimes", "compulsory,nope", "--metric", "total_surplus", "--draws", "2"], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--regimes: unknown regime "nope"/);
  }, 30_000);
});
