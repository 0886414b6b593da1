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

interface Entry { deps: RunDeps; keys: ReadonlySet<string> | null; run: RunOutput }

/** Runs kept per regime and seed (the most recently kept or reused first), and (regime, seed) pairs kept in all. */
const PER_RUN = 4;
const RUNS = 400;

/**
 * Whether `settings` give every parameter in `deps` the value the run read.
 * @example depsMatch({ ids: ["a"], values: [1] }, { a: 1, b: 2 }) // => true
 */
export function depsMatch(deps: RunDeps, settings: Readonly<Record<string, number>>): boolean {
  for (let k = 0; k < deps.ids.length; k++) if (settings[deps.ids[k]] !== deps.values[k]) return false;
  return true;
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
      if (!depsMatch(e.deps, settings)) continue;
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
    entries.unshift({ deps, keys: keys ? new Set(keys) : null, run });
    if (entries.length > PER_RUN) entries.pop();
    this.byRun.set(id, entries);
    if (this.byRun.size > RUNS) this.byRun.delete(this.byRun.keys().next().value as string);
  }
}
