/**
 * The numbers of the /evidence/ page, computed once per build from the model: every reproduction in
 * `data/checks/reproductions.yaml` is run and judged by `models/validation/reproductions.ts`. Nothing
 * here is written by hand; the page ships no JS. Also the geometry of a test's figure (a number line
 * with the reproduced and partly bands), kept here so the component only draws.
 */
import { parseChecks, type Registry } from "../../../models/index";
import { runReproductions, type ReproductionResult, type TestResult } from "../../../models/validation/reproductions";
import type { Reproduction, Threshold } from "../../../models/checks/reproduction-schema";

let definitions: Reproduction[] | undefined;
let cache: ReproductionResult[] | undefined;

/** The reproductions as declared (validated with the other check files). */
export function evidenceDefinitions(): Reproduction[] {
  definitions ??= parseChecks(import.meta.glob("/data/checks/*.yaml", { query: "?raw", import: "default", eager: true }) as Record<string, string>).reproductions;
  return definitions;
}

/** Run every reproduction (once per build). */
export function evidenceData(registry: Registry): ReproductionResult[] {
  cache ??= runReproductions(registry, evidenceDefinitions());
  return cache;
}

/** What the page's browser re-run needs: the tests as declared, the resolved runs, the seeds and the build's values. */
export interface RerunConfig {
  id: string;
  tests: Reproduction["tests"];
  runs: { id: string; regime: string; settings: Record<string, number> }[];
  seeds: number[];
  built: { verdict: string; values: Record<string, number> };
}

/** The re-run config of one reproduction. */
export function rerunConfig(r: ReproductionResult): RerunConfig {
  const def = evidenceDefinitions().find((d) => d.id === r.id)!;
  return {
    id: r.id, tests: def.tests, seeds: r.seeds,
    runs: r.runs.map((x) => ({ id: x.id, regime: x.regime, settings: x.settings })),
    built: { verdict: r.verdict, values: Object.fromEntries(r.tests.map((t) => [t.id, t.value])) },
  };
}

/** The interval where every threshold holds (open ends as ±Infinity). */
export function band(ts: readonly Threshold[]): [number, number] {
  let lo = -Infinity, hi = Infinity;
  for (const t of ts) {
    if (t.op === ">=" || t.op === ">") lo = Math.max(lo, t.value);
    else hi = Math.min(hi, t.value);
  }
  return [lo, hi];
}

/** The axis of a test's figure: the value and every finite threshold, padded by a tenth on each side. */
export function stripDomain(test: TestResult): [number, number] {
  const xs = [test.value, ...test.reproduced.map((t) => t.value), ...(test.partly ?? []).map((t) => t.value)].filter(Number.isFinite);
  let lo = Math.min(...xs), hi = Math.max(...xs);
  if (hi - lo < 1e-12) {
    const d = Math.abs(hi) > 0 ? Math.abs(hi) * 0.5 : 1;
    lo -= d;
    hi += d;
  }
  const pad = (hi - lo) * 0.15;
  return [lo - pad, hi + pad];
}
