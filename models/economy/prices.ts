/**
 * The price solve of the Bertrand–logit market: each developer's best-response price by a log-spaced grid,
 * golden section and Newton steps, in Gauss–Seidel sweeps. The equations, and what happens when no
 * pure-strategy equilibrium exists, are in the comment at the top of `demand.ts` ("Prices").
 */
import { N_SEGMENTS, inclusiveValues, type DemandYear, type Market } from "./demand";
import { exp, log } from "../engine/math";

/** Log-spaced markups per price solve, and golden-section steps per refinement. */
export const PRICE_GRID = 40;
export const GOLDEN_STEPS = 10;
/** Newton steps on the first-order condition after the golden section (each a few exps; they take the price to machine precision). */
export const NEWTON_STEPS = 2;
const GOLDEN = 0.6180339887498949;

/** Scratch of one price solve: e^{−α_g x_k} row-major [k × N_SEGMENTS + g], the markups x_k, and per segment j's e at zero markup and rivals' Σ. */
interface PriceScratch {
  grid: Float64Array;
  markup: Float64Array;
  b: Float64Array;
  r: Float64Array;
}

/** The markup grid x_k = x_lo r^k from 0.01/α_max to 60/α_min, with e^{−α_g x_k}. */
function priceGrid(dy: DemandYear): PriceScratch {
  const s: PriceScratch = { grid: new Float64Array(PRICE_GRID * N_SEGMENTS), markup: new Float64Array(PRICE_GRID), b: new Float64Array(N_SEGMENTS), r: new Float64Array(N_SEGMENTS) };
  let aMax = 0, aMin = Infinity;
  for (let g = 0; g < N_SEGMENTS; g++) {
    if (!(dy.users[g] > 0)) continue;
    aMax = Math.max(aMax, dy.alpha[g]);
    aMin = Math.min(aMin, dy.alpha[g]);
  }
  if (!(aMax > 0)) aMax = aMin = 1;
  const lo = 0.01 / aMax;
  const step = log(60 / aMin / lo) / (PRICE_GRID - 1);
  for (let k = 0; k < PRICE_GRID; k++) {
    const x = lo * exp(step * k);
    s.markup[k] = x;
    for (let g = 0; g < N_SEGMENTS; g++) s.grid[k * N_SEGMENTS + g] = exp(-dy.alpha[g] * x);
  }
  return s;
}

/** π_j at markup x (see the module comment), with e^{−α_g x} from grid row k, or computed when `k` < 0. */
function profitAt(dy: DemandYear, s: PriceScratch, free: number, keep: number, x: number, k: number): number {
  let pi = 0;
  for (let g = 0; g < N_SEGMENTS; g++) {
    const e = s.b[g] * (k >= 0 ? s.grid[k * N_SEGMENTS + g] : exp(-dy.alpha[g] * x));
    pi += (dy.users[g] * (keep * x * e - dy.freeCost * free)) / (1 + s.r[g] + free + e);
  }
  return pi;
}

/** Golden-section search for the best markup in [a, c]; returns the better end point's markup and profit. */
function golden(dy: DemandYear, s: PriceScratch, free: number, keep: number, a: number, c: number): [number, number] {
  let x1 = c - GOLDEN * (c - a), x2 = a + GOLDEN * (c - a);
  let f1 = profitAt(dy, s, free, keep, x1, -1), f2 = profitAt(dy, s, free, keep, x2, -1);
  for (let it = 0; it < GOLDEN_STEPS; it++) {
    if (f1 >= f2) {
      c = x2; x2 = x1; f2 = f1;
      x1 = c - GOLDEN * (c - a);
      f1 = profitAt(dy, s, free, keep, x1, -1);
    } else {
      a = x1; x1 = x2; f1 = f2;
      x2 = a + GOLDEN * (c - a);
      f2 = profitAt(dy, s, free, keep, x2, -1);
    }
  }
  return f1 >= f2 ? [x1, f1] : [x2, f2];
}

