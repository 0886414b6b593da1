/**
 * An extended collective licence (ECL; Nordic copyright acts, Denmark's 2025 licence for AI use of
 * literary works; the US Copyright Office's named fallback if voluntary licensing fails).
 *
 * Economics. A collective representing a substantial share of a sector's creators negotiates one
 * licence, and the law extends it to non-members, so every work of the sector is licensable at the
 * negotiated price in one deal: the unreachable long tail, which bilateral licensing cannot reach,
 * becomes licensable. The price per work is the licensing regime's price for a bulk deal with an
 * intermediary (`voluntaryLicence` with an intermediated status marks every such cell `BARGAIN.catalogue`),
 * so the supply step replaces the posted sector price by the Nash catalogue price over the value the
 * works add (`bargainPrices`, `bargaining.ts`), with the deal cost as a share of it; the posted price
 * remains only under `licensing.pricing` = posted. The collective gets the terms an intermediary would
 * (tests/ecl.test.ts checks every licensed cell's price and the fees developers pay). Each creator may opt out individually;
 * opted-out works are under plain licensing (the owner refuses: no licence can be had).
 * The fees go to the collective, not to each cell's owners directly: it deducts its admin share, pays
 * members (registered owners) and holds the money of non-members until they claim it or it is paid
 * out pro rata (`collective.ts`).
 */
import { isOptedOut, STATUS, statusOfCell } from "./cells";
import type { CellTerms } from "./rules";
import { voluntaryLicence } from "./rules";
import type { ModelParams } from "./params";
import type { World } from "./world-state";

/** Terms of one work not opted out: the bulk terms an intermediary would get, whoever owns it. */
export function extendedLicenceTerms(p: ModelParams, s: number, out: CellTerms): void {
  voluntaryLicence(p, s, STATUS.intermediated, out);
}

/**
 * After the payments step: the licence fees paid for works under the extended licence become the
 * collective's royalties (the payments step paid them to each cell's owners). Only fees are in the
 * payments per work at that point where the regime has no side deals; opted-out cells are left alone.
 */
export function feesToCollective(w: World): void {
  const { cells } = w;
  let total = 0;
  for (let c = 0; c < cells.works.length; c++) {
    if (isOptedOut(statusOfCell(c)) || !(cells.payPerWork[c] > 0)) continue;
    const fees = cells.payPerWork[c] * cells.works[c];
    cells.royaltyUse[c] += fees;
    cells.payPerWork[c] = 0;
    total += fees;
  }
  w.tot.royaltiesPaid += total;
}
