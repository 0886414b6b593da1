/**
 * The rate-setter of a statutory licence (the Copyright Royalty Board's role). Under a fixed standard
 * (`compulsory.rate_standard` off) the rate never moves. Under willing buyer / willing seller it is
 * reset every `compulsory.review_years` (from the first review year on) to
 * `compulsory.wbws_bargaining_share` × developers' willingness to pay: the share of revenue each would
 * lose training on open data only (logit demand at today's prices, rivals unchanged), revenue-share weighted.
 */
import { quantityAt } from "./choose";
import { inclusiveValues } from "./demand";
import type { RateSetter } from "./rules";
import { fillView } from "./view";
import type { World } from "./world-state";

/** Developers' willingness to pay for the copyrighted corpus, as a share of revenue. */
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

export const crbRateSetter: RateSetter = {
  initialRate: (p) => p.compulsory.royaltyRate,
  review(w: World) {
    const c = w.p.compulsory;
    if (!c.rateStandard || w.t === 0 || w.t % c.reviewYears !== 0) return;
    w.rate = Math.min(1, c.wbwsBargainingShare * willingnessToPay(w));
  },
};
