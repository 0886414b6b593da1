/**
 * Colours, dash patterns and labels for the five regimes and for cost/revenue components.
 * Okabe & Ito (2008) colour-blind-safe palette; every colour is paired with a dash pattern or a facet
 * title, so colour is never the only cue.
 */
import { REGIMES } from "../../../models/index";

export const OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"] as const;

/** Regime colours (darker Okabe–Ito hues first so lines read on white). */
export const REGIME_COLOR: Record<string, string> = {
  "fair-use": "#000000",
  "japan-30-4": "#D55E00",
  "eu-opt-out": "#0072B2",
  licensing: "#009E73",
  compulsory: "#CC79A7",
};

/** SVG stroke-dasharray per regime (solid for fair use, the reference). */
export const REGIME_DASH: Record<string, string> = {
  "fair-use": "none",
  "japan-30-4": "6 3",
  "eu-opt-out": "2 2",
  licensing: "8 3 2 3",
  compulsory: "12 4",
};

export const REGIME_LABEL: Record<string, string> = Object.fromEntries(REGIMES.map((r) => [r.id, r.label]));

export const regimeLabel = (id: string) => REGIME_LABEL[id] ?? id;

/** Colours for stacked components (in stack order). */
export const COMPONENT_COLORS = ["#56B4E9", "#E69F00", "#009E73", "#CC79A7"] as const;

/** Colour of the baseline (defaults) marks. */
export const BASELINE_COLOR = "#8a8a8a";

/** Short regime names for direct labels on narrow charts. */
export const REGIME_SHORT: Record<string, string> = {
  "fair-use": "Fair use", "japan-30-4": "Japan 30-4", "eu-opt-out": "EU opt-out", licensing: "Licensing", compulsory: "Compulsory",
};
