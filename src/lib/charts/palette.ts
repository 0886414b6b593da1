/**
 * Colours, dash patterns and labels for the regimes and for cost/revenue components.
 * Okabe & Ito (2008) colour-blind-safe palette for the first five regimes (darker Tol-like hues for the
 * version-2 four); every colour is paired with a dash pattern or a facet
 * title, so colour is never the only cue.
 *
 * The regime styles are a `Record<RegimeId, …>` over the model's one list of regimes
 * (models/regimes/types.ts `REGIME_IDS`): a regime added there without a style here is a type error.
 * Labels come from the regime registry (`REGIME_BY_ID`). Rows carry regimes as strings, so the lookups
 * (`regimeColor`, `regimeDash`, …) take any string and fall back for an unknown one.
 */
import { REGIME_BY_ID } from "../../../models/regimes/index";
import type { RegimeId } from "../../../models/regimes/types";

export const OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"] as const;

export interface RegimeStyle {
  /** Line and band colour (darker Okabe–Ito hues first so lines read on white). */
  color: string;
  /** SVG stroke-dasharray ("none" is solid: fair use, the reference). */
  dash: string;
  /** Short name for direct labels on narrow charts. */
  short: string;
}

export const REGIME_STYLE: Record<RegimeId, RegimeStyle> = {
  "fair-use": { color: "#000000", dash: "none", short: "Fair use" },
  "japan-30-4": { color: "#D55E00", dash: "6 3", short: "Japan 30-4" },
  "eu-opt-out": { color: "#0072B2", dash: "2 2", short: "EU opt-out" },
  licensing: { color: "#009E73", dash: "8 3 2 3", short: "Licensing" },
  compulsory: { color: "#CC79A7", dash: "12 4", short: "Compulsory" },
  // Version 2 regimes: darker hues outside Okabe–Ito's eight (its orange, sky blue and yellow fall
  // below 3:1 contrast on white), each at least 3.9:1 on white and with its own dash pattern.
  levy: { color: "#882255", dash: "1 3", short: "Levy" },
  "us-uncertain": { color: "#332288", dash: "10 3 2 3 2 3", short: "US undecided" },
  "india-hybrid": { color: "#997700", dash: "4 4", short: "India hybrid" },
  ecl: { color: "#1A7F8C", dash: "6 2 1 2", short: "ECL" },
};

/** Colour of a line whose regime is unknown (never expected; keeps a chart drawable). */
const UNKNOWN_COLOR = "#666";

const style = (id: string): RegimeStyle | undefined => (Object.hasOwn(REGIME_STYLE, id) ? REGIME_STYLE[id as RegimeId] : undefined);

/** @example regimeColor("compulsory") // => "#CC79A7" */
export const regimeColor = (id: string): string => style(id)?.color ?? UNKNOWN_COLOR;
/** @example regimeDash("fair-use") // => "none" */
export const regimeDash = (id: string): string => style(id)?.dash ?? "none";
/** @example regimeShort("japan-30-4") // => "Japan 30-4" */
export const regimeShort = (id: string): string => style(id)?.short ?? regimeLabel(id);
/** The regime's label from the registry. @example regimeLabel("licensing") // => "Licensing only" */
export const regimeLabel = (id: string): string => REGIME_BY_ID.get(id)?.label ?? id;

/** Colours for stacked components (in stack order). */
export const COMPONENT_COLORS = ["#56B4E9", "#E69F00", "#009E73", "#CC79A7"] as const;

/** Colour of the baseline (defaults) marks. */
export const BASELINE_COLOR = "#8a8a8a";
