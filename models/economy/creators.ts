/**
 * Creators: representative agents stored as columns of typed arrays (struct of arrays). Each agent
 * stands for `weight[sector]` real creators with the same attributes, so totals are in real dollars.
 *
 * Responsible for: drawing the initial population from a seed (common random numbers: every regime run
 * with that seed starts from an identical copy) and the per-creator decisions that do not depend on the
 * market (the fixed thresholds for opting out and for a declaration to bind). Income, exit and entry
 * are applied by the `creators` step (`steps/creators.ts`), where the market outcome is known.
 */
import { forkDraws, forkRng, normalCdf, normalPair } from "../engine/rng";
import { N_BANDS, STATUS, cellIndex } from "./cells";
import type { ModelParams } from "./params";
import { SECTORS } from "./sectors";
import { exp } from "../engine/math";

export interface Creators {
  n: number;
  /** Real creators each agent of a sector stands for. */
  weight: Float64Array;
  sector: Uint8Array;
  /** Quality percentile in (0, 1): latent talent, comonotone with the quality band. */
  quality: Float64Array;
  /** Quality quintile 0..4. */
  band: Uint8Array;
  /** Market income per real creator before AI substitution (USD per year). */
  baseIncome: Float64Array;
  /** Base-income decile (0..9) across all creators, weighted. */
  decile: Uint8Array;
  /** Works owned per real creator (stock; persists after exit: rights holders remain). */
  works: Float64Array;
  active: Uint8Array;
  intermediated: Uint8Array;
  /** Long-tail owner reachable for an individual licence (Covey's ~0.2). */
  reachable: Uint8Array;
  /** Long-run probability of declaring an opt-out (quality gradient × sector propensity × adoption). */
  optoutTarget: Float64Array;
  /** Fixed uniform thresholds (drawn once): opt-out declaration and whether a declaration binds. */
  uOptout: Float64Array;
  uBinding: Float64Array;
  /** Registered with the collective (matched). */
  registered: Uint8Array;
  /**
   * The `churn` stream's draws for every year, year-major (creator i in year t at t × n + i; one draw per
   * creator per year, the exit or entry decision): drawn once per seed and shared, read-only, by every
   * regime run of the seed, instead of each run drawing the same numbers again.
   */
  churn: Float64Array;
  /** Each creator's cell without the opt-out bit (sector, band and status are fixed, so every regime run of the seed shares it). */
  cellBase: Uint16Array;
}

/**
 * Draw the initial creator population for a seed.
 * Sector agents: `sim.creators` split equally across the four sectors (equal precision per sector).
 * Quality q = Φ(z); log income = log(median) + σ(ρ z + √(1−ρ²) e) (Authors Guild medians; heavy tail).
 */
export function initCreators(p: ModelParams, seed: number): Creators {
  const n = p.sim.creators;
  const nS = SECTORS.length;
  const rng = forkRng(seed, "creators");
  const c: Creators = {
    n,
    weight: new Float64Array(nS),
    sector: new Uint8Array(n),
    quality: new Float64Array(n),
    band: new Uint8Array(n),
    baseIncome: new Float64Array(n),
    decile: new Uint8Array(n),
    works: new Float64Array(n),
    active: new Uint8Array(n),
    intermediated: new Uint8Array(n),
    reachable: new Uint8Array(n),
    optoutTarget: new Float64Array(n),
    uOptout: new Float64Array(n),
    uBinding: new Float64Array(n),
    registered: new Uint8Array(n),
    churn: forkDraws(seed, "churn", n * p.sim.years),
    cellBase: new Uint16Array(n),
  };
  const perSector = new Float64Array(nS);
  for (let i = 0; i < n; i++) perSector[Math.floor((i * nS) / n)]++;
  const activeShare = 1 - p.creators.reserveShare;
  for (let s = 0; s < nS; s++) c.weight[s] = p.sectors[s].population / (perSector[s] * activeShare);

  const rho = p.creators.qualityIncomeCorrelation;
  const rhoC = Math.sqrt(1 - rho * rho);
  const g = p.optout.qualityGradient;
  const pair = new Float64Array(2);
  for (let i = 0; i < n; i++) {
    const s = Math.floor((i * nS) / n);
    const sec = p.sectors[s];
    c.sector[i] = s;
    // Fixed draw order per agent keeps every attribute on its own position in the stream.
    normalPair(rng, pair);
    const z = pair[0];
    const e = pair[1];
    const uActive = rng();
    const uInt = rng();
    const uReach = rng();
    c.uOptout[i] = rng();
    c.uBinding[i] = rng();
    const uReg = rng();
    const q = normalCdf(z);
    c.quality[i] = q;
    c.band[i] = Math.min(N_BANDS - 1, Math.floor(q * N_BANDS));
    c.baseIncome[i] = sec.medianIncome * exp(sec.incomeDispersion * (rho * z + rhoC * e));
    c.active[i] = uActive >= p.creators.reserveShare ? 1 : 0;
    // Backlists scale with quality around the sector mean (mean of 0.5 + q is 1); slots held in reserve own nothing yet.
    c.works[i] = c.active[i] ? sec.worksPerCreator * (0.5 + q) : 0;
    c.intermediated[i] = uInt < sec.intermediatedShare ? 1 : 0;
    c.reachable[i] = uReach < p.licensing.longtailLicensability ? 1 : 0;
    c.registered[i] = uReg < p.collective.initialMatchRate ? 1 : 0;
    // Opt-out propensity rises with quality: (1 − g) + 2 g q has mean 1 (Zhu 2026; Steinacker-Olsztyn et al.).
    c.optoutTarget[i] = Math.min(1, p.optout.adoption * sec.optoutPropensity * (1 - g + 2 * g * q));
  }
  orderBySectorAndIncome(c);
  assignDeciles(c);
  for (let i = 0; i < n; i++) {
    const status = c.intermediated[i] ? STATUS.intermediated : c.reachable[i] ? STATUS.reachable : STATUS.unreachable;
    c.cellBase[i] = cellIndex(c.sector[i], c.band[i], status);
  }
  return c;
}

