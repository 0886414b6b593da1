import { describe, expect, it } from "vitest";
import { GINI_EDGES, N_BINS, giniBin } from "../models/economy/gini";
import { makeRng } from "../models/engine/rng";

/** The bin whose edges bracket y (what the creators' pass assumes when it skips `giniBin` inside a run of one bin). */
function binByEdges(y: number): number {
  for (let k = 0; k < N_BINS; k++) if (GINI_EDGES[k] <= y && y < GINI_EDGES[k + 1]) return k;
  return -1;
}

describe("GINI_EDGES", () => {
  it("brackets exactly the incomes giniBin puts in each bin, at every edge and between", () => {
    const ys: number[] = [0, -1, 0.5, 1, Number.MIN_VALUE, 2 ** 40, 2 ** 41, 1e300];
    for (let k = 1; k < N_BINS; k++) {
      const e = GINI_EDGES[k];
      ys.push(e, e * (1 - 2 ** -52), e * (1 + 2 ** -52));
    }
    const rng = makeRng(3);
    for (let i = 0; i < 20000; i++) ys.push(2 ** (rng() * 45 - 2));
    for (const y of ys) expect(binByEdges(y), String(y)).toBe(giniBin(y));
    expect(GINI_EDGES[0]).toBe(-Infinity);
    expect(GINI_EDGES[N_BINS]).toBe(Infinity);
  });
});
