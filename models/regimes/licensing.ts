/**
 * Infringement holding: every training use needs a licence. Bilateral deals with intermediaries at
 * negotiated prices; long-tail owners are reachable only with low probability and at a per-work
 * clearance cost (Covey 2005); owners who opt out refuse. Unlicensed use risks statutory damages.
 */
import { baseRules } from "../economy/base-rules";
import { isOptedOut } from "../economy/cells";
import { noFine, usDamages, voluntaryLicence, type RegimeRules } from "../economy/rules";
import type { Regime } from "./types";

export const licensingRules: RegimeRules = {
  ...baseRules,
  optOutBinding: () => 1,
  sideDealRate: () => 0,
  cellTerms(p, s, status, out) {
    voluntaryLicence(p, s, status, out);
    if (isOptedOut(status)) out.lawful = false;
    out.damages = usDamages(p, s);
    noFine(p, out);
  },
};

export const licensing: Regime<"licensing"> = {
  id: "licensing",
  label: "Licensing only",
  summary: "Training infringes unless licensed; every use needs the owner's permission.",
  modelled:
    "Developers license from intermediaries in bulk and from the few reachable long-tail owners one by one, at a clearance cost per work. Unreachable owners and those who refuse cannot be licensed. Using works without a licence risks statutory damages.",
  overrides: {},
  rules: licensingRules,
  sources: [
    { id: "thomson-reuters-v-ross", locator: "Memorandum opinion, 11 February 2025" },
    { id: "covey-2005", locator: "Permission success rates and costs" },
    { id: "usc-17-504", locator: "§504(c) statutory damages" },
  ],
};
