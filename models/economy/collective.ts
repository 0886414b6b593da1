/**
 * The collective of a statutory licence (MLC-like): it deducts `collective.admin_rate` from the
 * royalties (as ASCAP does; the MLC's costs are instead paid by the services, 17 U.S.C. §115(d)(7)),
 * pays registered owners pro rata to works used (across sectors by the value used), holds the money of
 * unregistered owners for `collective.hold_years`, then releases each vintage pro rata to that year's
 * matched payments ("market share", as the MLC does). Unregistered owners register at
 * `collective.registration_rate` a year.
 */
import type { Collective } from "./rules";
import type { World } from "./world-state";

/** Admin deduction, net royalty per work of each cell, and the release of the vintage due this year. */
function distribute(w: World): void {
  const { p, cells, held } = w;
  const keep = 1 - p.collective.adminRate;
  w.admin = w.tot.royaltiesPaid * p.collective.adminRate;
  let matched = 0;
  for (let c = 0; c < cells.works.length; c++) {
    cells.royPerWork[c] = cells.works[c] > 0 ? (cells.royaltyUse[c] * keep) / cells.works[c] : 0;
    matched += cells.royPerWork[c] * cells.regWorks[c];
  }
  const slot = w.t % held.length;
  // With no matched payments this year, the vintage due is carried forward rather than released.
  const release = matched > 0 ? held[slot] : 0;
  w.carried = matched > 0 ? 0 : held[slot];
  w.releaseRatio = matched > 0 ? release / matched : 0;
}

/** This year's unmatched royalties (after the creators' pass) join the vintage slot; the stock is summed. */
function hold(w: World): void {
  const held = w.held;
  held[w.t % held.length] = w.pass.unmatched + w.carried;
  let total = 0;
  for (let k = 0; k < held.length; k++) total += held[k];
  w.heldTotal = total;
}

export const matchingCollective: Collective = {
  registrationRate: (p) => p.collective.registrationRate,
  distribute,
  hold,
};
