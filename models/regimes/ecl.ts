/**
 * Extended collective licence: a collective licenses every work of a sector, members' and
 * non-members' alike, at a negotiated price; each creator may opt out; the collective distributes the
 * money. Nordic copyright acts since the early 1960s (Riis & Schovsbo 2010); Denmark approved the first ECL for AI use of literary
 * works on 8 Dec 2025 (Tekst & Node, internal use only); the US Copyright Office names ECL as the
 * fallback if voluntary licensing fails. Unlicensed use risks statutory damages (the US fallback).
 * The economics are in `economy/extended-licence.ts`.
 */
import { baseRules } from "../economy/base-rules";
import { isOptedOut } from "../economy/cells";
import { matchingCollective } from "../economy/collective";
import { extendedLicenceTerms, feesToCollective } from "../economy/extended-licence";
import { usDamages, type RegimeRules } from "../economy/rules";
import { licensingRules } from "./licensing";
import type { Regime } from "./types";

export const eclRules: RegimeRules = {
  ...baseRules,
  // An opt-out is a notice to the collective: every declared one binds.
  optOutBinding: () => 1,
  sideDealRate: () => 0,
  collective: matchingCollective,
  cellTerms(p, s, status, out) {
    if (isOptedOut(status)) {
      // Outside the extended licence the law is plain licensing: an owner who opted out refuses.
      licensingRules.cellTerms(p, s, status, out);
      return;
    }
    extendedLicenceTerms(p, s, out);
    out.damages = usDamages(p, s);
    out.fineable = false;
    out.detection = p.enforcement.detectionProbability;
  },
  afterPayments: feesToCollective,
};

export const ecl: Regime<"ecl"> = {
  id: "ecl",
  label: "Extended collective licence",
  summary: "A collective licenses every work in its sector, members' and non-members' alike; any creator may opt out.",
  modelled:
    "Every work not opted out can be licensed in one deal with the collective, at the price an intermediary would get for a bulk licence; the long tail that bilateral licensing cannot reach is covered. Creators who opt out refuse. The collective keeps an admin share, pays its registered members and holds non-members' money until it is paid out. Unlicensed use risks statutory damages.",
  overrides: {},
  rules: eclRules,
  sources: [
    { id: "riis-schovsbo-2010", locator: "Definition: a collective agreement extended to non-members; Nordic use since the early 1960s" },
    { id: "denmark-ecl-ai-2025", locator: "First ECL for TDM in AI tools, approved 8 Dec 2025 (internal use)" },
    { id: "usco-part-3-2025", locator: "Extended collective licensing as the fallback if voluntary licensing fails" },
  ],
};
