/**
 * A mandatory blanket licence that takes effect in a given year, retroactive to models already
 * commercialised, with royalties apportioned by dataset summaries (India's DPIIT proposal, 2025).
 *
 * Economics. From the start year S (`india.start_year`) every developer pays the committee's rate r
 * on its revenue (a blanket licence, no opt-out); before S training needs no licence. If the licence
 * is retroactive (`india.retroactive`), in year S each developer still active also owes r × its
 * revenue in the simulated years before S (from 2025: earlier revenue is outside the model), paid at
 * once, at most its revenue that year (what it can pay; an assumption). The committee reviews the
 * rate every `india.review_years` from S: it keeps it, or moves it part of the way toward the target
 * r* = `compulsory.fair_return_share` × developers' willingness to pay (`willingnessToPay`), by the same
 * partial adjustment as the Copyright Royalty Board's reviews (`rate-setting.ts`):
 * r' = r + κ (r* − r), κ = `compulsory.review_adjustment`. The working paper names no standard and no
 * adjustment; a committee whose decisions are open to judicial review moves in steps, as the CRB does,
 * and no India-specific evidence supports another κ, so the compulsory licence's is used.
 *
 * Apportionment: the collective divides the year's royalties among cells pro rata to works used, as
 * declared in the developers' training summaries — u_c × n_c, the cell's works n_c times their
 * revenue-share weighted use u_c (`cells.usedShare`) — not by training value; back royalties by the
 * works used in the years they are owed for. Then it deducts its admin share, pays registered owners
 * and holds the rest, as every collective does (`collective.ts`).
 */
import { holdUnattributed, matchingCollective } from "./collective";
import { chargeDataCost } from "./levy";
import { calendarYear } from "./ruling";
import { partialAdjust, willingnessToPay } from "./rate-setting";
import type { Collective, RateSetter } from "./rules";
import type { World } from "./world-state";

/** `india.review_standard`: 0 keeps the committee's rate, 1 moves it toward the fair share of willingness to pay. */
export const REVIEW_STANDARD = { fixed: 0, willingnessToPay: 1 } as const;

/** The committee: no rate before the start year, `india.royalty_rate` from it, reviewed every `india.review_years`. */
export const committeeRateSetter: RateSetter = {
  initialRate: (p) => (p.sim.startYear >= p.india.startYear ? p.india.royaltyRate : 0),
  review(w) {
    const { india, compulsory } = w.p;
    const since = calendarYear(w) - india.startYear;
    if (since < 0) w.rate = 0;
    else if (since === 0) w.rate = india.royaltyRate;
    else if (india.reviewStandard === REVIEW_STANDARD.willingnessToPay && since % india.reviewYears === 0)
      w.rate = Math.min(1, Math.max(0, partialAdjust(w.rate, compulsory.fairReturnShare * willingnessToPay(w), compulsory.reviewAdjustment)));
  },
};

function buffer(w: World, name: string, n: number): Float64Array {
  let a = w.regimeState.get(name);
  if (!a) {
    a = new Float64Array(n);
    w.regimeState.set(name, a);
  }
  return a;
}

/**
 * After the payments step: before the start year, record each developer's revenue and each cell's
 * works used; in the start year, charge the back royalties (kept apart until the collective apportions them).
 */
export function retroactiveRoyalties(w: World): void {
  const { dev, cells, p } = w;
  const since = calendarYear(w) - p.india.startYear;
  if (since > 0 || !p.india.retroactive) return;
  const pastRevenue = buffer(w, "india-past-revenue", dev.capacity);
  const pastUse = buffer(w, "india-past-use", cells.works.length);
  if (since < 0) {
    for (let i = 0; i < dev.count; i++) if (dev.active[i]) pastRevenue[i] += w.devYear.revenue[i];
    for (let c = 0; c < cells.works.length; c++) pastUse[c] += cells.usedShare[c] * cells.works[c];
    return;
  }
  let total = 0;
  for (let i = 0; i < dev.count; i++) {
    if (!dev.active[i]) continue;
    const owed = Math.min(w.rate * pastRevenue[i], Math.max(0, w.devYear.revenue[i]));
    if (!(owed > 0)) continue;
    chargeDataCost(w, i, owed);
    total += owed;
  }
  if (!(total > 0)) return;
  w.tot.royaltiesPaid += total;
  let use = 0;
  for (let c = 0; c < cells.works.length; c++) use += cells.works[c] > 0 ? pastUse[c] : 0;
  if (!(use > 0)) {
    // No dataset summary shows past use of any cell that still has works: the collective cannot
    // apportion the back royalties, so it holds them with the unmatched money (as `payments` does
    // for a statutory royalty on nothing of value) rather than letting them vanish.
    holdUnattributed(w, total);
    return;
  }
  const back = buffer(w, "india-back-royalties", cells.works.length);
  for (let c = 0; c < cells.works.length; c++) back[c] = cells.works[c] > 0 ? (total * pastUse[c]) / use : 0;
}

/** Re-divide this year's royalties among cells by works used (dataset summaries), add the back royalties. */
function apportionByWorksUsed(w: World): void {
  const { cells } = w;
  let royalties = 0, used = 0;
  for (let c = 0; c < cells.works.length; c++) {
    royalties += cells.royaltyUse[c];
    used += cells.usedShare[c] * cells.works[c];
  }
  if (royalties > 0 && used > 0) for (let c = 0; c < cells.works.length; c++) cells.royaltyUse[c] = (royalties * cells.usedShare[c] * cells.works[c]) / used;
  const back = w.regimeState.get("india-back-royalties");
  if (back) {
    for (let c = 0; c < cells.works.length; c++) cells.royaltyUse[c] += back[c];
    back.fill(0);
  }
}

/** The collective of India's licence: apportions by dataset summaries, then distributes as every collective does. */
export const summaryCollective: Collective = {
  registrationRate: matchingCollective.registrationRate,
  distribute(w) {
    apportionByWorksUsed(w);
    matchingCollective.distribute(w);
  },
  hold: matchingCollective.hold,
};
