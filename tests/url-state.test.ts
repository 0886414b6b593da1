import { describe, expect, it } from "vitest";
import { MODEL_VERSION, defaultSettings } from "../models/index";
import { DEFAULT_SEEDS } from "../models/engine/seeds";
import { DEFAULT_COMPARISON, EXPLORER_MAX_SEEDS, formatUrlState, parseUrlState, seedsText } from "../src/lib/url-state";
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
  it("gives the same message as the CLI's validateSettings for the same mistake", () => {
    const s = parseUrlState("?compulsory.royalty_rate=1e309", registry);
    expect(s.problems).toEqual(['compulsory.royalty_rate: "1e309" is not a finite number (allowed: 0 to 0.2)']);
  });
  it("cuts a 100 kB key or value in the message instead of echoing it", () => {
    const big = "9".repeat(100_000);
    const s = parseUrlState(`?optout.adoption=${big}&${"k".repeat(100_000)}=1`, registry);
    expect(s.problems).toHaveLength(2);
    for (const p of s.problems) expect(p.length).toBeLessThan(200);
  });
  it("reports an invalid v like any bad value and treats the link as current", () => {
    const s = parseUrlState("?v=abc&compulsory.royalty_rate=0.1", registry);
    expect(s.problems).toEqual([`v: "abc" is not a model version (allowed: major.minor.patch, such as ${MODEL_VERSION})`]);
    expect(s.version).toBeNull();
    expect(s.versionNote).toBeUndefined();
    expect(s.settings).toEqual({ "compulsory.royalty_rate": 0.1 });
  });
  it("migrates a link from an older version through the table and lists what was renamed or dropped", () => {
    const table = [{ version: "0.9.5", renamed: { "compulsory.rate": "compulsory.royalty_rate" }, removed: { "old.knob": "no longer modelled" } }];
    const s = parseUrlState("?compulsory.rate=0.12&old.knob=3&v=0.9.0", registry, table);
    expect(s.settings).toEqual({ "compulsory.royalty_rate": 0.12 });
    expect(s.problems).toEqual([]);
    expect(s.versionNote).toBe(`This link was made with model version 0.9.0; you are viewing ${MODEL_VERSION}, so the numbers may differ. Settings that were migrated or dropped:`);
    expect(s.migrated).toEqual(['"compulsory.rate" was renamed "compulsory.royalty_rate" in 0.9.5', '"old.knob" was removed in 0.9.5 (no longer modelled); its value "3" was dropped']);
  });
  it("does not migrate a link made with the current version", () => {
    const table = [{ version: "0.9.5", renamed: { "compulsory.rate": "compulsory.royalty_rate" }, removed: {} }];
    const s = parseUrlState(`?compulsory.rate=0.12&v=${MODEL_VERSION}`, registry, table);
    expect(s.settings).toEqual({});
    expect(s.problems[0]).toMatch(/^unknown parameter "compulsory\.rate"/);
    expect(s.versionNote).toBeUndefined();
  });
  it("notes a link from a newer version", () => {
    const s = parseUrlState("?v=99.0.0", registry);
    expect(s.versionNote).toMatch(/^This link was made with model version 99\.0\.0, newer than the/);
  });
  it("reads scenario and regimes, checking regime ids", () => {
    const s = parseUrlState("?scenario=eu-opt-out&regimes=licensing,compulsory&seeds=1..3", registry);
    expect(s).toMatchObject({ scenario: "eu-opt-out", regimes: ["licensing", "compulsory"], seedsGiven: true, problems: [] });
    const bad = parseUrlState("?regimes=fair-use,fair_use", registry);
    expect(bad.regimes).toBeNull();
    expect(bad.problems[0]).toMatch(/^regimes: unknown regime "fair_use" \(did you mean "fair-use"\?\)/);
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

describe("formatUrlState with a scenario and regimes", () => {
  it("writes the scenario first and keeps its override keys even at their defaults, then regimes when not the default five", () => {
    const q = formatUrlState({ ...defaults, "optout.adoption": 0.5 }, [1, 2], registry, {
      scenario: { id: "eu-opt-out", overrides: { "compulsory.royalty_rate": 0.2 } }, regimes: ["eu-opt-out"],
    });
    expect(q).toBe(`?scenario=eu-opt-out&compulsory.royalty_rate=${defaults["compulsory.royalty_rate"]}&optout.adoption=0.5&regimes=eu-opt-out&seeds=1..2&v=${MODEL_VERSION}`);
    const back = parseUrlState(q, registry);
    expect(back.problems).toEqual([]);
    expect(back.regimes).toEqual(["eu-opt-out"]);
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

describe("parseUrlState and formatUrlState: the comparison's choices (cmp_*)", () => {
  it("reads valid cmp_ keys and writes back only those that differ from the defaults", () => {
    const u = parseUrlState("?cmp_metric=total_surplus&cmp_window=cumulative&cmp_ref=fair-use", registry);
    expect(u.problems).toEqual([]);
    expect(u.comparison).toEqual({ metric: "total_surplus", window: "cumulative", year: null, reference: "fair-use" });
    const q = formatUrlState(defaultSettings(registry), DEFAULT_SEEDS, registry, { comparison: u.comparison });
    expect(q).toContain("cmp_metric=total_surplus&cmp_window=cumulative&cmp_ref=fair-use&seeds=");
    expect(parseUrlState(q, registry).comparison).toEqual(u.comparison);
    expect(formatUrlState(defaultSettings(registry), DEFAULT_SEEDS, registry, { comparison: DEFAULT_COMPARISON })).not.toContain("cmp_");
    expect(parseUrlState("?cmp_year=2030", registry).comparison.year).toBe(2030);
  });
  it("names the key, the value and the allowed values for a bad one, and keeps the default", () => {
    const u = parseUrlState("?cmp_window=weekly&cmp_metric=profit&cmp_ref=uk&cmp_year=20x5&cmp_colour=red", registry);
    expect(u.comparison).toEqual(DEFAULT_COMPARISON);
    expect(u.problems).toEqual([
      'cmp_window: "weekly" is not a time window (allowed: final, cumulative)',
      expect.stringMatching(/^cmp_metric: "profit" is not a comparison metric \(allowed: creator_revenue, .*total_surplus\)$/),
      expect.stringMatching(/^cmp_ref: "uk" is not a regime \(allowed: fair-use, /),
      'cmp_year: "20x5" is not a year (allowed: a year of the run, such as 2035)',
      "cmp_colour: unknown comparison key (allowed: cmp_metric, cmp_window, cmp_year, cmp_ref)",
    ]);
    expect(parseUrlState("?cmp_ref=fair-use&cmp_ref=compulsory", registry).problems).toEqual(["cmp_ref: given more than once (allowed: one value)"]);
  });
  it("an older link without cmp_ keys shows the comparison's defaults", () => {
    expect(parseUrlState("?v=1.0.0&seeds=1..3", registry).comparison).toEqual(DEFAULT_COMPARISON);
  });
});
