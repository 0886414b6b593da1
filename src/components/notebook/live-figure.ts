/**
 * Behaviour of LiveFigure.astro: reads each figure's config (a JSON data attribute written at build
 * time), runs the model through the shared sim client pool, redraws band charts as seeds finish, and
 * keeps the explorer link and the CLI command in step with the inline controls.
 * Not responsible for drawing (src/lib/charts/band-chart.ts) or for running the model (the worker).
 */
import { METRIC_BY_NAME, splitSeriesKey, type Settings, type SummaryRow } from "../../../models/index";
import { createSimClient, type SimClient } from "../../lib/sim-client";
import { bandChart } from "../../lib/charts/band-chart";
import { getRegistry } from "../../lib/registry";
import { formatParam, formatParamWithUnit } from "../../lib/format-param";
import { displayUnit } from "../../lib/charts/units";
import { cliCommand, explorerHref } from "./site-data";
import { componentKeys, groupLabel, summarize } from "./derived";

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

/** Chart title for a series key: metric label, and the group if any. */
export function seriesTitle(key: string): string {
  const { metric, group } = splitSeriesKey(key);
  const label = METRIC_BY_NAME.get(metric)?.label ?? metric;
  return group ? `${label}: ${groupLabel(group)}` : label;
}

function mount(fig: HTMLElement) {
  const cfg = JSON.parse(fig.dataset.config ?? "{}") as FigureConfig;
  const registry = getRegistry();
  const status = fig.querySelector<HTMLElement>("[data-status]")!;
  const charts = fig.querySelector<HTMLElement>("[data-charts]")!;
  const link = fig.querySelector<HTMLAnchorElement>("[data-explorer-link]")!;
  const cli = fig.querySelector<HTMLElement>("[data-cli]")!;
  const keys = [...new Set(cfg.metrics.flatMap(componentKeys))];
  const settings: Settings = { ...cfg.settings };
  const client: SimClient = createSimClient();
  const baseClient: SimClient | null = cfg.baseline ? createSimClient() : null;
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
  };

  const run = () => {
    fig.dataset.state = "running";
    status.textContent = `Running the model in your browser: 0 of ${cfg.seeds.length} seeds…`;
    client.run({ scenario: cfg.scenario, regimes: cfg.regimes, settings, seeds: cfg.seeds, keys }, (p) => {
      summary = summarize(client.runs(), cfg.scenario, cfg.metrics);
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

  for (const input of fig.querySelectorAll<HTMLInputElement>(".nb-controls input[name]")) {
    input.addEventListener("input", () => {
      const id = input.name;
      const r = registry.byId.get(id)!;
      const v = input.type === "checkbox" ? (input.checked ? 1 : 0) : Number(input.value);
      settings[id] = v;
      if (input.type !== "checkbox") {
        input.setAttribute("aria-valuetext", formatParamWithUnit(r, v));
        const out = fig.querySelector(`#${CSS.escape(input.id)}-out`);
        if (out) out.textContent = formatParam(r, v);
      }
      updateLinks();
      clearTimeout(timer);
      timer = setTimeout(run, 250);
    });
  }

  if (baseClient) {
    const defaults = Object.fromEntries(registry.parameters.map((p) => [p.id, p.default]));
    baseClient.run({ scenario: "defaults", regimes: cfg.regimes, settings: defaults, seeds: cfg.seeds, keys }, (p) => {
      if (!p.done) return;
      baseSummary = summarize(baseClient.runs(), "defaults", cfg.metrics);
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
