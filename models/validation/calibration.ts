/**
 * Calibration checks: model quantities compared with the facts in the calibration sheet. The targets
 * (label, range, sources) are data (`data/checks/calibration.yaml`); this module computes the model's
 * value for each target id. Used by the tests (each check must pass) and by the Methods page (rendered
 * at build time), so the page always shows what the current model produces.
 *
 * Responsible for: one measurement per target id, from a run or from the initial population. A target
 * without a measurement, or a measurement without a target, is an error.
 */
import type { CalibrationTarget } from "../checks/schema";
import { initCreators } from "../economy/creators";
import { readModelParams } from "../economy/params";
import { SECTORS } from "../economy/sectors";
import { optOutRamp } from "../economy/steps/trends";
import { runEnsemble } from "../run";

export interface CalibrationCheck extends CalibrationTarget {
  /** The model's value. */
  value: number;
  pass: boolean;
}

type Settings = Readonly<Record<string, number>>;

/** Weighted quantile of values (weights per value). */
function weightedQuantile(values: number[], weights: number[], q: number): number {
  const idx = Array.from(values, (_, i) => i).sort((a, b) => values[a] - values[b]);
  let total = 0;
  for (const i of idx) total += weights[i];
  let cum = 0;
  for (const i of idx) {
    cum += weights[i];
    if (cum >= q * total) return values[i];
  }
  return values[idx[idx.length - 1]];
}

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Base incomes of active book authors in the start year. */
function bookIncomes(settings: Settings, seed: number): number[] {
  const cr = initCreators(readModelParams(settings), seed);
  const books = SECTORS.indexOf("books");
  const out: number[] = [];
  for (let i = 0; i < cr.n; i++) if (cr.sector[i] === books && cr.active[i]) out.push(cr.baseIncome[i]);
  return out;
}

/** Long-run opt-out declaration rates: news creators, and the top quality fifth ÷ the bottom fifth. */
function optOutRates(settings: Settings, seed: number): { news: number; gradient: number } {
  const cr = initCreators(readModelParams(settings), seed);
  const news = SECTORS.indexOf("news");
  let newsDeclared = 0, newsCount = 0;
  const bandDeclared = [0, 0, 0, 0, 0], bandCount = [0, 0, 0, 0, 0];
  for (let i = 0; i < cr.n; i++) {
    bandDeclared[cr.band[i]] += cr.optoutTarget[i];
    bandCount[cr.band[i]]++;
    if (cr.sector[i] === news) {
      newsDeclared += cr.optoutTarget[i];
      newsCount++;
    }
  }
  return { news: newsDeclared / Math.max(1, newsCount), gradient: bandDeclared[4] / bandCount[4] / Math.max(1e-9, bandDeclared[0] / bandCount[0]) };
}

/** Declared opt-outs in 2026 (the second year: declared when u < target × ramp): share of all works, and of news creators. */
function declared2026(settings: Settings, seed: number): { works: number; news: number } {
  const p = readModelParams(settings);
  const cr = initCreators(p, seed);
  const ramp = optOutRamp(p.optout.rampYears, 1);
  const news = SECTORS.indexOf("news");
  let w = 0, wd = 0, n = 0, nd = 0;
  for (let i = 0; i < cr.n; i++) {
    const d = Math.min(1, cr.optoutTarget[i] * ramp);
    const real = cr.works[i] * cr.weight[cr.sector[i]];
    w += real;
    wd += real * d;
    if (cr.sector[i] === news) {
      n++;
      nd += d;
    }
  }
  return { works: w > 0 ? wd / w : 0, news: n > 0 ? nd / n : 0 };
}

type Measure = (settings: Settings, seeds: readonly number[]) => number;

/** Fair-use runs, memoised on the last settings and seeds (several targets read the same runs). */
let fairUseMemo: { settings: Settings; seeds: readonly number[]; runs: ReturnType<typeof runEnsemble> } | undefined;
function fairUse(settings: Settings, seeds: readonly number[]): ReturnType<typeof runEnsemble> {
  if (!fairUseMemo || fairUseMemo.settings !== settings || fairUseMemo.seeds !== seeds) fairUseMemo = { settings, seeds, runs: runEnsemble(["fair-use"], settings, seeds) };
  return fairUseMemo.runs;
}

