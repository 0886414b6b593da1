/**
 * Normalised golden outputs, one file per scenario (tests/golden/<scenario>.json): medians and 90% bands
 * across seeds 1..3 of the headline metrics in the first, middle and last year, rounded to 6
 * significant digits and sorted. A changed model changes a golden: in CI that fails; locally, review
 * the difference and regenerate with `UPDATE_GOLDEN=1 npx vitest run tests/golden.test.ts`, and bump
 * MODEL_VERSION when published numbers move.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MODEL_VERSION, resolveScenarioById, runEnsemble, summarizeRuns } from "../models/index";
import { registry } from "./helpers/model";

const METRICS = [
  "creator_revenue", "creator_market_revenue", "creator_ai_revenue", "developer_cost", "developer_data_cost",
  "developer_transaction_cost", "developer_compliance_cost", "developer_legal_cost", "royalties_paid",
  "unmatched_royalties_held", "corpus_share", "unlicensed_share", "optout_share", "model_quality", "ai_revenue",
  "active_creators", "active_developers", "developer_hhi", "creator_income_gini",
  // version 2
  "consumer_surplus", "developer_profit", "total_surplus", "deadweight_cost", "ai_price", "offshore_training_share", "corpus_value_share",
];
const SEEDS = [1, 2, 3];
const dir = new URL("./golden/", import.meta.url);
const update = process.env.UPDATE_GOLDEN === "1" && process.env.CI !== "true";

const sig = (v: number) => Number(v.toPrecision(6));

function golden(id: string) {
  const r = resolveScenarioById(registry, id);
  if (!r.ok) throw new Error(r.problems.join("\n"));
  const { scenario } = r;
  const runs = runEnsemble(scenario.regimes, scenario.settings, SEEDS);
  const years = scenario.settings["sim.years"];
  const start = scenario.settings["sim.start_year"];
  const pick = new Set([start, start + Math.floor((years - 1) / 2), start + years - 1]);
  const rows = summarizeRuns(runs, id, METRICS)
    .filter((s) => pick.has(s.year))
    .map((s) => ({ regime: s.regime, year: s.year, metric: s.metric, q05: sig(s.q05), q50: sig(s.q50), q95: sig(s.q95) }))
    .sort((a, b) => (a.regime + a.metric + a.year < b.regime + b.metric + b.year ? -1 : 1));
  return { scenario: id, model_version: MODEL_VERSION, seeds: SEEDS, rows };
}

describe("golden outputs per scenario", () => {
  for (const id of [...registry.scenarios.keys()].sort()) {
    it(`${id} matches tests/golden/${id}.json`, () => {
      const file = new URL(`${id}.json`, dir);
      const got = golden(id);
      if (update) {
        mkdirSync(dir, { recursive: true });
        writeFileSync(file, JSON.stringify(got, null, 1) + "\n");
        return;
      }
      expect(existsSync(file), `missing golden ${id}.json: run UPDATE_GOLDEN=1 npx vitest run tests/golden.test.ts`).toBe(true);
      expect(got).toEqual(JSON.parse(readFileSync(file, "utf8")));
    }, 60_000);
  }
});
