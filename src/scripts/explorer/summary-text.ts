/**
 * The plain-language summary under the explorer's charts: final-year medians of creator revenue and
 * developer cost for each regime with their 90% bands, the compulsory licence against fair use, and
 * (when settings differ from defaults) the change against the baseline. Pure: rows in, sentences out.
 */
import type { SummaryRow } from "../../../models/index";
import { regimeLabel } from "../../lib/charts/palette";
import { sig3 } from "../../lib/charts/units";

/** The series the summary reads (the runner asks the workers for them along with the charts' series). */
export const SUMMARY_KEYS = ["creator_revenue", "developer_cost"] as const;

const bn = (usd: number) => `$${sig3(usd / 1e9)} bn`.replace("$−", "−$");

function final(rows: readonly SummaryRow[], metric: string, regime: string): SummaryRow | undefined {
  let best: SummaryRow | undefined;
  for (const r of rows) if (r.metric === metric && r.regime === regime && r.group === undefined && (!best || r.year > best.year)) best = r;
  return best;
}

function diff(a: number, b: number, more: string, less: string): string {
  const d = a - b;
  if (Math.abs(d) < 5e6) return `about the same as`;
  return `${bn(Math.abs(d))} ${d > 0 ? more : less}`;
}

export interface SummaryInput {
  summary: SummaryRow[];
  /** Baseline (defaults) summary, or undefined when the current settings are the defaults. */
  baseline?: SummaryRow[];
  regimes: readonly string[];
  /** Display text of the statutory rate, e.g. "3%". */
  rateText: string;
  seedsText: string;
}

/** Paragraphs of plain text (empty when there is nothing to say yet). */
export function summaryParagraphs(inp: SummaryInput): string[] {
  const { summary, baseline, regimes } = inp;
  const cFair = final(summary, "creator_revenue", "fair-use");
  const cComp = final(summary, "creator_revenue", "compulsory");
  const dFair = final(summary, "developer_cost", "fair-use");
  const dComp = final(summary, "developer_cost", "compulsory");
  const first = regimes.map((r) => final(summary, "creator_revenue", r)).find(Boolean);
  if (!first) return [];
  const year = first.year;
  const band = (r: SummaryRow) => `90% band ${bn(r.q05)} to ${bn(r.q95)}`;
  const out: string[] = [];
  // The headline comparison needs both regimes; a scenario may show only some of the five.
  if (cFair && cComp && dFair && dComp)
    out.push(
      `In ${year}, under a ${inp.rateText} compulsory licence creators earn ${bn(cComp.q50)} a year (${band(cComp)}), ` +
        `${diff(cComp.q50, cFair.q50, "more than", "less than")} under fair use (${bn(cFair.q50)}); ` +
        `AI developers pay ${bn(dComp.q50)} for training data (${band(dComp)}), against ${bn(dFair.q50)} under fair use.`,
    );
  const list = (metric: string) => regimes.map((r) => {
    const row = final(summary, metric, r);
    return row ? `${regimeLabel(r)} ${bn(row.q50)}` : "";
  }).filter(Boolean).join("; ");
  out.push(`Creator revenue in ${year} (median): ${list("creator_revenue")}.`);
  out.push(`Developer cost in ${year} (median): ${list("developer_cost")}.`);
  if (baseline) {
    const changes = regimes.map((r) => {
      const now = final(summary, "creator_revenue", r);
      const was = final(baseline, "creator_revenue", r);
      return now && was ? `${regimeLabel(r)} ${now.q50 - was.q50 >= 0 ? "+" : "−"}${bn(Math.abs(now.q50 - was.q50))}` : "";
    }).filter(Boolean).join("; ");
    out.push(`Against the default settings, your changes move creator revenue in ${year} by: ${changes}.`);
  }
  out.push(`Medians and bands across seeds ${inp.seedsText}; constant 2025 US dollars.`);
  return out;
}
