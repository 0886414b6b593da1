/**
 * The explorer's "include parameter uncertainty" switch (issue 12 item 2): when on, the uncertain
 * parameters the user has not set are drawn (Latin hypercube, `latinHypercube`, design seed 1, each
 * parameter from its declared distribution over its plausible span) and each draw is run for the shown
 * seeds in the worker pool, one draw after another. After each draw the summary across draws × seeds of
 * every series the explorer shows (`EXPLORER_KEYS`) replaces the seeds-only summary in all charts, their
 * data tables, the comparison and the summary CSV (main.ts asks `current()`), and `onData` redraws them.
 * The box states, per regime, the 90% band width in the last year with seeds only and with draws.
 * Not responsible for drawing the charts (charts-view.ts) or saying so in their text (`bandNote`).
 */
import type { Registry } from "../../../models/params/registry";
import type { RunOutput, SummaryRow } from "../../../models/results/types";
import { EXPLORER_DRAWS } from "../../lib/explorer-design-size";
import { displayUnit } from "../../lib/charts/units";
import { summarizeWithDerived } from "../../lib/derived-series";
import { completeRuns } from "../../lib/sim-client";
import { pageElement } from "./dom";
import { EXPLORER_KEYS } from "./runner";
import type { ExplorerState } from "./state";

/** The metrics whose band widths the box states in words. */
const WORDS_METRICS = ["creator_ai_revenue", "total_surplus"] as const;

const width = (rows: readonly SummaryRow[], metric: string, regime: string, year: number) => {
  const r = rows.find((x) => x.regime === regime && x.metric === metric && x.year === year && x.group === undefined);
  return r ? r.q95 - r.q05 : NaN;
};

/** What the charts show while the switch is on and at least one draw is in. */
export interface UncertainSummary { summary: SummaryRow[]; draws: number; seeds: number }

export interface UncertaintyView {
  /** The settings changed: run the draws again (when on). */
  changed(): void;
  /** The summary across draws × seeds, or undefined when off or no draw of the current settings is in yet. */
  current(): UncertainSummary | undefined;
  /** The sentence the charts carry about what their bands are. */
  bandNote(seeds: number): string;
  /** Whether the switch is on. */
  on(): boolean;
  /** Whether the charts' data are final as far as the draws go: off, or every draw of the current settings in. */
  done(): boolean;
  /** The runs of the draws so far (every series), for paired comparisons; empty when off. */
  runs(): readonly RunOutput[];
}

/** "Bands: 90% …" for the charts' text, with or without parameter uncertainty. @example bandNote(undefined, 20) // => "Bands: 90% across 20 seeds — seed noise only; …" */
export function bandNote(u: UncertainSummary | undefined, seeds: number, on: boolean): string {
  if (u) return `Bands: 90% across ${u.draws} parameter draws × ${u.seeds} seeds — parameter uncertainty (the uncertain assumptions you have not set, drawn from their distributions) and seed noise together.`;
  return `Bands: 90% across ${seeds} seeds — seed noise only; ${on ? "parameter uncertainty is being computed…" : "parameter uncertainty is off (switch above)."}`;
}

export function mountUncertainty(registry: Registry, current: () => { state: ExplorerState; summary: SummaryRow[] }, onData: () => void): UncertaintyView {
  const box = document.createElement("section");
  box.dataset.uncertainty = "";
  box.setAttribute("aria-label", "Parameter uncertainty");
  const label = document.createElement("label");
  const input = Object.assign(document.createElement("input"), { type: "checkbox" });
  label.append(input, " Include parameter uncertainty (", String(EXPLORER_DRAWS), " Latin-hypercube draws of the uncertain parameters you have not set; all charts' bands widen)");
  const out = document.createElement("div");
  out.setAttribute("aria-live", "polite");
  box.append(label, out);
  pageElement("summary").after(box);
  let generation = 0;
  let shown: UncertainSummary | undefined;
  let allRuns: RunOutput[] = [];

  async function run() {
    const gen = ++generation;
    shown = undefined;
    allRuns = [];
    const { explorerDraws } = await import("../../lib/explorer-design");
    if (gen !== generation) return;
    const { state } = current();
    const design = { draws: explorerDraws(registry, [state.settings]) };
    const runs: RunOutput[] = [];
    const year = state.settings["sim.start_year"] + state.settings["sim.years"] - 1;
    for (let d = 0; d < design.draws.length; d++) {
      const more = await completeRuns({ scenario: "explorer", regimes: state.regimes, settings: { ...state.settings, ...design.draws[d] }, seeds: state.seeds });
      if (gen !== generation) return;
      runs.push(...more);
      allRuns = runs;
      shown = { summary: summarizeWithDerived(runs, "explorer", EXPLORER_KEYS), draws: d + 1, seeds: state.seeds.length };
      const seedsOnly = current().summary;
      const words = WORDS_METRICS.flatMap((m) => {
        const u = displayUnit(m);
        return state.regimes.map((r) => Object.assign(document.createElement("p"), {
          textContent: `${m === "creator_ai_revenue" ? "Creators’ AI income" : "Total surplus"}, ${r}, ${year}: 90% band width ${u.format(width(seedsOnly, m, r, year) * u.scale)} across seeds only; ${u.format(width(shown!.summary, m, r, year) * u.scale)} across ${d + 1} draws × ${state.seeds.length} seeds.`,
        }));
      });
      out.dataset.draws = String(d + 1);
      out.replaceChildren(...words);
      // Marked done before the last draw's redraw, which then draws every chart (`done()`).
      if (d === design.draws.length - 1) out.dataset.done = "";
      onData();
    }
    // No draws at all (every uncertain parameter set): done, and the charts drawn in full.
    if (!design.draws.length) { out.dataset.done = ""; onData(); }
  }

  const restart = () => { delete out.dataset.done; delete out.dataset.draws; void run(); onData(); };
  input.addEventListener("change", () => {
    generation++;
    if (input.checked) restart();
    else { shown = undefined; allRuns = []; delete out.dataset.done; delete out.dataset.draws; out.replaceChildren(); onData(); }
  });
  return {
    changed() { if (input.checked) restart(); },
    current: () => (input.checked ? shown : undefined),
    bandNote: (seeds) => bandNote(input.checked ? shown : undefined, seeds, input.checked),
    runs: () => (input.checked ? allRuns : []),
    on: () => input.checked,
    done: () => !input.checked || out.dataset.done !== undefined,
  };
}
