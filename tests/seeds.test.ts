import { describe, expect, it } from "vitest";
import { formatSeeds, parseSeeds } from "../models/engine/seeds";

describe("parseSeeds", () => {
  it("reads a count, a range and a list", () => {
    expect(parseSeeds("3")).toEqual({ ok: true, seeds: [1, 2, 3] });
    expect(parseSeeds("5..7")).toEqual({ ok: true, seeds: [5, 6, 7] });
    expect(parseSeeds("1,4,9")).toEqual({ ok: true, seeds: [1, 4, 9] });
    expect(parseSeeds([2, 3])).toEqual({ ok: true, seeds: [2, 3] });
  });
  it.each(["", "0", "abc", "1..", "3..1", "1,,2", "1.5", "-1", "1,1", "1..5000", "0x10", " 1e3"])("rejects %j naming the allowed forms", (s) => {
    const r = parseSeeds(s);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^seeds: .*allowed/);
  });
});

describe("formatSeeds", () => {
  it("writes ranges compactly and round-trips", () => {
    expect(formatSeeds([1, 2, 3])).toBe("1..3");
    expect(formatSeeds([1, 4])).toBe("1,4");
    expect(formatSeeds([5])).toBe("5..5");
    expect(parseSeeds(formatSeeds([5]))).toEqual({ ok: true, seeds: [5] });
    const r = parseSeeds(formatSeeds([7, 8, 9, 10]));
    expect(r).toEqual({ ok: true, seeds: [7, 8, 9, 10] });
  });
});
