import { describe, expect, it } from "vitest";
import { parseValue, validateSettings } from "../models/index";
import { registry } from "./helpers/model";

const rate = registry.byId.get("compulsory.royalty_rate")!;
const years = registry.byId.get("sim.years")!;
const onoff = registry.byId.get("output_protection.enabled")!;

describe("parseValue", () => {
  it("accepts plain decimal numbers in range", () => {
    expect(parseValue(rate, "0.15")).toEqual({ ok: true, value: 0.15 });
    expect(parseValue(rate, 0.2)).toEqual({ ok: true, value: 0.2 });
    expect(parseValue(rate, "1e-2")).toEqual({ ok: true, value: 0.01 });
    expect(parseValue(onoff, true)).toEqual({ ok: true, value: 1 });
  });
  it.each(["", " ", "1e309", "NaN", "Infinity", "0x10", "1,5", "abc", "0.1.2", "--1"])("rejects %j as not a number, naming the range", (raw) => {
    const r = parseValue(rate, raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^compulsory\.royalty_rate: .*(0 to 0\.2)/);
  });
  it("rejects out-of-range values with the allowed range", () => {
    expect(parseValue(rate, "0.5")).toEqual({ ok: false, message: "compulsory.royalty_rate: \"0.5\" is outside the allowed range 0 to 0.2" });
    expect(parseValue(rate, -0.1)).toEqual({ ok: false, message: "compulsory.royalty_rate: -0.1 is outside the allowed range 0 to 0.2" });
  });
  it("rejects fractions for whole-number parameters and anything but 0/1 for switches", () => {
    expect(parseValue(years, "2.5").ok).toBe(false);
    expect(parseValue(onoff, "2")).toEqual({ ok: false, message: "output_protection.enabled: \"2\" must be 0 or 1" });
    expect(parseValue(rate, null).ok).toBe(false);
    expect(parseValue(rate, [0.1]).ok).toBe(false);
  });
});

describe("validateSettings", () => {
  it("names unknown parameters with the nearest valid id", () => {
    const r = validateSettings(registry, [["compulsory.royalty_rat", "0.1"]]);
    expect(r.problems).toEqual(['unknown parameter "compulsory.royalty_rat" (did you mean "compulsory.royalty_rate"?)']);
  });
  it("reports a key given twice and keeps neither value", () => {
    const r = validateSettings(registry, [["optout.adoption", "0.1"], ["optout.adoption", "0.2"]]);
    expect(r.settings).toEqual({});
    expect(r.problems[0]).toMatch(/optout\.adoption: given more than once/);
  });
  it("keeps valid entries and reports every problem", () => {
    const r = validateSettings(registry, [["optout.adoption", "0.5"], ["market.substitution", "9"], ["nope", "1"]]);
    expect(r.settings).toEqual({ "optout.adoption": 0.5 });
    expect(r.problems).toHaveLength(2);
  });
});

describe("nearest", () => {
  it("suggests a close id, and returns nothing for a huge unknown key (without quadratic work: the test would time out)", async () => {
    const { nearest } = await import("../models/index");
    expect(nearest("optout.adopton", registry.byId.keys())).toBe("optout.adoption");
    const huge = "x".repeat(100_000);
    expect(nearest(huge, registry.byId.keys())).toBeUndefined();
  });
});
