/**
 * The explorer's plain-language comparison with the defaults (issue 12 item 7), one paragraph per
 * regime, under the summary: written when the charts are drawn (the baseline summary is the defaults'
 * run with the same run settings). Text from src/lib/compare-text.ts; nothing when at the defaults.
 */
import type { Registry } from "../../../models/params/registry";
import { defaultSettings } from "../../../models/params/validate";
import { REGIME_BY_ID } from "../../../models/regimes/index";
import type { ChartData } from "../../lib/charts/render-spec";
import { comparisonText } from "../../lib/compare-text";
import { pageElement } from "./dom";
import type { ExplorerState } from "./state";

const METRICS = ["creator_ai_revenue", "developer_cost"] as const;

export function mountCompare(registry: Registry) {
  const box = document.createElement("div");
  box.dataset.compare = "";
  box.setAttribute("aria-live", "polite");
  pageElement("summary").after(box);
  return {
    update(d: ChartData, state: ExplorerState) {
      const s = state.settings;
      // The baseline run is the defaults with the shown run length (runner.ts).
      const from = { ...defaultSettings(registry), "sim.years": s["sim.years"] };
      const year = s["sim.start_year"] + s["sim.years"] - 1;
      const texts = d.base
        ? state.regimes.map((regime) => comparisonText({
          registry, from, to: s, fromSummary: d.base!, toSummary: d.summary, fromLabel: "the defaults",
          regime, regimeLabel: REGIME_BY_ID.get(regime)?.label ?? regime, year, metrics: METRICS,
        })).filter((t): t is string => t !== undefined)
        : [];
      box.replaceChildren(...texts.map((t) => { const p = document.createElement("p"); p.textContent = t; return p; }));
    },
  };
}
