/**
 * The collective of a statutory licence (MLC-like): it deducts `collective.admin_rate` from the
 * royalties (as ASCAP does; the MLC's costs are instead paid by the services, 17 U.S.C. §115(d)(7)),
 * pays registered owners by its distribution rule, holds the money of unregistered owners for
 * `collective.hold_years`, then releases each vintage pro rata to that year's matched payments
 * ("market share", as the MLC does). Unregistered owners register at `collective.registration_rate` a year.
 *
 * Distribution rule (`collective.distribution`, version 2): the net pool P = (1 − admin) Σ_c Roy_c, with Roy_c
 * the royalties allocated to cell c by the value developers used (`payments.ts`), is paid per work
 * - by value (data-mixture weight; Weyl & Castro Fernandez 2026): ρ_c = (1 − admin) Roy_c / N_c;
 * - pro rata by works used: ρ_c = P · u_c / Σ_c' u_c' N_c', where u_c is the revenue-share weighted use of the
 *   cell (`cells.usedShare`), so every work used earns the same, whatever its value.
 * Optional per-creator minimum m = `collective.creator_minimum`: a registered creator with royalty y_i gets
 * m' + λ y_i, with m' = min(m, Y / n) and λ = 1 − m' n / Y (n eligible creators, Y their royalties): the floor
 * is funded out of everyone's share, so the total paid is unchanged.
 */
import type { Collective } from "./rules";
import type { World } from "./world-state";

/** Values of `collective.distribution`. */
export const DISTRIBUTION = { worksUsed: 0, value: 1 } as const;

/** Net royalty per work of each cell under the distribution rule. */
function perWork(w: World, keep: number): void {
  const { cells, p } = w;
  if (p.collective.distribution === DISTRIBUTION.worksUsed) {
    let pool = 0, used = 0;
    for (let c = 0; c < cells.works.length; c++) {
      pool += cells.royaltyUse[c] * keep;
      used += cells.usedShare[c] * cells.works[c];
    }
    for (let c = 0; c < cells.works.length; c++) cells.royPerWork[c] = used > 0 && cells.works[c] > 0 ? (pool * cells.usedShare[c]) / used : 0;
    return;
  }
  for (let c = 0; c < cells.works.length; c++) cells.royPerWork[c] = cells.works[c] > 0 ? (cells.royaltyUse[c] * keep) / cells.works[c] : 0;
}

/** The per-creator minimum: floor m' and proportional scale λ for registered creators with royalties (set in the pass). */
function minimum(w: World): void {
  const { cr, pass, cells } = w;
  pass.royaltyFloor = 0;
  pass.royaltyScale = 1;
  const m = w.p.collective.creatorMinimum;
  if (!(m > 0)) return;
  let n = 0, total = 0;
  for (let i = 0; i < cr.n; i++) {
    if (!cr.registered[i]) continue;
    const y = cr.works[i] * cells.royPerWork[pass.cellOf[i]];
    if (!(y > 0)) continue;
    n += cr.weight[cr.sector[i]];
    total += y * cr.weight[cr.sector[i]];
  }
  if (!(n > 0) || !(total > 0)) return;
  const floor = Math.min(m, total / n);
  pass.royaltyFloor = floor;
  pass.royaltyScale = 1 - (floor * n) / total;
}

/** Admin deduction, net royalty per work of each cell, and the release of the vintage due this year. */
function distribute(w: World): void {
  const { p, cells, held } = w;
  const keep = 1 - p.collective.adminRate;
  w.admin = w.tot.royaltiesPaid * p.collective.adminRate;
  perWork(w, keep);
  minimum(w);
  let matched = 0;
  for (let c = 0; c < cells.works.length; c++) matched += cells.royPerWork[c] * cells.regWorks[c];
  const slot = w.t % held.length;
  // With no matched payments this year, the vintage due is carried forward rather than released.
  const release = matched > 0 ? held[slot] : 0;
  w.carried = matched > 0 ? 0 : held[slot];
  w.releaseRatio = matched > 0 ? release / matched : 0;
}

/**
 * Royalties paid this year that the collective cannot credit to any cell (a statutory royalty on nothing of
 * value; back royalties with no recorded past use): held with the unmatched money, net of admin, so that the
 * payments identity keeps them (`hold`).
 */
export function holdUnattributed(w: World, amount: number): void {
  w.unattributedRoyalties += amount;
}

/** This year's unmatched royalties (after the creators' pass) join the vintage slot; the stock is summed. */
function hold(w: World): void {
  const held = w.held;
  held[w.t % held.length] = w.pass.unmatched + w.carried + w.unattributedRoyalties * (1 - w.p.collective.adminRate);
  let total = 0;
  for (let k = 0; k < held.length; k++) total += held[k];
  w.heldTotal = total;
}

export const matchingCollective: Collective = {
  registrationRate: (p) => p.collective.registrationRate,
  distribute,
  hold,
};
