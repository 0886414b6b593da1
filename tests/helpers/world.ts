/** Stepping one run of the model by hand, for tests that inspect the world between steps. */
import { REGIME_BY_ID, initialPopulations } from "../../models/index";
import { cloneCreators } from "../../models/economy/creators";
import { cloneDevelopers } from "../../models/economy/developers";
import { readModelParams } from "../../models/economy/params";
import { STEPS } from "../../models/economy/steps/index";
import { createWorld, type World } from "../../models/economy/world-state";

/**
 * The world of `regime` and `seed` in year `t`, handed back just after the step named `at.after` has run
 * or just before the step named `at.before` runs (or at the end of year t when that step never comes).
 */
export function worldAt(settings: Record<string, number>, regime: string, t: number, at: { after: string } | { before: string }, seed = 1): World {
  const p = readModelParams(settings);
  const init = initialPopulations(p, seed);
  const w = createWorld(p, REGIME_BY_ID.get(regime)!.rules, regime, seed, cloneCreators(init.creators), cloneDevelopers(init.developers));
  for (const step of STEPS) step.init?.(w);
  for (let y = 0; y <= t; y++) {
    w.t = y;
    for (const step of STEPS) {
      if (y === t && "before" in at && step.name === at.before) return w;
      step.run(w);
      if (y === t && "after" in at && step.name === at.after) return w;
    }
  }
  return w;
}
