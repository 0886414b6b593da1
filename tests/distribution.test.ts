/**
 * Distribution among creators of version 2 (issue 11, item 5): the collective's rule (pro rata by works
 * used, or by value), the per-creator minimum, and the share of AI income reaching the bottom half.
 */
import { describe, expect, it } from "vitest";
import { DECILES, runEnsemble, seriesKey, type RunOutput } from "../models/index";
import { DISTRIBUTION } from "../models/economy/collective";
import { type World } from "../models/economy/world-state";
import { close, small, violations } from "./helpers/model";
import { worldAt } from "./helpers/world";

/** The compulsory world after the collective step of year t. */
function afterCollective(settings: Record<string, number>, t: number): World {
  return worldAt(settings, "compulsory", t, { after: "collective" });
}

describe("matchingCollective.distribute", () => {
  it("pays every work used the same per unit of use under pro rata by works, and by value otherwise", () => {
    const w = afterCollective(small({ "collective.distribution": DISTRIBUTION.worksUsed, "sim.years": 3 }), 2);
    const ratios: number[] = [];
    for (let c = 0; c < w.cells.works.length; c++) if (w.cells.usedShare[c] > 0.01 && w.cells.works[c] > 0) ratios.push(w.cells.royPerWork[c] / w.cells.usedShare[c]);
    expect(ratios.length).toBeGreaterThan(10);
    for (const r of ratios) expect(close(r, ratios[0], 1e-9)).toBe(true);
    const v = afterCollective(small({ "collective.distribution": DISTRIBUTION.value, "sim.years": 3 }), 2);
    const keep = 1 - v.p.collective.adminRate;
    for (let c = 0; c < v.cells.works.length; c++) if (v.cells.works[c] > 0) expect(v.cells.royPerWork[c]).toBeCloseTo((v.cells.royaltyUse[c] * keep) / v.cells.works[c], 6);
  }, 60_000);

  it("funds a per-creator minimum out of everyone's share: the floor and scale pay out the same total", () => {
    const w = afterCollective(small({ "collective.creator_minimum": 300, "sim.years": 3 }), 2);
    expect(w.pass.royaltyFloor).toBeGreaterThan(0);
    expect(w.pass.royaltyFloor).toBeLessThanOrEqual(300);
    let n = 0, total = 0;
    for (let i = 0; i < w.cr.n; i++) {
      const y = w.cr.works[i] * w.cells.royPerWork[w.pass.cellOf[i]];
      if (!w.cr.registered[i] || !(y > 0)) continue;
      n += w.cr.weight[w.cr.sector[i]];
      total += y * w.cr.weight[w.cr.sector[i]];
    }
    expect(close(w.pass.royaltyFloor * n + w.pass.royaltyScale * total, total, 1e-9)).toBe(true);
  }, 60_000);
});

describe("creator_ai_bottom_half_share (runEnsemble)", () => {
  const last = (rs: RunOutput[], m: string) => rs.reduce((a, r) => a + r.series[m][r.years - 1], 0) / rs.length;
  it("is the bottom five deciles' share of creator AI income, in every regime and year", () => {
    for (const r of runEnsemble(["fair-use", "compulsory", "licensing"], small(), [1, 2])) {
      expect(violations(r)).toEqual([]);
      for (let t = 0; t < r.years; t++) {
        const ai = DECILES.reduce((a, d) => a + r.series[seriesKey("creator_ai_revenue", d)][t], 0);
        const bottom = DECILES.slice(0, 5).reduce((a, d) => a + r.series[seriesKey("creator_ai_revenue", d)][t], 0);
        expect(r.series.creator_ai_bottom_half_share[t]).toBeCloseTo(ai > 0 ? bottom / ai : 0, 9);
      }
    }
  }, 60_000);

  it("rises with a per-creator minimum under a compulsory licence, and royalties distributed stay the same in the first year", () => {
    const seeds = [1, 2, 3];
    const none = runEnsemble(["compulsory"], small(), seeds);
    const floor = runEnsemble(["compulsory"], small({ "collective.creator_minimum": 500 }), seeds);
    expect(last(floor, "creator_ai_bottom_half_share")).toBeGreaterThan(last(none, "creator_ai_bottom_half_share"));
    for (let k = 0; k < seeds.length; k++) expect(close(floor[k].series.royalties_distributed[0], none[k].series.royalties_distributed[0], 1e-9)).toBe(true);
  }, 60_000);
});
