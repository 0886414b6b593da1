/**
 * The rule hooks a legal regime may replace (PolicyEngine's "structural reform"), and the shared pieces
 * the regimes build them from. The economy calls these once per cell per year, never per creator.
 *
 * Cells: the supply of works is aggregated each year into sector × quality band × legal status. The
 * status says who can license a work and whether its owner has opted out:
 */
import type { ModelParams } from "./params";

/** Legal status of a creator's works (the third cell dimension). */
export const STATUS = {
  /** Represented by an intermediary (publisher, agency, label) that can license in bulk; no opt-out. */
  intermediated: 0,
  /** Represented, and the owner's opt-out binds under the regime. */
  intermediatedOptedOut: 1,
  /** Independent (long tail) but reachable for an individual licence; no opt-out. */
  reachable: 2,
  reachableOptedOut: 3,
  /** Independent and unreachable (owner not found, no answer, refusal). */
  unreachable: 4,
  unreachableOptedOut: 5,
} as const;
export const N_STATUS = 6;
export const STATUS_NAMES = ["intermediated", "intermediated, opted out", "reachable", "reachable, opted out", "unreachable", "unreachable, opted out"] as const;

export function isOptedOut(status: number): boolean {
  return status % 2 === 1;
}
export function isIntermediated(status: number): boolean {
  return status <= 1;
}

/** What using one work of a cell for one year of training costs a developer under a regime. */
export interface CellTerms {
  /** Per-work price paid to rights holders for lawful use (licence fee); 0 where use is free. */
  price: number;
  /** Per-work transaction cost of lawful use (clearance, deal negotiation), paid to clearance agents. */
  tx: number;
  /** Per-work cost of obtaining a lawful copy (buy-and-scan), paid to sellers. */
  acq: number;
  /** False where lawful use is impossible (no licence can be had). */
  lawful: boolean;
  /** Damages per work if an unlicensed use is detected (USD). */
  damages: number;
  /** Yearly probability that unlicensed use of this cell is detected. */
  detection: number;
  /** Whether unlicensed use of this cell also risks a regulatory fine (EU: ignoring an opt-out). */
  fineable: boolean;
}

export interface RegimeRules {
  /** Share of declared opt-outs that bind (are legally or technically effective) under the regime. */
  optOutBinding(p: ModelParams): number;
  /** Fill the terms for one work of sector `s` with legal status `status`. */
  cellTerms(p: ModelParams, s: number, status: number, out: CellTerms): void;
  /** Whether a blanket statutory licence (paid to a collective) covers every work. */
  blanketLicence: boolean;
  /** Voluntary side deals as a share of AI revenue, paid to intermediaries. */
  sideDealRate(p: ModelParams): number;
  /** Fixed compliance cost per developer-year (USD). */
  compliancePerDeveloper(p: ModelParams): number;
  /** Fine as a share of revenue when unlicensed use of a fineable cell is detected. */
  fineRate(p: ModelParams): number;
  /** Yearly probability that unlicensed use of a fineable cell is detected (and the fine imposed). */
  fineDetection(p: ModelParams): number;
}

/**
 * The defaults every regime starts from (PolicyEngine's baseline law): no opt-out effect, no blanket
 * licence, voluntary side deals, no compliance cost, no fines. A regime spreads these and replaces the
 * hooks it changes; it must always supply `cellTerms`.
 */
export const baseRules: Omit<RegimeRules, "cellTerms"> = {
  optOutBinding: () => 0,
  blanketLicence: false,
  sideDealRate: (p) => p.market.sideDealRate,
  compliancePerDeveloper: () => 0,
  fineRate: () => 0,
  fineDetection: () => 0,
};

/** Unlicensed use carries no regulatory fine and is detected at the general enforcement rate. */
export function noFine(p: ModelParams, out: CellTerms): void {
  out.fineable = false;
  out.detection = p.enforcement.detectionProbability;
}

/**
 * US damages per infringed work: statutory damages for registered works (17 U.S.C. §412, §504(c)),
 * actual damages (the lost licence fee times a multiple) for the rest.
 * @example usDamages(p, 0) // books at defaults: 0.8 × 3,100 + 0.2 × 1 × 1,667 = 2,813.4
 */
export function usDamages(p: ModelParams, s: number): number {
  const sec = p.sectors[s];
  return sec.registeredShare * p.courts.damagesPerWork + (1 - sec.registeredShare) * p.courts.actualDamagesMultiple * sec.licencePrice;
}

/** Damages where there are no statutory damages (EU, Japan): the lost licence fee times a multiple. */
export function actualDamages(p: ModelParams, s: number): number {
  return p.courts.actualDamagesMultiple * p.sectors[s].licencePrice;
}

/**
 * Terms of a voluntary licence: intermediaries sell in bulk at the sector price plus a deal cost;
 * reachable long-tail owners at the price plus a per-work clearance cost; unreachable owners and owners
 * who opted out cannot be licensed (Covey 2005; USCO Part 3 on fragmented markets).
 */
export function voluntaryLicence(p: ModelParams, s: number, status: number, out: CellTerms): void {
  const price = p.sectors[s].licencePrice;
  out.acq = 0;
  out.price = price;
  if (status === STATUS.intermediated) {
    out.tx = price * p.licensing.dealCostShare;
    out.lawful = true;
  } else if (status === STATUS.reachable) {
    out.tx = p.licensing.transactionCostPerWork;
    out.lawful = true;
  } else {
    out.tx = 0;
    out.lawful = false;
  }
}

/** Free use of a lawfully acquired copy (fair use, TDM exception): only the acquisition cost. */
export function freeWithLawfulCopy(p: ModelParams, s: number, out: CellTerms): void {
  out.price = 0;
  out.tx = 0;
  out.acq = p.sectors[s].acquisitionCost;
  out.lawful = true;
}
