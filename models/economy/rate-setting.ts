/**
 * The rate-setter of a statutory licence (the Copyright Royalty Board's role). Under a fixed standard
 * (`compulsory.rate_standard` off) the rate never moves. Under willing buyer / willing seller it is
 * reset every `compulsory.review_years` (from the first review year on) to
 * `compulsory.wbws_bargaining_share` × developers' willingness to pay: the revenue share they would
 * lose training on open data only, rivals unchanged, market-share weighted.
 */
import type { Developers } from "./developers";
import type { RateSetter } from "./rules";
import type { World } from "./world-state";

/**
 * Developers' willingness to pay for the copyrighted corpus, as a share of revenue (market-share
 * weighted loss of revenue share on open data only, rivals unchanged).
 */
export function willingnessToPay(dev: Developers, openValue: number, a: number): number {
  let W = 0;
  for (let i = 0; i < dev.count; i++) if (dev.active[i]) W += dev.marketWeight[i];
  if (W <= 0) return 0;
  let wtp = 0;
  for (let i = 0; i < dev.count; i++) {
    if (!dev.active[i]) continue;
    const w = dev.marketWeight[i];
    const others = W - w;
    const shareNow = w / W;
    const wOpen = dev.scaleWeight[i] * openValue ** a;
    const shareOpen = wOpen + others > 0 ? wOpen / (wOpen + others) : 0;
    wtp += shareNow * (shareNow > 0 ? 1 - shareOpen / shareNow : 0);
  }
  return Math.max(0, wtp);
}

export const crbRateSetter: RateSetter = {
  initialRate: (p) => p.compulsory.royaltyRate,
  review(w: World) {
    const c = w.p.compulsory;
    if (!c.rateStandard || w.t === 0 || w.t % c.reviewYears !== 0) return;
    w.rate = Math.min(1, c.wbwsBargainingShare * willingnessToPay(w.dev, w.run.openValue, w.run.a));
  },
};
