/**
 * The explorer page's behaviour: controls ↔ state ↔ URL, runs in the worker pool (baseline cached by
 * regimes, seeds and years), redraws of the charts as seeds finish, the summary, citation and downloads,
 * and scenarios (named by `?scenario=` or uploaded as a file).
 * State is the source of truth; inputs show it (a URL value between slider steps is kept exactly).
 * Every setting, whatever its origin (slider, URL, scenario, upload), passes the model's own checks
 * (`validateSettings`, `resolveScenario*`) before it reaches state; problems are listed in a notice as
 * text (never HTML). The scenario code (YAML parser, schema) is loaded only when needed.
 */
import {
  MODEL_VERSION, REGIME_IDS, defaultSettings, nonDefault, type RunOutput, type Settings, type SummaryRow,
} from "../../../models/index";
import { getRegistry } from "../../lib/registry";
import { createSimClient, type SimProgress } from "../../lib/sim-client";
import { DEFAULT_SEEDS } from "../../../models/engine/seeds";
import { EXPLORER_MAX_SEEDS, formatUrlState, parseUrlState, seedsText } from "../../lib/url-state";
import { formatParam, formatParamWithUnit } from "../../lib/format-param";
import { bandChart } from "../../lib/charts/band-chart";
import { splitChart } from "../../lib/charts/split-chart";
import { apaCitation, bibtexCitation, changedSettings, SITE_TITLE } from "../../lib/cite";
import { inputsCsv, rawCsv, summaryCsv } from "../../lib/csv";
import { download, exportSvgText, svgToPng } from "../../lib/export-image";
import { summaryParagraphs } from "./summary-text";
import { scenarioYaml } from "./scenario-yaml";
import type { LoadedScenario } from "./scenario-file";

/** Label of the requests to the simulation client (the downloads use `scenarioLabel()`). */
const SCENARIO = "explorer";
/** Scenario column when no scenario is loaded: what `simulate` writes without `--scenario`. */
const NO_SCENARIO = "custom";
/** Largest uploaded file read (bytes); scenario files are about 1 kB. */
const MAX_UPLOAD_BYTES = 256 * 1024;
const MONEY = "$bn per year";
const KEYS = [
  "creator_revenue", "creator_market_revenue", "creator_ai_revenue",
  "developer_cost", "developer_data_cost", "developer_transaction_cost", "developer_compliance_cost", "developer_legal_cost",
  "corpus_share", "unlicensed_share", "model_quality", "active_creators", "active_developers",
];
const OUTCOMES: { metric: string; title: string; unit: string }[] = [
  { metric: "corpus_share", title: "Share of works used in training", unit: "%" },
  { metric: "unlicensed_share", title: "Share of training works used without permission", unit: "%" },
  { metric: "model_quality", title: "Model quality", unit: "index, 1 = trained on everything" },
  { metric: "active_creators", title: "Active creators", unit: "number" },
  { metric: "active_developers", title: "Active AI developers", unit: "number" },
];

const registry = getRegistry();
const defaults = defaultSettings(registry);
const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

// ---- state ---------------------------------------------------------------------------------------
const initial = parseUrlState(location.search, registry);
let settings: Settings = { ...defaults, ...initial.settings };
let seeds: number[] = initial.seeds;
let regimes: string[] = initial.regimes ?? [...REGIME_IDS];
/** The loaded scenario (named: from `?scenario=`, kept in the URL; otherwise uploaded), or null. */
let scenario: (LoadedScenario & { named: boolean }) | null = null;
const scenarioLabel = () => scenario?.id ?? NO_SCENARIO;
const loadScenarioCode = () => import("./scenario-file");

const form = $<HTMLFormElement>("controls");
const controls = new Map<string, HTMLInputElement>();
for (const input of form.querySelectorAll<HTMLInputElement>("input[name]")) controls.set(input.name, input);

