/**
 * Named options in force in a notebook figure: every named-option parameter (a record with `options`,
 * such as the rate-setting standard or whether US training liability is territorial) that the figure's
 * regimes read, with the option its settings select, as one sentence for the figure's caption. Pure.
 * Not responsible for the page: LiveFigure/SweepFigure print it, live-figure.ts refreshes it on input.
 */
import type { Registry, Settings } from "../../../models/index";
import { formatParam } from "../../lib/format-param";

export interface OptionInForce { id: string; label: string; option: string }

/** Named-option parameters the regimes read (in registry order), with the option in force. */
export function optionsInForce(registry: Registry, settings: Settings, regimes: readonly string[], except: readonly string[] = []): OptionInForce[] {
  const out: OptionInForce[] = [];
  for (const r of registry.byId.values()) {
    if (!r.options?.length || except.includes(r.id)) continue;
    if (r.regimes && !r.regimes.some((id) => regimes.includes(id))) continue;
    const v = settings[r.id] ?? r.default;
    out.push({ id: r.id, label: r.label, option: formatParam(r, v) });
  }
  return out;
}

/**
 * The caption sentence. @example optionsText([{ id: "compulsory.rate_standard", label: "Rate-setting standard", option: "Fixed rate" }])
 *   // => "Options in force: Rate-setting standard: Fixed rate."
 */
export function optionsText(list: readonly OptionInForce[]): string {
  return list.length ? `Options in force: ${list.map((o) => `${o.label}: ${o.option}`).join("; ")}.` : "";
}