type Column = Float64Array | Uint8Array;

// Index of the low 32-bit word of a double in a Uint32Array view (0 on little-endian machines).
const LO = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;
/** Low mantissa bits that carry an agent's offset within its sector block in the ordering sort. */
const OFFSET_MASK = 0xfffff;

function gather<T extends Column>(col: T, idx: Uint32Array): T {
  const out = new (col.constructor as { new (n: number): T })(col.length);
  for (let k = 0; k < idx.length; k++) out[k] = col[idx[k]];
  return out;
}

/**
 * Store agents sector by sector in increasing base income. The order carries no meaning for the model
 * (every agent keeps its own attributes), but it makes the yearly pass cache- and branch-friendly:
 * deciles and Gini bins change slowly along the array, so their sums stay in registers.
 */
function orderBySectorAndIncome(c: Creators): void {
  // Argsort by (sector, income, index) without a comparator callback: within a sector block, each key
  // is the income with its lowest 20 mantissa bits replaced by the agent's offset in the block (a
  // relative change below 2^-32, so the order of incomes that differ by more is kept and ties fall in
  // index order); a native numeric sort then gives the permutation in the low bits. Blocks of up to
  // 2^20 agents (a million creators split over four sectors) fit.
  const idx = new Uint32Array(c.n);
  let start = 0;
  while (start < c.n) {
    let end = start;
    while (end < c.n && c.sector[end] === c.sector[start]) end++;
    const len = end - start;
    if (len > OFFSET_MASK) throw new Error(`a sector block of ${len} agents exceeds the ${OFFSET_MASK} the ordering supports`);
    const keys = c.baseIncome.slice(start, end);
    const words = new Uint32Array(keys.buffer);
    for (let k = 0; k < len; k++) words[2 * k + LO] = ((words[2 * k + LO] & ~OFFSET_MASK) | k) >>> 0;
    keys.sort();
    for (let k = 0; k < len; k++) idx[start + k] = start + (words[2 * k + LO] & OFFSET_MASK);
    start = end;
  }
  c.sector = gather(c.sector, idx);
  c.quality = gather(c.quality, idx);
  c.band = gather(c.band, idx);
  c.baseIncome = gather(c.baseIncome, idx);
  c.works = gather(c.works, idx);
  c.active = gather(c.active, idx);
  c.intermediated = gather(c.intermediated, idx);
  c.reachable = gather(c.reachable, idx);
  c.optoutTarget = gather(c.optoutTarget, idx);
  c.uOptout = gather(c.uOptout, idx);
  c.uBinding = gather(c.uBinding, idx);
  c.registered = gather(c.registered, idx);
}

/**
 * Weighted base-income deciles across all agents. Each sector block is sorted by income, so merging
 * the blocks walks every agent in increasing income, accumulating the real creators they stand for.
 */
function assignDeciles(c: Creators): void {
  const nS = c.weight.length;
  const pos = new Int32Array(nS).fill(-1);
  const end = new Int32Array(nS);
  for (let i = 0; i < c.n; i++) {
    const s = c.sector[i];
    if (pos[s] < 0) pos[s] = i;
    end[s] = i + 1;
  }
  let total = 0;
  for (let s = 0; s < nS; s++) if (pos[s] >= 0) total += c.weight[s] * (end[s] - pos[s]);
  let cum = 0;
  for (let k = 0; k < c.n; k++) {
    let best = -1;
    for (let s = 0; s < nS; s++) {
      if (pos[s] >= 0 && pos[s] < end[s] && (best < 0 || c.baseIncome[pos[s]] < c.baseIncome[pos[best]])) best = s;
    }
    const i = pos[best]++;
    const w = c.weight[best];
    c.decile[i] = Math.min(9, Math.floor(((cum + w / 2) / total) * 10));
    cum += w;
  }
}

/**
 * A copy for one regime run: the columns a run changes (works, active, registered) are copied; the
 * fixed attributes are shared, read-only, by every regime run of the seed.
 */
export function cloneCreators(c: Creators): Creators {
  return { ...c, works: c.works.slice(), active: c.active.slice(), registered: c.registered.slice() };
}
