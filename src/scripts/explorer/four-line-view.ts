/**
 * The explorer's four-line view (src/lib/four-line.ts): when an assumption differs from its default, it
 * runs three corners (default assumptions at the baseline policy with the shown run settings, changed
 * assumptions at the baseline policy, default assumptions with the changed policy) in the worker pool,
 * the fourth being the data shown, and draws creators' AI income for all four corners per regime,
 * with a data table and the decomposition in words. Hidden when every assumption is at its default.
 */
import * as Plot from "@observablehq/plot";
import type { Registry } from "../../../models/params/registry";
import type { SummaryRow } from "../../../models/results/types";
import { REGIME_BY_ID } from "../../../models/regimes/index";
import { displayUnit } from "../../lib/charts/units";
import { CORNER_LABELS, cornerValues, corners, decompositionText, type Corner } from "../../lib/four-line";
import { createSimClient } from "../../lib/sim-client";
import { pageElement } from "./dom";
import type { ExplorerState } from "./state";

const METRIC = "creator_ai_revenue";
const CORNERS: Corner[] = ["D", "A", "P", "B"];

export function mountFourLine(registry: Registry) {
  const box = document.createElement("section");
  box.dataset.fourLine = "";
  box.hidden = true;
  box.setAttribute("aria-label", "Policy and assumptions, four lines");
  pageElement("summary").after(box);
  const clients = { D: createSimClient(), A: createSimClient(), P: createSimClient() };
  let key = "";
  const extra: Partial<Record<"D" | "A" | "P", SummaryRow[]>> = {};
  let latest: { state: ExplorerState; summary: SummaryRow[] } | undefined;

  function draw() {
    if (!latest || !extra.D || !extra.A || !extra.P) return;
    const { state } = latest;
    const s: Record<Corner, SummaryRow[]> = { D: extra.D, A: extra.A, P: extra.P, B: latest.summary };
    const year = state.settings["sim.start_year"] + state.settings["sim.years"] - 1;
    const u = displayUnit(METRIC);
    const points = state.regimes.flatMap((regime) => CORNERS.flatMap((c) =>
      s[c].filter((r) => r.regime === regime && r.metric === METRIC && r.group === undefined).map((r) => ({ regime, corner: CORNER_LABELS[c], year: r.year, value: r.q50 * u.scale }))));
    const chart = Plot.plot({
      height: 240, marginLeft: 56, x: { label: "Year", tickFormat: "d" }, y: { label: `Creators’ AI income, ${u.label}`, grid: true },
      color: { legend: true, domain: CORNERS.map((c) => CORNER_LABELS[c]) }, fy: state.regimes.length > 1 ? { label: null } : undefined,
      marks: [Plot.lineY(points, { x: "year", y: "value", stroke: "corner", fy: state.regimes.length > 1 ? "regime" : undefined })],
    });
    const words = state.regimes.map((regime) => {
      const v = cornerValues(s, regime, METRIC, year);
      return v ? decompositionText(v, "creators’ AI income", METRIC, REGIME_BY_ID.get(regime)?.label ?? regime, year) : "";
    });
    const table = document.createElement("table");
    table.innerHTML = `<caption>Creators’ AI income in ${year}, medians across seeds (${u.label})</caption><thead><tr><th scope="col">Regime</th>${CORNERS.map((c) => `<th scope="col">${CORNER_LABELS[c]}</th>`).join("")}</tr></thead>`;
    const body = table.createTBody();
    for (const regime of state.regimes) {
      const v = cornerValues(s, regime, METRIC, year);
      const tr = body.insertRow();
      tr.insertCell().textContent = REGIME_BY_ID.get(regime)?.label ?? regime;
      for (const c of CORNERS) tr.insertCell().textContent = v ? u.format(v[c] * u.scale) : "";
    }
    const h = document.createElement("h3");
    h.textContent = "How much comes from the policy and how much from the assumptions";
    box.replaceChildren(h, chart, ...words.map((t) => Object.assign(document.createElement("p"), { textContent: t })), table);
    box.hidden = false;
  }

  return {
    update(state: ExplorerState, d: { summary: SummaryRow[] }) {
      latest = { state, summary: d.summary };
      const c = corners(registry, state.settings);
      if (!c) { box.hidden = true; key = ""; return; }
      const k = JSON.stringify([c.D, c.A, c.P, state.regimes, state.seeds]);
      if (k !== key) {
        key = k;
        delete extra.D; delete extra.A; delete extra.P;
        for (const corner of ["D", "A", "P"] as const)
          clients[corner].run({ scenario: "explorer", regimes: state.regimes, settings: c[corner], seeds: state.seeds, keys: [METRIC] }, (p) => {
            if (!p.done) return;
            extra[corner] = p.summary;
            draw();
          });
      }
      draw();
    },
  };
}
