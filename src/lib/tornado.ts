/**
 * The explorer's tornado (issue 12 item 3, beside the charts): the build-time one-at-a-time swings of the
 * /robustness/ page (src/components/robustness/data.ts, `multiTornado` in models/analysis) for every
 * regime and headline metric, cut to the top bars and sent as one JSON file
 * (/robustness/tornado.json); the explorer draws the one for the metric and regime shown. They are for
 * the default settings at the page's small sizes, which the explorer says in the chart's text; when the
 * settings differ from the defaults the explorer recomputes the top bars at them (src/lib/live-tornado.ts,
 * text `liveTornadoNote`).
 * Pure: shaping and text only; the view (src/scripts/explorer/tornado-view.ts) draws.
 */
import type { MetricTornado } from "../../models/analysis/index";

/** Bars per tornado in the payload (the explorer shows all of them). */
export const TORNADO_BARS = 10;

export interface TornadoPayload {
  /** What the swings were computed with, for the chart's text. */
  sizes: { creators: number; developers: number; seed: number; year: number };
  /** regime id → metric → the tornado (top bars only). */
  tornado: Record<string, Record<string, MetricTornado>>;
}

/** The payload from the robustness page's tornadoes. @example tornadoPayload([{ regime: "compulsory", metrics }], sizes).tornado.compulsory.creator_revenue.rows.length // => ≤ 10 */
export function tornadoPayload(tornado: readonly { regime: string; metrics: readonly MetricTornado[] }[], sizes: TornadoPayload["sizes"]): TornadoPayload {
  const out: TornadoPayload["tornado"] = {};
  for (const t of tornado) {
    out[t.regime] = {};
    for (const m of t.metrics) out[t.regime][m.metric] = { ...m, rows: m.rows.slice(0, TORNADO_BARS) };
  }
  return { sizes, tornado: out };
}

/**
 * What the tornado shows, in words, with the settings it was computed at.
 * @example tornadoNote(sizes, false) // => "Computed once when the site was built, at the default settings (1,000 creators, 10 developers, seed 1) …"
 */
export function tornadoNote(s: TornadoPayload["sizes"], atDefaults: boolean): string {
  return `Computed once when the site was built, at the default settings (${s.creators.toLocaleString("en-US")} creators, ${s.developers} developers, seed ${s.seed}), for ${s.year}: ` +
    `each bar is the metric when one uncertain parameter moves from its 5th to its 95th percentile, the others at their defaults.` +
    (atDefaults ? "" : " It does not follow the settings you changed: it shows what the defaults' result rests on.");
}

/** What the live tornado (src/lib/live-tornado.ts) was computed with, for its text. */
export interface LiveTornadoSizes { creators: number; developers: number; seeds: readonly number[]; bars: number; setByUser: number; window: string }

/**
 * What the tornado at the current settings shows, in words: where it was computed, with what, and which
 * parameters it recomputes (the largest bars of the build-time tornado, not every uncertain parameter).
 * @example liveTornadoNote({ creators: 10000, developers: 40, seeds: [1, 2, 3], bars: 10, setByUser: 1, window: "2035" })
 * // => "Computed in your browser at your current settings (10,000 creators, 40 developers, mean of seeds 1, 2, 3), for 2035: …"
 */
export function liveTornadoNote(s: LiveTornadoSizes): string {
  return `Computed in your browser at your current settings (${s.creators.toLocaleString("en-US")} creators, ${s.developers} developers, mean of seeds ${s.seeds.join(", ")}), for ${s.window}: ` +
    `each bar is the metric when one parameter moves from its 5th to its 95th percentile, the others at your settings. ` +
    `For speed only the ${s.bars} parameters with the largest swings in the build-time tornado at the defaults are recomputed, not every uncertain parameter` +
    (s.setByUser ? `; parameters you set yourself are held at your values (${s.setByUser} of the build-time bars left out).` : ".");
}
