/** The four-line comparison's corners and decomposition (src/lib/four-line.ts). */
import { describe, expect, it } from "vitest";
import { corners, cornerValues, decompositionText } from "../src/lib/four-line";
import { defaults, registry } from "./helpers/model";

describe("corners", () => {
  it("is undefined when only policy and run settings change", () => {
    expect(corners(registry, { ...defaults, "compulsory.royalty_rate": 0.1, "sim.years": 4 })).toBeUndefined();
  });
  it("puts policy changes in P, assumption changes in A, both in B, run settings everywhere", () => {
    const c = corners(registry, { ...defaults, "compulsory.royalty_rate": 0.1, "market.substitution": 0.3, "sim.years": 4 })!;
    expect([c.D["compulsory.royalty_rate"], c.D["market.substitution"], c.D["sim.years"]]).toEqual([defaults["compulsory.royalty_rate"], defaults["market.substitution"], 4]);
    expect([c.A["compulsory.royalty_rate"], c.A["market.substitution"]]).toEqual([defaults["compulsory.royalty_rate"], 0.3]);
    expect([c.P["compulsory.royalty_rate"], c.P["market.substitution"]]).toEqual([0.1, defaults["market.substitution"]]);
    expect([c.B["compulsory.royalty_rate"], c.B["market.substitution"]]).toEqual([0.1, 0.3]);
  });
});

describe("decompositionText", () => {
  it("splits B − D into policy, assumptions and interaction", () => {
    // total 4.5 − 1 = 3.5; policy 3 − 1 = 2; assumptions 2 − 1 = 1; together 3.5 − 2 − 1 = 0.5 ($bn)
    expect(decompositionText({ D: 1e9, A: 2e9, P: 3e9, B: 4.5e9 }, "creators’ AI income", "creator_ai_revenue", "the compulsory licence", 2035))
      .toBe("Under the compulsory licence, creators’ AI income in 2035 changes by $3.5 bn (median across seeds): $2 bn from the policy, $1 bn from the assumptions and $0.5 bn from the two together.");
    expect(cornerValues({ D: [], A: [], P: [], B: [] }, "compulsory", "creator_ai_revenue", 2035)).toBeUndefined();
  });
});
