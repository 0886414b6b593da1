/**
 * US fair use prevails (Bartz v. Anthropic; Kadrey v. Meta, 2025): training on lawfully acquired copies
 * is free; voluntary side deals buy fresh or paywalled content. No opt-out right. Pirated copies follow
 * `courts.piracy_doctrine`: liable to statutory damages as a separate infringement (Bartz, the default),
 * or part of the fair training use and so free of damages (Kadrey).
 */
import { baseRules } from "../economy/base-rules";
import { freeWithLawfulCopy, noFine, piracyIsSeparate, usDamages, type RegimeRules } from "../economy/rules";
import type { Regime } from "./types";

export const fairUseRules: RegimeRules = {
  ...baseRules,
  cellTerms(p, s, _status, out) {
    freeWithLawfulCopy(p, s, out);
    out.damages = piracyIsSeparate(p) ? usDamages(p, s) : 0;
    noFine(p, out);
  },
};

export const fairUse: Regime<"fair-use"> = {
  id: "fair-use",
  label: "US fair use",
  summary: "Training on lawfully acquired works is fair use; downloading pirated copies is not.",
  modelled:
    "Every work is free to train on once a lawful copy is bought (books: buy-and-scan). Pirating instead risks statutory damages per registered work. Developers pay voluntary side deals for fresh content. Opt-outs have no legal effect.",
  overrides: {},
  rules: fairUseRules,
  sources: [
    { id: "bartz-v-anthropic-order", locator: "Order on fair use, 23 June 2025" },
    { id: "kadrey-v-meta", locator: "Order on summary judgment, 25 June 2025" },
    { id: "usc-17-504", locator: "§504(c) statutory damages" },
  ],
};
