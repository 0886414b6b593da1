/**
 * Schemas for the model checks declared as data in `data/checks/*.yaml` (SDEverywhere-style checks):
 * cross-regime behaviour checks, calibration targets and declared parameter sweeps. Strict: a mistyped
 * key, an unknown regime, metric or operator is an error naming the file.
 */
import { z } from "zod";
import { METRIC_NAMES } from "../results/metrics";
import { REGIME_IDS } from "../regimes/index";
import { ReproductionsFile } from "./reproduction-schema";

const Regime = z.enum(REGIME_IDS);
const Metric = z.enum(METRIC_NAMES as [string, ...string[]]);
const Settings = z.record(z.string(), z.number());

/** One run of a check: a regime with parameter overrides on top of the defaults (small sizes for speed). */
export const CheckRun = z.object({ regime: Regime, settings: Settings.optional(), metric: Metric.optional() }).strict();
export type CheckRun = z.infer<typeof CheckRun>;

/** "~=": equal up to rounding (relative difference ≤ 1e-12), for runs that compute the same sums in a different order. */
export const Operator = z.enum(["==", "~=", ">=", "<=", ">", "<"]);
export type Operator = z.infer<typeof Operator>;

/**
 * `all`: every seed and year of `metric` under `run` satisfies `op` against `value`.
 * `compare`: the median across seeds of `metric` in the final year under run `a` is `op` that under run `b`.
 */
export const CrossRegimeCheck = z.discriminatedUnion("kind", [
  z.object({ name: z.string().min(5), kind: z.literal("all"), run: CheckRun, metric: Metric, op: Operator, value: z.number() }).strict(),
  z.object({ name: z.string().min(5), kind: z.literal("compare"), a: CheckRun, b: CheckRun, metric: Metric, op: Operator }).strict(),
]);
export type CrossRegimeCheck = z.infer<typeof CrossRegimeCheck>;

/** A calibration target: what the model's value is compared with, and where the target comes from. */
export const CalibrationTarget = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  label: z.string().min(5),
  format: z.enum(["usd", "share", "ratio", "count"]),
  target: z.object({ min: z.number(), max: z.number(), text: z.string().min(1) }).strict(),
  sources: z.array(z.string().min(1)).min(1),
  /** "in": an input was set from this fact (the check restates a calibration); "out": no input was set from it (a test of the model). */
  sample: z.enum(["in", "out"]),
  /** A known miss: the model is outside the target for the stated reason (the test then expects the miss, so a fix is noticed). */
  miss: z.string().min(10).optional(),
}).strict().refine((c) => c.target.min <= c.target.max, { message: "target.min is above target.max" });
export type CalibrationTarget = z.infer<typeof CalibrationTarget>;

/**
 * A declared sweep: every listed parameter (or `all`) set to each of `values` (`min`, `max`,
 * `default` or a number) in turn, on top of the defaults and `settings`, with `caps` bounding size
 * parameters; run for `regimes` (or `all`) and `seeds`. Tests say what must hold at each point.
 */
export const Sweep = z.object({
  name: z.string().regex(/^[a-z0-9-]+$/),
  description: z.string().min(10),
  parameters: z.union([z.literal("all"), z.array(z.string()).min(1)]),
  except: z.array(z.string()).default([]),
  values: z.array(z.union([z.enum(["min", "max", "default"]), z.number()])).min(1),
  settings: Settings.default({}),
  caps: Settings.default({}),
  regimes: z.union([z.literal("all"), z.array(Regime).min(1)]),
  seeds: z.array(z.number().int().nonnegative()).min(1),
}).strict();
export type Sweep = z.infer<typeof Sweep>;

/** What each file of `data/checks/` holds. */
export const CHECK_FILES = {
  "cross-regime": z.array(CrossRegimeCheck),
  calibration: z.array(CalibrationTarget),
  sweeps: z.array(Sweep),
  reproductions: ReproductionsFile,
} as const;
