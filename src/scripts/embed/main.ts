/**
 * The live embed (/embed/?…): the explorer's settings, regimes and seeds from the query, run in the
 * worker pool, drawn as the comparison chart (comparison-view.ts) with a permalink into the explorer.
 * Named scenarios (`scenario=`) are not loaded here: the link's own settings are used.
 */
import type { SummaryRow } from "../../../models/results/types";
import { BASE_PATH } from "../../lib/base-path";
import { COMPARISON_CUMULATIVE_KEYS, COMPARISON_METRICS } from "../../lib/charts/comparison";
import { getRegistry } from "../../lib/registry";
import { createSimClient } from "../../lib/sim-client";
import { parseUrlState, seedsText } from "../../lib/url-state";
import { mountComparison } from "../explorer/comparison-view";
import { stateFromUrl, urlQuery } from "../explorer/state";

const registry = getRegistry();
const state = stateFromUrl(registry, parseUrlState(location.search, registry));
let summary: SummaryRow[] = [];
const view = mountComparison(() => ({ summary, regimes: state.regimes }));
view.show(state.comparison);
const link = document.querySelector<HTMLAnchorElement>("[data-embed-permalink]");
if (link) { link.href = `${BASE_PATH}/explorer/${urlQuery(registry, state)}`; link.textContent = `${location.origin}${link.getAttribute("href")}`; }
const status = document.querySelector<HTMLElement>("[data-embed-status]");
const seeds = document.querySelector<HTMLElement>("[data-embed-seeds]");
if (seeds) seeds.textContent = seedsText(state.seeds);
createSimClient().run(
  { scenario: "embed", regimes: state.regimes, settings: state.settings, seeds: state.seeds, keys: [...COMPARISON_METRICS, ...COMPARISON_CUMULATIVE_KEYS] },
  (p) => {
    summary = p.summary;
    view.dataChanged();
    if (status) { status.dataset.state = p.done ? "done" : "running"; status.textContent = p.done ? "" : `Running: ${p.seedsDone} of ${p.seedsTotal} seeds…`; }
  },
);
