/**
 * The numbers of the /robustness/ page, computed once at build time from the model (no JS is shipped):
 * pairwise win shares of the regimes on the headline metrics over Latin-hypercube draws × seeds, and a
 * one-at-a-time tornado per headline metric and regime. The sizes are small so the build stays fast,
 * and the page states them (`ROBUSTNESS_SIZES`).
 */
import { REGIME_IDS, REGIME_BY_ID, defaultSettings, type Registry } from "../../../models/index";
import { multiTornado, pairwiseWinShares, type MetricTornado, type PairShare } from "../../../models/analysis/index";
import { latinHypercube } from "../../../models/uncertainty/index";

/** Sizes of the build-time analysis (smaller than the defaults of the CLI, which the page links to). */
export const ROBUSTNESS_SIZES = { creators: 1000, developers: 10, draws: 40, seeds: [1, 2], designSeed: 1, tornadoSeed: 1, year: 2035, bars: 8 } as const;

/** The headline metrics, in the order the page shows them. */
export const HEADLINE_METRICS = ["creator_ai_revenue", "creator_revenue", "developer_cost", "consumer_surplus", "total_surplus"] as const;

export interface RobustnessData {
  shares: PairShare[];
  tornado: { regime: string; label: string; metrics: MetricTornado[] }[];
  /** Number of uncertain parameters drawn. */
  drawn: number;
}

let cache: RobustnessData | undefined;

/** Compute (once per build) the win shares and the tornadoes. */
export function robustnessData(registry: Registry): RobustnessData {
  if (cache) return cache;
  const s = ROBUSTNESS_SIZES;
  const settings = { ...defaultSettings(registry), "sim.creators": s.creators, "sim.developers": s.developers };
  const design = latinHypercube(registry.parameters, s.draws, s.designSeed);
  const shares = pairwiseWinShares(settings, REGIME_IDS, HEADLINE_METRICS, s.year, design.draws, s.seeds);
  const tornado = REGIME_IDS.map((regime) => ({
    regime,
    label: REGIME_BY_ID.get(regime)!.label,
    metrics: multiTornado(registry.parameters, settings, regime, HEADLINE_METRICS, s.year, s.tornadoSeed),
  }));
  cache = { shares, tornado, drawn: design.ids.length };
  return cache;
}
