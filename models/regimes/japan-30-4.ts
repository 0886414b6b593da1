/**
 * Japan, Copyright Act Art. 30-4 (2018): analysis, including training, is free whatever the source;
 * under the 2024 Agency for Cultural Affairs guidance, works protected by technical measures
 * (robots.txt) fall outside the exception when a licensing market exists, so a share of technical
 * opt-outs must be licensed. No statutory damages: only actual damages, so legal risk is small.
 */
import { baseRules } from "../economy/base-rules";
import { isOptedOut, withoutOptOut } from "../economy/cells";
import { actualDamages, freeWithoutCopy, noFine, voluntaryLicence, type RegimeRules } from "../economy/rules";
import type { Regime } from "./types";

export const japanRules: RegimeRules = {
  ...baseRules,
  // Training is already free at home: there is nothing to escape by training abroad.
  offshoreEscapes: () => false,
  optOutBinding: (p) => p.japan.technicalMeasureRecognition,
  cellTerms(p, s, status, out) {
    if (isOptedOut(status)) voluntaryLicence(p, s, withoutOptOut(status), out);
    else freeWithoutCopy(out);
    out.damages = actualDamages(p, s);
    noFine(p, out);
  },
};

export const japan304: Regime<"japan-30-4"> = {
  id: "japan-30-4",
  label: "Japan Art. 30-4",
  summary: "Use for information analysis, including AI training, is allowed unless it unreasonably prejudices the owner.",
  modelled:
    "Training is free and no lawful copy is required. Only works behind technical measures (a share of declared opt-outs) need a licence; infringing them risks only actual damages (the licence fee). Side deals continue.",
  overrides: {},
  rules: japanRules,
  sources: [
    { id: "japan-copyright-act-art-30-4", locator: "Art. 30-4 and proviso" },
    { id: "japan-aca-general-understanding-2024", locator: "General Understanding on AI and Copyright, 15 March 2024" },
  ],
};
