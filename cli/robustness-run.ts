/**
 * Running a `robustness` request: the draws × seeds for both regimes, the win share with its Wilson
 * interval, the flipping parameters, and their text. Kept apart from `robustness.ts` (which runs on
 * import) so tests can call it in-process.
 */
import { toCsv, toJson } from "../models/index";
import { drawOutcomes, flipSentence, flips, winShare } from "../models/analysis/index";
import type { RobustnessRequest } from "./robustness-args";

export const ROBUSTNESS_COLUMNS = [
  "kind", "a", "b", "metric", "year", "draws", "seeds", "share", "lo", "hi", "n",
  "parameter", "threshold", "share_below", "share_above", "n_below", "n_above", "sentence",
] as const;

type Cell = string | number | undefined;

/** Round for output: 6 significant digits (thresholds and shares; the run is deterministic anyway). */
const r6 = (v: number) => Number(v.toPrecision(6));

/** The rows of a request: one win_share row, then one flip row per flipping parameter. */
export function robustnessRows(req: RobustnessRequest): Record<string, Cell>[] {
  const outcomes = drawOutcomes({ a: req.a, b: req.b, metric: req.metric, year: req.year, settings: req.settings, draws: req.values, seeds: req.seeds });
  const w = winShare(outcomes);
  const common = { a: req.a, b: req.b, metric: req.metric, year: req.year, draws: req.draws, seeds: req.seeds.length };
  const head: Record<string, Cell> = { kind: "win_share", ...common, share: r6(w.share), lo: r6(w.lo), hi: r6(w.hi), n: w.n };
  const rows = flips(req.ids, req.values, outcomes).map((f) => ({
    kind: "flip", ...common, parameter: f.parameter, threshold: r6(f.threshold), share_below: r6(f.share_below), share_above: r6(f.share_above),
    n_below: f.n_below, n_above: f.n_above, sentence: flipSentence(req.a, req.b, req.metric, w.share, f, (v) => String(r6(v))),
  }));
  return [head, ...rows];
}

/** Run a request and return the output text. */
export function renderRobustness(req: RobustnessRequest): string {
  const rows = robustnessRows(req);
  return req.format === "json" ? toJson(rows, ROBUSTNESS_COLUMNS) : toCsv(rows, ROBUSTNESS_COLUMNS);
}
