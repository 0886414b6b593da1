/**
 * The state of one regime run: the populations, the constants derived once from the parameters, the
 * per-cell and per-developer buffers (allocated once per run, refilled every year) and what the year's
 * steps hand each other. The steps in `steps/` read and write it in the order of `STEPS`.
 *
 * Not responsible for any economics: `createWorld` only allocates and derives constants.
 */
import { forkRng, type Rng } from "../engine/rng";
import { SERIES_KEYS } from "../results/metric-keys";
import { N_CELLS } from "./cells";
import { allocDevView, type Choice, type DevView } from "./choose";
import { allocDemandYear, N_SEGMENTS, type DemandYear, type Market } from "./demand";
import { creatorPassBuffers, type CreatorPass } from "./creator-pass";
import type { Creators } from "./creators";
import { tierReference, type Developers, type TierReference } from "./developers";
import type { ModelParams } from "./params";
import { allocPlan, type Plan } from "./plan";
import type { PlanKind } from "./plan-kinds";
import type { CellTerms, RegimeRules } from "./rules";
import { N_SECTORS } from "./sectors";
import { pow } from "../engine/math";

/** Constants of a run, derived once from the parameters and the regime. */
export interface RunConstants {
  /** Scaling exponent α, and θα (utility per log unit of effective data). */
  alpha: number;
  thetaAlpha: number;
  /** Value of open data (always in every corpus) and the copyrighted corpus's share of value. */
  openValue: number;
  copyShare: number;
  /** Sum of the sectors' corpus weights. */
  corpusWeightSum: number;
  /** Share of declared opt-outs that bind. */
  bindShare: number;
  /** Output filters: compliance cost as a share of revenue, and the share of model quality they cost (0 without output protection). */
  filterCostShare: number;
  filterRevenueLoss: number;
  sideRate: number;
  complianceFixed: number;
  fineRate: number;
  fineDetection: number;
  /** Share of developers bound by a code of conduct forbidding ignored opt-outs (EU Code of Practice). */
  signatoryShare: number;
  /** Each tier's 2025 revenue and inference cost at a full corpus (fixes entrants' fixed costs). */
  tierRef: TierReference;
  /** Per sector: the yearly retention of training value, 2^(−1/half-life). */
  retention: Float64Array;
}

/** This year's terms of using one work of each cell (from the regime's `cellTerms`). */
export interface CellBuffers {
  /** Supply this year: works, quality-weighted works and registered works per cell (real works). */
  works: Float64Array;
  qWorks: Float64Array;
  regWorks: Float64Array;
  /** Training value of each cell (share of the full corpus). */
  value: Float64Array;
  price: Float64Array;
  tx: Float64Array;
  acq: Float64Array;
  lawful: Uint8Array;
  damages: Float64Array;
  detection: Float64Array;
  fineable: Uint8Array;
  /** Payments per work to rights holders this year (gross of the intermediary split), and net royalties per work. */
  payPerWork: Float64Array;
  royPerWork: Float64Array;
  /** Royalties allocated to each cell, and damages awarded for each cell, this year (USD). */
  royaltyUse: Float64Array;
  damagesCell: Float64Array;
  /** One developer's claims per cell before the ability-to-pay bound (scratch of the courts step). */
  claimCell: Float64Array;
  /** Revenue-share weighted use of each cell this year (share of the cell's works used, /1). */
  usedShare: Float64Array;
  /** Sort keys for building plans. */
  scratch: Float64Array;
  /** Quality-weighted works per sector. */
  sectorQWorks: Float64Array;
}

/** Money flows of the year, summed over developers. */
export interface Totals {
  data: number; tx: number; compliance: number; legal: number;
  royaltiesPaid: number; profit: number;
  /** Developers' operating costs outside the data bill: inference (marginal) and fixed (training runs, staff). */
  inference: number; fixed: number;
  toCreators: number; toIntermediaries: number; toLawyers: number; toState: number; toOthers: number;
  /** Lawful copies bought (a transfer to sellers, not deadweight). */
  toSellers: number;
}

