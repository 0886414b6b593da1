import { describe, expect, it } from "vitest";
import { MODEL_VERSION, defaultSettings } from "../models/index";
import { DEFAULT_SEEDS, EXPLORER_MAX_SEEDS, formatUrlState, parseUrlState, seedsText } from "../src/lib/url-state";
import { registry } from "./helpers/model";

const defaults = defaultSettings(registry);

describe("parseUrlState", () => {
  it("reads parameter ids, seeds and version", () => {
    const s = parseUrlState("?compulsory.royalty_rate=0.15&seeds=1..5&v=1.0.0", registry);
    expect(s.settings).toEqual({ "compulsory.royalty_rate": 0.15 });
    expect(s.seeds).toEqual([1, 2, 3, 4, 5]);
    expect(s.version).toBe("1.0.0");
    expect(s.problems).toEqual([]);
  });
  it("gives defaults (seeds 1..20, no settings) for an empty query", () => {
    const s = parseUrlState("", registry);
    expect(s).toMatchObject({ settings: {}, seeds: [...DEFAULT_SEEDS], version: null, problems: [] });
  });
  it("reports a non-number naming the key, the value and the range, and keeps the valid entries", () => {
    const s = parseUrlState("?optout.adoption=abc&compulsory.royalty_rate=0.1", registry);
    expect(s.settings).toEqual({ "compulsory.royalty_rate": 0.1 });
    expect(s.problems).toHaveLength(1);
    expect(s.problems[0]).toMatch(/^optout\.adoption: "abc" is not a number \(allowed: 0 to 0\.8\)/);
  });
  it("reports an out-of-range value with the allowed range", () => {
    const s = parseUrlState("?compulsory.royalty_rate=5", registry);
    expect(s.settings).toEqual({});
    expect(s.problems[0]).toBe('compulsory.royalty_rate: "5" is outside the allowed range 0 to 0.2');
  });
  it("reports unknown keys with the nearest id", () => {
    const s = parseUrlState("?compulsory.royalty_rat=0.1", registry);
    expect(s.problems[0]).toMatch(/unknown parameter "compulsory\.royalty_rat" \(did you mean "compulsory\.royalty_rate"\?\)/);
  });
  it("reports bad seeds and falls back to 1..20", () => {
    const s = parseUrlState("?seeds=0..x", registry);
    expect(s.seeds).toEqual([...DEFAULT_SEEDS]);
    expect(s.problems[0]).toMatch(/^seeds: "0\.\.x" is not valid/);
  });
  it(`refuses more than ${EXPLORER_MAX_SEEDS} seeds`, () => {
    const s = parseUrlState("?seeds=1..500", registry);
    expect(s.seeds).toEqual([...DEFAULT_SEEDS]);
    expect(s.problems[0]).toMatch(/500 seeds .*1 to 200/);
  });
  it("notes a link made with another model version without rejecting it", () => {
    const s = parseUrlState("?v=0.9.0", registry);
    expect(s.problems).toEqual([]);
    expect(s.versionNote).toMatch(/0\.9\.0/);
  });
  it("reports a key given twice", () => {
    const s = parseUrlState("?optout.adoption=0.1&optout.adoption=0.2", registry);
    expect(s.settings["optout.adoption"]).toBeUndefined();
    expect(s.problems[0]).toMatch(/given more than once/);
  });
});

describe("formatUrlState", () => {
  it("writes only non-default settings, sorted, then seeds and version", () => {
    const q = formatUrlState({ ...defaults, "optout.adoption": 0.5, "compulsory.royalty_rate": 0.15 }, [1, 2, 3], registry);
    expect(q).toBe(`?compulsory.royalty_rate=0.15&optout.adoption=0.5&seeds=1..3&v=${MODEL_VERSION}`);
  });
  it("writes defaults as seeds and version only", () => {
    expect(formatUrlState(defaults, DEFAULT_SEEDS, registry)).toBe(`?seeds=1..20&v=${MODEL_VERSION}`);
  });
  it("round-trips through parseUrlState", () => {
    const settings = { ...defaults, "courts.damages_per_work": 1234, "output_protection.enabled": 1, "compulsory.royalty_rate": 0.123 };
    for (const seeds of [[1, 2, 3], [7], [4, 9, 11], [1]]) {
      const back = parseUrlState(formatUrlState(settings, seeds, registry), registry);
      expect(back.problems).toEqual([]);
      expect({ ...defaults, ...back.settings }).toEqual(settings);
      expect(back.seeds).toEqual(seeds);
    }
  });
});

describe("seedsText", () => {
  it("writes a single seed other than 1 as a range so it is not read as a count", () => {
    expect(seedsText([5])).toBe("5..5");
    expect(seedsText([1])).toBe("1..1");
    expect(seedsText([1, 2, 3])).toBe("1..3");
    expect(seedsText([2, 5])).toBe("2,5");
  });
});
