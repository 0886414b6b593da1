/**
 * The explorer's run status line and its plain-language summary ("In brief"), written from the latest
 * run (runner.ts) as text. The status says "done" only once the last data is drawn, so that anything
 * waiting for `data-state="done"` (tests, the bench) sees the final charts and summary.
 */
import type { Registry } from "../../../models/params/registry";
import type { ChartData } from "../../lib/charts/render-spec";
import { formatParam } from "../../lib/format-param";
import { seedsText } from "../../lib/url-state";
import { pageElement } from "./dom";
import type { RunSnapshot } from "./runner";
import { summaryParagraphs } from "./summary-text";

/** The parameter the summary's headline names (the compulsory licence's rate). */
const HEADLINE_RATE = "compulsory.royalty_rate";

export interface SummaryView {
  /** The status line; `drawnAll` when every chart shows the latest data. */
  status(drawnAll?: boolean): void;
  /** Every chart shows the latest data: write the summary (when the run is done) and the status. */
  finish(d: ChartData): void;
}

/** `draws`: how many parameter draws the bands include (undefined: seeds only). */
export function mountSummary(registry: Registry, snapshot: () => RunSnapshot, drawing: () => boolean, draws: () => number | undefined = () => undefined): SummaryView {
  let summaryText = "";

  const status = (drawnAll = false) => {
    const s = snapshot();
    const box = pageElement("runStatus");
    const done = s.done && drawnAll && !drawing();
    const state = s.error ? "error" : done ? "done" : "running";
    const secs = ((performance.now() - s.startedAt) / 1000).toFixed(1);
    const text = s.error
      ? `The model stopped with an error: ${s.error}`
      : done
        ? `${s.seedsTotal} of ${s.seedsTotal} seeds done (${seedsText(s.state.seeds)}), ${secs} s.`
        : s.done
          ? `${s.seedsTotal} of ${s.seedsTotal} seeds done, drawing…`
          : `Running: ${s.seedsDone} of ${s.seedsTotal} seeds done…`;
    if (box.dataset.state !== state) box.dataset.state = state;
    if (box.textContent !== text) box.textContent = text;
  };

  const finish = (d: ChartData) => {
    const s = snapshot();
    if (s.done && d.summary.length) {
      const rate = registry.byId.get(HEADLINE_RATE)!;
      const paras = summaryParagraphs({
        summary: d.summary, baseline: d.base, regimes: s.state.regimes,
        rateText: formatParam(rate, s.state.settings[HEADLINE_RATE]),
        seedsText: seedsText(s.state.seeds) + (draws() ? ` × ${draws()} parameter draws (parameter uncertainty on)` : ""),
      });
      const text = paras.join("\n");
      // Rewritten only when it changes, so the live region announces each new result once.
      if (paras.length && text !== summaryText) {
        summaryText = text;
        pageElement("summary").replaceChildren(...paras.map((t) => { const p = document.createElement("p"); p.textContent = t; return p; }));
      }
    }
    status(true);
  };

  return { status, finish };
}