function showControl(id: string) {
  const input = controls.get(id);
  if (!input) return;
  const box = input.closest<HTMLElement>(".param");
  if (id === "seeds") {
    input.value = String(seeds.length);
    input.setAttribute("aria-valuetext", `${seeds.length} seed${seeds.length === 1 ? "" : "s"} (${seedsText(seeds)})`);
    $("p-seeds-out").textContent = String(seeds.length);
    $("seeds-list").textContent = `Seeds ${seedsText(seeds)}.`;
    box?.classList.toggle("changed", seedsText(seeds) !== seedsText(DEFAULT_SEEDS));
    return;
  }
  const r = registry.byId.get(id)!;
  const v = settings[id];
  if (input.type === "checkbox") input.checked = v === 1;
  else {
    input.value = String(v);
    input.setAttribute("aria-valuetext", formatParamWithUnit(r, v));
  }
  const out = document.getElementById(`${input.id}-out`);
  if (out) out.textContent = formatParam(r, v);
  box?.classList.toggle("changed", v !== r.default);
}

function showAllControls() {
  for (const id of controls.keys()) showControl(id);
}

// ---- notices -------------------------------------------------------------------------------------
/** Fill a notice box with an intro sentence and one list item per line (all as text), or hide it. */
function fillNotice(box: HTMLElement, intro: string, items: readonly string[]) {
  if (!intro && items.length === 0) { box.hidden = true; box.replaceChildren(); return; }
  const p = document.createElement("p");
  p.textContent = intro;
  const nodes: HTMLElement[] = [p];
  if (items.length) {
    const ul = document.createElement("ul");
    for (const msg of items) {
      const li = document.createElement("li");
      li.textContent = msg;
      ul.append(li);
    }
    nodes.push(ul);
  }
  box.replaceChildren(...nodes);
  box.hidden = false;
}

function showNotice(problems: readonly string[], intro = "Some settings in the link were not used (the defaults were used instead):") {
  fillNotice($("url-notice"), problems.length ? intro : "", problems);
}

function showVersionNote(note: string | undefined, migrated: readonly string[]) {
  fillNotice($("version-note"), note ?? "", note ? migrated : []);
}

/** The loaded scenario's title and description, as text. */
function showScenario() {
  const box = $("scenario-info");
  box.hidden = !scenario;
  $("scenario-title").textContent = scenario ? scenario.title || `Scenario “${scenario.id}”` : "";
  $("scenario-description").textContent = scenario?.description ?? "";
  $("scenario-id").textContent = scenario ? scenario.id : "";
}

// ---- URL, permalink, citation --------------------------------------------------------------------
function query(): string {
  const named = scenario?.named ? scenario : null;
  // A named scenario's own regimes need no `regimes=`; other choices are written.
  const sameAsScenario = named && (named.regimes ?? REGIME_IDS).join(",") === regimes.join(",");
  return formatUrlState(settings, seeds, registry, {
    scenario: named ? { id: named.id, overrides: named.overrides } : null,
    regimes: sameAsScenario ? undefined : regimes,
  });
}

function permalink(): string {
  return `${location.origin}${location.pathname}${query()}`;
}

/** The current settings as a scenario file (the format of scenarios/*.yaml), as a data: link. */
function updateScenarioLink() {
  const changed = nonDefault(registry, settings);
  const overrides: Settings = Object.fromEntries(changed);
  const text = scenarioYaml({
    title: scenario ? `${scenario.title || scenario.id} (from the explorer)`.slice(0, 200) : "Settings from the policy explorer",
    description: `Saved from the policy explorer at model version ${MODEL_VERSION}: ${changed.length} parameter${changed.length === 1 ? "" : "s"} changed from the defaults, ` +
      `regimes ${regimes.join(", ")}, seeds ${seedsText(seeds)}.`,
    regimes, overrides, seeds,
  });
  $<HTMLAnchorElement>("dl-scenario").href = `data:application/yaml;charset=utf-8,${encodeURIComponent(text)}`;
}