/** Per-developer results of the payments step, read by the courts step. */
export interface DeveloperYear {
  revenue: Float64Array;
  /** Inference cost (USD) of serving its users. */
  inference: Float64Array;
  unlicensedWorks: Float64Array;
  /** Data, transaction and compliance costs (USD), kept apart so profit is summed term by term. */
  dataCost: Float64Array;
  txCost: Float64Array;
  compliance: Float64Array;
  /** Damages, settlements, output liability and fines of the year (set by the courts step). */
  legal: Float64Array;
}

export interface World {
  readonly p: ModelParams;
  /** The regime's rules, and the rules in force this year (the same, unless the regime's `inForce` changes them: step `law`). */
  readonly regime: RegimeRules;
  rules: RegimeRules;
  /** Per-run state a regime keeps across years (accrued liabilities, past revenue), by name; empty for most regimes. */
  readonly regimeState: Map<string, Float64Array>;
  readonly regimeId: string;
  readonly seed: number;
  readonly years: number;
  readonly cr: Creators;
  readonly dev: Developers;
  readonly rng: { registration: Rng; litigation: Rng; entry: Rng };
  readonly run: RunConstants;
  readonly cells: CellBuffers;
  readonly terms: CellTerms;
  /** The plans that apply in this run (named by `planKinds`), with a memo of the last evaluation of each. */
  readonly planKinds: readonly PlanKind[];
  readonly plans: Plan[];
  /** Per plan: the last evaluation of `choose` and its inputs (tier scale; prices and rivals' Σ e^δ per segment, `key` = [p_0..p_G−1, r_0..r_G−1]). */
  readonly memos: { scale: number; key: Float64Array; choice: Choice }[];
  /** Per plan: the royalty coefficient of developers using only its free cells. */
  readonly freeRoyaltyCoef: Float64Array;
  readonly choice: Choice;
  readonly best: Choice;
  /** The year's demand and technology, the market over developer slots (sharing the developers' columns), a developer's view. */
  readonly dy: DemandYear;
  readonly mk: Market;
  readonly view: DevView;
  /** Per sector: freshness-weighted stock of works (real works), its 2025 level, and this year's ratio. */
  readonly freshStock: Float64Array;
  readonly freshBase: Float64Array;
  readonly freshRatio: Float64Array;
  readonly devYear: DeveloperYear;
  readonly pass: CreatorPass;
  /** Sector income ratio (this year ÷ base), which drives entry next year. */
  readonly sectorIncomeRatio: Float64Array;
  /** Works made per sector this year (real works). */
  readonly sectorWorks: Float64Array;
  /** The collective's unmatched money by vintage (ring buffer of `hold_years`). */
  readonly held: Float64Array;
  /** Scratch of `expectedLegal` (ex-ante.ts): expected judgment by detection level, levels sorted by δ descending. */
  readonly legalDelta: Float64Array;
  readonly legalJudgment: Float64Array;
  readonly series: Record<string, Float64Array>;
  /** Per developer slot × cell: works already charged damages for (statutory damages attach once per work). */
  readonly charged: Float64Array;
  /** Per cell: how its voluntary licence is negotiated this year (`BARGAIN`). */
  readonly bargain: Uint8Array;
  /** Per developer slot: share of quality lost this year after an injunction last year. */
  readonly injunctionLoss: Float64Array;

