/**
 * The reproductions of published results (data/checks/reproductions.yaml, models/validation/reproductions.ts):
 * every one runs, its verdict follows from its tests by the stated rule, its reason states the computed
 * numbers, and its commands ask `simulate` for exactly the runs the page reads (one is run end to end
 * and prints the same figures). No verdict or number is written here: each is computed.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ROOT, loadChecks, loadRegistry, readTree } from "../cli/files";
import { parseArgs } from "../cli/args";
import { formatValue, parseChecks, RegistryError, runEnsemble, summarizeRuns } from "../models/index";
import type { ReproductionTest } from "../models/checks/reproduction-schema";
import {
  VERDICT_TEXT, evaluate, formatStatistic, judgeTest, judgeTests, overallVerdict, runReproductions, summaryReader, type ReproductionResult,
} from "../models/validation/reproductions";

const registry = loadRegistry();
const reps = loadChecks().reproductions;
let results: ReproductionResult[] | undefined;
const all = () => (results ??= runReproductions(registry, reps));

/** Settings as sorted entries, to compare two assignments whatever their key order. */
const canon = (s: Readonly<Record<string, number>>) => JSON.stringify(Object.entries(s).sort(([a], [b]) => (a < b ? -1 : 1)));

/** Split a shell command line on spaces, dropping `npm run simulate --` and any `| grep …` filter. */
function argvOf(command: string): { argv: string[]; grep?: RegExp } {
  const [cmd, filter] = command.split(" | ");
  const argv = cmd.split(" ").slice(4);
  const m = filter?.match(/^grep -E '(.*)'$/);
  return { argv, grep: m ? new RegExp(m[1]) : undefined };
}

describe("runReproductions", () => {
  it("runs the six results the page must show, at least", () => {
    const ids = all().map((r) => r.id);
    for (const id of ["gans-2024", "yang-zhang-2024", "peukert-2025", "zhu-2026", "bartz-2025", "brynjolfsson-2026"]) expect(ids).toContain(id);
  }, 120_000);

  it("gives each result the verdict its tests imply, and each test the verdict its thresholds imply", () => {
    for (const r of all()) {
      expect(r.verdict, r.id).toBe(overallVerdict(r.tests));
      expect(r.reason.startsWith(r.counts), r.id).toBe(true);
      expect(r.counts, r.id).toContain(`${r.tests.filter((t) => t.verdict === "reproduced").length} of ${r.tests.length} test`);
      for (const t of r.tests) expect(r.reason, `${r.id} ${t.id}`).toContain(`${formatStatistic(t.value, t.format)}, ${VERDICT_TEXT[t.verdict].toLowerCase()}`);
      const defs = reps.find((d) => d.id === r.id)!.tests;
      for (const t of r.tests) {
        expect(Number.isFinite(t.value), `${r.id} ${t.id}`).toBe(true);
        expect(judgeTest(defs.find((d) => d.id === t.id)!, t.value).verdict, `${r.id} ${t.id}`).toBe(t.verdict);
        expect(t.reason, `${r.id} ${t.id}`).toContain(formatStatistic(t.value, t.format));
        expect(t.reason, `${r.id} ${t.id}`).toContain(VERDICT_TEXT[t.verdict].toLowerCase());
      }
    }
  });

  it("cites only sources in the bibliography", () => {
    for (const r of all()) for (const s of r.sources) expect(registry.sourcesById.has(s), `${r.id}: ${s}`).toBe(true);
  });

  it("writes simulate commands that parse and ask for the same regimes, settings and seeds as the runs", () => {
    for (const r of all()) {
      const covered = new Set<string>();
      for (const c of r.commands) {
        const { argv } = argvOf(c);
        const p = parseArgs(argv, registry, (f) => readFileSync(join(ROOT, f), "utf8"));
        expect(p.ok, `${r.id}: ${c}: ${p.ok ? "" : p.problems.join("; ")}`).toBe(true);
        if (!p.ok || p.request.kind !== "run") continue;
        expect(p.request.seeds).toEqual(r.seeds);
        expect(p.request.summary).toBe(true);
        for (const run of r.runs.filter((x) => p.request.kind === "run" && p.request.regimes.includes(x.regime) && canon(x.settings) === canon(p.request.settings))) covered.add(run.id);
      }
      expect([...covered].sort(), r.id).toEqual(r.runs.map((x) => x.id).sort());
    }
  });

  it("prints, with the command of the consumer-surplus result, the medians the page shows", () => {
    const r = all().find((x) => x.id === "brynjolfsson-2026")!;
    const { argv, grep } = argvOf(r.commands[0]);
    const out = spawnSync(join(ROOT, "node_modules", ".bin", "tsx"), ["cli/simulate.ts", ...argv], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 26 });
    expect(out.status, out.stderr).toBe(0);
    const lines = out.stdout.trim().split("\n").filter((l) => grep!.test(l));
    expect(lines.length).toBe(r.measures.length);
    for (const m of r.measures) {
      const line = lines.find((l) => l.includes(`,${m.year},${m.metric},${m.group ?? ""},`))!;
      expect(line.split(",")[9], m.metric).toBe(formatValue(m.value));
    }
  }, 120_000);
});

