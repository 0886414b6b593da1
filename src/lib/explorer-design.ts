/**
 * The explorer's parameter-uncertainty design, shared by the "include parameter uncertainty" switch
 * (src/scripts/explorer/uncertainty-view.ts) and the paired plain-language comparison
 * (src/scripts/explorer/compare-view.ts), so both use the same Latin-hypercube draws: `EXPLORER_DRAWS`
 * draws at design seed `EXPLORER_DESIGN_SEED` over the uncertain parameters nobody set.
 * Pure; depends only on the model's `latinHypercube`.
 */
import type { Registry } from "../../models/params/registry";
import { nonDefault } from "../../models/params/validate";
import { latinHypercube } from "../../models/uncertainty/lhs";

/** Draws per switch-on (kept small: each is a full run of every regime for every seed). */
export const EXPLORER_DRAWS = 8;
/** Seed of the explorer's Latin-hypercube design. */
export const EXPLORER_DESIGN_SEED = 1;

/**
 * The draws (parameter id → value, the parameters set in any of `settings` left out: they keep each
 * setting's own value in every draw).
 * @example explorerDraws(registry, [defaults, changed]).length // => 8
 */
export function explorerDraws(registry: Registry, settings: readonly Readonly<Record<string, number>>[]): Record<string, number>[] {
  const fixed = new Set(settings.flatMap((s) => nonDefault(registry, s).map(([id]) => id)));
  return latinHypercube(registry.parameters, EXPLORER_DRAWS, EXPLORER_DESIGN_SEED, fixed).draws;
}
