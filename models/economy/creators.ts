/**
 * Creators: representative agents stored as columns of typed arrays (struct of arrays). Each agent
 * stands for `weight[sector]` real creators with the same attributes, so totals are in real dollars.
 *
 * Responsible for: drawing the initial population from a seed (common random numbers: every regime run
 * with that seed starts from an identical copy) and the per-creator decisions that do not depend on the
 * market: opt-out and registration. Income, exit and entry are applied in `step.ts`, where the market
 * outcome is known.
 */
import { forkRng, normal, normalCdf } from "../engine/rng";
import { SECTORS } from "../results/metrics";
import type { ModelParams } from "./params";

export const N_BANDS = 5;

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
  };
  const perSector = new Float64Array(nS);
  for (let i = 0; i < n; i++) perSector[Math.floor((i * nS) / n)]++;
  const activeShare = 1 - p.creators.reserveShare;
  for (let s = 0; s < nS; s++) c.weight[s] = p.sectors[s].population / (perSector[s] * activeShare);

  const rho = p.creators.qualityIncomeCorrelation;
  const rhoC = Math.sqrt(1 - rho * rho);
  const g = p.optout.qualityGradient;
  for (let i = 0; i < n; i++) {
    const s = Math.floor((i * nS) / n);
    const sec = p.sectors[s];
    c.sector[i] = s;
    // Fixed draw order per agent keeps every attribute on its own position in the stream.
    const z = normal(rng);
    const e = normal(rng);
    const uActive = rng();
    const uInt = rng();
    const uReach = rng();
    c.uOptout[i] = rng();
    c.uBinding[i] = rng();
    const uReg = rng();
    const q = normalCdf(z);
    c.quality[i] = q;
    c.band[i] = Math.min(N_BANDS - 1, Math.floor(q * N_BANDS));
    c.baseIncome[i] = sec.medianIncome * Math.exp(sec.incomeDispersion * (rho * z + rhoC * e));
    c.active[i] = uActive >= p.creators.reserveShare ? 1 : 0;
    // Backlists scale with quality around the sector mean (mean of 0.5 + q is 1); slots held in reserve own nothing yet.
    c.works[i] = c.active[i] ? sec.worksPerCreator * (0.5 + q) : 0;
    c.intermediated[i] = uInt < sec.intermediatedShare ? 1 : 0;
    c.reachable[i] = uReach < p.licensing.longtailLicensability ? 1 : 0;
    c.registered[i] = uReg < p.collective.initialMatchRate ? 1 : 0;
    // Opt-out propensity rises with quality: (1 − g) + 2 g q has mean 1 (Zhu 2026; Steinacker-Olsztyn et al.).
    c.optoutTarget[i] = Math.min(1, p.optout.adoption * sec.optoutPropensity * (1 - g + 2 * g * q));
  }
  assignDeciles(c);
  return c;
}

/** Weighted base-income deciles across all agents (computed once per population). */
function assignDeciles(c: Creators): void {
  const idx = new Uint32Array(c.n);
  for (let i = 0; i < c.n; i++) idx[i] = i;
  idx.sort((a, b) => c.baseIncome[a] - c.baseIncome[b] || a - b);
  let total = 0;
  for (let i = 0; i < c.n; i++) total += c.weight[c.sector[i]];
  let cum = 0;
  for (let k = 0; k < c.n; k++) {
    const i = idx[k];
    const w = c.weight[c.sector[i]];
    c.decile[i] = Math.min(9, Math.floor(((cum + w / 2) / total) * 10));
    cum += w;
  }
}

/** An independent copy, so that each regime run mutates its own population. */
export function cloneCreators(c: Creators): Creators {
  return {
    n: c.n,
    weight: c.weight.slice(),
    sector: c.sector.slice(),
    quality: c.quality.slice(),
    band: c.band.slice(),
    baseIncome: c.baseIncome.slice(),
    decile: c.decile.slice(),
    works: c.works.slice(),
    active: c.active.slice(),
    intermediated: c.intermediated.slice(),
    reachable: c.reachable.slice(),
    optoutTarget: c.optoutTarget.slice(),
    uOptout: c.uOptout.slice(),
    uBinding: c.uBinding.slice(),
    registered: c.registered.slice(),
  };
}
