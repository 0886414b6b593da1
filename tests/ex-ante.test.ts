/**
 * Ex-ante legal cost as the law charges it (models/economy/ex-ante.ts; issue 11, leftover 2): the
 * expected charge a developer weighs when it chooses equals the mean of what the courts step charges
 * it over many litigation draws, and never exceeds its ability to pay.
 */
import { describe, expect, it } from "vitest";
import { makeRng } from "../models/engine/rng";
import { cappedExpectation, riskWeight } from "../models/economy/litigation";
import { applyExAnte, expectedLegal, exposedShare, outputExposed } from "../models/economy/ex-ante";
import { courts } from "../models/economy/steps/courts";
import { type World } from "../models/economy/world-state";
import { small } from "./helpers/model";
import { worldAt } from "./helpers/world";

/** The world of `regime` just before the courts step of year t (developers have chosen, revenue is known). */
function beforeCourts(settings: Record<string, number>, regime: string, t: number, seed = 1): World {
  return worldAt(settings, regime, t, { before: courts.name }, seed);
}

/** Mean of each developer's legal charge over `n` independent litigation draws of this year's courts step (its record of works charged restored each time). */
function meanCharge(w: World, n: number): Float64Array {
  const charged = w.charged.slice();
  const sum = new Float64Array(w.dev.count);
  const rng = makeRng("ex-ante-test");
  w.rng.litigation = rng;
  for (let k = 0; k < n; k++) {
    courts.run(w);
    for (let i = 0; i < w.dev.count; i++) sum[i] += w.devYear.legal[i];
    w.charged.set(charged);
  }
  return sum.map((x) => x / n);
}

const CASES: [string, string, Record<string, number>][] = [
  ["licensing at home (some works left unlicensed)", "licensing", { "offshore.training_territorial": 0, "sim.years": 6 }],
  ["licensing at home, little ability to pay (the cap binds)", "licensing", { "offshore.training_territorial": 0, "courts.ability_to_pay": 0.012, "sim.years": 6 }],
  ["the EU without the Code (opt-outs ignored, fines)", "eu-opt-out", { "eu.code_signatory_share": 0, "optout.adoption": 0.6, "eu.fine_rate": 0.002, "sim.years": 6 }],
];

describe("expectedLegal (courts step over many litigation draws)", () => {
  for (const [what, regime, over] of CASES) {
    it(`equals the mean ex-post charge, developer by developer: ${what}`, () => {
      const w = beforeCourts(small(over), regime, 3);
      const ante = Array.from({ length: w.dev.count }, (_, i) =>
        w.dev.active[i] ? expectedLegal(w, i, w.plans[w.dev.plan[i]], w.dev.lastPos[i], w.dev.lastFrac[i], w.devYear.revenue[i], 1) : 0);
      const post = meanCharge(w, 4000);
      let checked = 0;
      for (let i = 0; i < w.dev.count; i++) {
        if (!w.dev.active[i]) continue;
        const scale = Math.max(1, ante[i], post[i]);
        // Monte Carlo error: a charge is a rare event (detection of a few %), so 4,000 draws give a few % of its mean.
        expect(Math.abs(post[i] - ante[i]) / scale, `developer ${i}: ante ${ante[i]}, post ${post[i]}`).toBeLessThan(0.1);
        if (ante[i] > 0) checked++;
      }
      expect(checked).toBeGreaterThan(0);
    }, 120_000);
  }

  it("never exceeds the ability to pay (plus the expected fine where fines exist), for every developer and year", () => {
    for (const [, regime, over] of CASES) {
      for (const t of [1, 3, 5]) {
        const w = beforeCourts(small(over), regime, t);
        const a = w.p.courts.abilityToPay;
        for (let i = 0; i < w.dev.count; i++) {
          if (!w.dev.active[i]) continue;
          const r = w.devYear.revenue[i];
          const e = expectedLegal(w, i, w.plans[w.dev.plan[i]], w.dev.lastPos[i], w.dev.lastFrac[i], r, 1);
          expect(e).toBeLessThanOrEqual((a + w.run.fineRate * w.run.fineDetection) * r * (1 + 1e-9) + 1e-6);
        }
      }
    }
  }, 120_000);
});

