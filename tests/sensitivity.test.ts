/**
 * Sensitivity analysis: quantiles of the declared distributions, one-at-a-time swings and Morris
 * elementary effects on hand-worked functions, the `sensitivity` command's arguments, determinism, and a
 * real (small) run of the model.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { forkRng, type ParameterRecord } from "../models/index";
import {
  admissible, factorOf, linearFactor, metricEvaluator, morris, morrisDelta, morrisTrajectories, oneAtATime, quantile, uncertainParameters,
} from "../models/analysis/index";
import { parseSensitivityArgs, type SensitivityRequest } from "../cli/sensitivity-args";
import { MORRIS_COLUMNS, OAT_COLUMNS, renderSensitivity } from "../cli/sensitivity-run";
import { ROOT } from "../cli/files";
import { registry, small } from "./helpers/model";

const rec = (over: Partial<ParameterRecord>): ParameterRecord => ({
  id: "t.x", label: "x", description: "a test parameter", unit: "u", kind: "number", format: "number", group: "world",
  default: 0, range: { min: 0, max: 1, step: 0.01 }, status: "assumption", sources: [], ...over,
});
const close = (a: number, b: number, tol = 1e-9) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

describe("quantile", () => {
  it("inverts the uniform, log-uniform and triangular distributions over the range", () => {
    const uni = rec({ range: { min: 0, max: 10, step: 1 }, uncertainty: { distribution: "uniform", reason: "r" } });
    expect(quantile(uni, 0.05)).toBeCloseTo(0.5, 12); // 0 + 0.05 × 10
    const log = rec({ range: { min: 1, max: 100, step: 1 }, uncertainty: { distribution: "log-uniform", reason: "r" } });
    expect(quantile(log, 0.5)).toBeCloseTo(10, 12); // 1 × 100^0.5
    expect(quantile(log, 0.05)).toBeCloseTo(Math.pow(100, 0.05), 12);
    // Triangular(0, 0.15, 0.5) (market.substitution): F(mode) = 0.3; p = 0.05 < 0.3 → sqrt(0.05 × 0.5 × 0.15)
    const tri = rec({ range: { min: 0, max: 0.5, step: 0.01 }, uncertainty: { distribution: "triangular", mode: 0.15, reason: "r" } });
    expect(quantile(tri, 0.05)).toBeCloseTo(Math.sqrt(0.05 * 0.5 * 0.15), 12);
    // p = 0.95 > 0.3 → 0.5 − sqrt(0.05 × 0.5 × 0.35)
    expect(quantile(tri, 0.95)).toBeCloseTo(0.5 - Math.sqrt(0.05 * 0.5 * 0.35), 12);
    expect(quantile(tri, 0.3)).toBeCloseTo(0.15, 12);
    expect([quantile(tri, 0), quantile(tri, 1)]).toEqual([0, 0.5]);
  });

  it("snaps whole-number parameters to their grid and clamps to the range (admissible)", () => {
    expect(admissible(rec({ kind: "integer", range: { min: 1, max: 10, step: 1 } }), 3.6)).toBe(4);
    expect(admissible(rec({ kind: "integer", range: { min: 0, max: 20, step: 5 } }), 12)).toBe(10);
    expect(admissible(rec({ range: { min: 0, max: 1, step: 0.1 } }), 1.2)).toBe(1);
  });

  it("gives factorOf low/high at the 5th/95th percentiles, or the range ends with bounds = range", () => {
    const sub = registry.byId.get("market.substitution")!; // triangular(0, 0.15, 0.5)
    const f = factorOf(sub, "percentile");
    expect(f.low).toBeCloseTo(Math.sqrt(0.05 * 0.5 * 0.15), 12);
    expect(f.high).toBeCloseTo(0.5 - Math.sqrt(0.05 * 0.5 * 0.35), 12);
    expect(f.at(0)).toBe(f.low);
    expect(f.at(1)).toBe(f.high);
    const r = factorOf(sub, "range");
    expect([r.low, r.high]).toEqual([0, 0.5]);
  });
});

describe("uncertainParameters", () => {
  it("takes the records with an uncertainty that the regime reads", () => {
    const ids = uncertainParameters(registry.parameters, "compulsory").map((p) => p.id);
    expect(ids).toContain("market.substitution");
    expect(ids).toContain("collective.registration_rate");
    expect(ids).not.toContain("eu.compliance_cost"); // read by eu-opt-out only
    expect(ids).not.toContain("compulsory.royalty_rate"); // a policy lever
    expect(ids).not.toContain("sim.creators");
  });
});

describe("oneAtATime", () => {
  it("swings each factor to low and high with the rest at the base, sorted by |swing|", () => {
    // f = 3x − 5y + z at base (1, 1, 1): x 0→2 gives 3·0−5+1 = −4 → 3·2−5+1 = 2, swing 6;
    // y 0→1 gives 0+3+1 = 4 → 3−5+1 = −1, swing −5; z 0→1: −2 → −1, swing 1.
    const rows = oneAtATime({ x: 1, y: 1, z: 1 }, [linearFactor("z", 0, 1), linearFactor("y", 0, 1), linearFactor("x", 0, 2)], (p) => 3 * p.x - 5 * p.y + p.z);
    expect(rows).toEqual([
      { parameter: "x", low: 0, high: 2, value_low: -4, value_high: 2, swing: 6 },
      { parameter: "y", low: 0, high: 1, value_low: 4, value_high: -1, swing: -5 },
      { parameter: "z", low: 0, high: 1, value_low: -2, value_high: -1, swing: 1 },
    ]);
  });

  it("breaks ties by parameter id and calls evaluate twice per factor", () => {
    let calls = 0;
    const rows = oneAtATime({ a: 0, b: 0 }, [linearFactor("b", 0, 1), linearFactor("a", 0, 1)], (p) => (calls++, p.a + p.b));
    expect(rows.map((r) => r.parameter)).toEqual(["a", "b"]);
    expect(calls).toBe(4);
  });
});

describe("morris", () => {
  const opts = (seed = 1, trajectories = 10) => ({ trajectories, levels: 4, rng: forkRng(seed, "morris") });

  it("builds trajectories on the p-level grid that move each factor once by ±Δ", () => {
    expect(morrisDelta(4)).toBeCloseTo(2 / 3, 15);
    const ts = morrisTrajectories(5, opts(3, 6));
    expect(ts).toHaveLength(6);
    for (const { points, order } of ts) {
      expect(points).toHaveLength(6);
      expect([...order].sort()).toEqual([0, 1, 2, 3, 4]);
      for (const p of points) for (const u of p) expect([0, 1 / 3, 2 / 3, 1].some((g) => close(u, g))).toBe(true);
      for (let j = 0; j < order.length; j++) {
        const moved = points[j].map((u, i) => (close(u, points[j + 1][i]) ? -1 : i)).filter((i) => i >= 0);
        expect(moved).toEqual([order[j]]);
        expect(close(Math.abs(points[j + 1][order[j]] - points[j][order[j]]), 2 / 3)).toBe(true);
      }
    }
  });

  it("gives μ* = |coefficient| · (high − low) and σ = 0 on a linear function", () => {
    // f = 3x − 5y + 0z; x on [0, 2], y on [10, 14]: μ*_x = 3·2 = 6, μ*_y = 5·4 = 20, μ*_z = 0.
    let calls = 0;
    const rows = morris({}, [linearFactor("x", 0, 2), linearFactor("y", 10, 14), linearFactor("z", 0, 1)], (p) => (calls++, 3 * p.x - 5 * p.y), opts());
    expect(calls).toBe(10 * (3 + 1)); // r (k + 1)
    expect(rows.map((r) => r.parameter)).toEqual(["y", "x", "z"]);
    expect(close(rows[0].mu_star, 20) && close(rows[0].mu, -20)).toBe(true);
    expect(close(rows[1].mu_star, 6) && close(rows[1].mu, 6)).toBe(true);
    expect(rows[2].mu_star).toBe(0);
    for (const r of rows) expect(r.sigma).toBeLessThan(1e-9);
    expect(rows[0].n).toBe(10);
  });

  it("measures a non-uniform parameter on its quantile scale (the effect per low→high move in probability)", () => {
    // Log-uniform on [1, 100] between the ends of its range (bounds = range), f = log10(x): f(at(u)) = 2u exactly,
    // so every elementary effect is 2 (the low→high change), although f is not linear in x.
    const f = factorOf(rec({ range: { min: 1, max: 100, step: 1 }, uncertainty: { distribution: "log-uniform", reason: "r" } }), "range");
    const [row] = morris({}, [f], (p) => Math.log10(p["t.x"]), opts());
    expect(close(row.mu_star, 2) && close(row.mu, 2)).toBe(true);
    expect(row.sigma).toBeLessThan(1e-9);
  });

  it("gives the hand-worked effects of x² (each 2/3 or 4/3) and σ > 0 for an interaction", () => {
    // One factor on [0, 1], Δ = 2/3: steps are 0 ↔ 2/3 (EE = (4/9 − 0)/(2/3) = 2/3) or 1/3 ↔ 1 (EE = (1 − 1/9)/(2/3) = 4/3).
    const [sq] = morris({}, [linearFactor("x", 0, 1)], (p) => p.x * p.x, opts(2, 20));
    expect(sq.mu_star).toBeGreaterThanOrEqual(2 / 3 - 1e-12);
    expect(sq.mu_star).toBeLessThanOrEqual(4 / 3 + 1e-12);
    expect(sq.sigma).toBeGreaterThan(0);
    const rows = morris({}, [linearFactor("x", 0, 1), linearFactor("y", 0, 1)], (p) => p.x * p.y, opts());
    for (const r of rows) expect(r.sigma).toBeGreaterThan(0);
  });

  it("is deterministic for the same rng seed and differs for another", () => {
    const fs = [linearFactor("x", 0, 1), linearFactor("y", 0, 1), linearFactor("z", 0, 1)];
    const f = (p: Record<string, number>) => p.x * p.y + Math.sin(3 * p.z);
    expect(morris({}, fs, f, opts(7))).toEqual(morris({}, fs, f, opts(7)));
    expect(morris({}, fs, f, opts(7))).not.toEqual(morris({}, fs, f, opts(8)));
  });
});

describe("parseSensitivityArgs", () => {
  const parse = (args: string[]) => parseSensitivityArgs(args, registry, (p) => readFileSync(p, "utf8"));
  const problems = (args: string[]) => {
    const r = parse(args);
    expect(r.ok, args.join(" ")).toBe(false);
    return r.ok ? "" : r.problems.join("\n");
  };
  const base = ["--regime", "compulsory", "--metric", "creator_revenue"];

  it("defaults to oat, percentile bounds, seeds 1..5 and the last simulated year", () => {
    const r = parse(base);
    expect(r.ok).toBe(true);
    const req = (r as { request: SensitivityRequest }).request;
    expect(req).toMatchObject({ kind: "run", regime: "compulsory", metric: "creator_revenue", method: "oat", bounds: "percentile", seeds: [1, 2, 3, 4, 5], year: 2035, format: "csv", trajectories: 10, levels: 4, designSeed: 1 });
    expect(req.settings["compulsory.royalty_rate"]).toBe(0.03);
  });

  it("takes the base point from --set, --years and --scenario, and the regime from a one-regime scenario", () => {
    const r = parse(["--scenario", "compulsory", "--metric", "developer_cost", "--set", "compulsory.royalty_rate=0.15", "--years", "5", "--seeds", "2..3", "--method=morris", "--trajectories", "4"]);
    expect(r.ok, r.ok ? "" : r.problems.join("\n")).toBe(true);
    const req = (r as { request: SensitivityRequest }).request;
    expect(req).toMatchObject({ regime: "compulsory", scenario: "compulsory", year: 2029, seeds: [2, 3], method: "morris", trajectories: 4 });
    expect(req.settings["compulsory.royalty_rate"]).toBe(0.15);
  });

  it("names the flag, the value and what is allowed, with the nearest valid name", () => {
    expect(problems(["--regime", "compulsary", "--metric", "creator_revenue"])).toMatch(/--regime: unknown regime "compulsary" \(did you mean "compulsory"\?\) \(allowed: fair-use/);
    expect(problems(["--regime", "compulsory", "--metric", "creator_revenu"])).toMatch(/--metric: unknown metric "creator_revenu" \(did you mean "creator_revenue"\?\) \(allowed: creator_revenue, /);
    expect(problems(["--regime", "compulsory"])).toMatch(/--metric: needed \(allowed: creator_revenue/);
    expect(problems(["--metric", "creator_revenue"])).toMatch(/--regime: needed \(allowed: fair-use, /);
    expect(problems(["--regime", "compulsory,licensing", "--metric", "creator_revenue"])).toMatch(/--regime: give one regime, not 2/);
    expect(problems([...base, "--method", "sobol"])).toMatch(/--method: "sobol" is not valid \(allowed: oat, morris\)/);
    expect(problems([...base, "--bounds", "iqr"])).toMatch(/--bounds: "iqr" is not valid \(allowed: percentile, range\)/);
    expect(problems([...base, "--format", "xml"])).toMatch(/--format: "xml" is not valid \(allowed: csv, json\)/);
    expect(problems([...base, "--year", "2040"])).toMatch(/--year: "2040" is not a simulated year \(allowed: 2025 to 2035\)/);
    expect(problems([...base, "--trajectories", "5"])).toMatch(/--trajectories: only with --method morris/);
    expect(problems([...base, "--method", "morris", "--levels", "5"])).toMatch(/--levels: "5" is not valid \(allowed: an even whole number from 2 to 20\)/);
    expect(problems([...base, "--method", "morris", "--trajectories", "1"])).toMatch(/--trajectories: "1" is not valid \(allowed: a whole number from 2 to 1000\)/);
    expect(problems([...base, "--group", "film"])).toMatch(/--group: "film" is not a group of creator_revenue \(allowed: books, news, images, music, d01/);
    expect(problems(["--regime", "compulsory", "--metric", "developer_cost", "--group", "books"])).toMatch(/--group: metric developer_cost has no breakdown/);
    expect(problems([...base, "--set", "market.substitutoin=0.2"])).toMatch(/--set unknown parameter "market.substitutoin" \(did you mean "market.substitution"\?\)/);
    expect(problems([...base, "--set", "market.substitution=0.9"])).toMatch(/--set market.substitution: "0.9" is outside the allowed range 0 to 0.5/);
    expect(problems([...base, "--seeds", "0..x"])).toMatch(/--seeds: "0..x" is not valid/);
    expect(problems([...base, "--metrik", "x"])).toMatch(/unknown argument "--metrik" \(did you mean "--metric"\?\)/);
    expect(problems([...base, "--metric", "ai_revenue"])).toMatch(/--metric: given more than once/);
  });
});

const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const cli = (args: string[]) => spawnSync(TSX, ["cli/sensitivity.ts", ...args], { cwd: ROOT, encoding: "utf8" });
const SMALL = ["--set", "sim.creators=1000", "--set", "sim.developers=10", "--years", "3"];

describe("sensitivity command", () => {
  it("exits 2 on bad arguments, naming the flag, and writes nothing", () => {
    const out = join(mkdtempSync(join(tmpdir(), "sens-")), "out.csv");
    const r = cli(["--regime", "compulsary", "--metric", "creator_revenue", "--out", out]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^error: --regime: unknown regime "compulsary" \(did you mean "compulsory"\?\)/);
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it("gives byte-identical output for the same arguments (morris, json)", () => {
    const args = ["--regime", "licensing", "--metric", "developer_cost", "--seeds", "1", ...SMALL, "--method", "morris", "--trajectories", "2", "--format", "json"];
    const a = cli(args), b = cli(args);
    expect(a.status, a.stderr).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(Object.keys(JSON.parse(a.stdout)[0])).toEqual([...MORRIS_COLUMNS]);
  }, 120_000);

  it("runs the real model: --regime compulsory --metric creator_revenue, one row per uncertain parameter, sorted by |swing|", () => {
    const r = cli(["--regime", "compulsory", "--metric", "creator_revenue", "--seeds", "1", ...SMALL]);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe(OAT_COLUMNS.join(","));
    const rows = lines.slice(1).map((l) => l.split(","));
    expect(rows.map((f) => f[0]).sort()).toEqual(uncertainParameters(registry.parameters, "compulsory").map((p) => p.id).sort());
    const swings = rows.map((f) => Math.abs(Number(f[5])));
    for (let i = 1; i < swings.length; i++) expect(swings[i]).toBeLessThanOrEqual(swings[i - 1]);
    expect(swings[0]).toBeGreaterThan(0);
    for (const f of rows) expect(Number(f[5])).toBeCloseTo(Number(f[4]) - Number(f[3]), -1);
  }, 120_000);
});

describe("renderSensitivity", () => {
  const request = (over: Partial<SensitivityRequest>): SensitivityRequest => ({
    kind: "run", scenario: "custom", regime: "compulsory", metric: "creator_ai_revenue", year: 2027, method: "oat", bounds: "percentile",
    trajectories: 2, levels: 4, designSeed: 1, settings: small({ "sim.creators": 1000, "sim.developers": 10, "sim.years": 3 }), seeds: [1], format: "csv", ...over,
  });

  it("is byte-identical for the same request (oat and morris), and the Morris rows add mu_star and sigma sorted by mu_star", () => {
    expect(renderSensitivity(request({}), registry)).toBe(renderSensitivity(request({}), registry));
    const m = renderSensitivity(request({ method: "morris", format: "json" }), registry);
    expect(m).toBe(renderSensitivity(request({ method: "morris", format: "json" }), registry));
    const rows = JSON.parse(m) as Record<string, number | string>[];
    expect(Object.keys(rows[0])).toEqual([...MORRIS_COLUMNS]);
    for (let i = 1; i < rows.length; i++) expect(Math.abs(rows[i].mu_star as number)).toBeLessThanOrEqual(Math.abs(rows[i - 1].mu_star as number));
  }, 120_000);

  it("uses common random numbers: the metric at the base point is the mean over the same seeds", () => {
    const ev = metricEvaluator({ regime: "compulsory", metric: "creator_ai_revenue", year: 2027, seeds: [1, 2] });
    const s = request({}).settings;
    expect(ev(s)).toBe(ev({ ...s }));
    const one = metricEvaluator({ regime: "compulsory", metric: "creator_ai_revenue", year: 2027, seeds: [1] })(s);
    const two = metricEvaluator({ regime: "compulsory", metric: "creator_ai_revenue", year: 2027, seeds: [2] })(s);
    expect(close(ev(s), (one + two) / 2, 1e-12)).toBe(true);
  }, 60_000);
});
