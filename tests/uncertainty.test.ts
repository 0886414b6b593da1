/**
 * The Latin-hypercube sampler (models/uncertainty/), on fixture records: stratification, the inverse
 * CDFs, determinism, step rounding and which parameters are drawn.
 */
import { describe, expect, it } from "vitest";
import { makeRng } from "../models/engine/rng";
import { inverseCdf, latinColumn, latinHypercube, snapToStep, specProblems, type UncertainRecord } from "../models/uncertainty/index";

const rec = (id: string, min: number, max: number, u: UncertainRecord["uncertainty"], extra: Partial<UncertainRecord> = {}): UncertainRecord => ({
  id, default: min, kind: "number", group: "world", range: { min, max, step: (max - min) / 100 }, uncertainty: u, ...extra,
});
const FIXTURES: UncertainRecord[] = [
  rec("a.uniform", 0, 1, { distribution: "uniform", reason: "r" }),
  rec("b.tri", 2, 6, { distribution: "triangular", mode: 3, reason: "r" }),
  rec("c.log", 1, 1000, { distribution: "log-uniform", reason: "r" }),
  rec("d.count", 1, 10, { distribution: "uniform", reason: "r" }, { kind: "integer", range: { min: 1, max: 10, step: 1 } }),
  rec("e.none", 0, 1, undefined),
  rec("f.policy", 0, 1, { distribution: "uniform", reason: "r" }, { group: "policy" }),
  rec("g.sim", 0, 1, { distribution: "uniform", reason: "r" }, { group: "simulation" }),
];

describe("latinColumn(n, rng)", () => {
  it("hits each of the n strata exactly once", () => {
    for (const n of [1, 2, 7, 50]) {
      const col = latinColumn(n, makeRng(n));
      expect([...col].map((u) => Math.floor(u * n)).sort((x, y) => x - y)).toEqual([...Array(n).keys()]);
      for (const u of col) expect(u >= 0 && u < 1).toBe(true);
    }
  });
});

describe("inverseCdf(spec, min, max, u)", () => {
  it("uniform is linear in u: 0 + 0.25·10 = 2.5", () => {
    expect(inverseCdf({ distribution: "uniform", reason: "r" }, 0, 10, 0.25)).toBe(2.5);
  });
  it("triangular on [0, 4] with mode 1: F(1) = 1/4; u = 1/16 → √(1/16·4·1) = 0.5; u = 0.25 → 1; u = 1 − 3/16 → 4 − √(3/16·4·3) = 2.5", () => {
    const s = { distribution: "triangular" as const, mode: 1, reason: "r" };
    expect(inverseCdf(s, 0, 4, 1 / 16)).toBeCloseTo(0.5, 12);
    expect(inverseCdf(s, 0, 4, 0.25)).toBeCloseTo(1, 12);
    expect(inverseCdf(s, 0, 4, 1 - 3 / 16)).toBeCloseTo(2.5, 12);
    expect(inverseCdf(s, 0, 4, 0)).toBe(0);
  });
  it("log-uniform on [1, 100]: the median is the geometric mean 10, u = 0.25 gives √10", () => {
    const s = { distribution: "log-uniform" as const, reason: "r" };
    expect(inverseCdf(s, 1, 100, 0.5)).toBeCloseTo(10, 12);
    expect(inverseCdf(s, 1, 100, 0.25)).toBeCloseTo(Math.sqrt(10), 12);
  });
  it("the sample CDF of many triangular draws matches the analytic one", () => {
    const s = { distribution: "triangular" as const, mode: 3, reason: "r" };
    const col = latinColumn(4000, makeRng(9));
    const xs = [...col].map((u) => inverseCdf(s, 2, 6, u));
    // F(x) = (x−2)²/((6−2)(3−2)) for x ≤ 3: F(2.5) = 0.0625; F(x) = 1 − (6−x)²/(4·3) above: F(4) = 2/3.
    expect(xs.filter((x) => x <= 2.5).length / 4000).toBeCloseTo(0.0625, 2);
    expect(xs.filter((x) => x <= 4).length / 4000).toBeCloseTo(2 / 3, 2);
  });
});

