/**
 * The plain-language comparison's running and text (loaded by compare-view.ts the first time the
 * settings differ from what they are compared with): the paired runner (paired-runs.ts), one paragraph
 * per regime from src/lib/compare-text.ts, and the parameter-uncertainty design's draws.
 */
import type { Registry } from "../../../models/params/registry";
import { REGIME_BY_ID } from "../../../models/regimes/index";
import { summarizeRuns } from "../../../models/results/summary";
import type { SummaryRow } from "../../../models/results/types";
import { comparisonText, pairedDifferences } from "../../lib/compare-text";
import { METRICS } from "./compare-metrics";
import type { PairedRun } from "./paired-runs";
import type { ExplorerState } from "./state";

export { changeClauses } from "../../lib/compare-text";
export { explorerDraws } from "../../lib/explorer-design";
export { createPairedRunner } from "./paired-runs";

/** One paragraph per regime from the paired runs (`drawsDone`: the draws they span, undefined without draws). */
export function paragraphs(registry: Registry, state: ExplorerState, from: Record<string, number>, fromLabel: string, fromRuns: PairedRun[], toRuns: PairedRun[], drawsDone: number | undefined): string[] {
  const fromSummary: SummaryRow[] = summarizeRuns(fromRuns, "from", METRICS), toSummary = summarizeRuns(toRuns, "to", METRICS);
  const diffSummary = pairedDifferences(fromRuns, toRuns, METRICS);
  const year = state.settings["sim.start_year"] + state.settings["sim.years"] - 1;
  return state.regimes.map((regime) => comparisonText({
    registry, from, to: state.settings, fromSummary, toSummary, diffSummary, fromLabel, draws: drawsDone,
    regime, regimeLabel: REGIME_BY_ID.get(regime)?.label ?? regime, year, metrics: METRICS,
  })).filter((x): x is string => x !== undefined);
}

