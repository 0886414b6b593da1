/**
 * The run loop over years: one regime, one seed. Each year runs the steps of `STEPS` in order (see
 * `steps/index.ts` for the order of events; each step's file says what it does and where its numbers
 * come from).
 *
 * Random streams (common random numbers across regimes): `creators` and `developers` (initial draws),
 * `registration` and `churn` (one draw per creator per year, always consumed where used; the churn draws
 * of all years are drawn once per seed with the initial creators and shared by the regimes, `Creators.churn`),
 * `litigation` (a detection draw, a damages shock and an injunction draw per developer slot per year), `entry` (two
 * draws per entry attempt per year).
 */
import type { RunOutput } from "../results/types";
import type { Creators } from "./creators";
import type { Developers } from "./developers";
import type { ModelParams } from "./params";
import type { RegimeRules } from "./rules";
import { STEPS } from "./steps/index";
import { createWorld } from "./world-state";

/** What a run may leave out. */
export interface RunOptions {
  /** false: skip the creators' decile sums and Gini bins (their series stay zero; see `CreatorPass.breakdowns`). */
  breakdowns?: boolean;
}

/**
 * Run one regime for one seed over the configured years, mutating the given populations (pass copies).
 * Pure apart from those arguments: same inputs, same output, in any JavaScript engine.
 */
export function runWorld(p: ModelParams, rules: RegimeRules, regimeId: string, seed: number, cr: Creators, dev: Developers, opts: RunOptions = {}): RunOutput {
  const w = createWorld(p, rules, regimeId, seed, cr, dev);
  w.pass.breakdowns = opts.breakdowns ?? true;
  for (const step of STEPS) step.init?.(w);
  for (let t = 0; t < w.years; t++) {
    w.t = t;
    for (const step of STEPS) step.run(w);
  }
  return { regime: regimeId, seed, startYear: p.sim.startYear, years: w.years, series: w.series };
}
