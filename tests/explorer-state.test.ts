/**
 * The explorer's state module (src/scripts/explorer/state.ts): every change is validated by the model
 * before it reaches the state; the URL query, the citation input and the scenario file derive from the
 * validated state only; the chart specs name the series the worker is asked for.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_REGIME_IDS, DEFAULT_SEEDS, MODEL_VERSION, REGIME_IDS, SERIES_KEYS, defaultSettings, resolveScenarioText } from "../models/index";
import {
  applyChange, citeInput, createStore, defaultState, isDefaultRun, scenarioFileText, scenarioLabel, seedsForCount, stateFromUrl, urlQuery,
  type ExplorerState,
} from "../src/scripts/explorer/state";
import { loadNamedScenario } from "../src/scripts/explorer/scenario-file";
import { EXPLORER_MAX_SEEDS, parseUrlState } from "../src/lib/url-state";
import { EXPLORER_CHARTS, specKeys, specMetrics } from "../src/lib/charts/specs";
import { REGIME_STYLE } from "../src/lib/charts/palette";
import { SUMMARY_KEYS } from "../src/scripts/explorer/summary-text";
import { registry } from "./helpers/model";

const RATE = "compulsory.royalty_rate";
const start = (): ExplorerState => defaultState(registry);

describe("applyChange", () => {
  it("sets a valid value given as slider text", () => {
    const r = applyChange(registry, start(), { kind: "set", id: RATE, value: "0.1" });
    expect(r.problems).toEqual([]);
    expect(r.state.settings[RATE]).toBe(0.1);
  });
  it("refuses an out-of-range value with the model's message and keeps the old state", () => {
    const s = start();
    const r = applyChange(registry, s, { kind: "set", id: RATE, value: 5 });
    expect(r.state).toBe(s);
    expect(r.problems).toEqual(["compulsory.royalty_rate: 5 is outside the allowed range 0 to 0.2"]);
  });
  it("refuses an unknown parameter and text that is not a number", () => {
    const s = start();
    expect(applyChange(registry, s, { kind: "set", id: "not.a_param", value: 1 }).state).toBe(s);
    const r = applyChange(registry, s, { kind: "set", id: RATE, value: "0.1<script>" });
    expect(r.state).toBe(s);
    expect(r.problems[0]).toMatch(/^compulsory\.royalty_rate: .* is not a number/);
  });
  it("resets one parameter to its default", () => {
    const s = applyChange(registry, start(), { kind: "set", id: RATE, value: 0.1 }).state;
    expect(applyChange(registry, s, { kind: "reset", id: RATE }).state.settings[RATE]).toBe(registry.byId.get(RATE)!.default);
  });
  it("sets the seeds from a count, within the explorer's limit", () => {
    expect(applyChange(registry, start(), { kind: "seed-count", value: "3" }).state.seeds).toEqual([1, 2, 3]);
    for (const bad of [0, EXPLORER_MAX_SEEDS + 1, 2.5, "x", ""]) {
      const s = start();
      const r = applyChange(registry, s, { kind: "seed-count", value: bad });
      expect(r.state, String(bad)).toBe(s);
      expect(r.problems[0]).toMatch(/^seeds: /);
    }
  });
  it("resets everything, scenario included", () => {
    let s = applyChange(registry, start(), { kind: "set", id: RATE, value: 0.1 }).state;
    s = applyChange(registry, s, { kind: "seed-count", value: 2 }).state;
    expect(applyChange(registry, s, { kind: "reset-all" }).state).toEqual(start());
  });
  it("applies a scenario's valid overrides on the defaults, with its regimes and seeds", () => {
    const loaded = loadNamedScenario(registry, "compulsory-high-rate");
    const s = applyChange(registry, applyChange(registry, start(), { kind: "set", id: "optout.adoption", value: 0.7 }).state,
      { kind: "scenario", scenario: loaded, named: true }).state;
    expect(s.settings).toEqual({ ...defaultSettings(registry), ...loaded.overrides });
    expect(s.regimes).toEqual(loaded.regimes);
    expect(s.scenario).toMatchObject({ id: "compulsory-high-rate", named: true });
    expect(scenarioLabel(s)).toBe("compulsory-high-rate");
  });
  it("keeps only known regimes of a scenario (the default ones when none is known)", () => {
    const base = loadNamedScenario(registry, "compulsory");
    const some = applyChange(registry, start(), { kind: "scenario", scenario: { ...base, regimes: ["licensing", "nope", "licensing"] }, named: false }).state;
    expect(some.regimes).toEqual(["licensing"]);
    const none = applyChange(registry, start(), { kind: "scenario", scenario: { ...base, regimes: ["nope"] }, named: false }).state;
    expect(none.regimes).toEqual([...DEFAULT_REGIME_IDS]);
  });
  it("drops a scenario's invalid override even when the loader let it through", () => {
    const loaded = { ...loadNamedScenario(registry, "compulsory"), overrides: { [RATE]: 9 } };
    const s = applyChange(registry, start(), { kind: "scenario", scenario: loaded, named: false }).state;
    expect(s.settings[RATE]).toBe(registry.byId.get(RATE)!.default);
  });
});

describe("stateFromUrl", () => {
  it("puts the link's settings on the defaults", () => {
    const s = stateFromUrl(registry, parseUrlState(`?${RATE}=0.12&seeds=1..2`, registry));
    expect(s.settings).toEqual({ ...defaultSettings(registry), [RATE]: 0.12 });
    expect(s.seeds).toEqual([1, 2]);
    expect(s.regimes).toEqual([...DEFAULT_REGIME_IDS]);
  });
  it("shows a regime outside the default ones when the link names it, and writes it back", () => {
    const s = stateFromUrl(registry, parseUrlState("?regimes=fair-use,us-uncertain", registry));
    expect(s.regimes).toEqual(["fair-use", "us-uncertain"]);
    expect(urlQuery(registry, s)).toContain("regimes=fair-use,us-uncertain");
  });
  it("with a named scenario: its values first, then the keys the link sets", () => {
    const url = parseUrlState(`?scenario=compulsory-high-rate&sim.creators=2000`, registry);
    const loaded = loadNamedScenario(registry, "compulsory-high-rate");
    const s = stateFromUrl(registry, url, loaded);
    expect(s.settings).toEqual({ ...defaultSettings(registry), ...loaded.overrides, "sim.creators": 2000 });
    expect(s.scenario?.named).toBe(true);
  });
  it("ignores a named scenario that did not load", () => {
    const url = parseUrlState("?scenario=nope", registry);
    const s = stateFromUrl(registry, url, loadNamedScenario(registry, "nope"));
    expect(s).toEqual(start());
  });
});

describe("urlQuery, citeInput and scenarioFileText derive from the validated state", () => {
  it("the defaults give seeds and version only", () => {
    expect(urlQuery(registry, start())).toBe(`?seeds=${DEFAULT_SEEDS[0]}..${DEFAULT_SEEDS.length}&v=${MODEL_VERSION}`);
  });
  it("a refused change never reaches the URL or the citation", () => {
    const store = createStore(registry, start());
    const heard: ExplorerState[] = [];
    store.subscribe((s) => heard.push(s));
    expect(store.change({ kind: "set", id: RATE, value: "999" })).toHaveLength(1);
    expect(heard).toEqual([]);
    expect(urlQuery(registry, store.get())).not.toContain(RATE);
    expect(citeInput(store.get(), "https://x/", new Date(0)).settings[RATE]).toBe(registry.byId.get(RATE)!.default);
    expect(store.change({ kind: "set", id: RATE, value: "0.12" })).toEqual([]);
    expect(heard).toHaveLength(1);
    expect(urlQuery(registry, store.get())).toContain(`${RATE}=0.12`);
  });
  it("a named scenario stays in the URL; its own regimes are not written", () => {
    const s = applyChange(registry, start(), { kind: "scenario", scenario: loadNamedScenario(registry, "compulsory-high-rate"), named: true }).state;
    expect(urlQuery(registry, s)).toMatch(/^\?scenario=compulsory-high-rate&/);
    expect(urlQuery(registry, s)).not.toContain("regimes=");
  });
  it("the scenario file reads back, with the model's own reader, to the same settings", () => {
    const s = applyChange(registry, applyChange(registry, start(), { kind: "set", id: RATE, value: 0.12 }).state, { kind: "seed-count", value: 3 }).state;
    const back = resolveScenarioText(registry, "saved", scenarioFileText(registry, s), "saved");
    expect(back.ok && back.scenario.overrides).toEqual({ [RATE]: 0.12 });
    expect(back.ok && back.scenario.seeds).toEqual([1, 2, 3]);
  });
  it("isDefaultRun is true at the defaults and with another run length only", () => {
    expect(isDefaultRun(registry, start())).toBe(true);
    expect(isDefaultRun(registry, applyChange(registry, start(), { kind: "set", id: "sim.years", value: 5 }).state)).toBe(true);
    expect(isDefaultRun(registry, applyChange(registry, start(), { kind: "set", id: RATE, value: 0.1 }).state)).toBe(false);
  });
});

describe("seedsForCount", () => {
  it("gives seeds 1..n", () => expect(seedsForCount(3)).toEqual({ ok: true, seeds: [1, 2, 3] }));
});

describe("chart specs", () => {
  it("ids are unique and every metric is one the model returns", () => {
    expect(new Set(EXPLORER_CHARTS.map((c) => c.id)).size).toBe(EXPLORER_CHARTS.length);
    for (const c of EXPLORER_CHARTS) for (const k of specMetrics(c)) expect(SERIES_KEYS, `${c.id}: ${k}`).toContain(k);
  });
  it("specKeys lists each key once, in chart order (the row order of the displayed-data CSV)", () => {
    expect(specKeys(EXPLORER_CHARTS)).toEqual([
      "creator_revenue", "creator_market_revenue", "creator_ai_revenue",
      "developer_cost", "developer_data_cost", "developer_transaction_cost", "developer_compliance_cost", "developer_legal_cost",
      "consumer_surplus", "total_surplus", "corpus_share", "unlicensed_share", "model_quality", "active_creators", "active_developers",
    ]);
  });
  it("the runner asks the workers for the charts' series, the summary's and the comparison's running totals", async () => {
    const { EXPLORER_KEYS } = await import("../src/scripts/explorer/runner");
    const { COMPARISON_CUMULATIVE_KEYS } = await import("../src/lib/charts/comparison");
    expect(EXPLORER_KEYS).toEqual([...specKeys(EXPLORER_CHARTS), ...COMPARISON_CUMULATIVE_KEYS]);
    for (const k of SUMMARY_KEYS) expect(EXPLORER_KEYS).toContain(k);
  });
});

describe("palette", () => {
  it("styles exactly the model's regimes", () => expect(Object.keys(REGIME_STYLE).sort()).toEqual([...REGIME_IDS].sort()));
});
