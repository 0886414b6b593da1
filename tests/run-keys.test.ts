import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DECILES, REGIME_IDS, SERIES_KEYS, runModel } from "../models/index";
import { BREAKDOWN_KEYS } from "../models/results/metrics";
import { needsBreakdowns } from "../models/run";
import { small } from "./helpers/model";

const sha = (col: Float64Array) => createHash("sha256").update(new Uint8Array(col.buffer, col.byteOffset, col.byteLength)).digest("hex");
/** Every key that is not a decile or Gini series: what a run without the breakdowns may be asked for. */
const PLAIN_KEYS = SERIES_KEYS.filter((k) => !BREAKDOWN_KEYS.has(k));

describe("runModel with keys", () => {
  it("returns exactly the keys asked for, in their order, byte-identical to a full run's (every regime, seeds 1–3)", () => {
    const asks: string[][] = [
      ["creator_revenue", "developer_cost", "total_surplus", "creator_revenue|books", "corpus_share|images"],
      [...PLAIN_KEYS].reverse(),
      ["creator_income_gini", "model_quality"],
      [`creator_ai_revenue|${DECILES[0]}`, "creator_ai_bottom_half_share", "active_creators|music"],
    ];
    for (const regime of REGIME_IDS) {
      for (const seed of [1, 2, 3]) {
        const full = runModel({ regime, params: small(), seed });
        for (const keys of asks) {
          const part = runModel({ regime, params: small(), seed, keys });
          expect(Object.keys(part.series)).toEqual(keys);
          for (const k of keys) expect(sha(part.series[k]), `${regime} ${seed} ${k}`).toBe(sha(full.series[k]));
        }
      }
    }
  });
  it("leaves out keys the model does not have", () => {
    const r = runModel({ regime: "fair-use", params: small(), seed: 1, keys: ["no_such_metric", "creator_revenue", "toString"] });
    expect(Object.keys(r.series)).toEqual(["creator_revenue"]);
  });
});

describe("needsBreakdowns", () => {
  it("is true for no keys (every series) and for any decile or Gini key, false for the rest", () => {
    expect(needsBreakdowns(undefined)).toBe(true);
    for (const k of BREAKDOWN_KEYS) expect(needsBreakdowns(["creator_revenue", k])).toBe(true);
    expect(needsBreakdowns(PLAIN_KEYS)).toBe(false);
  });
  it("covers every decile series and the two distribution metrics", () => {
    const decileKeys = SERIES_KEYS.filter((k) => DECILES.some((d) => k.endsWith(`|${d}`)));
    expect(decileKeys.length).toBeGreaterThan(0);
    expect([...BREAKDOWN_KEYS].sort()).toEqual([...decileKeys, "creator_ai_bottom_half_share", "creator_income_gini"].sort());
  });
});
