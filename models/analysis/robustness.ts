/**
 * Ranking robustness: how often regime `a` beats regime `b` on one metric in one year when the uncertain
 * parameters are drawn from their declared distributions (a Latin hypercube, `latinHypercube`), crossed
 * with a few seeds. Common random numbers: both regimes run on the same draw and the same seed, so the
 * difference a − b comes from the rules, not from the dice.
 *
 * "Beats" means a larger value, except for costs (metrics named `*_cost`), where smaller is better.
 * A tie counts one half. The share has a Wilson 95% interval over the draw × seed pairs.
 *
 * Flipping parameters, and why this method: for each drawn parameter the draws are sorted by its value,
 * and every cut between neighbouring draws (leaving at least `minSide` draws on each side) splits them
 * into "below" and "above". A parameter flips the ranking when, at some cut, a wins in most draws on one
 * side and loses in most on the other; the cut with the largest gap between the two sides' win shares
 * gives the threshold (the midpoint of the two draws' values). This reads the draws already run, so it
 * costs no further model runs (the alternative, bisection on one parameter at the base point, costs
 * ~10 runs per parameter and regime pair, and with ~100 uncertain parameters would dominate the run
 * time), and it averages over the other parameters instead of holding them at the base point, which is
 * what "unless x < t" means to a reader. Searching ~100 parameters and every cut finds chance splits, so
 * a cut counts only when each side's Wilson 95% interval lies wholly on its side of one half (a wins on
 * one side, loses on the other, each beyond chance for that side alone). It is still weak with few draws (a threshold is only as fine as the
 * spacing of the draws) and can report a parameter that merely correlates with the true driver by
 * chance; the CLI prints the draws per side so a reader can judge.
 *
 * Not responsible for: parsing arguments (cli/robustness-args.ts), or validating the draws (the caller
 * passes draws that went through `validateSettings`, e.g. from `parseUncertainty`).
 */
import { runModel } from "../run";
import { seriesKey } from "../results/metrics";
import { wilson, type ShareInterval } from "./wilson";

export interface RobustnessSpec {
  a: string;
  b: string;
  metric: string;
  group?: string;
  year: number;
  /** The base point: every parameter. */
  settings: Readonly<Record<string, number>>;
  /** Per draw, the drawn parameters' values (on top of `settings`). */
  draws: readonly Readonly<Record<string, number>>[];
  seeds: readonly number[];
}

/** One draw: the mean over seeds of a − b (signed so that positive means a is better), and its wins. */
export interface DrawOutcome {
  draw: number;
  /** Mean over seeds of the advantage of a over b, in the metric's units (positive = a better). */
  advantage: number;
  /** Wins of a over the seeds (ties one half). */
  wins: number;
  seeds: number;
}

export interface Flip {
  parameter: string;
  /** The value at which the ranking changes side (midpoint between two draws). */
  threshold: number;
  /** a's win share among the draws with the parameter below / above the threshold. */
  share_below: number;
  share_above: number;
  n_below: number;
  n_above: number;
}

/** Whether a smaller value is better for this metric (costs). @example lowerIsBetter("developer_cost") // => true */
export function lowerIsBetter(metric: string): boolean {
  return metric.endsWith("_cost");
}

/** The metric in the year for one regime, draw point and seed. */
function valueAt(regime: string, point: Readonly<Record<string, number>>, seed: number, key: string, year: number): number {
  const run = runModel({ regime, params: point, seed });
  const col = run.series[key];
  if (!col) throw new Error(`no series "${key}" in the model's output`);
  const t = year - run.startYear;
  if (t < 0 || t >= run.years) throw new Error(`year ${year} is not simulated (${run.startYear} to ${run.startYear + run.years - 1})`);
  return col[t];
}

/**
 * Run both regimes on every draw × seed (2 · draws · seeds runs) and return one outcome per draw.
 * @example drawOutcomes({ a: "compulsory", b: "licensing", metric: "total_surplus", year: 2035, settings, draws, seeds: [1, 2] })[0]
 * // => { draw: 1, advantage: 1.2e9, wins: 2, seeds: 2 }
 */
export function drawOutcomes(spec: RobustnessSpec): DrawOutcome[] {
  const key = seriesKey(spec.metric, spec.group);
  const sign = lowerIsBetter(spec.metric) ? -1 : 1;
  return spec.draws.map((draw, d) => {
    const point = { ...spec.settings, ...draw };
    let sum = 0;
    let wins = 0;
    for (const seed of spec.seeds) {
      const diff = sign * (valueAt(spec.a, point, seed, key, spec.year) - valueAt(spec.b, point, seed, key, spec.year));
      sum += diff;
      wins += diff > 0 ? 1 : diff === 0 ? 0.5 : 0;
    }
    return { draw: d + 1, advantage: sum / spec.seeds.length, wins, seeds: spec.seeds.length };
  });
}

