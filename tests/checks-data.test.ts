/** The check files of data/checks/ are validated data: strict schemas, errors that name the file. */
import { describe, expect, it } from "vitest";
import { readTree } from "../cli/files";
import { parseChecks, RegistryError } from "../models/index";

const files = readTree("data/checks");
const broken = (name: string, text: string) => ({ ...files, [`data/checks/${name}.yaml`]: text });
const problems = (f: Record<string, string>) => {
  try {
    parseChecks(f);
  } catch (e) {
    if (e instanceof RegistryError) return e.problems.join("\n");
    throw e;
  }
  return "";
};

describe("parseChecks", () => {
  it("accepts data/checks as committed", () => {
    const c = parseChecks(files);
    expect(c.crossRegime.length).toBeGreaterThan(10);
    expect(c.calibration.length).toBeGreaterThan(5);
    expect(c.sweeps.length).toBeGreaterThan(0);
  });
  it("keeps one band for consumer surplus per user: the Brynjolfsson reproduction's 'reproduced' band is the calibration target's", () => {
    const c = parseChecks(files);
    const target = c.calibration.find((t) => t.id === "consumer-surplus-per-user")!.target;
    const test = c.reproductions.flatMap((r) => r.tests).find((t) => t.id === "per-user")!;
    expect(test.reproduced).toEqual([{ op: ">=", value: target.min }, { op: "<=", value: target.max }]);
  });
  it("rejects a mistyped key, naming the file", () => {
    expect(problems(broken("cross-regime", "- { name: fair use pays nothing, kind: all, run: { regime: fair-use }, metric: royalties_paid, op: '==', valeu: 0 }")))
      .toMatch(/data\/checks\/cross-regime\.yaml.*valeu/s);
  });
  it("rejects an unknown regime, metric or operator", () => {
    expect(problems(broken("cross-regime", "- { name: no such regime, kind: all, run: { regime: fair-usee }, metric: royalties_paid, op: '==', value: 0 }"))).toMatch(/fair-usee|regime/);
    expect(problems(broken("cross-regime", "- { name: no such metric, kind: all, run: { regime: fair-use }, metric: royalty, op: '==', value: 0 }"))).toMatch(/metric/);
    expect(problems(broken("cross-regime", "- { name: no such op, kind: all, run: { regime: fair-use }, metric: royalties_paid, op: '=<', value: 0 }"))).toMatch(/op/);
  });
  it("rejects a calibration target whose range is inverted, and a missing or unexpected file", () => {
    expect(problems(broken("calibration", "- { id: x, label: a label, format: usd, target: { min: 2, max: 1, text: t }, sources: [s], sample: in }"))).toMatch(/calibration\.yaml.*target\.min/s);
    const { ["data/checks/sweeps.yaml"]: _, ...noSweeps } = files;
    expect(problems(noSweeps)).toMatch(/sweeps\.yaml is missing/);
    expect(problems({ ...files, "data/checks/extra.yaml": "[]" })).toMatch(/extra\.yaml: unexpected check file/);
  });
});
