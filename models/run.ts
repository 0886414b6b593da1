/**
 * Running the model: one regime and seed (`runModel`), or every regime over a list of seeds with the
 * same initial populations per seed (`runEnsemble`: common random numbers, and the initial draws are
 * made once per seed rather than once per regime).
 */
import { cloneCreators, initCreators, type Creators } from "./economy/creators";
import { cloneDevelopers, initDevelopers, type Developers } from "./economy/developers";
import { readModelParams, type ModelParams } from "./economy/params";
import { readTrackedParams, type ParamReads } from "./economy/param-reads";
import { runWorld } from "./economy/world";
import { REGIME_BY_ID } from "./regimes/index";
import { BREAKDOWN_KEYS } from "./results/metric-keys";
import type { RunOutput } from "./results/types";

export interface RunInput {
  regime: string;
  /** A complete parameter assignment (every id); see `resolveSettings`. */
  params: Readonly<Record<string, number>>;
  seed: number;
  /**
   * Series keys wanted ("metric" or "metric|group", `SERIES_KEYS`); the output has only these, in this
   * order (unknown keys are left out). The creators' decile sums and Gini bins are computed only when one
   * of them needs them (`needsBreakdowns`); every series returned is byte-identical to a full run's.
   * Absent: every series.
   */
  keys?: readonly string[];
}

/** The initial creators and developers for a seed (shared by all regimes). */
export interface Initial {
  seed: number;
  creators: Creators;
  developers: Developers;
}

export function initialPopulations(p: ModelParams, seed: number): Initial {
  return { seed, creators: initCreators(p, seed), developers: initDevelopers(p, seed) };
}

/**
 * A key that changes whenever the initial populations for a seed would change: the parameters that
 * `initCreators` and `initDevelopers` read (a test moves every parameter and checks that the key moves
 * whenever the populations do). Lets a worker reuse a seed's populations across slider moves of levers
 * that only act later (the royalty rate, detection, …).
 */
export function initialPopulationsKey(params: Readonly<Record<string, number>>): string {
  const p = readModelParams(params);
  const parts: number[] = [
    p.sim.creators, p.sim.developers, p.sim.years,
    p.creators.reserveShare, p.creators.qualityIncomeCorrelation,
    p.optout.qualityGradient, p.optout.adoption, p.licensing.longtailLicensability, p.collective.initialMatchRate,
    p.developers.entryAttempts, p.developers.frontierShare, p.developers.midShare, p.developers.frontierScale,
    p.developers.midScale, p.developers.smallScale, p.developers.frontierMargin, p.developers.midMargin,
    p.developers.smallMargin, p.developers.costDispersion, p.sim.priceIterations,
    p.demand.users2025, p.demand.casualShare, p.demand.powerShare, p.demand.casualPriceScale, p.demand.regularPriceScale,
    p.demand.powerPriceScale, p.demand.qualityUtility, p.demand.baseUtility, p.demand.inferenceCost2025,
    p.demand.freeTierQuality, p.demand.freeCostShare, p.demand.casualUsage, p.demand.powerUsage,
  ];
  for (const sec of p.sectors) parts.push(sec.population, sec.medianIncome, sec.incomeDispersion, sec.worksPerCreator, sec.intermediatedShare, sec.optoutPropensity);
  return parts.join(",");
}

function regimeOf(id: string) {
  const r = REGIME_BY_ID.get(id);
  if (!r) throw new Error(`unknown regime "${id}"`);
  return r;
}

/**
 * Run one regime for one seed. With `reads`, every parameter the run reads is marked there (the initial
 * populations' parameters too when they are drawn here, not when `initial` is given; see
 * economy/param-reads.ts): the output depends only on the seed and those parameters' values.
 * @example runModel({ regime: "compulsory", params: defaults, seed: 1 }).series.royalties_paid[0] // => USD in 2025
 */
export function runModel(input: RunInput, initial?: Initial, reads?: ParamReads): RunOutput {
  const regime = regimeOf(input.regime);
  const merged = { ...input.params, ...regime.overrides };
  const p = reads ? readTrackedParams(merged, reads) : readModelParams(merged);
  const init = initial && initial.seed === input.seed ? initial : initialPopulations(p, input.seed);
  const { keys } = input;
  const out = runWorld(p, regime.rules, regime.id, input.seed, cloneCreators(init.creators), cloneDevelopers(init.developers), { breakdowns: needsBreakdowns(keys) });
  if (keys) out.series = pickKeys(out.series, keys);
  return out;
}

/**
 * Whether any of `keys` (absent: every series) reads the creators' decile sums or Gini bins.
 * @example needsBreakdowns(["creator_revenue", "creator_revenue|books"]) // => false
 * @example needsBreakdowns(["creator_revenue|d01"]) // => true
 */
export function needsBreakdowns(keys: readonly string[] | undefined): boolean {
  return !keys || keys.some((k) => BREAKDOWN_KEYS.has(k));
}

/** The series of a run named by `keys`, in that order (keys the run does not have are left out). */
function pickKeys(series: Record<string, Float64Array>, keys: readonly string[]): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  for (const k of keys) if (Object.hasOwn(series, k)) out[k] = series[k];
  return out;
}

/**
 * Run every listed regime for every seed. Output order: seed-major, then regimes in the order given.
 * Regimes with parameter overrides get their own initial populations (their parameters differ).
 * `keys`: only these series (as `RunInput.keys`).
 */
export function runEnsemble(regimes: readonly string[], params: Readonly<Record<string, number>>, seeds: readonly number[], keys?: readonly string[]): RunOutput[] {
  const out: RunOutput[] = [];
  const p = readModelParams(params);
  for (const seed of seeds) {
    const init = initialPopulations(p, seed);
    for (const id of regimes) {
      const regime = regimeOf(id);
      out.push(Object.keys(regime.overrides).length ? runModel({ regime: id, params, seed, keys }) : runModel({ regime: id, params, seed, keys }, init));
    }
  }
  return out;
}
