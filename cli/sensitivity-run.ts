/**
 * Running a `sensitivity` request: the screened factors, the model as a function, the rows and their text.
 * Kept apart from `sensitivity.ts` (which runs on import) so tests can call it in-process.
 */
import { forkRng, toCsv, toJson, type Registry } from "../models/index";
import { factorOf, metricEvaluator, morris, oneAtATime, sortByAbs, uncertainParameters } from "../models/analysis/index";
import type { SensitivityRequest } from "./sensitivity-args";

export const OAT_COLUMNS = ["parameter", "low", "high", "value_low", "value_high", "swing"] as const;
export const MORRIS_COLUMNS = [...OAT_COLUMNS, "mu_star", "sigma"] as const;

/** Run a request and return the output text. */
export function renderSensitivity(req: SensitivityRequest, registry: Registry): string {
  const factors = uncertainParameters(registry.parameters, req.regime).map((r) => factorOf(r, req.bounds));
  const evaluate = metricEvaluator({ regime: req.regime, metric: req.metric, group: req.group, year: req.year, seeds: req.seeds });
  const oat = oneAtATime(req.settings, factors, evaluate);
  if (req.method === "oat") return req.format === "json" ? toJson(oat, OAT_COLUMNS) : toCsv(oat, OAT_COLUMNS);
  const effects = new Map(
    morris(req.settings, factors, evaluate, { trajectories: req.trajectories, levels: req.levels, rng: forkRng(req.designSeed, "morris") }).map((e) => [e.parameter, e]),
  );
  const rows = sortByAbs(
    oat.map((r) => ({ ...r, mu_star: effects.get(r.parameter)!.mu_star, sigma: effects.get(r.parameter)!.sigma })),
    (r) => r.mu_star,
  );
  return req.format === "json" ? toJson(rows, MORRIS_COLUMNS) : toCsv(rows, MORRIS_COLUMNS);
}
