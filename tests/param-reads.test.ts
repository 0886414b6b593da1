import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { REGIME_IDS, runModel, type RunOutput } from "../models/index";
import { readModelParams } from "../models/economy/params";
import { paramReads, readIds, readTrackedParams } from "../models/economy/param-reads";
import { registry, small } from "./helpers/model";

const hash = (r: RunOutput) => {
  const h = createHash("sha256");
  for (const k of Object.keys(r.series)) h.update(k).update(new Uint8Array(r.series[k].buffer, r.series[k].byteOffset, r.series[k].byteLength));
  return h.digest("hex");
};

describe("readTrackedParams", () => {
  it("gives every field the value readModelParams gives it, and marks exactly the fields read", () => {
    const s = small({ "compulsory.royalty_rate": 0.07, "india.retroactive": 1 });
    const plain = readModelParams(s) as unknown as Record<string, Record<string, unknown> | Record<string, unknown>[]>;
    const reads = paramReads();
    const tracked = readTrackedParams(s, reads) as unknown as typeof plain;
    expect(readIds(reads)).toEqual([]);
    for (const [g, group] of Object.entries(plain)) {
      const pairs = Array.isArray(group) ? group.map((o, i) => [o, (tracked[g] as Record<string, unknown>[])[i]] as const) : [[group, tracked[g] as Record<string, unknown>] as const];
      for (const [a, b] of pairs) for (const f of Object.keys(a)) expect(b[f], `${g}.${f}`).toBe(a[f]);
    }
    expect(readIds(reads).sort()).toEqual(registry.parameters.map((p) => p.id).sort());
    const one = paramReads();
    expect(readTrackedParams(s, one).compulsory.royaltyRate).toBe(0.07);
    expect(readIds(one)).toEqual(["compulsory.royalty_rate"]);
  });
});

describe("runModel with reads", () => {
  it("gives every regime the same bytes as an untracked run (seeds 1–2)", () => {
    for (const regime of REGIME_IDS) for (const seed of [1, 2]) {
      expect(hash(runModel({ regime, params: small(), seed }, undefined, paramReads())), `${regime} ${seed}`).toBe(hash(runModel({ regime, params: small(), seed })));
    }
  });
  it("depends on no parameter it did not mark: moving any unmarked one to its min or max leaves every series unchanged (every regime)", () => {
    const base = small();
    const moved: string[] = [];
    let unread = 0;
    for (const regime of REGIME_IDS) {
      const reads = paramReads();
      const ref = hash(runModel({ regime, params: base, seed: 3 }, undefined, reads));
      const read = new Set(readIds(reads));
      for (const p of registry.parameters) {
        if (read.has(p.id)) continue;
        unread++;
        for (const v of [p.range.min, p.range.max]) {
          if (v === base[p.id]) continue;
          if (hash(runModel({ regime, params: { ...base, [p.id]: v }, seed: 3 })) !== ref) moved.push(`${regime}: ${p.id}=${v}`);
        }
      }
    }
    expect(unread).toBeGreaterThan(0);
    expect(moved).toEqual([]);
  }, 120_000);
  it("marks a parameter whose move changes the run (the statutory rate under the compulsory licence)", () => {
    const reads = paramReads();
    runModel({ regime: "compulsory", params: small(), seed: 1 }, undefined, reads);
    expect(readIds(reads)).toContain("compulsory.royalty_rate");
    expect(hash(runModel({ regime: "compulsory", params: small({ "compulsory.royalty_rate": 0.1 }), seed: 1 }))).not.toBe(hash(runModel({ regime: "compulsory", params: small(), seed: 1 })));
  });
});
