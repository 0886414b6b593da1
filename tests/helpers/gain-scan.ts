/** Run regimes and seeds, and after each year's price solve record the best-response residual (tests/helpers/price-gain.ts). */
import { REGIME_IDS, REGIME_BY_ID, initialPopulations } from "../../models/index";
import { readModelParams } from "../../models/economy/params";
import { cloneCreators } from "../../models/economy/creators";
import { cloneDevelopers } from "../../models/economy/developers";
import { STEPS } from "../../models/economy/steps/index";
import { createWorld } from "../../models/economy/world-state";
import { bestResponseGain, type Gain } from "./price-gain";

export interface ScanRow extends Gain {
  regime: string;
  seed: number;
  year: number;
}

/** The residual after the "developers choose" step of every year, for each regime and seed. */
export function scanGains(settings: Record<string, number>, seeds: number[], regimes: readonly string[] = REGIME_IDS, points = 600): ScanRow[] {
  const p = readModelParams(settings);
  const rows: ScanRow[] = [];
  for (const seed of seeds) {
    const init = initialPopulations(p, seed);
    for (const id of regimes) {
      const w = createWorld(p, REGIME_BY_ID.get(id)!.rules, id, seed, cloneCreators(init.creators), cloneDevelopers(init.developers));
      for (const step of STEPS) step.init?.(w);
      for (let t = 0; t < w.years; t++) {
        w.t = t;
        for (const step of STEPS) {
          step.run(w);
          if (step.name === "developers choose") rows.push({ regime: id, seed, year: t, ...bestResponseGain(w.dy, w.mk, points) });
        }
      }
    }
  }
  return rows;
}