/**
 * Newton's method on π′(x) = 0 from x inside [a, c]: with s_g = e_g/(A_g + e_g), s^f_g = e^f/(A_g + e_g), A_g = 1 + R_g + e^f,
 *   π′ = Σ_g M_g [k s_g − k x α_g s_g (1 − s_g) − κ c α_g s_g s^f_g],
 *   π″ = Σ_g M_g [−2 k α_g s_g (1 − s_g) + k x α_g² s_g (1 − s_g)(1 − 2 s_g) + κ c α_g² s_g s^f_g (1 − 2 s_g)];
 * a step is taken only where π″ < 0 and it stays inside the bracket.
 */
function newton(dy: DemandYear, s: PriceScratch, free: number, keep: number, x: number, a: number, c: number): number {
  for (let it = 0; it < NEWTON_STEPS; it++) {
    let d1 = 0, d2 = 0;
    for (let g = 0; g < N_SEGMENTS; g++) {
      const al = dy.alpha[g];
      const e = s.b[g] * exp(-al * x);
      const den = 1 + s.r[g] + free + e;
      const sh = e / den, sf = free / den;
      d1 += dy.users[g] * (keep * sh - keep * x * al * sh * (1 - sh) - dy.freeCost * al * sh * sf);
      d2 += dy.users[g] * (-2 * keep * al * sh * (1 - sh) + keep * x * al * al * sh * (1 - sh) * (1 - 2 * sh) + dy.freeCost * al * al * sh * sf * (1 - 2 * sh));
    }
    if (!(d2 < 0)) break;
    const next = x - d1 / d2;
    if (!(next >= a && next <= c)) break;
    x = next;
  }
  return x;
}

/** Developer j's best markup against rivals' sums in `s.r`: the best grid point, refined by golden section. */
function bestMarkup(dy: DemandYear, s: PriceScratch, free: number, keep: number): number {
  let kBest = 0, best = -Infinity;
  for (let k = 0; k < PRICE_GRID; k++) {
    const pi = profitAt(dy, s, free, keep, s.markup[k], k);
    if (pi > best) {
      best = pi;
      kBest = k;
    }
  }
  const a = kBest > 0 ? s.markup[kBest - 1] : 0;
  const c = kBest < PRICE_GRID - 1 ? s.markup[kBest + 1] : s.markup[kBest];
  const [xg, fg] = golden(dy, s, free, keep, a, c);
  const x0 = fg > best ? xg : s.markup[kBest];
  const xn = newton(dy, s, free, keep, x0, a, c);
  return profitAt(dy, s, free, keep, xn, -1) >= Math.max(fg, best) ? xn : x0;
}

/**
 * Bertrand–logit prices as best responses (see the module comment): `passes` Gauss–Seidel sweeps in
 * index order, each developer moving to its best price against the others' current prices; then the
 * paid and free quantities at the final prices.
 */
export function solvePrices(dy: DemandYear, m: Market, passes: number): void {
  const s = priceGrid(dy);
  inclusiveValues(dy, m);
  for (let it = 0; it < passes; it++) {
    for (let j = 0; j < m.n; j++) {
      if (!m.active[j]) continue;
      const keep = 1 - m.rho[j];
      const floor = dy.cost / keep;
      const base = dy.xi + dy.theta * log(m.quality[j]);
      const free = m.freeExp[j];
      for (let g = 0; g < N_SEGMENTS; g++) {
        s.r[g] = Math.max(0, m.total[g] - m.expU[j * N_SEGMENTS + g] - free);
        s.b[g] = exp(base - dy.alpha[g] * floor);
      }
      const x = bestMarkup(dy, s, free, keep);
      m.price[j] = floor + x;
      for (let g = 0; g < N_SEGMENTS; g++) {
        const e = s.b[g] * exp(-dy.alpha[g] * x);
        m.expU[j * N_SEGMENTS + g] = e;
        m.total[g] = s.r[g] + free + e;
      }
    }
    // Fresh sums each sweep, so the running totals do not drift by cancellation.
    m.total.fill(0);
    for (let j = 0; j < m.n; j++) if (m.active[j]) for (let g = 0; g < N_SEGMENTS; g++) m.total[g] += m.expU[j * N_SEGMENTS + g] + m.freeExp[j];
  }
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
