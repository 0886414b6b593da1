/**
 * AI developers (frontier, mid-size, small) as typed-array columns: allocation, copies, and entry of a
 * new developer with its fixed cost. Their yearly choice of corpus is in `plan.ts` and `choose.ts`; the
 * steps that use them are in `steps/`.
 */
import { forkRng, normal } from "../engine/rng";
import type { ModelParams } from "./params";

export const TIER = { frontier: 0, mid: 1, small: 2 } as const;

export interface Developers {
  capacity: number;
  count: number;
  tier: Uint8Array;
  /** scale^λ: the developer's market weight at a full corpus. */
  scaleWeight: Float64Array;
  /** Fixed cost at the start year's revenue level (USD per year); grows with the baseline pool. */
  fixedCost: Float64Array;
  active: Uint8Array;
  lossYears: Uint8Array;
  /** Corpus value this year (share of full corpus value, including open data). */
  value: Float64Array;
  /** Market weight W(V) this year. */
  marketWeight: Float64Array;
  /** Chosen plan, the last (partially) included position in its order, and the fraction of that cell. */
  plan: Int8Array;
  lastPos: Int16Array;
  lastFrac: Float64Array;
}

/** Per-tier margin and scale. */
export function tierScale(p: ModelParams, tier: number): number {
  return tier === TIER.frontier ? p.developers.frontierScale : tier === TIER.mid ? p.developers.midScale : p.developers.smallScale;
}
export function tierMargin(p: ModelParams, tier: number): number {
  return tier === TIER.frontier ? p.developers.frontierMargin : tier === TIER.mid ? p.developers.midMargin : p.developers.smallMargin;
}

export function allocDevelopers(capacity: number): Developers {
  return {
    capacity,
    count: 0,
    tier: new Uint8Array(capacity),
    scaleWeight: new Float64Array(capacity),
    fixedCost: new Float64Array(capacity),
    active: new Uint8Array(capacity),
    lossYears: new Uint8Array(capacity),
    value: new Float64Array(capacity),
    marketWeight: new Float64Array(capacity),
    plan: new Int8Array(capacity),
    lastPos: new Int16Array(capacity),
    lastFrac: new Float64Array(capacity),
  };
}

export function cloneDevelopers(d: Developers): Developers {
  return {
    capacity: d.capacity,
    count: d.count,
    tier: d.tier.slice(),
    scaleWeight: d.scaleWeight.slice(),
    fixedCost: d.fixedCost.slice(),
    active: d.active.slice(),
    lossYears: d.lossYears.slice(),
    value: d.value.slice(),
    marketWeight: d.marketWeight.slice(),
    plan: d.plan.slice(),
    lastPos: d.lastPos.slice(),
    lastFrac: d.lastFrac.slice(),
  };
}

/** The market weight every developer would have at a full corpus, summed over the initial population. */
export function referenceWeight(p: ModelParams): number {
  const n = p.sim.developers;
  const nF = Math.round(n * p.developers.frontierShare);
  const nM = Math.round(n * p.developers.midShare);
  const lam = p.market.qualitySensitivity;
  return nF * tierScale(p, TIER.frontier) ** lam + nM * tierScale(p, TIER.mid) ** lam + Math.max(0, n - nF - nM) * tierScale(p, TIER.small) ** lam;
}

/**
 * Add one developer. Its fixed cost is set so that, at a full corpus and the start year's pool, its
 * tier earns the tier's operating margin before data costs, times a lognormal cost shock.
 * @param costShock a standard normal draw
 */
export function addDeveloper(d: Developers, p: ModelParams, tier: number, costShock: number, refWeight: number): number {
  const i = d.count++;
  const lam = p.market.qualitySensitivity;
  const sw = tierScale(p, tier) ** lam;
  const baseRevenue = (p.market.aiRevenue2025 * sw) / refWeight;
  const sd = p.developers.costDispersion;
  d.tier[i] = tier;
  d.scaleWeight[i] = sw;
  d.fixedCost[i] = (1 - tierMargin(p, tier)) * baseRevenue * Math.exp(sd * costShock - (sd * sd) / 2);
  d.active[i] = 1;
  d.lossYears[i] = 0;
  d.value[i] = 1;
  d.marketWeight[i] = sw;
  return i;
}

/**
 * The initial developer population for a seed: `sim.developers` developers, frontier, mid and small by
 * the tier shares, each with a lognormal cost shock from the `developers` stream. Capacity leaves room
 * for every entry attempt of the run.
 */
export function initDevelopers(p: ModelParams, seed: number): Developers {
  const n = p.sim.developers;
  const capacity = n + p.sim.years * p.developers.entryAttempts;
  const d = allocDevelopers(capacity);
  const rng = forkRng(seed, "developers");
  const nF = Math.round(n * p.developers.frontierShare);
  const nM = Math.round(n * p.developers.midShare);
  const ref = referenceWeight(p);
  for (let i = 0; i < n; i++) {
    const tier = i < nF ? TIER.frontier : i < nF + nM ? TIER.mid : TIER.small;
    addDeveloper(d, p, tier, normal(rng), ref);
  }
  return d;
}
