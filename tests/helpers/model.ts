/** Shared fixtures for model tests: the registry, small fast settings, and the invariants checker. */
import { loadRegistry } from "../../cli/files";
import { METRICS, DECILES, SECTORS, defaultSettings, seriesKey, type RunOutput, type Settings } from "../../models/index";

export const registry = loadRegistry();
export const defaults = defaultSettings(registry);

/** Defaults shrunk for speed (fewer agents and years); `overrides` on top. */
export function small(overrides: Settings = {}): Settings {
  return { ...defaults, "sim.creators": 1200, "sim.developers": 20, "sim.years": 6, ...overrides };
}

const SHARES = METRICS.filter((m) => m.unit === "share").map((m) => m.name);
const MONEY_AND_COUNTS = METRICS.filter((m) => m.unit !== "share" && m.unit !== "index" && m.name !== "developer_profit" && m.name !== "total_surplus").map((m) => m.name);

/** Relative closeness for accounting identities (sums of many floating-point terms). */
export function close(a: number, b: number, rel = 1e-9): boolean {
  return Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Every invariant of MODEL.md for one run; returns the list of violations (empty when all hold).
 * Identities: creator_revenue = market + AI; developer_cost = data + transaction + compliance + legal;
 * royalties_paid = distributed + admin + Δ held; every developer payment is someone's income;
 * creators' AI income = payments to creators; groups add up to totals; no NaN, no negative money or
 * count, shares in [0, 1]; model quality positive.
 * Welfare (models/README.md, "Welfare"), exact to rounding, both ways of counting:
 *   total_surplus = consumer_surplus + developer_profit + creator_revenue + payments_to_intermediaries
 *                   + payments_to_state + payments_to_sellers + Δ unmatched_royalties_held
 *                 = consumer_surplus + ai_revenue − inference_cost − developer_fixed_cost
 *                   + creator_market_revenue − deadweight_cost,
 *   deadweight_cost = payments_to_others + payments_to_lawyers + collective_admin_cost.
 */
export function violations(run: RunOutput): string[] {
  const out: string[] = [];
  const s = run.series;
  const at = (k: string, t: number) => s[k][t];
  for (const [key, col] of Object.entries(s)) {
    for (let t = 0; t < run.years; t++) if (!Number.isFinite(col[t])) out.push(`${key}[${t}] is ${col[t]}`);
  }
  for (let t = 0; t < run.years; t++) {
    const where = `${run.regime} seed ${run.seed} year ${run.startYear + t}`;
    for (const m of SHARES) if (at(m, t) < 0 || at(m, t) > 1 + 1e-12) out.push(`${where}: ${m} = ${at(m, t)} outside [0, 1]`);
    for (const m of MONEY_AND_COUNTS) if (at(m, t) < -1e-6) out.push(`${where}: ${m} = ${at(m, t)} is negative`);
    if (!(at("model_quality", t) >= 0)) out.push(`${where}: model_quality ${at("model_quality", t)}`);
    const id = (name: string, lhs: number, rhs: number) => {
      if (!close(lhs, rhs, 1e-8)) out.push(`${where}: ${name}: ${lhs} ≠ ${rhs}`);
    };
    id("creator_revenue = market + AI", at("creator_revenue", t), at("creator_market_revenue", t) + at("creator_ai_revenue", t));
    id("developer_cost = data + tx + compliance + legal", at("developer_cost", t),
      at("developer_data_cost", t) + at("developer_transaction_cost", t) + at("developer_compliance_cost", t) + at("developer_legal_cost", t));
    const dHeld = at("unmatched_royalties_held", t) - (t > 0 ? at("unmatched_royalties_held", t - 1) : 0);
    id("royalties_paid = distributed + admin + Δheld", at("royalties_paid", t), at("royalties_distributed", t) + at("collective_admin_cost", t) + dHeld);
    id("developer_cost = income of creators, intermediaries, collective, lawyers, state, others (+Δheld)", at("developer_cost", t),
      at("payments_to_creators", t) + at("payments_to_intermediaries", t) + at("collective_admin_cost", t) + dHeld +
      at("payments_to_lawyers", t) + at("payments_to_state", t) + at("payments_to_others", t) + at("payments_to_sellers", t));
    id("total_surplus = CS + profit + creator revenue + intermediaries + state + sellers + Δheld", at("total_surplus", t),
      at("consumer_surplus", t) + at("developer_profit", t) + at("creator_revenue", t) + at("payments_to_intermediaries", t) +
      at("payments_to_state", t) + at("payments_to_sellers", t) + dHeld);
    id("total_surplus = CS + revenue − inference − fixed + creator market revenue − deadweight", at("total_surplus", t),
      at("consumer_surplus", t) + at("ai_revenue", t) - at("inference_cost", t) - at("developer_fixed_cost", t) +
      at("creator_market_revenue", t) - at("deadweight_cost", t));
    id("deadweight = others + lawyers + admin", at("deadweight_cost", t), at("payments_to_others", t) + at("payments_to_lawyers", t) + at("collective_admin_cost", t));
    id("creator_ai_revenue = payments_to_creators", at("creator_ai_revenue", t), at("payments_to_creators", t));
    for (const m of ["creator_revenue", "creator_market_revenue", "creator_ai_revenue"]) {
      id(`${m} = Σ sectors`, at(m, t), SECTORS.reduce((a, g) => a + at(seriesKey(m, g), t), 0));
      id(`${m} = Σ deciles`, at(m, t), DECILES.reduce((a, g) => a + at(seriesKey(m, g), t), 0));
    }
    for (const m of ["active_creators", "works_created"]) id(`${m} = Σ sectors`, at(m, t), SECTORS.reduce((a, g) => a + at(seriesKey(m, g), t), 0));
  }
  return out;
}
