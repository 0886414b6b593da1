/**
 * optionsInForce and optionsText (src/components/notebook/options-in-force.ts): every named-option
 * parameter the figure's regimes read is listed with the option its settings select, and none other.
 */
import { describe, expect, it } from "vitest";
import { loadRegistry } from "../cli/files";
import { REGIME_IDS, defaultSettings } from "../models/index";
import { optionsInForce, optionsText } from "../src/components/notebook/options-in-force";

const registry = loadRegistry();
const named = [...registry.byId.values()].filter((r) => r.options?.length);

describe("optionsInForce", () => {
  it("lists each named-option parameter a regime reads, with the option of its value, for every option", () => {
    expect(named.length).toBeGreaterThan(0);
    for (const r of named) for (const o of r.options!) {
      const regimes = r.regimes ?? [...REGIME_IDS];
      const got = optionsInForce(registry, { ...defaultSettings(registry), [r.id]: o.value }, regimes).find((x) => x.id === r.id);
      expect(got, r.id).toEqual({ id: r.id, label: r.label, option: o.label });
    }
  });
  it("leaves out parameters no shown regime reads, and the excepted ones", () => {
    for (const r of named.filter((x) => x.regimes)) {
      const others = REGIME_IDS.filter((id) => !r.regimes!.includes(id));
      if (others.length) expect(optionsInForce(registry, defaultSettings(registry), others).map((x) => x.id)).not.toContain(r.id);
      expect(optionsInForce(registry, defaultSettings(registry), r.regimes!, [r.id]).map((x) => x.id)).not.toContain(r.id);
    }
  });
});

describe("optionsText", () => {
  it("names each option in force, or says nothing when there is none", () => {
    const list = optionsInForce(registry, defaultSettings(registry), REGIME_IDS);
    const text = optionsText(list);
    expect(text.startsWith("Options in force: ")).toBe(true);
    for (const o of list) expect(text).toContain(`${o.label}: ${o.option}`);
    expect(optionsText([])).toBe("");
  });
});
