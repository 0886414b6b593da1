/**
 * Who gets the money (issue 16 item 5): each dollar AI developers pay for training data, split by who
 * receives it, from the model's payment metrics. The split is exact because the model keeps the identity
 * (tests/helpers/model.ts):
 *   developer_cost = payments_to_creators + payments_to_intermediaries + collective_admin_cost
 *                    + Δ unmatched_royalties_held + payments_to_lawyers + payments_to_state
 *                    + payments_to_others + payments_to_sellers.
 * Over the whole run (2025–2035 at the defaults) the Δ held terms add up to the stock held at the end,
 * money kept for owners the collective has not identified (unregistered). Shares are per seed
 * (category total ÷ developer_cost total, both summed over the years), then the median and 90% band
 * across seeds. Pure: runs in, rows out. Not responsible for running the model or drawing.
 */
import type { RunOutput } from "../../../models/index";
import { quantileSorted } from "simple-statistics";

export interface PayeeCategory { id: string; label: string; description: string; color: string }

/** The payees, in the order they are stacked. Colours: Okabe–Ito, which stays distinct for colour-blind readers. */
export const PAYEES: readonly PayeeCategory[] = [
  { id: "payments_to_creators", label: "Creators", description: "licence fees, royalties paid out (registered owners, and released unmatched money by market share) and damages, net of lawyers' fees", color: "#009E73" },
  { id: "payments_to_intermediaries", label: "Publishers, agencies and platforms", description: "the intermediaries' share of licence fees and royalties", color: "#E69F00" },
  { id: "collective_admin_cost", label: "Collective administration", description: "the collective's administration deduction", color: "#56B4E9" },
  { id: "unmatched", label: "Unmatched, held", description: "royalties the collective still holds at the end for owners it has not identified (unregistered)", color: "#F0E442" },
  { id: "payments_to_lawyers", label: "Lawyers", description: "plaintiffs' lawyers' fees out of damages and settlements", color: "#D55E00" },
  { id: "payments_to_state", label: "The state", description: "regulatory fines", color: "#000000" },
  { id: "payments_to_sellers", label: "Sellers of copies", description: "lawful copies bought (booksellers)", color: "#CC79A7" },
  { id: "payments_to_others", label: "Others (deadweight)", description: "clearance agents, compliance vendors and the costs of training abroad", color: "#0072B2" },
];

export interface PayeeShare { id: string; q05: number; q50: number; q95: number; totalQ50: number }
export interface MoneySplit { regime: string; seeds: number; years: [number, number]; costQ50: number; shares: PayeeShare[] }

const sum = (a: Float64Array): number => a.reduce((s, v) => s + v, 0);
const q = (xs: number[], p: number): number => quantileSorted([...xs].sort((a, b) => a - b), p);

/** Category totals of one run over all its years (USD). */
export function runTotals(run: RunOutput): Record<string, number> {
  const s = run.series;
  const out: Record<string, number> = {};
  for (const c of PAYEES) out[c.id] = c.id === "unmatched" ? s.unmatched_royalties_held[run.years - 1] : sum(s[c.id]);
  out.developer_cost = sum(s.developer_cost);
  return out;
}

/**
 * The split for one regime from its runs (one per seed).
 * @example moneySplit(runs.filter((r) => r.regime === "compulsory")).shares[0] // => { id: "payments_to_creators", q50: 0.6…, … }
 */
export function moneySplit(runs: readonly RunOutput[]): MoneySplit {
  if (!runs.length) throw new Error("moneySplit: no runs");
  const totals = runs.map(runTotals);
  const cost = totals.map((t) => t.developer_cost);
  const shares = PAYEES.map((c) => {
    const xs = totals.map((t) => (t.developer_cost > 0 ? t[c.id] / t.developer_cost : 0));
    return { id: c.id, q05: q(xs, 0.05), q50: q(xs, 0.5), q95: q(xs, 0.95), totalQ50: q(totals.map((t) => t[c.id]), 0.5) };
  });
  const r = runs[0];
  return { regime: r.regime, seeds: runs.length, years: [r.startYear, r.startYear + r.years - 1], costQ50: q(cost, 0.5), shares };
}

/** "43¢" for a share of a dollar (whole cents; "<1¢" for a small positive share). */
export function cents(share: number): string {
  const c = share * 100;
  if (c > 0 && c < 0.5) return "<1¢";
  return `${Math.round(c)}¢`;
}
