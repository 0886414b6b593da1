/**
 * Demand for AI services, the supply side's technology, and Bertrand–logit prices (version 2).
 *
 * Users. Potential users M_t (user-years) are a finite mixture of three segments g (casual, regular,
 * power) with shares m_g and price coefficients α_g = 1 / price scale_g, because willingness to pay is
 * very skewed (median ≪ mean: Brynjolfsson, Collis et al. 2026). A user of segment g picks the model j
 * with the highest u_jg = ξ + θ ln Q_j − α_g p_j + ε_jg (ε type-I extreme value) or the outside good
 * (u = ε_0). Shares s_jg = e^{δ_jg} / (1 + Σ_k e^{δ_kg}); quantity q_j = Σ_g M_g s_jg.
 * M_t = M_2025 Π_{k<t} (1 + g_0 d^k): an adoption path whose growth declines by d a year.
 *
 * Technology. Q_j = A_t · k_j · (D″_j / D″_ref)^α: A_t = (1 + g_A)^{βt} the technical-progress trend
 * (effective compute from training efficiency, ≈ 3×/yr: Gundlach et al. 2025, turned into quality by
 * the power β), k_j the tier scale, α `corpus.scaling_exponent`.
 * D″ is effective data: unique data U_j (the developer's corpus value, in full 2025 corpora, open data
 * included, each sector's works weighted by freshness) stretched by repetition up to the tokens its
 * compute can use, N_t = N_0 (1 + g_N)^t (Muennighoff et al. 2025):
 *   D′ = N if U ≥ N, else U + U R* (1 − e^{−R/R*}) with R = N/U − 1 repetitions;
 *   D″ = D′ + σ D′ (1 − e^{−(N − D′)/D′}) (synthetic data made from the real data fill the gap to N
 *   with diminishing returns, at most σ D′). D″_ref = D″(1, N_0): a 2025 frontier model on the full corpus has Q = k.
 *
 * Prices. Each developer sells one model on plans priced per user segment, p_jg (developers do price by
 * plan: free, a consumer subscription, a professional plan, business seats and API use), and competes in
 * each segment as a single-product Bertrand–Nash firm. Segments are priced as if the developer could tell
 * them apart (third-degree price discrimination); real plans are chosen by users (second-degree), so this
 * overstates how well a developer separates them: an assumption. With a charge ρ_j on revenue (royalty,
 * side deals, filters), k_j = 1 − ρ_j, marginal inference cost c_t, a free tier e^f_j and rivals' sum R_jg,
 * write A_jg = 1 + R_jg + e^f_j (independent of j's own paid price in g). Its profit in segment g is
 *   π_jg(p) = (k p − c) q_jg(p) − κ c q^f_jg(p) = M_g [(k p − c_e) s_jg(p) − κ c e^f_j / A_jg],
 *   s_jg(p) = e^{δ_jg(p)} / (A_jg + e^{δ_jg(p)}),  c_e = c (1 − κ e^f_j / A_jg),
 * because q^f_jg = M_g (e^f_j / A_jg)(1 − s_jg): a paid user is one free user fewer. That is the standard
 * single-product logit profit with effective cost c_e, strictly quasi-concave in p, so the first-order
 * condition p − c_e/k = 1/(α_g (1 − s_jg)) has one root and it is the best response. Why per segment: with
 * one price for a mixture of segments (model 2.2.0), profit is not quasi-concave (one price can serve every
 * segment, or only the power users), best responses jump between its peaks, often no pure-strategy
 * equilibrium exists, and which peak developers end on moved rankings between seeds. `solvePrices`
 * (prices.ts) makes `passes` Gauss–Seidel sweeps (developers in index order, each segment, `NEWTON_STEPS`
 * Newton steps on h(x) = x − 1/(α(1 − s(x))), x = p − c_e/k; h is increasing and concave, so Newton
 * converges from any start), a fixed count, so results are identical on every platform. Logit Bertrand
 * with an outside good has a unique equilibrium and best-response sweeps converge to it
 * (tests/demand-equilibrium.test.ts measures the largest gain any developer could still get on a fine price
 * grid). A developer's recorded price p_j is its quantity-weighted mean Σ_g p_jg q_jg / q_j, so its revenue is
 * p_j q_j. Markups fall as rivals multiply and improve; a revenue charge raises the floor c_e/k, so it passes
 * into prices in proportion to inference cost (with no marginal cost an ad valorem charge leaves logit
 * prices unchanged) and otherwise works through entry and relocation.
 *
 * Free tiers (freemium). Every developer also offers its model free, rate-limited and partly served by a
 * smaller model: quality φ Q_j at price 0 (φ = `demand.free_tier_quality`), so e^{δ^f_j} = φ^θ e^{ξ + θ ln Q_j}
 * for every segment. Most users take a free tier (OpenAI: ≈ 50M paying of ≈ 900M weekly users, 2026). A
 * free user costs the developer κ c_t a year (κ = `demand.free_cost_share`: free users send about a third
 * of a subscriber's queries) and brings no revenue (no advertising is modelled). The free tier enters
 * every segment's denominator, so it caps what a paid plan can charge; a paid user saves a free user's cost
 * (the effective cost c_e above). φ = 0 removes free tiers (model 2.0.0).
 *
 * Consumer surplus (log-sum, Small & Rosen): CS = Σ_g (M_g / α_g) ln(1 + Σ_j (e^{δ_jg} + e^{δ^f_j})), in USD
 * a year relative to a world without AI services: a compensating variation, not the willingness to accept
 * that surveys measure (WTA exceeds WTP for most goods: the Methods page compares the two).
 */