/** Least time between two `history.replaceState` calls (browsers ignore them when called too often). */
const URL_INTERVAL_MS = 100;
/** Time after an input before the citation panel and the scenario link are rewritten. */
const CITE_DELAY_MS = 150;
let lastUrlAt = -Infinity;
let urlTimer: ReturnType<typeof setTimeout> | undefined;
let citeTimer: ReturnType<typeof setTimeout> | undefined;

/** Write the URL now, or, during a fast drag, once the interval has passed (always with the latest state). */
function updateUrl() {
  if (urlTimer !== undefined) return;
  const wait = lastUrlAt + URL_INTERVAL_MS - performance.now();
  const write = () => {
    urlTimer = undefined;
    lastUrlAt = performance.now();
    history.replaceState(null, "", `${location.pathname}${query()}`);
  };
  if (wait <= 0) write();
  else urlTimer = setTimeout(write, wait);
}

/** On input: the URL at once, the citation panel and scenario link shortly after (they read the latest state). */
function updateUrlAndCite() {
  updateUrl();
  citeTimer ??= setTimeout(updateCite, CITE_DELAY_MS);
}

/** Rewrite the permalink, citations, changed-settings table and scenario link now (if an update is due). */
function flushCite() {
  if (citeTimer !== undefined) updateCite();
}

function updateCite() {
  if (citeTimer !== undefined) clearTimeout(citeTimer);
  citeTimer = undefined;
  updateScenarioLink();
  const link = permalink();
  $<HTMLInputElement>("permalink").value = link;
  const cite = { permalink: link, seeds, settings, accessed: new Date() };
  $("cite-apa").textContent = apaCitation(registry, cite);
  $("cite-bibtex").textContent = bibtexCitation(registry, cite);
  const changed = changedSettings(registry, settings);
  const holder = $("cite-settings");
  if (changed.length === 0) {
    const p = document.createElement("p");
    p.textContent = "None: every parameter is at its default.";
    holder.replaceChildren(p);
  } else {
    const table = document.createElement("table");
    const head = table.createTHead().insertRow();
    for (const h of ["Parameter", "Id", "Value", "Default"]) {
      const th = document.createElement("th");
      th.scope = "col";
      th.textContent = h;
      head.append(th);
    }
    const body = table.createTBody();
    for (const c of changed) {
      const tr = body.insertRow();
      for (const v of [c.label, c.id, c.value, c.default]) tr.insertCell().textContent = v;
    }
    const wrap = document.createElement("div");
    wrap.className = "table-scroll";
    wrap.append(table);
    holder.replaceChildren(wrap);
  }
}

// ---- runs ----------------------------------------------------------------------------------------
const mainClient = createSimClient();
const baseClient = createSimClient();
let baseline: { key: string; summary: SummaryRow[]; done: boolean; seedsDone: number } = { key: "", summary: [], done: false, seedsDone: 0 };
let current: { summary: SummaryRow[]; done: boolean; seedsDone: number; seedsTotal: number; fromBaseline: boolean } =
  { summary: [], done: false, seedsDone: 0, seedsTotal: 0, fromBaseline: true };
let startedAt = 0;
let lastError: string | undefined;

const isDefaultRun = () => nonDefault(registry, settings).every(([id]) => id === "sim.years");
/** The regimes of the latest run (the charts and downloads show these). */
let runRegimes: string[] = regimes;

