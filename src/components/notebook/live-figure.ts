/**
 * Behaviour of LiveFigure.astro: reads each figure's config (a JSON data attribute written at build
 * time), runs the model through the shared sim client pool, redraws band charts as seeds finish, and
 * keeps the explorer link and the CLI command in step with the inline controls.
 * Not responsible for drawing (src/lib/charts/band-chart.ts) or for running the model (the worker).
 */
import { defaultSettings, splitSeriesKey, validateSettings, type Settings, type SummaryRow } from "../../../models/index";
import { createSimClient, type SimClient } from "../../lib/sim-client";
import { PRIORITY } from "../../lib/sim-pool";
import { bandChart } from "../../lib/charts/band-chart";
import { getRegistry } from "../../lib/registry";
import { readParamInput, showParamValue } from "../../lib/param-input";
import { displayUnit } from "../../lib/charts/units";
import { cliCommand, explorerHref } from "./site-data";
import { seriesTitle } from "../../lib/series-label";
import { optionsInForce, optionsText } from "./options-in-force";

interface FigureConfig {
  scenario: string;
  regimes: string[];
  settings: Settings;
  seeds: number[];
  metrics: string[];
  controls: string[];
  setFixed: Settings;
  baseline: boolean;
  facet: boolean;
  title: string;
  base: string;
}

function mount(fig: HTMLElement) {
  const cfg = JSON.parse(fig.dataset.config ?? "{}") as FigureConfig;
  const registry = getRegistry();
  const status = fig.querySelector<HTMLElement>("[data-status]")!;
  const charts = fig.querySelector<HTMLElement>("[data-charts]")!;
  const link = fig.querySelector<HTMLAnchorElement>("[data-explorer-link]")!;
  const cli = fig.querySelector<HTMLElement>("[data-cli]")!;
  const options = fig.querySelector<HTMLElement>("[data-options]");
  const settings: Settings = { ...cfg.settings };
  const client: SimClient = createSimClient();
  const baseClient: SimClient | null = cfg.baseline ? createSimClient(PRIORITY.baseline) : null;
  let baseSummary: SummaryRow[] | undefined;
  let summary: SummaryRow[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const draw = () => {
    const width = Math.min(760, Math.max(280, charts.clientWidth || 640));
    const nodes = cfg.metrics.map((key) => {
      const { metric, group } = splitSeriesKey(key);
      return bandChart(summary, {
        metric, group, title: seriesTitle(key), unit: displayUnit(metric).label,
        baseline: baseSummary, width, facet: cfg.facet, height: cfg.facet ? 120 : 220,
      });
    });
    charts.replaceChildren(...nodes);
  };

  const updateLinks = () => {
    link.href = `${cfg.base}${explorerHref(registry, settings, cfg.seeds)}`;
    const set = { ...cfg.setFixed, ...Object.fromEntries(cfg.controls.map((id) => [id, settings[id]])) };
    cli.textContent = cliCommand({ scenario: cfg.scenario, regimes: cfg.regimes, set, seeds: cfg.seeds });
    if (options) options.textContent = optionsText(optionsInForce(registry, settings, cfg.regimes));
  };

  const run = () => {
    fig.dataset.state = "running";
    status.textContent = `Running the model in your browser: 0 of ${cfg.seeds.length} seeds…`;
    client.run({ scenario: cfg.scenario, regimes: cfg.regimes, settings, seeds: cfg.seeds, keys: cfg.metrics }, (p) => {
      summary = p.summary;
      draw();
      if (p.error) {
        fig.dataset.state = "error";
        status.textContent = `The model stopped with an error: ${p.error}`;
      } else if (p.done) {
        fig.dataset.state = "done";
        status.textContent = `Done: ${p.seedsDone} seeds. Medians and 90% bands across seeds.${p.problems ? ` Settings ignored: ${p.problems.join("; ")}` : ""}`;
      } else status.textContent = `Running the model in your browser: ${p.seedsDone} of ${p.seedsTotal} seeds…`;
    });
  };

  fig.querySelector("form.nb-controls")?.addEventListener("submit", (e) => e.preventDefault());
  for (const input of fig.querySelectorAll<HTMLInputElement>(".nb-controls input[name]")) {
    input.addEventListener("input", () => {
      const id = input.name;
      // The slider's range is the parameter's, so the value is valid; checked again by the worker.
      const checked = validateSettings(registry, [[id, readParamInput(input)]]);
      if (checked.problems.length) return;
      settings[id] = checked.settings[id];
      // A radio is already checked by the browser (and showParamValue would set every group of that name on the page).
      if (input.type !== "radio") showParamValue(input, registry.byId.get(id)!, settings[id]);
      updateLinks();
      clearTimeout(timer);
      timer = setTimeout(run, 250);
    });
  }

  if (baseClient) {
    baseClient.run({ scenario: "defaults", regimes: cfg.regimes, settings: defaultSettings(registry), seeds: cfg.seeds, keys: cfg.metrics }, (p) => {
      if (!p.done) return;
      baseSummary = p.summary;
      if (summary.length) draw();
    });
  }
  updateLinks();
  run();
  let lastWidth = charts.clientWidth;
  new ResizeObserver(() => {
    if (Math.abs(charts.clientWidth - lastWidth) > 40 && summary.length) { lastWidth = charts.clientWidth; draw(); }
  }).observe(charts);
}

/** Start every live figure on the page (once). */
export function mountLiveFigures() {
  for (const fig of document.querySelectorAll<HTMLElement>("[data-nb-figure]:not([data-mounted])")) {
    fig.dataset.mounted = "";
    mount(fig);
  }
}
