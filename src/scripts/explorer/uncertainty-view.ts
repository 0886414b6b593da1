/**
 * The explorer's "include parameter uncertainty" switch (issue 12 item 2): when on, the uncertain
 * parameters the user has not set are drawn (Latin hypercube, `latinHypercube`, design seed 1) and each
 * draw is run for the shown seeds in the worker pool, one draw after another; after each draw the bands
 * across draws × seeds are redrawn for creators' AI income, over the seeds-only bands drawn faintly, and
 * the 90% band widths in the last year are stated. Not responsible for the main charts (charts-view.ts).
 */
import type { Registry } from "../../../models/params/registry";
import { nonDefault } from "../../../models/params/validate";
import { summarizeRuns } from "../../../models/results/summary";
import type { RunOutput, SummaryRow } from "../../../models/results/types";
import { latinHypercube } from "../../../models/uncertainty/lhs";
import { bandChart } from "../../lib/charts/band-chart";
import { displayUnit } from "../../lib/charts/units";
import { completeRuns } from "../../lib/sim-client";
import { pageElement } from "./dom";
import type { ExplorerState } from "./state";

/** Draws per switch-on (kept small: each is a full run of every regime for every seed). */
export const EXPLORER_DRAWS = 8;
const METRIC = "creator_ai_revenue";

const width = (rows: readonly SummaryRow[], regime: string, year: number) => {
  const r = rows.find((x) => x.regime === regime && x.metric === METRIC && x.year === year && x.group === undefined);
  return r ? r.q95 - r.q05 : NaN;
};

export function mountUncertainty(registry: Registry, current: () => { state: ExplorerState; summary: SummaryRow[] }) {
  const box = document.createElement("section");
  box.dataset.uncertainty = "";
  box.setAttribute("aria-label", "Parameter uncertainty");
  const label = document.createElement("label");
  const input = Object.assign(document.createElement("input"), { type: "checkbox" });
  label.append(input, " Include parameter uncertainty (", String(EXPLORER_DRAWS), " Latin-hypercube draws of the uncertain parameters you have not set)");
  const out = document.createElement("div");
  out.setAttribute("aria-live", "polite");
  box.append(label, out);
  pageElement("summary").after(box);
  let generation = 0;

  async function run() {
    const gen = ++generation;
    const { state, summary: seedsOnly } = current();
    const fixed = new Set(nonDefault(registry, state.settings).map(([id]) => id));
    const design = latinHypercube(registry.parameters, EXPLORER_DRAWS, 1, fixed);
    const runs: RunOutput[] = [];
    const year = state.settings["sim.start_year"] + state.settings["sim.years"] - 1;
    const u = displayUnit(METRIC);
    for (let d = 0; d < design.draws.length; d++) {
      const more = await completeRuns({ scenario: "explorer", regimes: state.regimes, settings: { ...state.settings, ...design.draws[d] }, seeds: state.seeds });
      if (gen !== generation) return;
      runs.push(...more);
      const summary = summarizeRuns(runs, "explorer", [METRIC]);
      const chart = bandChart(summary, { metric: METRIC, title: "Creators’ AI income with parameter uncertainty", unit: u.label, baseline: seedsOnly, width: 640 });
      const words = state.regimes.map((r) => {
        const a = width(seedsOnly, r, year), b = width(summary, r, year);
        return Object.assign(document.createElement("p"), {
          textContent: `${r}, ${year}: 90% band width ${u.format(a * u.scale)} across seeds only; ${u.format(b * u.scale)} across ${d + 1} draws × ${state.seeds.length} seeds.`,
        });
      });
      out.dataset.draws = String(d + 1);
      out.replaceChildren(chart, ...words);
    }
    out.dataset.done = "";
  }

  input.addEventListener("change", () => {
    generation++;
    delete out.dataset.done;
    if (input.checked) void run();
    else out.replaceChildren();
  });
  return { changed() { if (input.checked) { delete out.dataset.done; void run(); } } };
}