function run() {
  startedAt = performance.now();
  lastError = undefined;
  const years = settings["sim.years"];
  const key = `${regimes.join(",")}|${seedsText(seeds)}|${years}`;
  runRegimes = [...regimes];
  const useBaseline = isDefaultRun();
  if (baseline.key !== key) {
    baseline = { key, summary: [], done: false, seedsDone: 0 };
    baseClient.run({ scenario: SCENARIO, regimes, settings: { "sim.years": years }, seeds, keys: KEYS }, (p: SimProgress) => {
      baseline = { key, summary: p.summary, done: p.done, seedsDone: p.seedsDone };
      if (p.error) lastError = p.error;
      if (current.fromBaseline) current = { summary: p.summary, done: p.done, seedsDone: p.seedsDone, seedsTotal: p.seedsTotal, fromBaseline: true };
      dataChanged();
    });
  }
  if (useBaseline) {
    mainClient.cancel();
    current = { summary: baseline.summary, done: baseline.done, seedsDone: baseline.seedsDone, seedsTotal: seeds.length, fromBaseline: true };
    // The baseline's summary is the data for these settings: draw it (if any) now.
    dataChanged();
  } else {
    // The old summary stays for downloads until the first new one arrives; the charts are not redrawn
    // with it (they change when new data comes).
    current = { summary: current.summary, done: false, seedsDone: 0, seedsTotal: seeds.length, fromBaseline: false };
    mainClient.run({ scenario: SCENARIO, regimes, settings, seeds, keys: KEYS }, (p: SimProgress) => {
      current = { summary: p.summary, done: p.done, seedsDone: p.seedsDone, seedsTotal: p.seedsTotal, fromBaseline: false };
      if (p.error) lastError = p.error;
      if (p.problems) showNotice(p.problems);
      dataChanged();
    });
  }
  showStatus();
}

function currentRuns(): RunOutput[] {
  return current.fromBaseline ? baseClient.runs() : mainClient.runs();
}

// ---- drawing -------------------------------------------------------------------------------------
/*
 * Charts are redrawn only when new data arrives (a summary, the baseline, a new width), one chart per
 * animation frame, the creator chart first, so that no task holds the main thread for long and the
 * slider stays responsive. Each chart remembers a signature of the data it shows; a chart whose data is
 * unchanged is skipped. Every frame reads the latest data, so progress updates that arrive while
 * charts are being drawn are coalesced: a chart drawn with older data is simply drawn again.
 * When every chart shows the final data, the summary text is written and the status says "done".
 */
interface ChartData { summary: SummaryRow[]; base: SummaryRow[] | undefined; width: number }
interface ChartJob { slot: () => HTMLElement; metrics: string[]; render: (d: ChartData) => HTMLElement; name: string }

/** Content width of the chart column (from the ResizeObserver, so drawing never forces a layout). */
let chartWidth = 0;

function outcomeSlot(i: number): HTMLElement {
  const grid = $("chart-outcomes");
  while (grid.children.length <= i) {
    const slot = document.createElement("div");
    slot.className = "chart-slot";
    grid.append(slot);
  }
  return grid.children[i] as HTMLElement;
}

const CHARTS: ChartJob[] = [
  {
    name: "creator-revenue", slot: () => $("chart-creator"),
    metrics: ["creator_revenue", "creator_market_revenue", "creator_ai_revenue"],
    render: ({ summary, base, width }) => splitChart(summary, {
      total: "creator_revenue", parts: ["creator_market_revenue", "creator_ai_revenue"], title: "Creator revenue per year", unit: MONEY, baseline: base, width,
      partLabels: { creator_market_revenue: "Market sales", creator_ai_revenue: "AI income" },
    }),
  },
  {
    name: "developer-cost", slot: () => $("chart-developer"),
    metrics: ["developer_cost", "developer_data_cost", "developer_transaction_cost", "developer_compliance_cost", "developer_legal_cost"],
    render: ({ summary, base, width }) => splitChart(summary, {
      total: "developer_cost", parts: ["developer_data_cost", "developer_transaction_cost", "developer_compliance_cost", "developer_legal_cost"],
      title: "Developer cost per year", unit: MONEY, baseline: base, width,
    }),
  },
  ...OUTCOMES.map((o, i): ChartJob => ({
    name: o.metric, slot: () => outcomeSlot(i), metrics: [o.metric],
    render: ({ summary, base, width }) => {
      const cols = width >= 900 ? 3 : width >= 600 ? 2 : 1;
      const cellWidth = Math.floor((width - (cols - 1) * 16) / cols);
      return bandChart(summary, { ...o, baseline: base, width: cellWidth, facet: false, height: 200 });
    },
  })),
];

