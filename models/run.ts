/**
 * Running the model: one regime and seed (`runModel`), or every regime over a list of seeds with the
 * same initial populations per seed (`runEnsemble`: common random numbers, and the initial draws are
 * made once per seed rather than once per regime).
 */
import { cloneCreators, initCreators, type Creators } from "./economy/creators";
import { cloneDevelopers, initDevelopers, type Developers } from "./economy/developers";
import { readModelParams, type ModelParams } from "./economy/params";
import { paramReads, readIds, readTrackedParams, type ParamReads } from "./economy/param-reads";
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

/** A seed's initial populations, the parameters their draw read (`reads`) and the values it read (`ids`, `values`). */
export interface DrawnPopulations {
  init: Initial;
  reads: ParamReads;
  ids: readonly string[];
  values: readonly number[];
}

/**
 * Draw a seed's initial populations from complete settings, recording every parameter the draw reads
 * (economy/param-reads.ts). Lets a worker reuse a seed's populations across slider moves of levers that
 * only act later (the royalty rate, detection, …) without a hand-kept list of the parameters they depend on.
 */
export function drawPopulations(settings: Readonly<Record<string, number>>, seed: number): DrawnPopulations {
  const reads = paramReads();
  const init = initialPopulations(readTrackedParams(settings, reads), seed);
  const ids = readIds(reads);
  return { init, reads, ids, values: ids.map((id) => settings[id]) };
}

/**
 * Whether `drawn` are the populations `settings` would draw for `seed`: the same seed, and every parameter
 * the draw read has the value it had (the draw reads nothing else, so it would give the same bits).
 * @example populationsMatch(drawPopulations(s, 1), { ...s, "compulsory.royalty_rate": 0.1 }, 1) // => true
 */
export function populationsMatch(drawn: DrawnPopulations, settings: Readonly<Record<string, number>>, seed: number): boolean {
  if (drawn.init.seed !== seed) return false;
  for (let k = 0; k < drawn.ids.length; k++) if (settings[drawn.ids[k]] !== drawn.values[k]) return false;
  return true;
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