import type { ModelParams } from "./params";
import { exp, log, log1p, pow } from "../engine/math";

export const N_SEGMENTS = 3;

/** The demand and technology of one year (allocated once per run, refilled by `setDemandYear`). */
export interface DemandYear {
  /** Users per segment this year (user-years) and price coefficients (1/USD). */
  users: Float64Array;
  alpha: Float64Array;
  theta: number;
  xi: number;
  /** Marginal inference cost of a regular paid user-year, of a paid user-year per segment (usage multiples of
   *  the regular one), and of a free user-year (USD). */
  cost: number;
  segCost: Float64Array;
  freeCost: number;
  /** φ^θ: e^{δ} of a free tier relative to its paid model at price 0 (0: no free tiers). */
  freeFactor: number;
  /** Technical-progress trend A_t, tokens demanded N_t, repetition scale R*, synthetic share σ, D″_ref. */
  progress: number;
  tokens: number;
  rStar: number;
  sigma: number;
  dRef: number;
  /** Scaling exponent α. */
  scaling: number;
}

export function allocDemandYear(p: ModelParams): DemandYear {
  const d = p.demand;
  const c = p.corpus;
  return {
    users: new Float64Array(N_SEGMENTS),
    alpha: Float64Array.from([1 / d.casualPriceScale, 1 / d.regularPriceScale, 1 / d.powerPriceScale]),
    theta: d.qualityUtility, xi: d.baseUtility, cost: 0, segCost: new Float64Array(N_SEGMENTS), freeCost: 0, progress: 1, tokens: 1,
    freeFactor: d.freeTierQuality > 0 ? pow(d.freeTierQuality, d.qualityUtility) : 0,
    rStar: c.repetitionScale, sigma: c.syntheticSubstitution,
    dRef: effectiveData(1, p.progress.tokenDemand2025, c.repetitionScale, c.syntheticSubstitution),
    scaling: c.scalingExponent,
  };
}

/** M_t / M_2025: the adoption path, growth g_0 in 2025 declining by the factor d a year. @example usersIndex(p, 0) // => 1 */
export function usersIndex(p: ModelParams, t: number): number {
  let m = 1;
  for (let k = 0; k < t; k++) m *= 1 + p.demand.usersGrowth2025 * pow(p.demand.usersGrowthDecay, k);
  return m;
}

/** N_t / N_2025: growth of the tokens a developer's compute can use. */
export function tokenIndex(p: ModelParams, t: number): number {
  return pow(1 + p.progress.tokenDemandGrowth, t);
}

/** Fill the year's users per segment, inference cost and technology. */
export function setDemandYear(p: ModelParams, t: number, out: DemandYear): void {
  const d = p.demand;
  const m = d.users2025 * usersIndex(p, t);
  out.users[0] = m * d.casualShare;
  out.users[2] = m * d.powerShare;
  out.users[1] = Math.max(0, m - out.users[0] - out.users[2]);
  out.cost = d.inferenceCost2025 * pow(1 - d.inferenceCostDecline, t);
  out.segCost[0] = d.casualUsage * out.cost;
  out.segCost[1] = out.cost;
  out.segCost[2] = d.powerUsage * out.cost;
  out.freeCost = d.freeCostShare * out.cost;
  out.progress = pow(1 + p.progress.algorithmicGrowth, p.progress.qualityPerCompute * t);
  out.tokens = p.progress.tokenDemand2025 * tokenIndex(p, t);
}

/** Scratch for `effectiveData` and `effectiveDataSlope`. */
const DATA = { d: 0, slope: 0 };

/**
 * Effective data D″ of U unique full corpora when compute can use N: repetition per Muennighoff et al.
 * (D′), then synthetic data generated from it, filling the gap to N with diminishing returns and at most
 * a share σ of D′ on top (D″ = D′ + σ D′ (1 − e^{−(N − D′)/D′})): synthetic data stretch real data, they
 * do not replace it.
 * @example effectiveData(1, 1, 15.4, 0.3) // => 1
 */