  // The year: set by the steps, in order.
  t: number;
  /** Trends: the growth of fixed costs ((1 + g_F)^t), the substitution ramp, next year's opt-out ramp. */
  growth: number;
  /** The industry's gross operating margin Π = Σ (revenue − inference cost) in the first year and in the latest year (USD), which fixed costs follow (`developers.fixed_cost_escalation`). */
  margin0: number;
  marginLast: number;
  /** Entry: the small tier's mean price per segment and overall this year, which entrants expect (NaN: no small developer). */
  readonly entrantSegPrice: Float64Array;
  entrantPrice: number;
  ramp: number;
  nextRamp: number;
  /** Whether a year follows this one. */
  hasNextYear: boolean;
  /** Supply aggregates. */
  allWorks: number;
  allQWorks: number;
  optedWorks: number;
  optedQWorks: number;
  /** The statutory rate in force (share of revenue). */
  rate: number;
  /** Market: share-weighted model quality, the same relative to a full corpus (≤ 1, drives substitution), AI revenue,
   *  consumer surplus, the quality-adjusted price index, the offshore share and active developers. */
  quality: number;
  relQuality: number;
  pool: number;
  consumerSurplus: number;
  /** Users of AI services (paid and free) and paying users this year (user-years). */
  aiUsers: number;
  paidUsers: number;
  priceIndex: number;
  offshoreShare: number;
  activeDevelopers: number;
  /** Payments: totals, and the market-share weighted corpus and unlicensed shares and HHI. */
  tot: Totals;
  hhi: number;
  corpusShare: number;
  corpusQShare: number;
  corpusVShare: number;
  /** Training value of all copyrighted works this year (full 2025 corpora). */
  copyValue: number;
  unlicensedShare: number;
  /** Side deals paid this year (USD) and regulatory fines. */
  sideDeals: number;
  /** Statutory royalties paid this year that no cell can be credited with (nothing of value used); held by the collective. */
  unattributedRoyalties: number;
  fines: number;
  /** Courts: whether the developer being tried was caught for training use, and the year's injunctions. */
  caught: boolean;
  injunctions: number;
  /** Courts: works newly charged in this year's class actions, and the training damages paid for them (after the cap). */
  worksCharged: number;
  /** Works newly charged in the class action being tried (scratch). */
  caughtWorks: number;
  trainingSettled: number;
  /** Collective: admin deduction, the ratio of released unmatched money to matched payments, the stock held. */
  admin: number;
  releaseRatio: number;
  carried: number;
  heldTotal: number;
}

/** An empty totals record. */
export function zeroTotals(): Totals {
  return { data: 0, tx: 0, compliance: 0, legal: 0, royaltiesPaid: 0, profit: 0, inference: 0, fixed: 0, toCreators: 0, toIntermediaries: 0, toLawyers: 0, toState: 0, toOthers: 0, toSellers: 0 };
}

/** Set every total to 0 (no allocation in the yearly step). */
export function resetTotals(t: Totals): void {
  t.data = t.tx = t.compliance = t.legal = t.royaltiesPaid = t.profit = t.inference = t.fixed = 0;
  t.toCreators = t.toIntermediaries = t.toLawyers = t.toState = t.toOthers = t.toSellers = 0;
}

function runConstants(p: ModelParams, rules: RegimeRules): RunConstants {
  let corpusWeightSum = 0;
  for (let s = 0; s < N_SECTORS; s++) corpusWeightSum += p.sectors[s].corpusWeight;
  const op = p.outputProtection;
  const retention = new Float64Array(N_SECTORS);
  for (let s = 0; s < N_SECTORS; s++) retention[s] = pow(2, -1 / p.sectors[s].freshnessHalfLife);
  return {
    alpha: p.corpus.scalingExponent,
    thetaAlpha: p.demand.qualityUtility * p.corpus.scalingExponent,
    openValue: p.corpus.openShare,
    copyShare: 1 - p.corpus.openShare,
    corpusWeightSum,
    bindShare: rules.optOutBinding(p),
    filterCostShare: op.enabled ? op.complianceCostShare : 0,
    filterRevenueLoss: op.enabled ? op.qualityCost : 0,
    sideRate: rules.sideDealRate(p),
    complianceFixed: rules.compliancePerDeveloper(p),
    fineRate: rules.fineRate(p),
    fineDetection: rules.fineDetection(p),
    signatoryShare: rules.codeSignatoryShare ? rules.codeSignatoryShare(p) : 0,
    tierRef: tierReference(p),
    retention,
  };
}

function cellBuffers(): CellBuffers {
  const f = () => new Float64Array(N_CELLS);
  return {
    works: f(), qWorks: f(), regWorks: f(), value: f(), price: f(), tx: f(), acq: f(), lawful: new Uint8Array(N_CELLS),
    damages: f(), detection: f(), fineable: new Uint8Array(N_CELLS), payPerWork: f(), royPerWork: f(), royaltyUse: f(),
    damagesCell: f(), claimCell: f(), usedShare: f(), scratch: f(), sectorQWorks: new Float64Array(N_SECTORS),
  };
}

