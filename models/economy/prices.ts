/**
 * The price solve of the Bertrand–logit market with one price per developer and user segment (plans):
 * each developer's exact best response per segment by Newton's method, in Gauss–Seidel sweeps. The
 * equations, and why prices are per segment, are in the comment at the top of `demand.ts` ("Prices").
 */
import { N_SEGMENTS, type DemandYear, type Market } from "./demand";
import { exp, log } from "../engine/math";

/**
 * Newton steps per developer, segment and sweep, on h(x) = x − 1/(α(1 − s(x))) with x = p − c_e/k and
 * s(x) = e(x) / (A + e(x)): the step is x ← 1/α + x s(x), and e(x′) = e(x) e^{−α(x′ − x)} costs one exp (none
 * at the start: the market already holds the current price's e^{δ}). h is increasing and concave, so
 * from any start Newton lands at or below the root after one step and then rises to it quadratically; from
 * last sweep's price (warm start) two steps reach the root to far below the 0.5% gain the equilibrium test
 * allows (tests/demand-equilibrium.test.ts prints the largest gain left: 0 on its grid).
 */
export const NEWTON_STEPS = 2;

/**
 * Bertrand–logit prices per segment as best responses (see `demand.ts`): `passes` Gauss–Seidel sweeps in
 * index order, each developer moving to its best price in each segment against the others' current prices;
 * then the paid and free quantities and each developer's mean price at the final prices.
 */
export function solvePrices(dy: DemandYear, m: Market, passes: number): void {
  inclusivePrices(dy, m);
  for (let it = 0; it < passes; it++) {
    for (let j = 0; j < m.n; j++) {
      if (!m.active[j]) continue;
      const keep = 1 - m.rho[j];
      // ξ + θ log q_j, needed only where a start falls below the floor (rare once prices are warm): computed then.
      let base = NaN;
      const free = m.freeExp[j];
      for (let g = 0; g < N_SEGMENTS; g++) {
        const k = j * N_SEGMENTS + g;
        const al = dy.alpha[g];
        // A: 1 + rivals' Σ + own free tier, which j's paid price does not move.
        const a = Math.max(1 + free, 1 + m.total[g] - m.expU[k]);
        // A paid user is one free user fewer: the effective marginal cost c_e = c − κ c e^f / A.
        const floor = (dy.segCost[g] - (dy.freeCost * free) / a) / keep;
        // Start from the current price (its e^{δ} is m.expU[k]), or from zero markup if that is below the floor.
        const x0 = m.segPrice[k] - floor;
        let x = x0 > 0 ? x0 : 0;
        let e = m.expU[k];
        if (!(x0 > 0)) {
          if (base !== base) base = dy.xi + dy.theta * log(m.quality[j]);
          e = exp(base - al * floor);
        }
        for (let step = 0; step < NEWTON_STEPS; step++) {
          const next = 1 / al + (x * e) / (a + e);
          e *= exp(-al * (next - x));
          x = next;
        }
        m.segPrice[k] = floor + x;
        m.total[g] = a - 1 + e;
        m.expU[k] = e;
      }
    }
    // Fresh sums each sweep, so the running totals do not drift by cancellation.
    sumTotals(m);
  }
  quantities(dy, m);
}

/** e^{δ} of every active developer's paid plans and free tier at its current segment prices, and the per-segment totals. */
function inclusivePrices(dy: DemandYear, m: Market): void {
  for (let j = 0; j < m.n; j++) {
    if (!m.active[j]) continue;
    const base = dy.xi + dy.theta * log(m.quality[j]);
    m.freeExp[j] = dy.freeFactor > 0 ? dy.freeFactor * exp(base) : 0;
    for (let g = 0; g < N_SEGMENTS; g++) m.expU[j * N_SEGMENTS + g] = exp(base - dy.alpha[g] * m.segPrice[j * N_SEGMENTS + g]);
  }
  sumTotals(m);
}

function sumTotals(m: Market): void {
  m.total.fill(0);
  for (let j = 0; j < m.n; j++) if (m.active[j]) for (let g = 0; g < N_SEGMENTS; g++) m.total[g] += m.expU[j * N_SEGMENTS + g] + m.freeExp[j];
}

/** Paid and free quantities at the current e^{δ} and totals, and each developer's mean price Σ_g p_jg q_jg / q_j. */
function quantities(dy: DemandYear, m: Market): void {
  for (let j = 0; j < m.n; j++) {
    if (!m.active[j]) continue;
    let q = 0, qf = 0, r = 0, c = 0;
    for (let g = 0; g < N_SEGMENTS; g++) {
      const k = j * N_SEGMENTS + g;
      const qg = (dy.users[g] * m.expU[k]) / (1 + m.total[g]);
      q += qg;
      r += m.segPrice[k] * qg;
      c += dy.segCost[g] * qg;
      qf += (dy.users[g] * m.freeExp[j]) / (1 + m.total[g]);
    }
    m.quantity[j] = q;
    m.freeQuantity[j] = qf;
    m.inference[j] = c;
    m.price[j] = q > 0 ? r / q : m.segPrice[j * N_SEGMENTS + 1];
  }
}
