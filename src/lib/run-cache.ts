/**
 * Runs the page already has, reused when new settings differ only in parameters the run never read.
 * A run's output depends only on its regime, its seed and the values of the parameters it read (the
 * worker tracks them: models/economy/param-reads.ts, `RunDeps`), so a run is reused, byte for byte, for
 * any settings that give those parameters the same values and ask for no series it lacks. Moving the
 * statutory royalty rate, for example, reruns the regimes that read it and reuses the others.
 * Settings that leave out a parameter the run read are not matched (the page does not know the
 * worker's defaults), so partial settings always run.
 *
 * Not responsible for running or summarising (sim-pool.ts, sim-client.ts).
 */
import type { RunOutput } from "../../models/results/types";
import type { RunDeps } from "./sim-protocol";

/**
 * `missAt`: where in `deps` the last settings that did not match this run differed (-1: none yet). It is
 * compared first: after a slider move every kept run of the old settings differs in the same parameter, and
 * each (regime, seed) is looked up about twice per move for each of up to a hundred runs. Most of what is
 * left of the lookups' cost (about 2 ms of main thread per move, in a CPU profile of the explorer) is the
 * full scans of the runs that do match (the comparison's and four-line view's runs at the defaults).
 */
interface Entry { deps: RunDeps; keys: ReadonlySet<string> | null; run: RunOutput; missAt: number }

/** Runs kept per regime and seed (the most recently kept or reused first), and (regime, seed) pairs kept in all. */
const PER_RUN = 4;
const RUNS = 400;

/**
 * Whether `settings` give every parameter in `deps` the value the run read.
 * @example depsMatch({ ids: ["a"], values: [1] }, { a: 1, b: 2 }) // => true
 */
export function depsMatch(deps: RunDeps, settings: Readonly<Record<string, number>>): boolean {
  return firstMismatch(deps, settings) < 0;
}

/** The index of the first parameter in `deps` that `settings` give another value, or -1. */
function firstMismatch(deps: RunDeps, settings: Readonly<Record<string, number>>): number {
  for (let k = 0; k < deps.ids.length; k++) if (settings[deps.ids[k]] !== deps.values[k]) return k;
  return -1;
}

/** `depsMatch` for a kept run, trying first where it last differed (`Entry.missAt`): the same answer, sooner. */
function entryMatches(e: Entry, settings: Readonly<Record<string, number>>): boolean {
  const { ids, values } = e.deps;
  if (e.missAt >= 0 && settings[ids[e.missAt]] !== values[e.missAt]) return false;
  const k = firstMismatch(e.deps, settings);
  if (k >= 0) e.missAt = k;
  return k < 0;
}

export class RunCache {
  private byRun = new Map<string, Entry[]>();

  /** A kept run of `regime` and `seed` valid for `settings` with every series of `keys` (absent: all), or undefined. */
  get(regime: string, seed: number, settings: Readonly<Record<string, number>>, keys?: readonly string[]): RunOutput | undefined {
    const id = `${regime}|${seed}`;
    const entries = this.byRun.get(id);
    if (!entries) return undefined;
    for (let j = 0; j < entries.length; j++) {
      const e = entries[j];
      if (keys ? e.keys && !keys.every((k) => e.keys!.has(k)) : e.keys) continue;
      if (!entryMatches(e, settings)) continue;
      // Least recently used goes first: a run asked for again (the defaults the comparison pairs with,
      // say) moves to the front of its (regime, seed) and of the cache.
      entries.splice(j, 1);
      entries.unshift(e);
      this.byRun.delete(id);
      this.byRun.set(id, entries);
      const series: Record<string, Float64Array> = {};
      for (const k of keys ?? Object.keys(e.run.series)) if (Object.hasOwn(e.run.series, k)) series[k] = e.run.series[k];
      return { ...e.run, series };
    }
    return undefined;
  }

  /** Keep a finished run (asked with `keys`, absent: all series) and the parameters it read. Its series must not be changed later. */
  put(run: RunOutput, deps: RunDeps, keys?: readonly string[]): void {
    const id = `${run.regime}|${run.seed}`;
    const entries = this.byRun.get(id) ?? [];
    this.byRun.delete(id);
    entries.unshift({ deps, keys: keys ? new Set(keys) : null, run, missAt: -1 });
    if (entries.length > PER_RUN) entries.pop();
    this.byRun.set(id, entries);
    if (this.byRun.size > RUNS) this.byRun.delete(this.byRun.keys().next().value as string);
  }
}