/** The model's value for each calibration target id. */
export const CALIBRATION_MEASURES: Readonly<Record<string, Measure>> = {
  "books-median-income": (s, seeds) => {
    const x = bookIncomes(s, seeds[0]);
    return weightedQuantile(x, x.map(() => 1), 0.5);
  },
  "books-top-income": (s, seeds) => {
    const x = bookIncomes(s, seeds[0]);
    return weightedQuantile(x, x.map(() => 1), 0.95);
  },
  "ai-revenue": (s, seeds) => median(fairUse(s, seeds).map((r) => r.series.ai_revenue[0])),
  "fair-use-data-spend": (s, seeds) => median(runEnsemble(["fair-use"], s, seeds).map((r) => {
    let cost = 0, rev = 0;
    for (let t = 0; t < r.years; t++) {
      cost += r.series.developer_cost[t];
      rev += r.series.ai_revenue[t];
    }
    return cost / rev;
  })),
  // With training abroad barred: otherwise a 15% rate sends training abroad and the share measures leakage, not the rate.
  "phono-iv-share": (s, seeds) => median(runEnsemble(["compulsory"], { ...s, "compulsory.royalty_rate": 0.15, "compulsory.per_work_minimum": 0, "offshore.training_territorial": 0 }, seeds)
    .map((r) => r.series.royalties_paid[r.years - 1] / r.series.ai_revenue[r.years - 1])),
  "ai-revenue-growth": (s, seeds) => median(fairUse(s, seeds).map((r) => r.series.ai_revenue[1] / r.series.ai_revenue[0])),
  "developer-hhi": (s, seeds) => median(fairUse(s, seeds).map((r) => r.series.developer_hhi[0])),
  // Under fair use the data bill is side deals plus lawful copies: side deals = data cost − copies bought.
  "side-deals": (s, seeds) => median(fairUse(s, seeds).map((r) => r.series.developer_data_cost[0] - r.series.payments_to_sellers[0])),
  "ai-users": (s, seeds) => median(fairUse(s, seeds).map((r) => r.series.ai_users[0])),
  "consumer-surplus-per-user": (s, seeds) => median(fairUse(s, seeds).map((r) => r.series.consumer_surplus[0] / r.series.ai_users[0])),
  "consumer-surplus-ratio": (s, seeds) => median(fairUse(s, seeds).map((r) => r.series.consumer_surplus[0] / r.series.ai_revenue[0])),
  "ai-price-decline": (s, seeds) => median(fairUse(s, seeds).map((r) => r.series.ai_price[0] / r.series.ai_price[1])),
  "news-optout": (s, seeds) => optOutRates(s, seeds[0]).news,
  "optout-2026-works": (s, seeds) => declared2026(s, seeds[0]).works,
  "optout-2026-news": (s, seeds) => declared2026(s, seeds[0]).news,
  "optout-gradient": (s, seeds) => optOutRates(s, seeds[0]).gradient,
  "fair-use-piracy": (s, seeds) => median(runEnsemble(["fair-use"], { ...s, "enforcement.detection_probability": 0.05 }, seeds).map((r) => r.series.unlicensed_share[r.years - 1])),
};

/**
 * Run the checks at the given settings (complete parameter values) over the given seeds.
 * @throws Error naming a target without a measurement, or a measurement without a target
 * @example calibrationChecks(targets, defaults, [1, 2, 3]).every((c) => c.pass) // => true
 */
export function calibrationChecks(targets: readonly CalibrationTarget[], settings: Settings, seeds: readonly number[] = [1, 2, 3]): CalibrationCheck[] {
  const missing = targets.filter((t) => !(t.id in CALIBRATION_MEASURES)).map((t) => t.id);
  const orphan = Object.keys(CALIBRATION_MEASURES).filter((id) => !targets.some((t) => t.id === id));
  if (missing.length || orphan.length) throw new Error(`calibration: targets without a measurement: ${missing.join(", ") || "none"}; measurements without a target: ${orphan.join(", ") || "none"}`);
  return targets.map((t) => {
    const value = CALIBRATION_MEASURES[t.id](settings, seeds);
    return { ...t, value, pass: value >= t.target.min && value <= t.target.max };
  });
}
