/**
 * The explorer's parameter-uncertainty design, shared by the "include parameter uncertainty" switch
 * (src/scripts/explorer/uncertainty-view.ts) and the paired plain-language comparison
 * (src/scripts/explorer/compare-view.ts), so both use the same Latin-hypercube draws: `EXPLORER_DRAWS`
 * draws at design seed `EXPLORER_DESIGN_SEED` over the uncertain parameters nobody set.
 * Pure; depends only on the model's `latinHypercube`. Loaded lazily by both views (the sampler is not
 * needed until the switch is on); its sizes are in ./explorer-design-size.ts, which the page loads at once.
 */
import type { Registry } from "../../models/params/registry";
import { nonDefault } from "../../models/params/validate";
import { latinHypercube } from "../../models/uncertainty/lhs";

import { EXPLORER_DESIGN_SEED, EXPLORER_DRAWS } from "./explorer-design-size";

export { EXPLORER_DESIGN_SEED, EXPLORER_DRAWS };

/**
 * The draws (parameter id → value, the parameters set in any of `settings` left out: they keep each
 * setting's own value in every draw).
 * @example explorerDraws(registry, [defaults, changed]).length // => 8
 */
export function explorerDraws(registry: Registry, settings: readonly Readonly<Record<string, number>>[]): Record<string, number>[] {
  const fixed = new Set(settings.flatMap((s) => nonDefault(registry, s).map(([id]) => id)));
  return latinHypercube(registry.parameters, EXPLORER_DRAWS, EXPLORER_DESIGN_SEED, fixed).draws;
}
