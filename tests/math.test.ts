/**
 * models/engine/math.ts: fdlibm ports that give the same bits in every engine. Checked against the
 * engine's Math within fdlibm's error bounds over many arguments, at special values, and for exactness
 * where it is promised (integer powers of small integers, exp(0), log(1)).
 */
import { describe, expect, it } from "vitest";
import { cos, exp, log, log1p, pow, sin } from "../models/engine/math";
import { makeRng } from "../models/index";

const EPS = 2.220446049250313e-16;
const ulps = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / (Math.abs(b) * EPS));

function worst(n: number, arg: (u: () => number) => number[], f: (...x: number[]) => number, g: (...x: number[]) => number): number {
  const rng = makeRng("math-test");
  let w = 0;
  for (let i = 0; i < n; i++) {
    const x = arg(rng);
    w = Math.max(w, ulps(f(...x), g(...x)));
  }
  return w;
}

describe("exp", () => {
  it("is within 1 ulp of Math.exp over [-745, 709]", () => {
    expect(worst(50_000, (u) => [(u() - 0.5) * 1400], exp, Math.exp)).toBeLessThanOrEqual(1);
  });
  it("handles the edges", () => {
    expect(exp(0)).toBe(1);
    expect(exp(-Infinity)).toBe(0);
    expect(exp(Infinity)).toBe(Infinity);
    expect(exp(710)).toBe(Infinity);
    expect(exp(-746)).toBe(0);
    expect(Number.isNaN(exp(NaN))).toBe(true);
    expect(exp(709.7)).toBeGreaterThan(1e308);
  });
});

describe("log", () => {
  it("is within 1 ulp of Math.log from subnormals to 1e300", () => {
    expect(worst(50_000, (u) => [Math.pow(10, (u() - 0.5) * 600) * (1 + u())], log, Math.log)).toBeLessThanOrEqual(1);
    expect(worst(20_000, (u) => [1 + (u() - 0.5) * 1e-3], log, Math.log)).toBeLessThanOrEqual(1);
    expect(ulps(log(5e-324), Math.log(5e-324))).toBeLessThanOrEqual(1);
  });
  it("handles the edges", () => {
    expect(log(1)).toBe(0);
    expect(log(0)).toBe(-Infinity);
    expect(log(Infinity)).toBe(Infinity);
    expect(Number.isNaN(log(-1))).toBe(true);
  });
});

describe("log1p", () => {
  it("is within 2 ulp of Math.log1p near zero and beyond", () => {
    expect(worst(20_000, (u) => [(u() - 0.5) * 1e-6], log1p, Math.log1p)).toBeLessThanOrEqual(2);
    expect(worst(20_000, (u) => [u() * 100], log1p, Math.log1p)).toBeLessThanOrEqual(2);
  });
});

describe("pow", () => {
  it("is exact for integer powers of small integers", () => {
    expect(pow(2, 10)).toBe(1024);
    expect(pow(-2, 3)).toBe(-8);
    expect(pow(3, -2)).toBe(1 / 9);
    expect(pow(7, 0)).toBe(1);
  });
  it("is within |y ln x| · 2^-53 (plus 2 ulp) of Math.pow for x > 0", () => {
    const rng = makeRng("math-pow");
    for (let i = 0; i < 20_000; i++) {
      const x = Math.pow(10, (rng() - 0.5) * 20), y = (rng() - 0.5) * 8;
      expect(ulps(pow(x, y), Math.pow(x, y))).toBeLessThanOrEqual(2 + Math.abs(y * Math.log(x)) * 2);
    }
  });
  it("handles zero and negative bases", () => {
    expect(pow(0, 0.5)).toBe(0);
    expect(pow(0, -0.5)).toBe(Infinity);
    expect(Number.isNaN(pow(-2, 0.5))).toBe(true);
  });
});

describe("sin and cos", () => {
  it("are within 1 ulp (or 1e-16 absolute near their zeros) of Math.sin and Math.cos on [-20, 20]", () => {
    const rng = makeRng("math-trig");
    for (let i = 0; i < 50_000; i++) {
      const a = (rng() - 0.5) * 40;
      for (const [f, g] of [[sin, Math.sin], [cos, Math.cos]] as const) {
        const d = Math.abs(f(a) - g(a));
        expect(d <= Math.max(EPS * Math.abs(g(a)), 1e-16)).toBe(true);
      }
    }
  });
  it("reject arguments outside the reduced range", () => {
    expect(() => sin(1e7)).toThrow(/outside the supported range/);
    expect(sin(0)).toBe(0);
    expect(cos(0)).toBe(1);
  });
});
