/**
 * The explorer's scenario code: readScenarioFile (uploads) and loadNamedScenario (`?scenario=`) use the
 * model's checks and apply only the valid parts; scenarioYaml writes a file that the model reads back
 * to the same settings; runsToCsv writes the CLI's rows in the CLI's order.
 */
import { describe, expect, it } from "vitest";
import { REGIME_IDS, resolveScenarioText, rowsToCsv, runEnsemble, toRows } from "../models/index";
import { loadNamedScenario, readScenarioFile } from "../src/scripts/explorer/scenario-file";
import { scenarioYaml } from "../src/scripts/explorer/scenario-yaml";
import { runsToCsv } from "../models/results/csv";
import { registry, small } from "./helpers/model";

describe("readScenarioFile", () => {
  it("applies a valid file completely, named after the file as the CLI does", () => {
    const text = `title: Mine\ndescription: A test scenario long enough to pass.\nregimes: [compulsory, fair-use]\noverrides:\n  compulsory.royalty_rate: 0.1\nseeds: "1..3"\n`;
    const s = readScenarioFile(registry, "my-case.yaml", text);
    expect(s).toEqual({ id: "my-case", title: "Mine", description: "A test scenario long enough to pass.", overrides: { "compulsory.royalty_rate": 0.1 },
      regimes: ["compulsory", "fair-use"], seeds: [1, 2, 3], problems: [] });
  });
  it("keeps the valid parts of a partly bad file and lists each problem with the model's message", () => {
    const text = [
      'title: "<img src=x onerror=alert(1)>"',
      "description: A hostile scenario with out-of-range values.",
      "regimes: [compulsory, nope]",
      "overrides: { compulsory.royalty_rate: 9, optout.adoption: 0.3, bogus.key: 1 }",
      "seeds: 1..4",
    ].join("\n");
    const s = readScenarioFile(registry, "bad.yaml", text);
    expect(s.title).toBe("<img src=x onerror=alert(1)>");
    expect(s.overrides).toEqual({ "optout.adoption": 0.3 });
    expect(s.regimes).toEqual(["compulsory"]);
    expect(s.seeds).toEqual([1, 2, 3, 4]);
    const expected = resolveScenarioText(registry, "bad", text, 'uploaded file "bad.yaml"');
    expect(expected.ok).toBe(false);
    expect(s.problems).toEqual(!expected.ok && expected.problems);
    expect(s.problems.join("\n")).toContain('compulsory.royalty_rate: 9 is outside the allowed range 0 to 0.2');
  });
  it("reports YAML that cannot be parsed and applies nothing", () => {
    const s = readScenarioFile(registry, "broken.yaml", "title: [unclosed\n  - : :");
    expect(s.problems[0]).toMatch(/^uploaded file "broken\.yaml": cannot be parsed/);
    expect(s).toMatchObject({ overrides: {}, regimes: null, seeds: null, title: "" });
  });
  it("reads JSON too", () => {
    const s = readScenarioFile(registry, "j.json", JSON.stringify({ title: "J", description: "A JSON scenario for the test.", regimes: ["licensing"], overrides: {}, seeds: [2, 5] }));
    expect(s).toMatchObject({ id: "j", regimes: ["licensing"], seeds: [2, 5], problems: [] });
  });
});

describe("loadNamedScenario", () => {
  it("resolves a scenario of the registry", () => {
    const s = loadNamedScenario(registry, "eu-opt-out");
    expect(s.problems).toEqual([]);
    expect(s.regimes).toEqual(["eu-opt-out"]);
  });
  it("names the nearest id for a typo", () => {
    expect(loadNamedScenario(registry, "eu-opt-ot").problems).toEqual(['scenario: unknown scenario "eu-opt-ot" (did you mean "eu-opt-out"?)']);
  });
});

describe("scenarioYaml", () => {
  it("writes a file that resolveScenarioText reads back to the same settings, regimes and seeds", () => {
    const input = { title: 'Quotes " and: colons', description: "Saved from the policy explorer for a round trip test.", regimes: ["fair-use", "compulsory"],
      overrides: { "optout.adoption": 0.3, "compulsory.royalty_rate": 0.125 }, seeds: [3, 4, 9] };
    const text = scenarioYaml(input);
    expect(text).toContain("overrides:\n  compulsory.royalty_rate: 0.125\n  optout.adoption: 0.3\n");
    const back = resolveScenarioText(registry, "x", text, "x.yaml");
    expect(back.ok && back.scenario).toMatchObject({ title: input.title, regimes: input.regimes, overrides: input.overrides, seeds: input.seeds });
  });
});

describe("runsToCsv", () => {
  it("writes every series of every run regime-major then by seed, as the simulate command does", () => {
    const settings = small();
    const regimes: string[] = [...REGIME_IDS];
    const runs = runEnsemble(regimes, settings, [1, 2]);
    const seedMajor = [...runs].sort((a, b) => a.seed - b.seed || regimes.indexOf(a.regime) - regimes.indexOf(b.regime));
    const cliOrder = [...runs].sort((a, b) => regimes.indexOf(a.regime) - regimes.indexOf(b.regime) || a.seed - b.seed);
    expect(runsToCsv(seedMajor, "custom", regimes)).toBe(rowsToCsv(cliOrder.flatMap((r) => toRows(r, "custom"))));
  });
});
