/** The five regimes, in their public order. */
import { compulsory } from "./compulsory";
import { euOptOut } from "./eu-opt-out";
import { fairUse } from "./fair-use";
import { japan304 } from "./japan-30-4";
import { licensing } from "./licensing";
import { REGIME_IDS, type Regime, type RegimeId } from "./types";

export { REGIME_IDS, type Regime, type RegimeId };
export const REGIMES: readonly Regime[] = [fairUse, japan304, euOptOut, licensing, compulsory];
export const REGIME_BY_ID: ReadonlyMap<string, Regime> = new Map(REGIMES.map((r) => [r.id, r]));
