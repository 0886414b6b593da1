/**
 * Build-time model runs shared by the pages that draw figures when the site is built (home figure,
 * frozen embeds, the regime pages' payment split): one run per regime, seed and settings, kept for the
 * whole build so that pages asking for the same run (the defaults, or a scenario that changes nothing a
 * regime reads) do not repeat it. Same numbers as `runEnsemble` (it is what each entry calls).
 * Not for the browser (the explorer and embeds run the model in the worker pool).
 */
import { runEnsemble, type RunOutput } from "../../models/index";
import type { Settings } from "../../models/index";

const cache = new Map<string, RunOutput[]>();

const settingsKey = (s: Settings): string => JSON.stringify(Object.keys(s).sort().map((k) => [k, s[k]]));

/** Runs for every regime × seed, in `runEnsemble`'s order (seed-major, then regimes as given). */
export function buildRuns(regimes: readonly string[], settings: Settings, seeds: readonly number[]): RunOutput[] {
  const key = settingsKey(settings);
  const missing = seeds.filter((seed) => regimes.some((r) => !cache.has(`${r}|${seed}|${key}`)));
  for (const seed of missing) {
    const todo = regimes.filter((r) => !cache.has(`${r}|${seed}|${key}`));
    runEnsemble(todo, settings, [seed]).forEach((run, i) => cache.set(`${todo[i]}|${seed}|${key}`, [run]));
  }
  return seeds.flatMap((seed) => regimes.map((r) => cache.get(`${r}|${seed}|${key}`)![0]));
}
