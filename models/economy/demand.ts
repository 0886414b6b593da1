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
 * Prices. Each developer sets one price (single-product Bertrand–Nash). With a charge ρ_j on revenue
 * (royalty, side deals, filters), k_j = 1 − ρ_j, marginal inference cost c_t and markup x = p − c_t/k_j,
 *   π_j(p) = (k_j p − c_t) q_j(p) − κ c_t q^f_j(p) = Σ_g M_g (k_j x e_jg(p) − κ c_t e^f_j) / (1 + R_jg + e^f_j + e_jg(p)),
 * with e_jg(p) = e^{ξ + θ ln Q_j − α_g p} and R_jg the rivals' Σ (e + e^f) (the total less j's own terms).
 * Over a mixture of segments π_j is not quasi-concave in p (one price can serve every segment, or only
 * the regular and power users, or only the power users), so the first-order condition
 * p = c/(1 − ρ) + q/D − … has several roots, and model 2.1.0's fixed point on it stopped at points that
 * were not best responses (developers could gain 17% in 2025, up to 5× by 2033). `solvePrices` (prices.ts) computes
 * best responses instead: for each developer in index order (Gauss–Seidel), against rivals' current
 * prices, π_j is evaluated on a fixed log-spaced grid of markups x_k = x_lo r^k, k < PRICE_GRID, from
 * x_lo = 0.01/α_max to x_hi = 60/α_min (every segment's price scale; e^{−α_g x_k} is computed once per
 * solve, so a grid point costs O(segments) arithmetic); the best grid point is refined by golden-section
 * search over its two neighbouring intervals (GOLDEN_STEPS steps), then by NEWTON_STEPS Newton steps on
 * the first-order condition inside that bracket, keeping whichever point has the highest profit. Prices
 * never go below c/(1 − ρ) (zero margin). `passes` sweeps are made, a fixed number (no data-dependent
 * stopping, so results are identical on every platform), warm-started from the last solve's prices.
 * A pure-strategy equilibrium need not exist: when several developers' profit humps (casual-,
 * regular- and power-user prices) are close, best responses can cycle (a developer moving to the
 * power-user price makes the mass-market price better for the next, and so on). Then the solve stops
 * after its passes at the last best responses: each developer is at a best response to the prices it
 * saw when it moved, and later movers may have left it a gain. tests/demand-equilibrium.test.ts reports
 * the largest such residual gain over regimes, seeds and years, and the share of markets above 0.5%.
 *
 * Free tiers (freemium). Every developer also offers its model free, rate-limited and partly served by a
 * smaller model: quality φ Q_j at price 0 (φ = `demand.free_tier_quality`), so e^{δ^f_j} = φ^θ e^{ξ + θ ln Q_j}
 * for every segment. Most users take a free tier (OpenAI: ≈ 50M paying of ≈ 900M weekly users, 2026). A
 * free user costs the developer κ c_t a year (κ = `demand.free_cost_share`: free users send about a third
 * of a subscriber's queries) and brings no revenue (no advertising is modelled). The free tier enters
 * every segment's denominator, so it caps what a paid tier can charge; the free users' cost term of π_j
 * makes a higher price (users pushed to the own free tier) costlier. φ = 0 removes free tiers (model 2.0.0).
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
  /** Marginal inference cost per paid user-year and per free user-year (USD). */
  cost: number;
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
    theta: d.qualityUtility, xi: d.baseUtility, cost: 0, freeCost: 0, progress: 1, tokens: 1,
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
  out.freeCost = d.freeCostShare * out.cost;
  out.progress = pow(1 + p.progress.algorithmicGrowth, p.progress.qualityPerCompute * t);
  out.tokens = p.progress.tokenDemand2025 * tokenIndex(p, t);
}

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
  const d1 = u + u * rStar * (1 - exp(-(n / u - 1) / rStar));
  return d1 + sigma * d1 * (1 - exp(-(n - d1) / d1));
}

/** ∂D″/∂U: 0 once U covers N (more unique data adds nothing the compute can use). */
export function effectiveDataSlope(u: number, n: number, rStar: number, sigma: number): number {
  if (u >= n) return 0;
  if (!(u > 0)) return (1 + sigma) * (1 + rStar);
  const r = n / u - 1;
  const e = exp(-r / rStar);
  const d1 = u + u * rStar * (1 - e);
  const slope1 = 1 + rStar * (1 - e) - e * (r + 1);
  const x = (n - d1) / d1;
  const ex = exp(-x);
  return slope1 * (1 + sigma * (1 - ex) - sigma * ex * (n / d1));
}

/** Data factor (D″ / D″_ref)^α of a corpus of value u. */
export function dataFactor(dy: DemandYear, u: number): number {
  return pow(effectiveData(u, dy.tokens, dy.rStar, dy.sigma) / dy.dRef, dy.scaling);
}

/** Inputs and outputs of one price solve over n developers (slots with active = 0 are skipped). */
export interface Market {
  n: number;
  active: Uint8Array;
  /** Model quality Q_j and charge on revenue ρ_j (inputs); price p_j (in: start, out: equilibrium). */
  quality: Float64Array;
  rho: Float64Array;
  price: Float64Array;
  /** e^{δ_jg}, row-major [j × N_SEGMENTS + g], e^{δ^f_j} of the free tier, and Σ_j (e^{δ_jg} + e^{δ^f_j}) per segment (outputs). */
  expU: Float64Array;
  freeExp: Float64Array;
  total: Float64Array;
  /** Paid quantity q_j and free users q^f_j (user-years) (outputs). */
  quantity: Float64Array;
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
      const e = exp(base - dy.alpha[g] * m.price[j]);
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
    n: 0, active: new Uint8Array(capacity), quality: f(), rho: f(), price: f(), quantity: f(), freeQuantity: f(), freeExp: f(),
    expU: new Float64Array(capacity * N_SEGMENTS), total: new Float64Array(N_SEGMENTS),
  };
}

/** A starting price: inference cost plus the regular segment's price scale. */
export function startPrice(dy: DemandYear): number {
  return dy.cost + 1 / dy.alpha[1];
}
