/**
 * The embed (/embed/?…): the query read strictly (src/lib/embed/query.ts); a bad one shows its problems
 * and runs nothing. With `static=1`, a query the frozen figures cover (the defaults, or a named scenario
 * as it is) goes to that pre-rendered page (/embed/frozen/…, no JavaScript); any other state says that
 * no frozen figure exists for it and shows the live chart instead. Live: the settings, regimes and seeds
 * (a `scenario=` first, then what the link sets) run in the worker pool and are drawn as the comparison
 * chart (comparison-view.ts) with a legend and a permalink into the explorer.
 */
import type { SummaryRow } from "../../../models/results/types";
import { BASE_PATH } from "../../lib/base-path";
import { COMPARISON_CUMULATIVE_KEYS, COMPARISON_METRICS } from "../../lib/charts/comparison";
import { regimeColor, regimeLabel } from "../../lib/charts/palette";
import { embedRun, explorerQuery, frozenId, frozenPath, parseEmbedQuery } from "../../lib/embed/query";
import scenarios from "virtual:registry-data/scenarios";
import { getRegistry, withScenarios } from "../../lib/registry";
import { createSimClient } from "../../lib/sim-client";
import { seedsText } from "../../lib/url-state";
import { mountComparison } from "../explorer/comparison-view";

const $ = <T extends HTMLElement>(k: string) => document.querySelector<T>(`[data-embed-${k}]`);
const registry = withScenarios(getRegistry(), scenarios);
const q = parseEmbedQuery(location.search, registry);
const status = $("status");
const SVG = "http://www.w3.org/2000/svg";
const liveBox = $("live");
if (liveBox) liveBox.hidden = false;

function legend(regimes: readonly string[]) {
  const ul = $("legend");
  if (!ul) return;
  const item = (color: string | null, text: string) => {
    const li = document.createElement("li");
    if (color) {
      const svg = document.createElementNS(SVG, "svg");
      for (const [k, v] of [["width", "14"], ["height", "14"], ["aria-hidden", "true"]]) svg.setAttribute(k, v);
      const dot = document.createElementNS(SVG, "circle");
      for (const [k, v] of [["cx", "7"], ["cy", "7"], ["r", "6"], ["fill", color]]) dot.setAttribute(k, v);
      svg.append(dot);
      li.append(svg);
    }
    li.append(text);
    return li;
  };
  ul.replaceChildren(...regimes.map((r) => item(regimeColor(r), regimeLabel(r))), item(null, "dot: median across seeds · bar: 90% band"));
}

function live(query: typeof q & { ok: true }) {
  const run = embedRun(registry, query);
  legend(run.regimes);
  let summary: SummaryRow[] = [];
  const view = mountComparison(() => ({ summary, regimes: run.regimes }));
  view.show(query.url.comparison);
  const link = $<HTMLAnchorElement>("permalink");
  if (link) { link.href = `${BASE_PATH}/explorer/${explorerQuery(registry, query)}`; link.textContent = `${location.origin}${link.getAttribute("href")}`; }
  const seeds = $("seeds");
  if (seeds) seeds.textContent = seedsText(run.seeds);
  createSimClient().run(
    { scenario: query.scenario?.id ?? "embed", regimes: run.regimes, settings: run.settings, seeds: run.seeds, keys: [...COMPARISON_METRICS, ...COMPARISON_CUMULATIVE_KEYS] },
    (p) => {
      summary = p.summary;
      view.dataChanged();
      if (status) { status.dataset.state = p.done ? "done" : "running"; status.textContent = p.done ? "" : `Running: ${p.seedsDone} of ${p.seedsTotal} seeds…`; }
    },
  );
}

if (!q.ok) {
  const list = $("problems");
  if (list) { list.hidden = false; list.replaceChildren(...q.problems.map((m) => Object.assign(document.createElement("li"), { textContent: m }))); }
  for (const k of ["chart", "source"]) { const e = $(k); if (e) e.hidden = true; }
  if (status) { status.dataset.state = "error"; status.textContent = `This embed link cannot be shown: ${q.problems.length} problem${q.problems.length === 1 ? "" : "s"} with its settings (listed above).`; }
} else if (q.frozen && frozenId(registry, q) !== null) {
  location.replace(frozenPath(BASE_PATH, frozenId(registry, q)!));
} else {
  if (q.frozen) {
    const note = $("notice");
    if (note) {
      note.hidden = false;
      note.textContent = "No frozen figure exists for these settings: pre-rendered (no-JavaScript) figures are made when the site is built, only for the default settings and for each named scenario as published. This link changes settings, regimes or seeds, so the chart below is live: it runs the model in your browser.";
    }
  }
  live(q);
}
