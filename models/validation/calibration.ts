/**
 * Calibration checks: model quantities compared with the facts in the calibration sheet. Used by the
 * tests (each check must pass) and by the Methods page (rendered as a table at build time), so the page
 * always shows what the current model produces.
 *
 * Responsible for: computing each model value from a run or from the initial population, and judging it
 * against a stated target range. Not responsible for the targets' provenance beyond citing source ids.
 */
import { initCreators } from "../economy/creators";
import { readModelParams } from "../economy/params";
import { runEnsemble } from "../run";
import { SECTORS } from "../economy/sectors";

export interface CalibrationCheck {
  id: string;
  /** What is compared, in plain words. */
  label: string;
  /** The model's value, and how it is shown. */
  value: number;
  format: "usd" | "share" | "ratio";
  /** The target range the value must fall in. */
  target: { min: number; max: number; text: string };
  /** Source ids (data/sources.yaml) behind the target. */
  sources: string[];
  pass: boolean;
}

/** Weighted quantile of values (weights per value). */
function weightedQuantile(values: Float64Array | number[], weights: Float64Array | number[], q: number): number {
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

/**
 * Run the checks at the given settings (complete parameter values) over the given seeds.
 * @example calibrationChecks(defaults, [1, 2, 3]).every((c) => c.pass) // => true
 */
export function calibrationChecks(settings: Readonly<Record<string, number>>, seeds: readonly number[] = [1, 2, 3]): CalibrationCheck[] {
  const p = readModelParams(settings);
  const cr = initCreators(p, seeds[0]);
  const books = SECTORS.indexOf("books");
  const news = SECTORS.indexOf("news");
  const incomes: number[] = [];
  const weights: number[] = [];
  let newsDeclared = 0;
  let newsCount = 0;
  const bandDeclared = [0, 0, 0, 0, 0];
  const bandCount = [0, 0, 0, 0, 0];
  for (let i = 0; i < cr.n; i++) {
    const target = cr.optoutTarget[i];
    bandDeclared[cr.band[i]] += target;
    bandCount[cr.band[i]]++;
    if (cr.sector[i] === news) {
      newsDeclared += target;
      newsCount++;
    }
    if (cr.sector[i] === books && cr.active[i]) {
      incomes.push(cr.baseIncome[i]);
      weights.push(1);
    }
  }
  const booksMedian = weightedQuantile(incomes, weights, 0.5);
  const booksP95 = weightedQuantile(incomes, weights, 0.95);
  const newsOptout = newsDeclared / Math.max(1, newsCount);
  const gradient = bandDeclared[4] / bandCount[4] / Math.max(1e-9, bandDeclared[0] / bandCount[0]);

  const med = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const fair = runEnsemble(["fair-use"], settings, seeds);
  const spend = med(fair.map((r) => {
    let cost = 0;
    let rev = 0;
    for (let t = 0; t < r.years; t++) {
      cost += r.series.developer_cost[t];
      rev += r.series.ai_revenue[t];
    }
    return cost / rev;
  }));
  const aiRevenue = med(fair.map((r) => r.series.ai_revenue[0]));
  const comp = runEnsemble(["compulsory"], { ...settings, "compulsory.royalty_rate": 0.15, "compulsory.per_work_minimum": 0 }, seeds);
  const royaltyShare = med(comp.map((r) => r.series.royalties_paid[r.years - 1] / r.series.ai_revenue[r.years - 1]));
  const piracy = med(runEnsemble(["fair-use"], { ...settings, "enforcement.detection_probability": 0.05 }, seeds).map((r) => r.series.unlicensed_share[r.years - 1]));

  const check = (c: Omit<CalibrationCheck, "pass">): CalibrationCheck => ({ ...c, pass: c.value >= c.target.min && c.value <= c.target.max });
  return [
    check({
      id: "books-median-income", label: "Median book income of active authors (start year)", value: booksMedian, format: "usd",
      target: { min: 1500, max: 2700, text: "≈ $2,000 (all authors)" }, sources: ["authors-guild-2023-survey"],
    }),
    check({
      id: "books-top-income", label: "Book income at the 95th percentile of authors", value: booksP95, format: "usd",
      target: { min: 20000, max: 300000, text: "tens of thousands to ~$275,000 (top decile of established authors)" }, sources: ["authors-guild-2023-survey"],
    }),
    check({
      id: "ai-revenue", label: "AI developer revenue in the start year (fair use)", value: aiRevenue, format: "usd",
      target: { min: 10e9, max: 25e9, text: "order of OpenAI ≈ $12bn + Anthropic ≈ $5bn run-rate (2025)" }, sources: ["ai-revenue-wheresyoured"],
    }),
    check({
      id: "fair-use-data-spend", label: "Developers' data spend as a share of AI revenue under fair use (all years)", value: spend, format: "share",
      target: { min: 0.001, max: 0.02, text: "< 1% in voluntary deals, plus lawful copies" }, sources: ["calibration-sheet", "news-corp-openai", "nyt-amazon"],
    }),
    check({
      id: "phono-iv-share", label: "Royalties as a share of AI revenue at a 15% statutory rate (final year)", value: royaltyShare, format: "share",
      target: { min: 0.149, max: 0.151, text: "15% (Phonorecords IV musical-works share)" }, sources: ["phonorecords-iv-settlement"],
    }),
    check({
      id: "news-optout", label: "Share of news creators declaring an opt-out (long run)", value: newsOptout, format: "share",
      target: { min: 0.45, max: 0.62, text: "48% (end-2023) to 60% (May 2025) of news sites block AI crawlers" }, sources: ["reuters-institute-optout-2024", "steinacker-olsztyn-2026"],
    }),
    check({
      id: "optout-gradient", label: "Opt-out rate of the top quality fifth ÷ the bottom fifth", value: gradient, format: "ratio",
      target: { min: 3, max: 8, text: "high- vs low-factual outlets 47% vs 8% (≈ 6×)" }, sources: ["zhu-adverse-selection"],
    }),
    check({
      id: "fair-use-piracy", label: "Unlicensed share under fair use at 5% detection (final year)", value: piracy, format: "share",
      target: { min: 0, max: 0.001, text: "≈ 0: buying a copy is cheaper than expected damages above ~0.2% detection" }, sources: ["calibration-sheet", "bartz-v-anthropic-settlement"],
    }),
  ];
}
