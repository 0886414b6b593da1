/**
 * EU: DSM Directive Art. 4 text-and-data-mining exception with a machine-readable rights reservation,
 * and AI Act Art. 53 (copyright policy, training summary) with fines under Art. 101 up to 3% of
 * turnover. Only some declared opt-outs are effective (Kneschke v. LAION).
 */
import { baseRules } from "../economy/base-rules";
import { isOptedOut, withoutOptOut } from "../economy/cells";
import { actualDamages, freeWithLawfulCopy, noFine, voluntaryLicence, type RegimeRules } from "../economy/rules";
import type { Regime } from "./types";

export const euRules: RegimeRules = {
  ...baseRules,
  // The AI Act (Art. 53) follows the model to the EU market wherever it was trained: training abroad escapes nothing.
  offshoreEscapes: () => false,
  optOutBinding: (p) => p.optout.effectiveShare,
  cellTerms(p, s, status, out) {
    if (isOptedOut(status)) {
      voluntaryLicence(p, s, withoutOptOut(status), out);
      out.fineable = true;
      out.detection = p.eu.auditProbability;
    } else {
      freeWithLawfulCopy(p, s, out);
      noFine(p, out);
    }
    out.damages = actualDamages(p, s);
  },
  compliancePerDeveloper: (p) => p.eu.complianceCost,
  fineRate: (p) => p.eu.fineRate,
  fineDetection: (p) => p.eu.auditProbability,
  // The GPAI Code of Practice (Aug 2025): its signatories committed to honour machine-readable opt-outs.
  codeSignatoryShare: (p) => p.eu.codeSignatoryShare,
};

export const euOptOut: Regime<"eu-opt-out"> = {
  id: "eu-opt-out",
  label: "EU opt-out",
  summary: "Text and data mining is allowed unless the rights holder reserved it in machine-readable form.",
  modelled:
    "Works are free to train on (with a lawful copy) unless their owner opted out effectively; opted-out works need a voluntary licence. Developers pay compliance costs. Signatories of the Code of Practice honour opt-outs; for the others, ignoring opt-outs risks damages and a fine of up to 3% of turnover.",
  overrides: {},
  rules: euRules,
  sources: [
    { id: "eu-dsm-directive-art-4", locator: "Art. 4(3) reservation of rights" },
    { id: "eu-ai-act-art-53", locator: "Art. 53(1)(c)-(d)" },
    { id: "eu-ai-act-art-101", locator: "Art. 101 fines up to 3% of turnover" },
    { id: "eu-gpai-code-of-practice-2025", locator: "Copyright chapter: honour machine-readable opt-outs" },
    { id: "kneschke-v-laion", locator: "OLG Hamburg 2025: machine-readable reservation" },
  ],
};
