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
 * (royalty, side deals, filters) and marginal inference cost c_t, profit ((1 − ρ)p − c) q(p) gives
 *   p_j = c_t / (1 − ρ_j) + q_j / (−∂q_j/∂p_j),   −∂q_j/∂p_j = Σ_g M_g α_g s_jg (1 − s_jg),
 * solved by a damped fixed point with a fixed iteration count (deterministic). So markups fall as
 * rivals multiply and improve, and a revenue royalty passes partly into prices.
 *
 * Free tiers (freemium). Every developer also offers its model free, rate-limited and partly served by a
 * smaller model: quality φ Q_j at price 0 (φ = `demand.free_tier_quality`), so e^{δ^f_j} = φ^θ e^{ξ + θ ln Q_j}
 * for every segment. Most users take a free tier (OpenAI: ≈ 50M paying of ≈ 900M weekly users, 2026). A
 * free user costs the developer κ c_t a year (κ = `demand.free_cost_share`: free users send about a third
 * of a subscriber's queries) and brings no revenue (no advertising is modelled). The free tier enters
 * every segment's denominator, so it caps what a paid tier can charge; with the cannibalisation cost
 * F_j = Σ_g M_g α_g s_jg s^f_jg (users pushed to the own free tier by a higher price), the price rule is
 *   p_j = c_t / (1 − ρ_j) + q_j / D_j − κ c_t F_j / ((1 − ρ_j) D_j),   D_j = Σ_g M_g α_g s_jg (1 − s_jg).
 * φ = 0 removes free tiers (model 2.0.0).
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

/**
 * Bertrand–logit prices by the damped fixed point p ← p + d (c/(1 − ρ) + q/D − κc F/((1 − ρ) D) − p),
 * `iterations` times (never below 0); then the paid and free quantities at the final prices.
 */
export function solvePrices(dy: DemandYear, m: Market, iterations: number, damping: number): void {
  for (let it = 0; it < iterations; it++) {
    inclusiveValues(dy, m);
    for (let j = 0; j < m.n; j++) {
      if (!m.active[j]) continue;
      let q = 0;
      let dq = 0;
      let toFree = 0;
      for (let g = 0; g < N_SEGMENTS; g++) {
        const s = m.expU[j * N_SEGMENTS + g] / (1 + m.total[g]);
        q += dy.users[g] * s;
        dq += dy.users[g] * dy.alpha[g] * s * (1 - s);
        toFree += (dy.users[g] * dy.alpha[g] * s * m.freeExp[j]) / (1 + m.total[g]);
      }
      const target = dy.cost / (1 - m.rho[j]) + (dq > 0 ? (q - (dy.freeCost * toFree) / (1 - m.rho[j])) / dq : 0);
      m.price[j] = Math.max(0, m.price[j] + damping * (target - m.price[j]));
    }
  }
  inclusiveValues(dy, m);
  for (let j = 0; j < m.n; j++) {
    if (!m.active[j]) continue;
    let q = 0, qf = 0;
    for (let g = 0; g < N_SEGMENTS; g++) {
      q += (dy.users[g] * m.expU[j * N_SEGMENTS + g]) / (1 + m.total[g]);
      qf += (dy.users[g] * m.freeExp[j]) / (1 + m.total[g]);
    }
    m.quantity[j] = q;
    m.freeQuantity[j] = qf;
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
