/**
 * parseEmbedQuery, embedRun, frozenId and explorerQuery (src/lib/embed/query.ts): the embed's query read
 * strictly (static and scenario named with their allowed values), a scenario applied under the link's own
 * settings, and which frozen figure (if any) shows a query's run.
 */
import { describe, expect, it } from "vitest";
import { loadRegistry } from "../cli/files";
import { DEFAULT_REGIME_IDS, DEFAULT_SEEDS, REGIME_IDS, defaultSettings, resolveScenarioById } from "../models/index";
import { embedRun, explorerQuery, frozenId, frozenPath, parseEmbedQuery } from "../src/lib/embed/query";

const registry = loadRegistry();
const scenarioIds = [...registry.scenarios.keys()];
const ok = (s: string) => { const q = parseEmbedQuery(s, registry); if (!q.ok) throw new Error(q.problems.join("; ")); return q; };

describe("parseEmbedQuery", () => {
  it("refuses a static value other than 1, naming the field and the allowed value", () => {
    const q = parseEmbedQuery("?static=yes", registry);
    expect(q.ok).toBe(false);
    expect(!q.ok && q.problems).toEqual([expect.stringMatching(/^static: "yes" is not allowed \(allowed: static=1/)]);
    expect(parseEmbedQuery("?static=1&static=1", registry).ok).toBe(false);
  });
  it("refuses an unknown scenario, listing every scenario id", () => {
    const q = parseEmbedQuery("?scenario=eu-opt-outt", registry);
    expect(q.ok).toBe(false);
    const msg = !q.ok ? q.problems.join("\n") : "";
    expect(msg).toMatch(/^scenario: "eu-opt-outt" is not a scenario \(allowed: /);
    for (const id of scenarioIds) expect(msg).toContain(id);
  });
  it("keeps the explorer's own problems (an unknown parameter is an error, not ignored)", () => {
    const q = parseEmbedQuery("?compulsory.royalty_rat=0.1", registry);
    expect(q.ok).toBe(false);
    expect(!q.ok && q.problems.join(" ")).toMatch(/compulsory\.royalty_rat/);
  });
});

describe("embedRun", () => {
  it("applies every scenario, then the link's own settings", () => {
    for (const id of scenarioIds) {
      const s = resolveScenarioById(registry, id);
      if (!s.ok) throw new Error(id);
      const run = embedRun(registry, ok(`?scenario=${id}`));
      expect(run.settings).toEqual(s.scenario.settings);
      expect(run.regimes).toEqual(s.scenario.regimes);
      expect(run.seeds).toEqual(s.scenario.seeds);
      const more = embedRun(registry, ok(`?scenario=${id}&seeds=1..2&regimes=fair-use`));
      expect(more.seeds).toEqual([1, 2]);
      expect(more.regimes).toEqual(["fair-use"]);
    }
  });
  it("without a scenario, the defaults, the explorer's default regimes and the default seeds", () => {
    expect(embedRun(registry, ok(""))).toEqual({ settings: defaultSettings(registry), regimes: [...DEFAULT_REGIME_IDS], seeds: [...DEFAULT_SEEDS] });
    expect(embedRun(registry, ok(`?regimes=${REGIME_IDS.join(",")}`)).regimes).toEqual([...REGIME_IDS]);
  });
});

describe("frozenId", () => {
  it("names the defaults and each scenario as published, and nothing else", () => {
    expect(frozenId(registry, ok("?static=1"))).toBe("");
    for (const id of scenarioIds) expect(frozenId(registry, ok(`?scenario=${id}&static=1`))).toBe(id);
    expect(frozenId(registry, ok("?static=1&seeds=1..3"))).toBeNull();
    expect(frozenId(registry, ok("?static=1&regimes=fair-use"))).toBeNull();
    expect(frozenId(registry, ok(`?static=1&regimes=${REGIME_IDS.join(",")}`))).toBeNull();
    expect(frozenId(registry, ok(`?static=1&regimes=${DEFAULT_REGIME_IDS.join(",")}`))).toBe("");
    const r = registry.byId.get("compulsory.royalty_rate")!;
    const other = r.default === r.range.max ? r.range.min : r.range.max;
    expect(frozenId(registry, ok(`?static=1&compulsory.royalty_rate=${other}`))).toBeNull();
    expect(frozenId(registry, ok(`?static=1&compulsory.royalty_rate=${r.default}`))).toBe("");
  });
  it("a query written by explorerQuery reads back as the same frozen figure", () => {
    for (const id of scenarioIds) expect(frozenId(registry, ok(`${explorerQuery(registry, ok(`?scenario=${id}`))}&static=1`))).toBe(id);
    expect(frozenPath("", "eu-opt-out")).toBe("/embed/frozen/eu-opt-out/");
    expect(frozenPath("/b", "")).toBe("/b/embed/frozen/");
  });
});