/** What a chart shows, as text: its rows of the summary and of the baseline, and the width. */
function signature(job: ChartJob, d: ChartData): string {
  const part = (rows: readonly SummaryRow[] | undefined) => {
    if (!rows) return "-";
    let out = "";
    for (const r of rows) {
      if (r.group === undefined && job.metrics.includes(r.metric)) out += `${r.metric} ${r.regime} ${r.year} ${r.n} ${r.q05} ${r.q50} ${r.q95};`;
    }
    return out;
  };
  return `${d.width}|${part(d.summary)}|${part(d.base)}`;
}

/** Signature of what each chart shows now (index as in CHARTS). */
const drawn: string[] = CHARTS.map(() => "");
/** Signatures of the latest data, computed once per (summary, baseline, width). */
let sigCache: { d: ChartData; sigs: (string | undefined)[] } | null = null;
function signatureOf(i: number, d: ChartData): string {
  if (!sigCache || sigCache.d.summary !== d.summary || sigCache.d.base !== d.base || sigCache.d.width !== d.width) sigCache = { d, sigs: [] };
  return (sigCache.sigs[i] ??= signature(CHARTS[i], d));
}
let frameRequested = false;

function chartData(): ChartData {
  const width = Math.floor(chartWidth || $("chart-creator").clientWidth) || 640;
  return { summary: current.summary, base: current.fromBaseline || !baseline.done ? undefined : baseline.summary, width };
}

/**
 * New data (or a new width): update the status and draw what changed, a chart per frame. When no
 * drawing is under way, the first changed chart is drawn at once (in this task), so it is painted in
 * the next frame rather than one frame later.
 */
function dataChanged(atOnce = true) {
  showStatus();
  if (frameRequested) return;
  if (atOnce) renderFrame();
  else { frameRequested = true; requestAnimationFrame(renderFrame); }
}

/** One step: draw the first chart whose data changed, then ask for a frame for the next; when none is left, finish (summary, status). */
function renderFrame() {
  frameRequested = false;
  const d = chartData();
  if (d.summary.length) {
    for (let i = 0; i < CHARTS.length; i++) {
      const job = CHARTS[i];
      const sig = signatureOf(i, d);
      if (sig === drawn[i]) continue;
      place(job.slot(), job.render(d), job.name);
      drawn[i] = sig;
      frameRequested = true;
      requestAnimationFrame(renderFrame);
      return;
    }
  }
  finish(d);
}

let summaryText = "";
/** Every chart shows the latest data: write the summary (when the run is done) and the status. */
function finish(d: ChartData) {
  if (current.done && d.summary.length) {
    const rate = registry.byId.get("compulsory.royalty_rate")!;
    const paras = summaryParagraphs({ summary: d.summary, baseline: d.base, regimes: runRegimes, rateText: formatParam(rate, settings["compulsory.royalty_rate"]), seedsText: seedsText(seeds) });
    const text = paras.join("\n");
    // Rewritten only when it changes, so the live region announces each new result once.
    if (paras.length && text !== summaryText) {
      summaryText = text;
      $("summary").replaceChildren(...paras.map((t) => { const p = document.createElement("p"); p.textContent = t; return p; }));
    }
  }
  showStatus(true);
}

/**
 * The run status. "done" only once the last data is drawn (`drawnAll`), so that anything waiting for
 * `data-state="done"` (tests, the bench) sees the final charts and summary.
 */
function showStatus(drawnAll = false) {
  const status = $("run-status");
  const done = current.done && drawnAll && !frameRequested;
  const state = lastError ? "error" : done ? "done" : "running";
  const secs = ((performance.now() - startedAt) / 1000).toFixed(1);
  const text = lastError
    ? `The model stopped with an error: ${lastError}`
    : done
      ? `${current.seedsTotal} of ${current.seedsTotal} seeds done (${seedsText(seeds)}), ${secs} s.`
      : current.done
        ? `${current.seedsTotal} of ${current.seedsTotal} seeds done, drawing…`
        : `Running: ${current.seedsDone} of ${current.seedsTotal} seeds done…`;
  if (status.dataset.state !== state) status.dataset.state = state;
  if (status.textContent !== text) status.textContent = text;
}

