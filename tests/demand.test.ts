/**
 * The demand module (models/economy/demand.ts) on cases solved by hand or by an independent method.
 */
import { describe, expect, it } from "vitest";
import { allocMarket, consumerSurplus, effectiveData, effectiveDataInterior, effectiveDataSlope, inclusiveValues, type DemandYear, type Market } from "../models/economy/demand";
import { solvePrices } from "../models/economy/prices";
import { exp } from "../models/engine/math";
import { bestResponseGain } from "./helpers/price-gain";

/** One segment of 100 users with α = 1, θ = 0 (quality does not matter), ξ = 0, inference cost $1. */
function oneSegment(): DemandYear {
  return {
    users: new Float64Array([100, 0, 0]), alpha: new Float64Array([1, 1, 1]), theta: 0, xi: 0, cost: 1, segCost: new Float64Array([1, 1, 1]),
    freeCost: 0, freeFactor: 0, progress: 1, tokens: 1, rStar: 15.4, sigma: 0, dRef: 1, scaling: 0.3,
  };
}

/** The same market with a free tier: e^{δ^f} = φ^θ e^{ξ} = 0.5 (θ = 0 makes φ^θ = 1, so the factor is set directly), free users cost $0.3. */
function withFreeTier(): DemandYear {
  return { ...oneSegment(), freeFactor: 0.5, freeCost: 0.3 };
}

/** A monopolist's profit ((1 − ρ) p − c) q(p) − c_f q^f(p) with its own free tier, by direct evaluation. */
function monopolyProfit(dy: DemandYear, p: number, rho: number): number {
  const e = Math.exp(dy.xi - p), f = dy.freeFactor * Math.exp(dy.xi);
  const q = (100 * e) / (1 + e + f), qf = (100 * f) / (1 + e + f);
  return ((1 - rho) * p - dy.cost) * q - dy.freeCost * qf;
}

describe("effectiveData", () => {
  it("is N once unique data covers what compute can use, with zero slope there", () => {
    expect(effectiveData(2, 1, 15.4, 0.3)).toBe(1);
    expect(effectiveDataSlope(2, 1, 15.4, 0.3)).toBe(0);
  });
  it("values repeated data per Muennighoff: U = 1, N = 5 (R = 4 repetitions) gives 1 + 15.4 (1 − e^(−4/15.4)) = 1 + 15.4 × 0.22875 = 4.5227 without synthetic data", () => {
    expect(effectiveData(1, 5, 15.4, 0)).toBeCloseTo(1 + 15.4 * (1 - Math.exp(-4 / 15.4)), 12);
    expect(effectiveData(1, 5, 15.4, 0)).toBeCloseTo(4.5227, 4);
  });
  it("lets synthetic data add at most σ D′ and never beyond N", () => {
    const d1 = effectiveData(0.1, 100, 15.4, 0);
    const d2 = effectiveData(0.1, 100, 15.4, 0.3);
    expect(d2).toBeGreaterThan(d1);
    expect(d2).toBeLessThanOrEqual(1.3 * d1 + 1e-12);
  });
  it("has a slope that matches a finite difference", () => {
    for (const [u, n, s] of [[0.3, 6, 0.3], [1, 6, 0.3], [2, 40, 0.1], [0.05, 3, 0]]) {
      const h = 1e-6;
      const fd = (effectiveData(u + h, n, 15.4, s) - effectiveData(u - h, n, 15.4, s)) / (2 * h);
      expect(effectiveDataSlope(u, n, 15.4, s)).toBeCloseTo(fd, 5);
    }
  });
});

/** D″ and its slope as the model first wrote them, apart and with four exponentials: the oracle for the shared `effectiveDataInterior`. */
const referenceData = (u: number, n: number, rStar: number, sigma: number) => {
  const d1 = u + u * rStar * (1 - exp(-(n / u - 1) / rStar));
  const d = d1 + sigma * d1 * (1 - exp(-(n - d1) / d1));
  const r = n / u - 1;
  const e = exp(-r / rStar);
  const s1 = u + u * rStar * (1 - e);
  const x = (n - s1) / s1;
  const ex = exp(-x);
  return { d, slope: (1 + rStar * (1 - e) - e * (r + 1)) * (1 + sigma * (1 - ex) - sigma * ex * (n / s1)) };
};