/**
 * a's win share over all draw × seed pairs, with its Wilson 95% interval.
 * @example winShare([{ draw: 1, advantage: 1, wins: 2, seeds: 2 }, { draw: 2, advantage: -1, wins: 0, seeds: 2 }]) // => { share: 0.5, lo: 0.15, hi: 0.85, n: 4 }
 */
export function winShare(outcomes: readonly DrawOutcome[]): ShareInterval {
  const k = outcomes.reduce((s, o) => s + o.wins, 0);
  const n = outcomes.reduce((s, o) => s + o.seeds, 0);
  return wilson(k, n);
}

/** Whether the Wilson 95% interval of k/n lies wholly above or wholly below one half. */
function clearOfHalf(k: number, n: number): boolean {
  const w = wilson(k, n);
  return w.lo > 0.5 || w.hi < 0.5;
}

/**
 * The best cut of one parameter (see the module header), or undefined when no cut puts the two sides'
 * win shares on opposite sides of one half. Win share here is per draw: a wins a draw when its mean
 * advantage over the seeds is positive.
 * @example flipOf("x", [1, …, 10], [5 losses, then 5 wins], 3) // => { parameter: "x", threshold: 5.5, share_below: 0, share_above: 1, n_below: 5, n_above: 5 }
 */
export function flipOf(parameter: string, values: readonly number[], outcomes: readonly DrawOutcome[], minSide: number): Flip | undefined {
  const order = values.map((v, i) => i).sort((i, j) => values[i] - values[j] || i - j);
  const win: number[] = order.map((i) => (outcomes[i].advantage > 0 ? 1 : outcomes[i].advantage === 0 ? 0.5 : 0));
  const total = win.reduce((s: number, w) => s + w, 0);
  const n = order.length;
  let best: Flip | undefined;
  let gap = 0;
  let below = 0;
  for (let k = 1; k < n; k++) {
    below += win[k - 1];
    const lo = values[order[k - 1]], hi = values[order[k]];
    if (k < minSide || n - k < minSide || lo === hi) continue;
    const sb = below / k, sa = (total - below) / (n - k);
    if ((sb - 0.5) * (sa - 0.5) >= 0 || !clearOfHalf(below, k) || !clearOfHalf(total - below, n - k)) continue;
    if (Math.abs(sa - sb) > gap) {
      gap = Math.abs(sa - sb);
      best = { parameter, threshold: (lo + hi) / 2, share_below: sb, share_above: sa, n_below: k, n_above: n - k };
    }
  }
  return best;
}

/**
 * Every parameter that flips the ranking, the largest gap between the two sides first (ties by id).
 * @param minSide fewest draws on either side of a cut (default: a tenth of the draws, at least 3)
 */
export function flips(ids: readonly string[], draws: readonly Readonly<Record<string, number>>[], outcomes: readonly DrawOutcome[], minSide?: number): Flip[] {
  const m = minSide ?? Math.max(3, Math.ceil(draws.length / 10));
  const out: Flip[] = [];
  for (const id of ids) {
    const f = flipOf(id, draws.map((d) => d[id]), outcomes, m);
    if (f) out.push(f);
  }
  const gapOf = (f: Flip) => Math.abs(f.share_above - f.share_below);
  return out.sort((x, y) => gapOf(y) - gapOf(x) || (x.parameter < y.parameter ? -1 : x.parameter > y.parameter ? 1 : 0));
}

/**
 * A sentence for one flip, from a's overall win share.
 * @example flipSentence("compulsory", "licensing", "total_surplus", 0.8, { parameter: "licensing.transaction_cost_per_work", threshold: 62, share_below: 0.2, share_above: 0.9, … })
 * // => "compulsory beats licensing on total_surplus unless licensing.transaction_cost_per_work < 62"
 */
export function flipSentence(a: string, b: string, metric: string, share: number, f: Flip, fmt: (v: number) => string = String): string {
  const aUsually = share >= 0.5;
  const [winner, loser] = aUsually ? [a, b] : [b, a];
  // The side where the usual winner loses.
  const losesBelow = aUsually ? f.share_below < 0.5 : f.share_below > 0.5;
  return `${winner} beats ${loser} on ${metric} unless ${f.parameter} ${losesBelow ? "<" : ">"} ${fmt(f.threshold)}`;
}