describe("applyExAnte", () => {
  it("charges in choice the risk-weighted expectation: more than the plain one exactly where there is risk", () => {
    const w = beforeCourts(small(CASES[0][2]), "licensing", 3);
    let risky = 0;
    for (let i = 0; i < w.dev.count; i++) {
      if (!w.dev.active[i]) continue;
      const pl = w.plans[w.dev.plan[i]];
      const choice = { lastPos: w.dev.lastPos[i], lastFrac: w.dev.lastFrac[i], value: 0, cost: 0, worksUsed: 0, revenue: w.devYear.revenue[i], profit: 0, legal: 0 };
      applyExAnte(w, i, pl, choice);
      const plain = expectedLegal(w, i, pl, choice.lastPos, choice.lastFrac, choice.revenue, 1);
      expect(choice.legal).toBeGreaterThanOrEqual(plain);
      expect(choice.legal).toBeLessThanOrEqual(riskWeight(w.p) * plain * (1 + 1e-12) + 1e-9);
      if (plain > 0) {
        risky++;
        expect(choice.legal).toBeGreaterThan(plain);
      }
    }
    expect(risky).toBeGreaterThan(0);
  }, 60_000);
});

describe("cappedExpectation", () => {
  it("is the mean of min(ε J + O, K) over lognormal shocks of mean 1", () => {
    const rng = makeRng("capped");
    for (const [j, o, k, sd] of [[100, 0, 150, 0.5], [100, 20, 90, 0.8], [5, 1, 1e6, 0.5], [100, 0, 150, 0]]) {
      let sum = 0;
      const n = 200_000;
      for (let q = 0; q < n; q++) {
        const u1 = rng(), u2 = rng();
        const z = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
        sum += Math.min(Math.exp(sd * z - (sd * sd) / 2) * j + o, k);
      }
      expect(cappedExpectation(j, o, k, sd)).toBeCloseTo(sum / n, 0);
    }
  });
});

/** The exposed share as a loop over the corpus adds it (the code before the plans' running sums, kept as the reference). */
function exposedShareByLoop(w: World, pl: World["plans"][number], lastPos: number, frac: number): number {
  if (pl.offshore) return 1;
  const v = w.cells.value;
  let all = 0, exposed = 0;
  for (let j = 0; j < pl.freeLen; j++) {
    const c = pl.freeCells[j];
    all += v[c];
    if (outputExposed(pl, c)) exposed += v[c];
  }
  for (let pos = 0; pos <= lastPos; pos++) {
    const c = pl.order[pos];
    const x = pos === lastPos ? frac : 1;
    all += x * v[c];
    if (outputExposed(pl, c)) exposed += x * v[c];
  }
  return all > 0 ? exposed / all : 0;
}

describe("exposedShare", () => {
  it("reads the plan's running sums to the same bits as a loop over the corpus, for every plan, corpus end and fraction", () => {
    let compared = 0, partlyExposed = 0;
    for (const [, regime, over] of [...CASES, ["eu, opt-outs", "eu-opt-out", {}] as const, ["fair use", "fair-use", {}] as const]) {
      for (const t of [0, 2, 4]) {
        const w = beforeCourts(small(over), regime, t);
        for (const pl of w.plans) {
          for (let last = -1; last < pl.len; last++) {
            for (const frac of [0, 0.37, 1]) {
              const s = exposedShare(w, pl, last, frac);
              expect(s, `${regime} year ${t}, last ${last}, fraction ${frac}`).toBe(exposedShareByLoop(w, pl, last, frac));
              compared++;
              if (s > 0 && s < 1) partlyExposed++;
            }
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
    expect(partlyExposed).toBeGreaterThan(0);
  }, 120_000);
});
