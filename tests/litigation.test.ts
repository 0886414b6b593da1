/**
 * Litigation of version 2 (issue 11, item 1): damages once per work, class settlements bounded by the
 * defendant's ability to pay, claim rate, injunctions, risk aversion and the EU Code of Practice.
 */
import { describe, expect, it } from "vitest";
import { REGIME_BY_ID, initialPopulations, runEnsemble, type RunOutput } from "../models/index";
import { newlyCharged, settlement, splitRecovery, isSignatory } from "../models/economy/litigation";
import { readModelParams } from "../models/economy/params";
import { cloneCreators } from "../models/economy/creators";
import { cloneDevelopers } from "../models/economy/developers";
import { STEPS } from "../models/economy/steps/index";
import { createWorld } from "../models/economy/world-state";
import { defaults, small } from "./helpers/model";

const seeds = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe("settlement", () => {
  it("is the claim when the developer can pay it, and its ability to pay when it cannot", () => {
    expect(settlement(1e8, 2e7, 0.3, 1e9)).toBe(1.2e8);
    expect(settlement(1e10, 0, 0.3, 5e9)).toBeCloseTo(1.5e9, 0);
    expect(settlement(1e10, 0, 0.3, 0)).toBe(0);
  });
});

describe("newlyCharged", () => {
  it("charges a work once: again only for works beyond those already charged", () => {
    const charged = new Float64Array(2);
    expect(newlyCharged(charged, 1, 100)).toBe(100);
    expect(newlyCharged(charged, 1, 100)).toBe(0);
    expect(newlyCharged(charged, 1, 130)).toBe(30);
    expect(newlyCharged(charged, 1, 50)).toBe(0);
    expect(charged[1]).toBe(130);
  });
});

describe("splitRecovery", () => {
  it("splits a recovery into lawyers' fee, claimed and unclaimed parts that add up", () => {
    const p = readModelParams({ ...defaults, "courts.claim_rate": 0.4 });
    const s = splitRecovery(1000, p);
    expect(s.lawyers).toBeCloseTo(1000 * p.courts.lawyerFeeShare, 9);
    expect(s.claimed).toBeCloseTo((1000 - s.lawyers) * 0.4, 9);
    expect(s.lawyers + s.claimed + s.unclaimed).toBeCloseTo(1000, 9);
  });
});

describe("isSignatory", () => {
  it("makes about the given share of developer slots signatories, and none at 0", () => {
    const n = 200;
    const count = (share: number) => Array.from({ length: n }, (_, i) => isSignatory(i, share)).filter(Boolean).length;
    expect(Math.abs(count(0.8) / n - 0.8)).toBeLessThan(0.02);
    expect(count(0)).toBe(0);
    expect(count(1)).toBe(n);
  });
});

/** Run the licensing regime step by step and return the largest ratio of one developer's legal cost to its own revenue. */
function worstDeveloperRatio(settings: Record<string, number>, seed: number): number {
  const p = readModelParams(settings);
  const init = initialPopulations(p, seed);
  const w = createWorld(p, REGIME_BY_ID.get("licensing")!.rules, "licensing", seed, cloneCreators(init.creators), cloneDevelopers(init.developers));
  for (const step of STEPS) step.init?.(w);
  let worst = 0;
  for (let t = 0; t < w.years; t++) {
    w.t = t;
    for (const step of STEPS) {
      step.run(w);
      if (step.name !== "courts") continue;
      for (let i = 0; i < w.dev.count; i++) {
        if (!w.dev.active[i]) continue;
        const rev = w.devYear.revenue[i];
        worst = Math.max(worst, rev > 0 ? w.devYear.legal[i] / rev : w.devYear.legal[i] > 0 ? Infinity : 0);
      }
    }
  }
  return worst;
}

describe("courts step (runModel, licensing)", () => {
  it("never charges one developer more legal cost in a year than its ability to pay plus a fine, at any detection rate", () => {
    for (const detection of [0.02, 0.05, 0.3]) {
      for (const seed of seeds(6)) {
        const settings = small({ "enforcement.detection_probability": detection, "sim.years": 8 });
        const p = readModelParams(settings);
        expect(worstDeveloperRatio(settings, seed)).toBeLessThanOrEqual(p.courts.abilityToPay + 1e-9);
      }
    }
  }, 120_000);

  it("keeps licensing-only legal cost below AI revenue in every year and seed, at the defaults and at 2% detection", () => {
    const check = (rs: RunOutput[]) => {
      for (const r of rs) for (let t = 0; t < r.years; t++) expect(r.series.developer_legal_cost[t]).toBeLessThan(r.series.ai_revenue[t]);
    };
    check(runEnsemble(["licensing"], small({ "sim.years": 11 }), seeds(20)));
    check(runEnsemble(["licensing"], small({ "sim.years": 11, "enforcement.detection_probability": 0.02 }), seeds(20)));
  }, 120_000);

  it("moves damages to creators in proportion to the claim rate (licensing, 2% detection, more claims → more creator AI income)", () => {
    const base = { "sim.years": 8, "enforcement.detection_probability": 0.3, "offshore.training_territorial": 0 };
    const lo = runEnsemble(["licensing"], small({ ...base, "courts.claim_rate": 0.1 }), seeds(3));
    const hi = runEnsemble(["licensing"], small({ ...base, "courts.claim_rate": 1 }), seeds(3));
    const sum = (rs: RunOutput[], m: string) => rs.reduce((a, r) => a + r.series[m].reduce((x, y) => x + y, 0), 0);
    expect(sum(hi, "creator_ai_revenue")).toBeGreaterThan(sum(lo, "creator_ai_revenue"));
    expect(sum(lo, "payments_to_state")).toBeGreaterThan(sum(hi, "payments_to_state"));
  }, 60_000);

  it("lowers unlicensed use when developers are more risk averse (licensing, not territorial)", () => {
    const base = { "sim.years": 6, "offshore.training_territorial": 0, "enforcement.detection_probability": 0.01 };
    const neutral = runEnsemble(["licensing"], small({ ...base, "courts.risk_aversion": 0 }), seeds(3));
    const averse = runEnsemble(["licensing"], small({ ...base, "courts.risk_aversion": 3 }), seeds(3));
    const mean = (rs: RunOutput[]) => rs.reduce((a, r) => a + r.series.unlicensed_share[r.years - 1], 0) / rs.length;
    expect(mean(averse)).toBeLessThan(mean(neutral));
  }, 60_000);
});

describe("runEnsemble (eu-opt-out): the Code of Practice", () => {
  it("makes compliance the usual EU outcome at the defaults: legal cost well below half of developer cost (seeds 1..10, 2035)", () => {
    const rs = runEnsemble(["eu-opt-out"], defaults, seeds(10));
    for (const r of rs) {
      const t = r.years - 1;
      expect(r.series.developer_legal_cost[t]).toBeLessThan(0.25 * r.series.developer_cost[t]);
    }
  }, 120_000);

  it("lowers unlicensed use as more developers sign the Code (piracy of works not opted out remains)", () => {
    const none = runEnsemble(["eu-opt-out"], small({ "eu.code_signatory_share": 0, "optout.adoption": 0.6 }), seeds(3));
    const all = runEnsemble(["eu-opt-out"], small({ "eu.code_signatory_share": 1, "optout.adoption": 0.6 }), seeds(3));
    const mean = (rs: RunOutput[]) => rs.reduce((a, r) => a + r.series.unlicensed_share[r.years - 1], 0) / rs.length;
    expect(mean(all)).toBeLessThan(mean(none));
  }, 60_000);
});