function exportInfo() {
  const changed = changedSettings(registry, settings);
  return {
    source: `Source: ${SITE_TITLE} model v${MODEL_VERSION}, seeds ${seedsText(seeds)}, scenario "${scenarioLabel()}". Medians and 90% bands across seeds.`,
    permalink: permalink(),
    notes: [changed.length ? `Settings changed from defaults: ${changed.map((c) => `${c.label} (${c.id}) = ${c.value}, default ${c.default}`).join("; ")}` : "All settings at their defaults."],
  };
}

function slug(s: string) {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

/** Put a figure into a slot, keeping an open data table open, and add SVG/PNG buttons. */
function place(slot: HTMLElement, figure: HTMLElement, name: string) {
  const wasOpen = slot.querySelector("details.chart-data")?.hasAttribute("open") ?? false;
  if (wasOpen) figure.querySelector("details.chart-data")?.setAttribute("open", "");
  const bar = document.createElement("div");
  bar.className = "chart-tools";
  const title = figure.querySelector(".chart-title")?.textContent ?? name;
  for (const kind of ["SVG", "PNG"] as const) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "dl-image";
    b.dataset.kind = kind.toLowerCase();
    b.textContent = `Download ${kind}`;
    b.setAttribute("aria-label", `Download “${title}” as ${kind}`);
    b.addEventListener("click", async () => {
      const svg = exportSvgText(figure, exportInfo());
      const file = `explorer-${slug(name)}-v${MODEL_VERSION}`;
      if (kind === "SVG") download(`${file}.svg`, new Blob([svg], { type: "image/svg+xml" }));
      else download(`${file}.png`, await svgToPng(svg, 2));
    });
    bar.append(b);
  }
  slot.replaceChildren(figure, bar);
}

// ---- inputs --------------------------------------------------------------------------------------
function changed() {
  updateUrlAndCite();
  run();
}

form.addEventListener("submit", (e) => e.preventDefault());
form.addEventListener("input", (e) => {
  const input = e.target as HTMLInputElement;
  if (!input.name || !controls.has(input.name)) return;
  if (input.name === "seeds") {
    const n = Math.max(1, Math.min(Number(input.max), Math.round(Number(input.value))));
    seeds = Array.from({ length: n }, (_, i) => i + 1);
  } else {
    const v = input.type === "checkbox" ? (input.checked ? 1 : 0) : Number(input.value);
    settings = { ...settings, [input.name]: v };
  }
  showControl(input.name);
  changed();
});
form.addEventListener("click", (e) => {
  const btn = (e.target as HTMLElement).closest<HTMLButtonElement>("button");
  if (!btn) return;
  if (btn.dataset.reset) {
    const id = btn.dataset.reset;
    if (id === "seeds") seeds = [...DEFAULT_SEEDS];
    else settings = { ...settings, [id]: defaults[id] };
    showControl(id);
    changed();
  } else if (btn.dataset.set) {
    const id = btn.dataset.set;
    settings = { ...settings, [id]: Number(btn.dataset.value) };
    showControl(id);
    changed();
  } else if (btn.id === "reset-all") {
    settings = { ...defaults };
    seeds = [...DEFAULT_SEEDS];
    regimes = [...REGIME_IDS];
    scenario = null;
    showScenario();
    showAllControls();
    showNotice([]);
    changed();
  }
});

// ---- downloads and copy --------------------------------------------------------------------------
const csvBlob = (text: string) => new Blob([text], { type: "text/csv;charset=utf-8" });
$("dl-summary").addEventListener("click", () =>
  download(`explorer-summary-v${MODEL_VERSION}.csv`, csvBlob(summaryCsv(current.summary.map((r) => ({ ...r, scenario: scenarioLabel() }))))));
