/**
 * Schema of `data/checks/reproductions.yaml`: published results the model is asked to reproduce. Each
 * reproduction names the paper's claim and its sources, the runs that test it (a regime, an optional
 * scenario and parameter overrides, on top of the defaults), and one or more tests. A test is a statistic
 * (an arithmetic expression over run outputs and parameter values) with the thresholds for "reproduced"
 * and, optionally, "partly". Nothing here is a result: the numbers and verdicts are computed by
 * `models/validation/reproductions.ts` every time. Strict: a mistyped key, an unknown regime or metric,
 * or a run that is not declared is an error naming the file.
 */
import { z } from "zod";
import { METRIC_NAMES } from "../results/metrics";
import { REGIME_IDS } from "../regimes/index";

const Metric = z.enum(METRIC_NAMES as [string, ...string[]]);
const Id = z.string().regex(/^[a-z0-9-]+$/, "lower-case letters, digits and hyphens");

/**
 * A value read from one declared run: `metric` (optionally one `group`, e.g. a sector) in `year`
 * (a calendar year, `first` or `last`), aggregated across seeds by `across` (the median, the `q50`
 * column of `simulate --summary`, or the mean, its `mean` column).
 */
export const Measure = z.object({
  run: Id,
  metric: Metric,
  group: z.string().min(1).optional(),
  year: z.union([z.number().int(), z.enum(["first", "last"])]),
  across: z.enum(["median", "mean"]).default("median"),
}).strict();
export type Measure = z.infer<typeof Measure>;

/** A parameter's value in a run (after the defaults, the scenario and the overrides). */
export const ParamTerm = z.object({ param: z.string().min(3), run: Id }).strict();

/**
 * A statistic: a measure, a parameter value, a constant, or `ratio` a ÷ b, `diff` a − b,
 * `rel` a ÷ b − 1 (relative difference), `complement` 1 − a.
 */
export type Expr =
  | Measure
  | z.infer<typeof ParamTerm>
  | { const: number }
  | { ratio: [Expr, Expr] }
  | { diff: [Expr, Expr] }
  | { rel: [Expr, Expr] }
  | { complement: Expr };
export const Expr: z.ZodType<Expr, z.ZodTypeDef, unknown> = z.lazy(() => z.union([
  Measure,
  ParamTerm,
  z.object({ const: z.number() }).strict(),
  z.object({ ratio: z.tuple([Expr, Expr]) }).strict(),
  z.object({ diff: z.tuple([Expr, Expr]) }).strict(),
  z.object({ rel: z.tuple([Expr, Expr]) }).strict(),
  z.object({ complement: Expr }).strict(),
]));

export const Threshold = z.object({ op: z.enum([">=", "<=", ">", "<"]), value: z.number() }).strict();
export type Threshold = z.infer<typeof Threshold>;

/** One test: the statistic, how to show it, and the thresholds (a range: both `min` and `max` bounds). */
export const ReproductionTest = z.object({
  id: Id,
  /** What the test asks, in words (a statement that is true when the paper's result holds). */
  label: z.string().min(10),
  statistic: Expr,
  format: z.enum(["percent", "ratio", "usd", "share", "number"]),
  /** Reproduced when every threshold holds. */
  reproduced: z.array(Threshold).min(1),
  /** Partly reproduced when every one of these holds (and not all of `reproduced`). */
  partly: z.array(Threshold).min(1).optional(),
}).strict();
export type ReproductionTest = z.infer<typeof ReproductionTest>;

export const ReproductionRun = z.object({
  regime: z.enum(REGIME_IDS),
  scenario: Id.optional(),
  settings: z.record(z.string(), z.number()).default({}),
  /** A short label for tables and figures. */
  label: z.string().min(3),
}).strict();
export type ReproductionRun = z.infer<typeof ReproductionRun>;

export const Reproduction = z.object({
  id: Id,
  title: z.string().min(5),
  /** The paper's claim, in its own terms. */
  claim: z.string().min(20),
  sources: z.array(z.string().min(1)).min(1),
  /** How the model tests the claim: which runs stand for which side of it, and why. */
  design: z.string().min(20),
  /** Inputs set from this same paper or case (so the test is partly in-sample), with the parameter ids. */
  fitted: z.string().min(10).optional(),
  seeds: z.string().min(1),
  /** Overrides shared by every run (e.g. sizes), under each run's own. */
  settings: z.record(z.string(), z.number()).default({}),
  runs: z.record(Id, ReproductionRun),
  tests: z.array(ReproductionTest).min(1),
}).strict();
export type Reproduction = z.infer<typeof Reproduction>;

/** The runs a statistic reads. */
export function exprRuns(e: Expr): string[] {
  if ("run" in e) return [e.run];
  if ("const" in e) return [];
  if ("complement" in e) return exprRuns(e.complement);
  const [a, b] = "ratio" in e ? e.ratio : "diff" in e ? e.diff : e.rel;
  return [...exprRuns(a), ...exprRuns(b)];
}

/** The whole file: ids unique, every run a test reads declared, every declared run read. */
export const ReproductionsFile = z.array(Reproduction).superRefine((list, ctx) => {
  const ids = list.map((r) => r.id);
  if (new Set(ids).size !== ids.length) ctx.addIssue({ code: z.ZodIssueCode.custom, message: "duplicate reproduction ids" });
  list.forEach((r, i) => {
    const read = new Set(r.tests.flatMap((t) => exprRuns(t.statistic)));
    for (const run of read) if (!(run in r.runs)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [i, "tests"], message: `${r.id}: run "${run}" is not declared (declared: ${Object.keys(r.runs).join(", ")})` });
    for (const run of Object.keys(r.runs)) if (!read.has(run)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [i, "runs", run], message: `${r.id}: run "${run}" is declared but no test reads it` });
  });
});