describe("effectiveDataInterior", () => {
  it("gives the very numbers of effectiveData and effectiveDataSlope for 0 < u < n, over 20,000 random cases", () => {
    let x = 12345;
    const next = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const out = { d: 0, slope: 0 };
    let checked = 0;
    for (let k = 0; k < 20_000; k++) {
      const n = 10 ** (6 * next() - 2);
      const u = n * (k % 7 === 0 ? 1 - 1e-12 * next() : next());
      const rStar = 0.5 + 30 * next(), sigma = k % 5 === 0 ? 0 : next();
      if (!(u > 0 && u < n)) continue;
      effectiveDataInterior(u, n, rStar, sigma, out);
      const ref = referenceData(u, n, rStar, sigma);
      expect(Object.is(out.d, ref.d)).toBe(true);
      expect(Object.is(out.slope, ref.slope)).toBe(true);
      expect(Object.is(effectiveData(u, n, rStar, sigma), ref.d)).toBe(true);
      expect(Object.is(effectiveDataSlope(u, n, rStar, sigma), ref.slope)).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(19_000);
  });
});

/** A one-developer market on `dy` with quality 1 and charge ρ (prices start at 0: the solve needs no start). */
function monopoly(rho = 0): Market {
  const m = allocMarket(1);
  m.n = 1; m.active[0] = 1; m.quality[0] = 1; m.rho[0] = rho;
  return m;
}

describe("solvePrices", () => {
  it("gives a logit monopolist p = c/(1 − ρ) + 1/(α(1 − s)), checked against bisection on the first-order condition", () => {
    for (const rho of [0, 0.2]) {
      const dy = oneSegment();
      const m = monopoly(rho);
      solvePrices(dy, m, 20);
      // FOC: g(p) = p − c/(1 − ρ) − 1/(1 − s(p)) = 0 with s = e^{−p}/(1 + e^{−p}); g is increasing in p.
      const g = (p: number) => p - 1 / (1 - rho) - 1 / (1 - Math.exp(-p) / (1 + Math.exp(-p)));
      let lo = 0, hi = 20;
      for (let k = 0; k < 100; k++) (g((lo + hi) / 2) < 0 ? (lo = (lo + hi) / 2) : (hi = (lo + hi) / 2));
      expect(m.segPrice[0]).toBeCloseTo(lo, 8);
      expect(m.price[0]).toBeCloseTo(lo, 8);
      expect(m.quantity[0]).toBeCloseTo((100 * Math.exp(-lo)) / (1 + Math.exp(-lo)), 6);
    }
  });
  it("lowers markups as rivals multiply: two symmetric firms price below a monopolist", () => {
    const dy = oneSegment();
    const mono = monopoly();
    solvePrices(dy, mono, 20);
    const duo = allocMarket(2);
    duo.n = 2;
    for (const j of [0, 1]) { duo.active[j] = 1; duo.quality[j] = 1; }
    solvePrices(dy, duo, 20);
    expect(duo.price[0]).toBeLessThan(mono.price[0]);
    expect(duo.price[0]).toBeCloseTo(duo.price[1], 12);
  });
  it("passes a revenue charge into the price through the floor c/(1 − ρ), and not at all when inference is free", () => {
    const withCost = oneSegment(), free = { ...oneSegment(), cost: 0, segCost: new Float64Array(3) };
    const at = (dy: DemandYear, rho: number) => { const m = monopoly(rho); solvePrices(dy, m, 20); return m.price[0]; };
    expect(at(withCost, 0.2)).toBeGreaterThan(at(withCost, 0.02) + 0.1);
    expect(at(free, 0.2)).toBeCloseTo(at(free, 0.02), 12);
  });
});

describe("solvePrices over a mixture of segments", () => {
  it("prices each segment at its own best response, checked on a fine grid per segment (one developer, then five rivals)", () => {
    // 1,000 casual users (α = 1/40), 100 regular (α = 1/400) and 10 power users (α = 1/6000), costs 10/20/100.
    const dy: DemandYear = { ...oneSegment(), users: new Float64Array([1000, 100, 10]), alpha: new Float64Array([1 / 40, 1 / 400, 1 / 6000]), cost: 20, segCost: new Float64Array([10, 20, 100]), xi: 1 };
    for (const n of [1, 5]) for (const rho of [0, 0.3]) {
      const m = allocMarket(n);
      m.n = n;
      for (let j = 0; j < n; j++) { m.active[j] = 1; m.quality[j] = 1 + j / 10; m.rho[j] = rho; }
      solvePrices(dy, m, 12);
      const r = bestResponseGain(dy, m, 4000);
      expect(r.gain, `n ${n}, ρ ${rho}: developer ${r.dev} segment ${r.segment} ${r.from} → ${r.to}`).toBeLessThan(1e-7);
      for (let j = 0; j < n; j++) for (let g = 0; g < 2; g++) expect(m.segPrice[j * 3 + g + 1]).toBeGreaterThan(m.segPrice[j * 3 + g]);
      // The residual check itself can fail: one developer 10% off its power price leaves it a gain.
      m.segPrice[2] *= 1.1;
      expect(bestResponseGain(dy, m, 4000).gain).toBeGreaterThan(1e-5);
    }
  });
});

describe("solvePrices with free tiers", () => {
  it("maximises a monopolist's profit net of its free users' cost: profit at the solved price beats ±1% (checked by direct evaluation)", () => {
    for (const rho of [0, 0.2]) {
      const dy = withFreeTier();
      const m = monopoly(rho);
      solvePrices(dy, m, 20);
      const p = m.price[0];
      expect(monopolyProfit(dy, p, rho)).toBeGreaterThan(monopolyProfit(dy, p * 1.01, rho));
      expect(monopolyProfit(dy, p, rho)).toBeGreaterThan(monopolyProfit(dy, p * 0.99, rho));
      const f = 0.5;
      expect(m.freeQuantity[0]).toBeCloseTo((100 * f) / (1 + Math.exp(-p) + f), 8);
    }
  });
  it("caps the paid price: a free tier lowers the monopolist's price and paid quantity", () => {
    const noFree = monopoly(), free = monopoly();
    solvePrices(oneSegment(), noFree, 20);
    solvePrices(withFreeTier(), free, 20);
    expect(free.quantity[0]).toBeLessThan(noFree.quantity[0]);
    expect(free.freeQuantity[0]).toBeGreaterThan(0);
    expect(noFree.freeQuantity[0]).toBe(0);
  });
});

describe("consumerSurplus", () => {
  it("counts free-tier users in the log-sum: (M/α) ln(1 + e^{−p} + e^{δ^f}) = 100 ln(1 + e^−2 + 0.5)", () => {
    const dy = withFreeTier();
    const m = allocMarket(1);
    m.n = 1; m.active[0] = 1; m.quality[0] = 1; m.segPrice[0] = 2;
    inclusiveValues(dy, m);
    expect(consumerSurplus(dy, m)).toBeCloseTo(100 * Math.log(1 + Math.exp(-2) + 0.5), 10);
  });
  it("is the log-sum (M/α) ln(1 + e^δ): 100 users, δ = −p = −2 gives 100 ln(1 + e^−2) = 12.693", () => {
    const dy = oneSegment();
    const m = allocMarket(1);
    m.n = 1; m.active[0] = 1; m.quality[0] = 1; m.segPrice[0] = 2;
    inclusiveValues(dy, m);
    expect(consumerSurplus(dy, m)).toBeCloseTo(100 * Math.log1p(Math.exp(-2)), 10);
    expect(consumerSurplus(dy, m)).toBeCloseTo(12.693, 3);
  });
});
