/**
 * The rule hooks a legal regime may replace (PolicyEngine's "structural reform"), and the shared pieces
 * the regimes build them from. The economy calls the hooks once per cell or once per year, never per
 * creator, and never asks which regime is running.
 *
 * A regime supplies: which declared opt-outs bind; the terms of using one work of each cell; the plans
 * (ways of using cells) its developers may choose between; side deals, compliance and fines; and,
 * optionally, a collective that collects and distributes royalties and a rate-setter for a statutory
 * rate (both part of a statutory licence).
 */
import { BARGAIN } from "./bargaining";
import { STATUS } from "./cells";
import type { ModelParams } from "./params";
import type { PlanKind } from "./plan-kinds";
import type { World } from "./world-state";

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
  /** How a voluntary licence is negotiated (`BARGAIN` in `bargaining.ts`: none, a catalogue deal, per work); reset to none before each cell. */
  bargain: number;
}

/** A collective that collects statutory royalties and pays them to registered owners (MLC-like). */
export interface Collective {
  /** Yearly probability that an unregistered owner registers. */
  registrationRate(p: ModelParams): number;
  /** Before the creators' pass: admin deduction, net royalties per work, release of the vintage due. */
  distribute(w: World): void;
  /** After the creators' pass: this year's unmatched royalties are held, and the stock is summed. */
  hold(w: World): void;
}

/** Who sets the statutory rate, and how it changes at reviews. */
export interface RateSetter {
  /** The rate in force in the first year (share of AI revenue). */
  initialRate(p: ModelParams): number;
  /** Review the rate at the start of year `w.t` (changes `w.rate`, or leaves it). */
  review(w: World): void;
}

export interface RegimeRules {
  /** Share of declared opt-outs that bind (are legally or technically effective) under the regime. */
  optOutBinding(p: ModelParams): number;
  /** Fill the terms for one work of sector `s` with legal status `status`. */
  cellTerms(p: ModelParams, s: number, status: number, out: CellTerms): void;
  /** The plans developers may choose between, in order (each decides which of them apply to a run). */
  plans: readonly PlanKind[];
  /** Voluntary side deals as a share of AI revenue, paid to intermediaries. */
  sideDealRate(p: ModelParams): number;
  /** Fixed compliance cost per developer-year (USD). */
  compliancePerDeveloper(p: ModelParams): number;
  /** Fine as a share of revenue when unlicensed use of a fineable cell is detected. */
  fineRate(p: ModelParams): number;
  /** Yearly probability that unlicensed use of a fineable cell is detected (and the fine imposed). */
  fineDetection(p: ModelParams): number;
  /** Whether training abroad escapes the regime's training rules (territorial law), so `train-abroad` is a plan. */
  offshoreEscapes(p: ModelParams): boolean;
  /** Share of developers bound by a code of conduct that forbids ignoring opt-outs (EU GPAI Code of Practice); 0 if absent. */
  codeSignatoryShare?(p: ModelParams): number;
  /** A collective for statutory royalties (statutory licences only). */
  collective?: Collective;
  /** A rate-setter for the statutory rate (statutory licences only). */
  rateSetter?: RateSetter;
  /** Where the law changes during the run (a court ruling, a statute taking effect): the rules in force in year `w.t`. */
  inForce?(w: World): RegimeRules;
  /** Payments the regime adds after the payments step, before the courts (a levy, retroactive royalties, a collective's licence fees). */
  afterPayments?(w: World): void;
  /** Liabilities the regime adds after the courts (retroactive damages once a court rules). */
  afterCourts?(w: World): void;
}

/**
 * Unlicensed use carries no regulatory fine and is detected at the general enforcement rate.
 */
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

/** `courts.piracy_doctrine` values: pirated copies a separate infringement (Bartz) or part of the training use (Kadrey). */
export const PIRACY_DOCTRINE = { separate: 0, partOfTraining: 1 } as const;

/** Whether pirated copies used for training that is fair use still infringe on their own (Bartz) rather than not (Kadrey). */
export function piracyIsSeparate(p: ModelParams): boolean {
  return p.courts.piracyDoctrine !== PIRACY_DOCTRINE.partOfTraining;
}

/** Damages where there are no statutory damages (EU, Japan): the lost licence fee times a multiple. */
export function actualDamages(p: ModelParams, s: number): number {
  return p.courts.actualDamagesMultiple * p.sectors[s].licencePrice;
}

/**
 * Terms of a voluntary licence: intermediaries sell in bulk at the sector price plus a deal cost
 * (the posted price; replaced by a Nash-bargained price after the terms are read, `bargaining.ts`);
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
    out.bargain = BARGAIN.catalogue;
  } else if (status === STATUS.reachable) {
    out.tx = p.licensing.transactionCostPerWork;
    out.lawful = true;
    out.bargain = BARGAIN.perWork;
  } else {
    out.tx = 0;
    out.lawful = false;
    out.bargain = BARGAIN.none;
  }
}

/** Free use of a lawfully acquired copy (fair use, TDM exception): only the acquisition cost. */
export function freeWithLawfulCopy(p: ModelParams, s: number, out: CellTerms): void {
  out.price = 0;
  out.tx = 0;
  out.acq = p.sectors[s].acquisitionCost;
  out.lawful = true;
}

/** Free use without any copy to buy (Japan Art. 30-4: whatever the source). */
export function freeWithoutCopy(out: CellTerms): void {
  out.price = 0;
  out.tx = 0;
  out.acq = 0;
  out.lawful = true;
}
