/**
 * The four-line comparison (issue 12 item 5): when assumptions (parameters outside the policy group)
 * differ from their defaults, the result is shown for the four corners of policy × assumptions —
 * default assumptions at the baseline policy (D), changed assumptions at the baseline policy (A),
 * default assumptions with the changed policy (P) and both changed (B) — and the change B − D is split
 * into a policy part (P − D), an assumptions part (A − D) and what is left, their interaction
 * (B − A − P + D). Pure; the explorer's view runs the two extra corners and draws them.
 */
import type { Registry } from "../../models/params/registry";
import type { SummaryRow } from "../../models/results/types";
import { displayUnit } from "./charts/units";

export type Corner = "D" | "A" | "P" | "B";
export const CORNER_LABELS: Record<Corner, string> = {
  D: "default assumptions, baseline policy",
  A: "changed assumptions, baseline policy",
  P: "default assumptions, changed policy",
  B: "changed assumptions and policy",
};

/** The settings of the four corners; undefined when no assumption differs from its default. */
export function corners(registry: Registry, settings: Readonly<Record<string, number>>): Record<Corner, Record<string, number>> | undefined {
  const D: Record<string, number> = {}, A: Record<string, number> = {}, P: Record<string, number> = {};
  let assumptions = 0;
  for (const p of registry.parameters) {
    const v = settings[p.id] ?? p.default;
    const run = p.group === "simulation";
    D[p.id] = run ? v : p.default;
    A[p.id] = run || p.group !== "policy" ? v : p.default;
    P[p.id] = run || p.group === "policy" ? v : p.default;
    if (p.group !== "policy" && !run && v !== p.default) assumptions++;
  }
  return assumptions ? { D, A, P, B: { ...settings } } : undefined;
}

const median = (rows: readonly SummaryRow[], regime: string, metric: string, year: number) =>
  rows.find((r) => r.regime === regime && r.metric === metric && r.year === year && r.group === undefined)?.q50;

/**
 * The decomposition in words, for one regime, metric and year (medians across seeds).
 * @example decompositionText({ D: 1e9, A: 2e9, P: 3e9, B: 4.5e9 }, "Creator AI income", "compulsory licence", 2035)
 * // => "Under compulsory licence, Creator AI income in 2035 changes by $3.5 bn (median across seeds): $2 bn from the policy, $1 bn from the assumptions and $0.5 bn from the two together."
 */
export function decompositionText(v: Record<Corner, number>, metricLabel: string, metric: string, regimeLabel: string, year: number): string {
  const u = displayUnit(metric);
  const f = (x: number) => u.format(x * u.scale);
  const total = v.B - v.D, policy = v.P - v.D, assumptions = v.A - v.D, both = total - policy - assumptions;
  return `Under ${regimeLabel}, ${metricLabel} in ${year} changes by ${f(total)} (median across seeds): ${f(policy)} from the policy, ${f(assumptions)} from the assumptions and ${f(both)} from the two together.`;
}

/** The four medians of one regime, metric and year, or undefined while a corner is missing. */
export function cornerValues(s: Record<Corner, readonly SummaryRow[]>, regime: string, metric: string, year: number): Record<Corner, number> | undefined {
  const out = {} as Record<Corner, number>;
  for (const c of ["D", "A", "P", "B"] as Corner[]) {
    const m = median(s[c], regime, metric, year);
    if (m === undefined) return undefined;
    out[c] = m;
  }
  return out;
}

/** One corner's value in one year for drawing: median and 90% band, in display units. */
export interface CornerPoint { regime: string; corner: Corner; year: number; q05: number; q50: number; q95: number }

/**
 * The points of the four corners for some regimes and one metric (in display units, `displayUnit`), one per
 * corner, regime and year: what the four-line chart draws (median lines and their 90% bands across seeds).
 * @example cornerPoints({ D: rowsD, A: rowsA, P: rowsP, B: rowsB }, ["compulsory"], "creator_ai_revenue").length // => 4 × years
 */
export function cornerPoints(s: Record<Corner, readonly SummaryRow[]>, regimes: readonly string[], metric: string): CornerPoint[] {
  const scale = displayUnit(metric).scale;
  const out: CornerPoint[] = [];
  for (const regime of regimes)
    for (const corner of ["D", "A", "P", "B"] as Corner[])
      for (const r of s[corner])
        if (r.regime === regime && r.metric === metric && r.group === undefined)
          out.push({ regime, corner, year: r.year, q05: r.q05 * scale, q50: r.q50 * scale, q95: r.q95 * scale });
  return out;
}
