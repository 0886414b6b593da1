/**
 * Model numbers in prose (src/lib/model-number.ts): the value equals a direct `runEnsemble` call at the
 * same settings and seeds, the text is written as the prose writes it, and a bad spec fails naming the field.
 */
import { describe, expect, it } from "vitest";
import { loadRegistry } from "../cli/files";
import { defaultSettings, runEnsemble } from "../models/index";
import { combine, formatModelNumber, modelNumber, modelValue, resolveSpec } from "../src/lib/model-number";

const registry = loadRegistry();
const defaults = defaultSettings(registry);
const seeds = [1, 2, 3];
const at = (runs: ReturnType<typeof runEnsemble>, key: string, year: number) => runs.map((r) => r.series[key][year - r.startYear]);
const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;

describe("modelValue(registry, spec)", () => {
  const direct = runEnsemble(["compulsory"], { ...defaults, "compulsory.royalty_rate": 0.1 }, seeds);

  it("equals the mean across seeds of a direct runEnsemble call in the year asked", () => {
    const v = modelValue(registry, { regime: "compulsory", metric: "creator_ai_revenue", year: 2030, seeds: "1..3", set: { "compulsory.royalty_rate": 0.1 } });
    expect(v).toBe(mean(at(direct, "creator_ai_revenue", 2030)));
  });

  it("takes the median, and sums a window of years per seed before the statistic", () => {
    const med = modelValue(registry, { regime: "compulsory", metric: "developer_cost", seeds: "1..3", stat: "median", set: { "compulsory.royalty_rate": 0.1 } });
    expect(med).toBe([...at(direct, "developer_cost", 2035)].sort((a, b) => a - b)[1]);
    const sum = modelValue(registry, { regime: "compulsory", metric: "developer_cost", years: "2025..2027", seeds: "1..3", set: { "compulsory.royalty_rate": 0.1 } });
    expect(sum).toBeCloseTo(mean(direct.map((r) => r.series.developer_cost[0] + r.series.developer_cost[1] + r.series.developer_cost[2])), 0);
  });

  it("adds up the groups asked for in each seed", () => {
    const v = modelValue(registry, { regime: "compulsory", metric: "creator_ai_revenue", groups: ["d01", "d02"], year: 2035, seeds: "1..3", set: { "compulsory.royalty_rate": 0.1 } });
    expect(v).toBeCloseTo(mean(direct.map((r) => r.series["creator_ai_revenue|d01"][10] + r.series["creator_ai_revenue|d02"][10])), 0);
  });

  it("applies a scenario's overrides, then set", () => {
    const sc = registry.scenarios.get("compulsory-wbws-review")!;
    const over = Object.fromEntries(Object.entries(sc.overrides).map(([k, v]) => [k, Number(v)]));
    const runs = runEnsemble(["compulsory"], { ...defaults, ...over }, [1]);
    expect(modelValue(registry, { scenario: "compulsory-wbws-review", metric: "statutory_rate", year: 2035, seeds: "1" })).toBe(runs[0].series.statutory_rate[10]);
  });
});

describe("resolveSpec(registry, spec)", () => {
  it("rejects an unknown metric, naming the field and the allowed metrics", () => {
    expect(() => resolveSpec(registry, { regime: "compulsory", metric: "creator_income" })).toThrow(/metric "creator_income" is not a model metric.*allowed: creator_revenue/);
  });
  it("rejects an unknown or out-of-range parameter in set, naming it", () => {
    expect(() => resolveSpec(registry, { regime: "compulsory", metric: "developer_cost", set: { "compulsory.royalty_rat": 0.1 } })).toThrow(/set .*compulsory\.royalty_rat/);
    expect(() => resolveSpec(registry, { regime: "compulsory", metric: "developer_cost", set: { "compulsory.royalty_rate": 5 } })).toThrow(/compulsory\.royalty_rate.*outside the allowed range/);
  });
  it("rejects a bad regime, scenario, year, stat and seeds, naming each", () => {
    const m = "developer_cost";
    expect(() => resolveSpec(registry, { regime: "fairuse", metric: m })).toThrow(/regime "fairuse".*allowed: .*fair-use/);
    expect(() => resolveSpec(registry, { scenario: "nope", metric: m })).toThrow(/scenario "nope".*allowed: .*baseline/);
    expect(() => resolveSpec(registry, { regime: "levy", metric: m, year: 2040 })).toThrow(/year 2040 is outside.*2025 to 2035/);
    expect(() => resolveSpec(registry, { regime: "levy", metric: m, stat: "mode" as never })).toThrow(/stat "mode".*allowed: mean, median/);
    expect(() => resolveSpec(registry, { regime: "levy", metric: m, seeds: "x" })).toThrow(/seeds/);
    expect(() => resolveSpec(registry, { scenario: "baseline", metric: m })).toThrow(/regime is required/);
  });
  it("accepts a series key of a grouped metric, and groups to add up, rejecting a bad group by name", () => {
    expect(resolveSpec(registry, { regime: "levy", metric: "creator_ai_revenue|d10" }).key).toBe("creator_ai_revenue|d10");
    expect(resolveSpec(registry, { regime: "levy", metric: "creator_ai_revenue", groups: ["d01", "d02"] }).keys).toEqual(["creator_ai_revenue|d01", "creator_ai_revenue|d02"]);
    expect(() => resolveSpec(registry, { regime: "levy", metric: "creator_ai_revenue", groups: ["d11"] })).toThrow(/groups "d11" is not a group of creator_ai_revenue.*d01/);
  });
});

describe("formatModelNumber(value, format, digits)", () => {
  it("writes money, shares, ratios and counts as the prose does", () => {
    expect(formatModelNumber(4.31e9, "usd-bn")).toBe("$4.3bn");
    expect(formatModelNumber(4.6e8, "usd-bn")).toBe("$0.46bn");
    expect(formatModelNumber(1.41e12, "usd-bn")).toBe("$1,410bn");
    expect(formatModelNumber(4.2e6, "usd-m")).toBe("$4.2M");
    expect(formatModelNumber(0.3349, "percent", 1)).toBe("33.5%");
    expect(formatModelNumber(0.46, "percent")).toBe("46%");
    expect(formatModelNumber(0.0076, "percent")).toBe("0.76%");
    expect(formatModelNumber(3.52, "ratio")).toBe("3.5×");
    expect(formatModelNumber(59.6, "count")).toBe("60");
    expect(formatModelNumber(-2e9, "usd-bn")).toBe("−$2.0bn");
  });
  it("rejects an unknown format, naming the allowed ones", () => {
    expect(() => formatModelNumber(1, "usd-k")).toThrow(/format "usd-k".*allowed: usd-bn/);
  });
});

describe("modelNumber(registry, props)", () => {
  it("compares against a second spec written as changes to the first", () => {
    const base = { regime: "compulsory", metric: "creator_ai_revenue", seeds: "1..2", format: "usd-bn" as const };
    const a = modelValue(registry, base), b = modelValue(registry, { ...base, regime: "fair-use" });
    expect(modelNumber(registry, { ...base, vs: { regime: "fair-use" }, op: "ratio" }).value).toBe(combine(a, b, "ratio"));
    expect(modelNumber(registry, { ...base, vs: { regime: "fair-use" }, op: "difference" }).text).toBe(formatModelNumber(a - b, "usd-bn"));
  });
});