export function effectiveData(u: number, n: number, rStar: number, sigma: number): number {
  if (!(u > 0)) return 0;
  if (u >= n) return n;
  effectiveDataInterior(u, n, rStar, sigma, DATA);
  return DATA.d;
}

/** ∂D″/∂U: 0 once U covers N (more unique data adds nothing the compute can use). */
export function effectiveDataSlope(u: number, n: number, rStar: number, sigma: number): number {
  if (u >= n) return 0;
  if (!(u > 0)) return (1 + sigma) * (1 + rStar);
  effectiveDataInterior(u, n, rStar, sigma, DATA);
  return DATA.slope;
}

/**
 * D″ and ∂D″/∂U together for 0 < u < n (the repeated data D′ = U + U R* (1 − e^{−(N/U − 1)/R*}), then the
 * synthetic data on top), from two exponentials: `marginalProfit` needs both at every step of its search.
 * Written into `out`.
 */
export function effectiveDataInterior(u: number, n: number, rStar: number, sigma: number, out: { d: number; slope: number }): void {
  const r = n / u - 1;
  const e = exp(-r / rStar);
  const d1 = u + u * rStar * (1 - e);
  const x = (n - d1) / d1;
  const ex = exp(-x);
  out.d = d1 + sigma * d1 * (1 - ex);
  out.slope = (1 + rStar * (1 - e) - e * (r + 1)) * (1 + sigma * (1 - ex) - sigma * ex * (n / d1));
}

/** Data factor (D″ / D″_ref)^α of a corpus of value u. */
export function dataFactor(dy: DemandYear, u: number): number {
  return pow(effectiveData(u, dy.tokens, dy.rStar, dy.sigma) / dy.dRef, dy.scaling);
}

/** Inputs and outputs of one price solve over n developers (slots with active = 0 are skipped). */
export interface Market {
  n: number;
  active: Uint8Array;
  /** Model quality Q_j and charge on revenue ρ_j (inputs); price per segment p_jg, row-major [j × N_SEGMENTS + g]
   *  (in: start, out: equilibrium), and its quantity-weighted mean p_j (out). */
  quality: Float64Array;
  rho: Float64Array;
  segPrice: Float64Array;
  price: Float64Array;
  /** e^{δ_jg}, row-major [j × N_SEGMENTS + g], e^{δ^f_j} of the free tier, and Σ_j (e^{δ_jg} + e^{δ^f_j}) per segment (outputs). */
  expU: Float64Array;
  freeExp: Float64Array;
  total: Float64Array;
  /** Paid quantity q_j and free users q^f_j (user-years), and the paid users' inference cost Σ_g c_g q_jg (USD) (outputs). */
  quantity: Float64Array;
  inference: Float64Array;
  freeQuantity: Float64Array;
}

/** e^{δ_jg} for every active developer and the per-segment totals, at the current prices. */
export function inclusiveValues(dy: DemandYear, m: Market): void {
  m.total.fill(0);
  for (let j = 0; j < m.n; j++) {
    if (!m.active[j]) continue;
    const base = dy.xi + dy.theta * log(m.quality[j]);
    const free = dy.freeFactor > 0 ? dy.freeFactor * exp(base) : 0;
    m.freeExp[j] = free;
    for (let g = 0; g < N_SEGMENTS; g++) {
      const e = exp(base - dy.alpha[g] * m.segPrice[j * N_SEGMENTS + g]);
      m.expU[j * N_SEGMENTS + g] = e;
      m.total[g] += e + free;
    }
  }
}

/** Consumer surplus Σ_g (M_g / α_g) ln(1 + Σ_j (e^{δ_jg} + e^{δ^f_j})) after `inclusiveValues` (USD per year). */
export function consumerSurplus(dy: DemandYear, m: Market): number {
  let cs = 0;
  for (let g = 0; g < N_SEGMENTS; g++) cs += (dy.users[g] / dy.alpha[g]) * log1p(m.total[g]);
  return cs;
}

/** A market over `capacity` developer slots. */
export function allocMarket(capacity: number): Market {
  const f = () => new Float64Array(capacity);
  return {
    n: 0, active: new Uint8Array(capacity), quality: f(), rho: f(), price: f(), segPrice: new Float64Array(capacity * N_SEGMENTS), quantity: f(), inference: f(), freeQuantity: f(), freeExp: f(),
    expU: new Float64Array(capacity * N_SEGMENTS), total: new Float64Array(N_SEGMENTS),
  };
}

/** Start developer j's segment prices at inference cost plus each segment's price scale (when not yet set), and p_j at the regular plan's. */
export function startPrices(dy: DemandYear, m: Market, j: number): void {
  if (m.segPrice[j * N_SEGMENTS] > 0) return;
  for (let g = 0; g < N_SEGMENTS; g++) m.segPrice[j * N_SEGMENTS + g] = dy.segCost[g] + 1 / dy.alpha[g];
  m.price[j] = m.segPrice[j * N_SEGMENTS + 1];
}
