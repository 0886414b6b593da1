/**
 * US fair use prevails (Bartz v. Anthropic; Kadrey v. Meta, 2025): training on lawfully acquired copies
 * is free; pirated acquisition stays liable to statutory damages; voluntary side deals buy fresh or
 * paywalled content. No opt-out right.
 */
import { baseRules } from "../economy/base-rules";
import { freeWithLawfulCopy, noFine, usDamages, type RegimeRules } from "../economy/rules";
import type { Regime } from "./types";

export const fairUseRules: RegimeRules = {
  ...baseRules,
  cellTerms(p, s, _status, out) {
    freeWithLawfulCopy(p, s, out);
    out.damages = usDamages(p, s);
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