describe("summaryReader", () => {
  it("gives, from simulate-style quantile summaries (what the page's browser re-run reads), the values and verdicts of the build", () => {
    for (const rep of reps.filter((r) => ["zhu-2026", "brynjolfsson-2026"].includes(r.id))) {
      const built = all().find((r) => r.id === rep.id)!;
      const summaries = new Map(built.runs.map((run) => [run.id, summarizeRuns(runEnsemble([run.regime], run.settings, built.seeds), "evidence")]));
      const again = judgeTests(rep, built.runs, summaryReader(summaries));
      expect(again.verdict, rep.id).toBe(built.verdict);
      expect(again.tests.map((t) => t.value), rep.id).toEqual(built.tests.map((t) => t.value));
    }
  });
});

describe("judgeTest", () => {
  const test: ReproductionTest = { id: "t", label: "A statistic for a test", statistic: { const: 0 }, format: "ratio", reproduced: [{ op: ">=", value: 10 }, { op: "<=", value: 16 }], partly: [{ op: ">=", value: 6 }] };
  it("is reproduced inside every reproduced threshold, partly inside the partly ones, not otherwise", () => {
    expect(judgeTest(test, 12).verdict).toBe("reproduced");
    expect(judgeTest(test, 16).verdict).toBe("reproduced");
    expect(judgeTest(test, 17).verdict).toBe("partly");
    expect(judgeTest(test, 4.4).verdict).toBe("not");
    expect(judgeTest(test, 4.4).reason).toBe("A statistic for a test: 4.40× (reproduced if at least 10.0× and at most 16.0×, partly if at least 6.00×): not reproduced.");
  });
});

describe("overallVerdict", () => {
  it("is reproduced only if every test is, not only if every test is not, partly otherwise", () => {
    expect(overallVerdict([{ verdict: "reproduced" }, { verdict: "reproduced" }])).toBe("reproduced");
    expect(overallVerdict([{ verdict: "reproduced" }, { verdict: "not" }])).toBe("partly");
    expect(overallVerdict([{ verdict: "partly" }, { verdict: "partly" }])).toBe("partly");
    expect(overallVerdict([{ verdict: "not" }, { verdict: "not" }])).toBe("not");
  });
});

describe("evaluate", () => {
  it("does the arithmetic of ratio, diff, rel and complement (hand-worked: (1 − 0.2) ÷ (1 − 0.5) − 1 = 0.6)", () => {
    const ctx = { runs: new Map(), read: () => ({ year: 2025, value: 0 }), measures: [] };
    expect(evaluate({ rel: [{ complement: { const: 0.2 } }, { complement: { const: 0.5 } }] }, ctx)).toBeCloseTo(0.6, 12);
    expect(evaluate({ diff: [{ ratio: [{ const: 3 }, { const: 4 }] }, { const: 0.25 }] }, ctx)).toBeCloseTo(0.5, 12);
  });
});

describe("parseChecks (reproductions.yaml)", () => {
  const files = readTree("data/checks");
  const problems = (text: string) => {
    try {
      parseChecks({ ...files, "data/checks/reproductions.yaml": text });
    } catch (e) {
      if (e instanceof RegistryError) return e.problems.join("\n");
      throw e;
    }
    return "";
  };
  const rep = (runs: string, stat: string) => `- { id: x, title: A title, claim: "A claim of twenty characters", sources: [gans-2024], design: "A design of twenty characters", seeds: "1..2", runs: { ${runs} }, tests: [{ id: t, label: "A test label", statistic: ${stat}, format: ratio, reproduced: [{ op: ">", value: 1 }] }] }`;
  it("rejects a test reading an undeclared run, an unknown metric or regime, and a mistyped key, naming the file", () => {
    expect(problems(rep("a: { regime: fair-use, label: run a }", "{ run: b, metric: ai_revenue, year: 2025 }"))).toMatch(/reproductions\.yaml.*run "b" is not declared/s);
    expect(problems(rep("a: { regime: fair-use, label: run a }", "{ run: a, metric: ai_revenu, year: 2025 }"))).toMatch(/reproductions\.yaml/);
    expect(problems(rep("a: { regime: fair-usee, label: run a }", "{ run: a, metric: ai_revenue, year: 2025 }"))).toMatch(/reproductions\.yaml.*regime/s);
    expect(problems(rep("a: { regime: fair-use, label: run a, setings: {} }", "{ run: a, metric: ai_revenue, year: 2025 }"))).toMatch(/setings/);
  });
});
