/**
 * Expanding a declared sweep (`data/checks/sweeps.yaml`) into its points: one settings object per
 * parameter and value, each on top of the defaults and the sweep's settings.
 */
import type { ParameterRecord } from "../params/schema";
import type { Settings } from "../params/validate";
import { REGIME_IDS, type RegimeId } from "../regimes/index";
import type { Sweep } from "./schema";

export interface SweepPoint {
  parameter: string;
  value: number;
  settings: Settings;
}

/**
 * The points of a sweep, in parameter-id order then value order; values equal to another point's for
 * the same parameter are dropped.
 * @throws Error naming an unknown parameter id in `parameters` or `except`
 */
export function sweepPoints(sweep: Sweep, parameters: readonly ParameterRecord[], defaults: Settings): SweepPoint[] {
  const known = new Set(parameters.map((p) => p.id));
  for (const id of [...(sweep.parameters === "all" ? [] : sweep.parameters), ...sweep.except, ...Object.keys(sweep.settings), ...Object.keys(sweep.caps)])
    if (!known.has(id)) throw new Error(`sweep ${sweep.name}: unknown parameter "${id}"`);
  const chosen = parameters.filter((p) => (sweep.parameters === "all" || sweep.parameters.includes(p.id)) && !sweep.except.includes(p.id));
  const out: SweepPoint[] = [];
  for (const p of chosen) {
    const seen = new Set<number>();
    for (const v of sweep.values) {
      const raw = v === "min" ? p.range.min : v === "max" ? p.range.max : v === "default" ? p.default : v;
      const value = p.id in sweep.caps ? Math.min(raw, sweep.caps[p.id]) : raw;
      if (seen.has(value)) continue;
      seen.add(value);
      out.push({ parameter: p.id, value, settings: { ...defaults, ...sweep.settings, [p.id]: value } });
    }
  }
  return out;
}

/** The regimes a sweep runs. */
export function sweepRegimes(sweep: Sweep): readonly RegimeId[] {
  return sweep.regimes === "all" ? REGIME_IDS : sweep.regimes;
}
