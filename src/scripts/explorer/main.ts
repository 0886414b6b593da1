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
import { DEFAULT_SEEDS, EXPLORER_MAX_SEEDS, formatUrlState, parseUrlState, seedsText } from "../../lib/url-state";
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

function updateUrlAndCite() {
  history.replaceState(null, "", `${location.pathname}${query()}`);
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
  $("run-status").dataset.state = "running";
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
      scheduleDraw();
    });
  }
  if (useBaseline) {
    mainClient.cancel();
    current = { summary: baseline.summary, done: baseline.done, seedsDone: baseline.seedsDone, seedsTotal: seeds.length, fromBaseline: true };
  } else {
    current = { summary: current.summary, done: false, seedsDone: 0, seedsTotal: seeds.length, fromBaseline: false };
    mainClient.run({ scenario: SCENARIO, regimes, settings, seeds, keys: KEYS }, (p: SimProgress) => {
      current = { summary: p.summary, done: p.done, seedsDone: p.seedsDone, seedsTotal: p.seedsTotal, fromBaseline: false };
      if (p.error) lastError = p.error;
      if (p.problems) showNotice(p.problems);
      scheduleDraw();
    });
  }
  scheduleDraw();
}

function currentRuns(): RunOutput[] {
  return current.fromBaseline ? baseClient.runs() : mainClient.runs();
}

// ---- drawing -------------------------------------------------------------------------------------
let drawPending = false;
function scheduleDraw() {
  if (drawPending) return;
  drawPending = true;
  requestAnimationFrame(() => { drawPending = false; draw(); });
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

function draw() {
  const status = $("run-status");
  const base = current.fromBaseline || !baseline.done ? undefined : baseline.summary;
  const summary = current.summary;
  if (summary.length) {
    const creatorSlot = $("chart-creator");
    const devSlot = $("chart-developer");
    const width = Math.floor(creatorSlot.clientWidth) || 640;
    place(creatorSlot, splitChart(summary, {
      total: "creator_revenue", parts: ["creator_market_revenue", "creator_ai_revenue"], title: "Creator revenue per year", unit: MONEY, baseline: base, width,
      partLabels: { creator_market_revenue: "Market sales", creator_ai_revenue: "AI income" },
    }), "creator-revenue");
    place(devSlot, splitChart(summary, {
      total: "developer_cost", parts: ["developer_data_cost", "developer_transaction_cost", "developer_compliance_cost", "developer_legal_cost"],
      title: "Developer cost per year", unit: MONEY, baseline: base, width,
    }), "developer-cost");
    const grid = $("chart-outcomes");
    const cols = width >= 900 ? 3 : width >= 600 ? 2 : 1;
    const cellWidth = Math.floor((width - (cols - 1) * 16) / cols);
    OUTCOMES.forEach((o, i) => {
      let slot = grid.children[i] as HTMLElement | undefined;
      if (!slot) { slot = document.createElement("div"); slot.className = "chart-slot"; grid.append(slot); }
      place(slot, bandChart(summary, { ...o, baseline: base, width: cellWidth, facet: false, height: 200 }), o.metric);
    });
    const rate = registry.byId.get("compulsory.royalty_rate")!;
    const paras = summaryParagraphs({ summary, baseline: base, regimes: runRegimes, rateText: formatParam(rate, settings["compulsory.royalty_rate"]), seedsText: seedsText(seeds) });
    if (current.done && paras.length) {
      const box = $("summary");
      box.replaceChildren(...paras.map((t) => { const p = document.createElement("p"); p.textContent = t; return p; }));
    }
  }
  const secs = ((performance.now() - startedAt) / 1000).toFixed(1);
  status.dataset.state = lastError ? "error" : current.done ? "done" : "running";
  status.textContent = lastError
    ? `The model stopped with an error: ${lastError}`
    : current.done
      ? `${current.seedsTotal} of ${current.seedsTotal} seeds done (${seedsText(seeds)}), ${secs} s.`
      : `Running: ${current.seedsDone} of ${current.seedsTotal} seeds done…`;
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

document.querySelectorAll<HTMLButtonElement>("button[data-copy]").forEach((b) => {
  b.addEventListener("click", async () => {
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
let lastWidth = 0;
new ResizeObserver(() => {
  const w = $("chart-creator").clientWidth;
  if (Math.abs(w - lastWidth) > 8) { lastWidth = w; scheduleDraw(); }
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
  updateUrlAndCite();
  run();
}
void start();