describe("specProblems(id, spec, min, max)", () => {
  it("needs a mode within the range for triangular, and only there, and min > 0 for log-uniform", () => {
    expect(specProblems("x", { distribution: "triangular", reason: "r" }, 0, 1)[0]).toMatch(/x: a triangular uncertainty needs a mode/);
    expect(specProblems("x", { distribution: "triangular", mode: 2, reason: "r" }, 0, 1)[0]).toMatch(/mode 2 is outside the range 0 to 1/);
    expect(specProblems("x", { distribution: "uniform", mode: 0.5, reason: "r" }, 0, 1)[0]).toMatch(/only for a triangular/);
    expect(specProblems("x", { distribution: "log-uniform", reason: "r" }, 0, 1)[0]).toMatch(/needs range.min > 0/);
    expect(specProblems("x", { distribution: "uniform", reason: "r" }, 0, 1)).toEqual([]);
  });
});

describe("snapToStep(v, range)", () => {
  it("rounds to min + k·step and stays within the range", () => {
    expect(snapToStep(7.4, { min: 1, max: 10, step: 3 })).toBe(7);
    expect(snapToStep(9.9, { min: 1, max: 10, step: 3 })).toBe(10);
    expect(snapToStep(11, { min: 1, max: 11, step: 3 })).toBe(10); // 11 is off the grid 1, 4, 7, 10
    expect(snapToStep(0.2, { min: 1, max: 10, step: 1 })).toBe(1);
  });
});

describe("latinHypercube(records, n, seed, fixed)", () => {
  it("draws only world parameters that declare an uncertainty and are not fixed", () => {
    expect(latinHypercube(FIXTURES, 5, 1).ids).toEqual(["a.uniform", "b.tri", "c.log", "d.count"]);
    expect(latinHypercube(FIXTURES, 5, 1, new Set(["b.tri"])).ids).toEqual(["a.uniform", "c.log", "d.count"]);
  });
  it("stratifies every dimension: each of n equal-probability strata is hit once", () => {
    const n = 20;
    const { draws } = latinHypercube(FIXTURES, n, 3);
    const strata = (xs: number[], cdf: (x: number) => number) => xs.map((x) => Math.min(n - 1, Math.floor(cdf(x) * n))).sort((p, q) => p - q);
    const all = [...Array(n).keys()];
    expect(strata(draws.map((d) => d["a.uniform"]), (x) => x)).toEqual(all);
    expect(strata(draws.map((d) => d["b.tri"]), (x) => (x <= 3 ? (x - 2) ** 2 / 4 : 1 - (6 - x) ** 2 / 12))).toEqual(all);
    expect(strata(draws.map((d) => d["c.log"]), (x) => Math.log(x) / Math.log(1000))).toEqual(all);
  });
  it("snaps integer parameters to their step grid within the range", () => {
    const { draws } = latinHypercube(FIXTURES, 30, 4);
    const counts = draws.map((d) => d["d.count"]);
    for (const c of counts) expect(Number.isInteger(c) && c >= 1 && c <= 10).toBe(true);
    expect(new Set(counts).size).toBe(10); // 30 strata over 10 values: every value appears
  });
  it("is deterministic for a seed, differs between seeds, and a parameter's column does not depend on the others", () => {
    expect(latinHypercube(FIXTURES, 8, 1)).toEqual(latinHypercube(FIXTURES, 8, 1));
    expect(latinHypercube(FIXTURES, 8, 1).draws).not.toEqual(latinHypercube(FIXTURES, 8, 2).draws);
    const alone = latinHypercube([FIXTURES[2]], 8, 1).draws.map((d) => d["c.log"]);
    expect(latinHypercube(FIXTURES, 8, 1).draws.map((d) => d["c.log"])).toEqual(alone);
  });
  it("draws within a declared span (uncertainty.min/max) narrower than the range, stratified over the span", () => {
    const n = 25;
    const narrow = rec("h.span", 0, 100, { distribution: "uniform", min: 10, max: 20, reason: "r" });
    const xs = latinHypercube([narrow], n, 5).draws.map((d) => d["h.span"]);
    for (const x of xs) expect(x >= 10 && x <= 20).toBe(true);
    expect(xs.map((x) => Math.min(n - 1, Math.floor(((x - 10) / 10) * n))).sort((p, q) => p - q)).toEqual([...Array(n).keys()]);
    const logSpan = rec("i.logspan", 0, 1000, { distribution: "log-uniform", min: 1, max: 100, reason: "r" });
    expect(latinHypercube([logSpan], 4, 1).problems).toEqual([]);
  });
  it("reports bad declarations instead of drawing", () => {
    const bad = [rec("x.tri", 0, 1, { distribution: "triangular", reason: "r" })];
    const d = latinHypercube(bad, 4, 1);
    expect(d.draws).toEqual([]);
    expect(d.problems[0]).toMatch(/x\.tri/);
  });
});
