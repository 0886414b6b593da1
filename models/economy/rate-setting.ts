/**
 * Rate-setting for statutory licences (version 2): the standards a rate-setter (the Copyright Royalty
 * Board; India's proposed committee) applies at each review, as reusable functions. A regime builds its
 * rate-setter with `makeRateSetter`, naming where its terms come from (`compulsoryTerms` reads
 * `compulsory.*`; another regime may pass its own review period and base).
 *
 * Reviews fall in years t > 0 with t ≡ 0 (mod T), T the review period (CRB: 5 years; India: 3). At a
 * review the rate moves part of the way toward the standard's target (partial adjustment κ ∈ [0, 1]):
 *   r' = r + κ (r* − r).
 * Standards (`RATE_STANDARD`):
 * - `fixed`: r* = r (the US 2¢ rate for songs, 1909–1977).
 * - `wbws` (willing buyer / willing seller, 17 U.S.C. §115 since 2018): r* is the observed voluntary price
 *   b (a share of revenue, `compulsory.wbws_benchmark`: known deals ≈ 1.5% of 2025 AI revenue). The CRB
 *   benchmarks on comparable market deals; it does not set the rate at users' hold-up value.
 * - `801b` (§801(b)(1): fair return, minimal disruption): r* = ω · φ · WTP + (1 − ω) · r, where WTP is
 *   developers' willingness to pay (the share of revenue they would lose training on open data only,
 *   logit demand at today's prices, rivals unchanged, revenue-share weighted), φ the creators' fair share
 *   of it (`compulsory.fair_return_share`) and ω the weight on a fair return against disruption
 *   (`compulsory.fair_return_weight`; disruption is least at the status quo).
 * Targets are shares of revenue; with another rate base (`RATE_BASE`) they are converted to a share of
 * that base with the industry's ratio of revenue to base last year: r*_base = r*_rev × Σ R / Σ B.
 */
import { quantityAt } from "./choose";
import { inclusiveValues } from "./demand";
import type { ModelParams } from "./params";
import { RATE_BASE, rateBase } from "./royalty";
import type { RateSetter } from "./rules";
import { fillView } from "./view";
import type { World } from "./world-state";

/** Values of `compulsory.rate_standard` (named options; 0 and 1 keep their version-2.0 meaning). */
export const RATE_STANDARD = { fixed: 0, wbws: 1, section801b: 2 } as const;

/** What a review needs: the standard, the period, the adjustment and the standards' inputs. */
export interface ReviewTerms {
  standard: number;
  /** Years between reviews (≥ 1). */
  reviewYears: number;
  /** Share of the gap to the target closed at a review. */
  adjustment: number;
  /** Observed voluntary price (share of revenue), the WBWS benchmark. */
  benchmark: number;
  /** §801(b): creators' fair share of developers' willingness to pay, and the weight on it. */
  fairShare: number;
  fairWeight: number;
  /** The rate base (`RATE_BASE`). */
  base: number;
}

/** The review terms of the compulsory regime, from `compulsory.*`. */
export function compulsoryTerms(p: ModelParams): ReviewTerms {
  const c = p.compulsory;
  return {
    standard: c.rateStandard, reviewYears: c.reviewYears, adjustment: c.reviewAdjustment, benchmark: c.wbwsBenchmark,
    fairShare: c.fairReturnShare, fairWeight: c.fairReturnWeight, base: c.rateBase,
  };
}

/** Whether year t is a review year. @example reviewDue(5, 5) // => true; reviewDue(0, 5) // => false */
export function reviewDue(t: number, reviewYears: number): boolean {
  return t > 0 && reviewYears >= 1 && t % reviewYears === 0;
}

/** Partial adjustment toward a target. @example partialAdjust(0.03, 0.015, 0.5) // => 0.0225 */
export function partialAdjust(rate: number, target: number, adjustment: number): number {
  return rate + adjustment * (target - rate);
}

/** Developers' willingness to pay for the copyrighted corpus, as a share of revenue (their hold-up value). */
export function willingnessToPay(w: World): number {
  const { dev, view } = w;
  w.mk.n = dev.count;
  inclusiveValues(w.dy, w.mk);
  let wtp = 0;
  for (let i = 0; i < dev.count; i++) {
    if (!dev.active[i] || !(dev.share[i] > 0)) continue;
    fillView(w, i, view);
    const now = quantityAt(view, dev.value[i]);
    const open = quantityAt(view, w.run.openValue);
    wtp += dev.share[i] * (now > 0 ? Math.max(0, 1 - open / now) : 0);
  }
  return wtp;
}

/** Last year's industry revenue ÷ rate base (1 for a revenue base; Infinity-safe: 1 if the base is 0). */
function revenuePerBase(w: World, base: number): number {
  if (base === RATE_BASE.revenue) return 1;
  const { dev, devYear } = w;
  let r = 0, b = 0;
  for (let i = 0; i < dev.count; i++) {
    if (!dev.active[i]) continue;
    r += devYear.revenue[i];
    b += rateBase(base, devYear.revenue[i], devYear.inference[i], dev.fixedCost[i] * w.growth);
  }
  return b > 0 ? r / b : 1;
}

/** The standard's target for the rate, as a share of revenue. */
export function targetRevenueShare(w: World, terms: ReviewTerms, revenueShare: number): number {
  if (terms.standard === RATE_STANDARD.wbws) return terms.benchmark;
  if (terms.standard === RATE_STANDARD.section801b) return terms.fairWeight * terms.fairShare * willingnessToPay(w) + (1 - terms.fairWeight) * revenueShare;
  return revenueShare;
}

/**
 * Review the rate in force at the start of year `w.t` under `terms` (leaves `w.rate` outside review years).
 * The rate is a share of the base; the target is found as a share of revenue and converted back.
 */
export function reviewRate(w: World, terms: ReviewTerms): void {
  if (terms.standard === RATE_STANDARD.fixed || !reviewDue(w.t, terms.reviewYears)) return;
  const perBase = revenuePerBase(w, terms.base);
  const revenueShare = w.rate / perBase;
  const target = targetRevenueShare(w, terms, revenueShare) * perBase;
  w.rate = Math.min(1, Math.max(0, partialAdjust(w.rate, target, terms.adjustment)));
}

/** A rate-setter from an initial rate and review terms read from the parameters (the caller names which). */
export function makeRateSetter(initialRate: (p: ModelParams) => number, terms: (p: ModelParams) => ReviewTerms): RateSetter {
  return {
    initialRate,
    review: (w) => reviewRate(w, terms(w.p)),
  };
}

/** The Copyright Royalty Board of the compulsory regime. */
export const crbRateSetter: RateSetter = makeRateSetter((p) => p.compulsory.royaltyRate, compulsoryTerms);