const emptyChoice = (): Choice => ({ lastPos: -1, lastFrac: 0, value: 0, cost: 0, worksUsed: 0, revenue: 0, profit: 0, legal: 0 });

/** Allocate the state of one run (the populations are mutated by the run: pass copies). */
export function createWorld(p: ModelParams, rules: RegimeRules, regimeId: string, seed: number, cr: Creators, dev: Developers): World {
  const years = p.sim.years;
  const series: Record<string, Float64Array> = {};
  for (const key of SERIES_KEYS) series[key] = new Float64Array(years);
  const d = () => new Float64Array(dev.capacity);
  const w = {
    p, regime: rules, rules, regimeState: new Map<string, Float64Array>(), regimeId, seed, years, cr, dev,
    rng: { registration: forkRng(seed, "registration"), litigation: forkRng(seed, "litigation"), entry: forkRng(seed, "entry") },
    run: runConstants(p, rules),
    cells: cellBuffers(),
    terms: { price: 0, tx: 0, acq: 0, lawful: true, damages: 0, detection: 0, fineable: false, bargain: 0 },
    planKinds: [] as PlanKind[], plans: [] as Plan[], memos: [] as World["memos"],
    freeRoyaltyCoef: new Float64Array(0),
    choice: emptyChoice(), best: emptyChoice(),
    devYear: { revenue: d(), inference: d(), unlicensedWorks: d(), dataCost: d(), txCost: d(), compliance: d(), legal: d() },
    dy: allocDemandYear(p),
    mk: {
      n: 0, active: dev.active, quality: dev.quality, segPrice: dev.segPrice, price: dev.price, rho: d(), quantity: d(), inference: d(), freeQuantity: d(), freeExp: d(),
      expU: new Float64Array(dev.capacity * N_SEGMENTS), total: new Float64Array(N_SEGMENTS),
    },
    view: allocDevView(N_SEGMENTS),
    freshStock: new Float64Array(N_SECTORS), freshBase: new Float64Array(N_SECTORS), freshRatio: new Float64Array(N_SECTORS).fill(1),
    pass: creatorPassBuffers(cr),
    sectorIncomeRatio: new Float64Array(N_SECTORS).fill(1),
    sectorWorks: new Float64Array(N_SECTORS),
    held: new Float64Array(Math.max(1, p.collective.holdYears)),
    legalDelta: new Float64Array(N_CELLS), legalJudgment: new Float64Array(N_CELLS),
    series,
    charged: new Float64Array(dev.capacity * N_CELLS),
    injunctionLoss: d(),
    bargain: new Uint8Array(N_CELLS),
    entrantSegPrice: new Float64Array(N_SEGMENTS), entrantPrice: NaN,
    t: 0, growth: 1, margin0: 0, marginLast: 0, ramp: 0, nextRamp: 0, hasNextYear: false,
    allWorks: 0, allQWorks: 0, optedWorks: 0, optedQWorks: 0,
    rate: rules.rateSetter ? rules.rateSetter.initialRate(p) : 0,
    quality: 1, relQuality: 1, pool: 0, consumerSurplus: 0, aiUsers: 0, paidUsers: 0, priceIndex: 0, offshoreShare: 0, activeDevelopers: 0,
    tot: zeroTotals(), hhi: 0, corpusShare: 0, corpusQShare: 0, corpusVShare: 0, copyValue: 0, unlicensedShare: 0, sideDeals: 0, unattributedRoyalties: 0, fines: 0, caught: false, injunctions: 0, worksCharged: 0, trainingSettled: 0, caughtWorks: 0,
    admin: 0, releaseRatio: 0, carried: 0, heldTotal: 0,
  } satisfies World;
  const kinds = rules.plans.filter((k) => k.applies(w));
  w.planKinds.push(...kinds);
  for (const _ of kinds) {
    w.plans.push(allocPlan(N_CELLS));
    w.memos.push({ scale: NaN, key: new Float64Array(2 * N_SEGMENTS).fill(NaN), choice: emptyChoice() });
  }
  (w as { freeRoyaltyCoef: Float64Array }).freeRoyaltyCoef = new Float64Array(kinds.length);
  return w;
}
