/**
 * AI developers (frontier, mid-size, small) as typed-array columns: allocation, copies, and entry of a
 * new developer with its fixed cost. Their yearly choice of corpus is in `plan.ts` and `choose.ts`;
 * their prices in `demand.ts`; the steps that use them are in `steps/`.
 */
import { forkRng, normal } from "../engine/rng";
import { N_SEGMENTS, allocDemandYear, allocMarket, setDemandYear, startPrices, type DemandYear, type Market } from "./demand";
import { solvePrices } from "./prices";
import type { ModelParams } from "./params";
import { exp } from "../engine/math";

export const TIER = { frontier: 0, mid: 1, small: 2 } as const;

export interface Developers {
  capacity: number;
  count: number;
  tier: Uint8Array;
  /** Tier scale k: model quality at a full 2025 corpus, relative to the frontier. */
  scale: Float64Array;
  /** Fixed cost in the start year (USD per year); grows at `developers.fixed_cost_growth`. */
  fixedCost: Float64Array;
  active: Uint8Array;
  lossYears: Uint8Array;
  /** Corpus value this year (unique data in full 2025 corpora, freshness-weighted, open data included). */
  value: Float64Array;
  /** Model quality Q this year; price per segment, row-major [i × N_SEGMENTS + g] (USD per user-year, next
   *  year's starting point), and its quantity-weighted mean; revenue share. */
  quality: Float64Array;
  segPrice: Float64Array;
  price: Float64Array;
  share: Float64Array;
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
  const f = () => new Float64Array(capacity);
  return {
    capacity, count: 0, tier: new Uint8Array(capacity), scale: f(), fixedCost: f(), active: new Uint8Array(capacity),
    lossYears: new Uint8Array(capacity), value: f(), quality: f(), segPrice: new Float64Array(capacity * N_SEGMENTS), price: f(), share: f(),
    plan: new Int8Array(capacity), lastPos: new Int16Array(capacity), lastFrac: f(),
  };
}

export function cloneDevelopers(d: Developers): Developers {
  return {
    capacity: d.capacity, count: d.count, tier: d.tier.slice(), scale: d.scale.slice(), fixedCost: d.fixedCost.slice(),
    active: d.active.slice(), lossYears: d.lossYears.slice(), value: d.value.slice(), quality: d.quality.slice(),
    segPrice: d.segPrice.slice(), price: d.price.slice(), share: d.share.slice(), plan: d.plan.slice(), lastPos: d.lastPos.slice(), lastFrac: d.lastFrac.slice(),
  };
}

/** Revenue and inference cost (USD per year) of one developer of each tier in the 2025 equilibrium at a full corpus, no charges. */
export interface TierReference {
  revenue: Float64Array;
  inference: Float64Array;
}

/** Initial developers per tier (frontier, mid, small). */
export function tierCounts(p: ModelParams): [number, number, number] {
  const n = p.sim.developers;
  const nF = Math.round(n * p.developers.frontierShare);
  const nM = Math.round(n * p.developers.midShare);
  return [nF, nM, Math.max(0, n - nF - nM)];
}

/** The initial population at a full corpus and no charges, plus one extra developer of tier `extra` (or none). */
function referenceMarket(p: ModelParams, dy: DemandYear, extra: number): { m: Market; first: number[] } {
  const counts = tierCounts(p);
  const n = counts[0] + counts[1] + counts[2] + (extra >= 0 ? 1 : 0);
  const m = allocMarket(Math.max(1, n));
  const first = [-1, -1, -1];
  let j = 0;
  const add = (tier: number) => {
    if (first[tier] < 0) first[tier] = j;
    m.active[j] = 1;
    m.quality[j] = tierScale(p, tier);
    startPrices(dy, m, j);
    j++;
  };
  if (extra >= 0) add(extra);
  for (let tier = 0; tier < 3; tier++) for (let k = 0; k < counts[tier]; k++) add(tier);
  m.n = n;
  solvePrices(dy, m, p.sim.priceIterations);
  return { m, first };
}

/**
 * The 2025 Bertrand–logit equilibrium of the initial population with every developer on the full
 * corpus and no charges: what fixes each tier's fixed cost (so that it earns its tier margin there).
 * A tier with no initial member is priced as one extra developer.
 */
export function tierReference(p: ModelParams): TierReference {
  const dy = allocDemandYear(p);
  setDemandYear(p, 0, dy);
  const revenue = new Float64Array(3);
  const inference = new Float64Array(3);
  const base = referenceMarket(p, dy, -1);
  for (let tier = 0; tier < 3; tier++) {
    const r = base.first[tier] >= 0 ? base : referenceMarket(p, dy, tier);
    const i = r.first[tier];
    revenue[tier] = r.m.price[i] * r.m.quantity[i];
    inference[tier] = r.m.inference[i] + dy.freeCost * r.m.freeQuantity[i];
  }
  return { revenue, inference };
}

/**
 * Add one developer. Its fixed cost is set so that, at a full corpus in the 2025 equilibrium, its tier
 * earns the operating margin ((revenue − inference − fixed) ÷ revenue) `margin` (by default the tier's),
 * times a lognormal cost shock (never below 0).
 * @param costShock a standard normal draw
 */
export function addDeveloper(d: Developers, p: ModelParams, tier: number, costShock: number, ref: TierReference, margin = tierMargin(p, tier)): number {
  const i = d.count++;
  const sd = p.developers.costDispersion;
  const base = Math.max(0, (1 - margin) * ref.revenue[tier] - ref.inference[tier]);
  d.tier[i] = tier;
  d.scale[i] = tierScale(p, tier);
  d.fixedCost[i] = base * exp(sd * costShock - (sd * sd) / 2);
  d.active[i] = 1;
  d.lossYears[i] = 0;
  d.value[i] = 1;
  d.quality[i] = d.scale[i];
  d.price[i] = 0;
  d.segPrice.fill(0, i * N_SEGMENTS, (i + 1) * N_SEGMENTS);
  d.share[i] = 0;
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
  const [nF, nM] = tierCounts(p);
  const ref = tierReference(p);
  for (let i = 0; i < n; i++) {
    const tier = i < nF ? TIER.frontier : i < nF + nM ? TIER.mid : TIER.small;
    addDeveloper(d, p, tier, normal(rng), ref);
  }
  return d;
}
