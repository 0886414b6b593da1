/**
 * The list of regimes: adding a regime means its file and its entry here (plus its explainer page,
 * scenario, golden and checks, which tests name when missing). `REGIME_IDS` and `RegimeId` derive from
 * this list, so every other list keyed by regime (`Record<RegimeId, …>`) fails to compile when one is missing.
 */
import { compulsory } from "./compulsory";
import { ecl } from "./ecl";
import { euOptOut } from "./eu-opt-out";
import { fairUse } from "./fair-use";
import { indiaHybrid } from "./india-hybrid";
import { japan304 } from "./japan-30-4";
import { levy } from "./levy";
import { licensing } from "./licensing";
import type { Regime } from "./types";
import { usUncertain } from "./us-uncertain";

const LIST = [fairUse, japan304, euOptOut, licensing, compulsory, levy, usUncertain, indiaHybrid, ecl] as const;

/** Regime ids in their public order. */
export type RegimeId = (typeof LIST)[number]["id"];
export const REGIME_IDS = LIST.map((r) => r.id) as unknown as readonly [RegimeId, ...RegimeId[]];
export type { Regime };
export const REGIMES: readonly Regime<RegimeId>[] = LIST;
export const REGIME_BY_ID: ReadonlyMap<string, Regime<RegimeId>> = new Map(REGIMES.map((r) => [r.id, r]));
/**
 * The regimes shown where no list is given (the explorer, the home figure, a permalink without
 * `regimes=`): version 1's five, so that older permalinks keep their meaning and nine bands per chart
 * do not crowd a phone screen. The other four are one checkbox away; the CLI runs all of them.
 */
const SHOWN_BY_DEFAULT = [fairUse, japan304, euOptOut, licensing, compulsory] as const;
export const DEFAULT_REGIME_IDS: readonly [RegimeId, ...RegimeId[]] = SHOWN_BY_DEFAULT.map((r) => r.id) as unknown as readonly [RegimeId, ...RegimeId[]];