$("dl-raw").addEventListener("click", () => download(`explorer-runs-v${MODEL_VERSION}.csv`, csvBlob(rawCsv(currentRuns(), scenarioLabel(), runRegimes))));
$("dl-inputs").addEventListener("click", () => download(`explorer-inputs-v${MODEL_VERSION}.csv`, csvBlob(inputsCsv(registry, settings))));

// A click right after a slider move gets the latest settings.
$("dl-scenario").addEventListener("click", flushCite);
document.querySelectorAll<HTMLButtonElement>("button[data-copy]").forEach((b) => {
  b.addEventListener("click", async () => {
    flushCite();
    const src = $(b.dataset.copy!);
    const text = src instanceof HTMLInputElement ? src.value : src.textContent ?? "";
    const msg = $("copy-status");
    try {
      await navigator.clipboard.writeText(text);
      msg.textContent = "Copied.";
    } catch {
      msg.textContent = "Copying is blocked here; select the text and copy it.";
    }
  });
});

// ---- scenarios -----------------------------------------------------------------------------------
/** Apply a scenario's valid parts: its overrides on the defaults, its regimes and its seeds. */
function applyScenario(loaded: LoadedScenario, named: boolean) {
  scenario = { ...loaded, named };
  settings = { ...defaults, ...loaded.overrides };
  regimes = loaded.regimes ?? [...REGIME_IDS];
  seeds = loaded.seeds && loaded.seeds.length <= EXPLORER_MAX_SEEDS ? loaded.seeds : [...DEFAULT_SEEDS];
}

const upload = $<HTMLInputElement>("scenario-file");
upload.addEventListener("change", async () => {
  const file = upload.files?.[0];
  if (!file) return;
  const status = $("scenario-status");
  status.dataset.state = "loading";
  const name = file.name;
  let problems: string[];
  if (file.size > MAX_UPLOAD_BYTES) {
    problems = [`uploaded file ${JSON.stringify(name.slice(0, 60))}: is ${file.size} bytes (allowed: up to ${MAX_UPLOAD_BYTES})`];
  } else {
    const { readScenarioFile } = await loadScenarioCode();
    const loaded = readScenarioFile(registry, name, await file.text());
    problems = loaded.problems;
    const anything = loaded.title || Object.keys(loaded.overrides).length || loaded.regimes || loaded.seeds;
    if (anything) {
      applyScenario(loaded, false);
      showScenario();
      showAllControls();
      changed();
    }
  }
  const many = problems.length === 1 ? "a problem" : `${problems.length} problems`;
  showNotice(problems, `The scenario file had ${many}; its valid parts were applied and the rest left at the defaults:`);
  status.textContent = problems.length ? `Loaded with ${many} (listed at the top of the page).` : "Scenario loaded.";
  status.dataset.state = "done";
  upload.value = "";
});

// ---- start ---------------------------------------------------------------------------------------
// The chart width, measured once here and then on resizes only (never while drawing).
new ResizeObserver((entries) => {
  const w = entries[entries.length - 1].contentRect.width;
  if (Math.abs(w - chartWidth) > 8) { chartWidth = w; if (current.summary.length) dataChanged(false); }
}).observe($("chart-creator"));

async function start() {
  const problems = [...initial.problems];
  if (initial.scenario !== null) {
    const { loadNamedScenario } = await loadScenarioCode();
    const loaded = loadNamedScenario(registry, initial.scenario);
    if (loaded.problems.length) problems.push(...loaded.problems);
    else {
      // The scenario's values, then the keys the link sets explicitly.
      applyScenario(loaded, true);
      settings = { ...settings, ...initial.settings };
      if (initial.seedsGiven) seeds = initial.seeds;
      if (initial.regimes) regimes = initial.regimes;
    }
  }
  showNotice(problems);
  showVersionNote(initial.versionNote, initial.migrated);
  showScenario();
  showAllControls();
  updateUrl();
  updateCite();
  run();
}
void start();
