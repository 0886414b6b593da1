/**
 * `npm run bench`: how fast the model and the explorer are on this machine, each figure next to its
 * budget (issue #5). Human text by default; `--json` prints one JSON report on stdout (progress goes to
 * stderr). A benchmark, not a test: nothing here fails the build.
 *
 *   npm run bench                   everything (builds the site if dist/ is missing or stale)
 *   npm run bench -- --json         the same, as JSON
 *   npm run bench -- --quick        tiny sizes, one repetition, no browser (used by tests/bench.test.ts)
 *   npm run bench -- --no-browser   the Node part only
 *   npm run bench -- --no-workers   no worker_threads pool
 *   npm run bench -- --no-cli       skip the figures measured through `simulate` (cli-path.ts)
 *   npm run bench -- --dist DIR     build/serve DIR instead of dist/ (e.g. to leave a shared dist/ alone)
 *   npm run bench -- --inputs N     slider inputs to time (default 20)
 *
 * Figures: see node-model.ts (model, kernel, ensembles, 100,000 creators) and browser.ts (slider to
 * first redraw, bands complete, long tasks while dragging, gzipped JavaScript per page).
 */
import { cpus } from "node:os";
import { SEARCH_PAGES, STATIC_PAGE_BYTES, emptyBrowserReport, runBrowserBench, type BrowserReport } from "./browser";
import { runCliPathBench, type CliPathReport } from "./cli-path";
import { runNodeBench, type NodeReport } from "./node-model";

export interface Budget { id: string; label: string; value: number | null; unit: string; budget: string; pass: boolean | null }
export interface BenchReport {
  version: 1;
  mode: "full" | "quick";
  machine: { cores: number; cpu: string; node: string; platform: string };
  node: NodeReport;
  /** Through the public command, as a user runs it (cli-path.ts). */
  cli: CliPathReport | null;
  browser: BrowserReport;
  budgets: Budget[];
}

function args(argv: string[]) {
  const has = (f: string) => argv.includes(f);
  const val = (f: string) => { const i = argv.indexOf(f); return i >= 0 ? argv[i + 1] : undefined; };
  const quick = has("--quick");
  return {
    json: has("--json"), quick,
    browser: !quick && !has("--no-browser"),
    workers: !has("--no-workers"),
    cli: !has("--no-cli"),
    dist: val("--dist") ?? "dist",
    inputs: Number(val("--inputs") ?? 20),
  };
}


/** The budgets of issue #14 on this 2-core machine; each figure next to its budget. */
export function budgets(n: NodeReport, c: CliPathReport | null, b: BrowserReport): Budget[] {
  const maxStatic = b.pages.filter((p) => !p.live && !SEARCH_PAGES.has(p.path)).reduce((m, p) => Math.max(m, p.gzipBytes), 0);
  const hasPages = b.pages.length > 0;
  const le = (v: number | null | undefined, max: number) => (v === null || v === undefined || !Number.isFinite(v) ? null : v <= max);
  const g = (id: string, label: string, value: number | null | undefined, unit: string, budget: string, max: number): Budget =>
    ({ id, label, value: value ?? null, unit, budget, pass: le(value, max) });
  return [
    g("marginal_vs_kernel", "marginal ns per creator-year through simulate (slope 2,000→40,000 creators, --workers 1) ÷ bare kernel", c?.slope.ratioToKernel, "×", "≤ 5", 5),
    g("linear_in_creators", `ns/creator-year in process at ${n.large.creators} creators ÷ at ${n.sizes[0]?.creators} (linear: no growth)`, n.largeLinearity, "×", "≤ 1.25", 1.25),
    g("million_creators_wall", `simulate, ${c?.million.creators ?? "–"} creators, one seed, five regimes, default years`, c?.million.ms, "ms", "< 10000", 10_000),
    g("million_creators_memory", `peak resident memory of that run (all threads)`, c?.million.rssMiB, "MiB", "< 2048", 2048),
    g("uncertainty_workers2", `uncertainty ensemble (${c?.uncertainty.runs ?? "–"} runs) through simulate --workers 2`, c?.uncertainty.workers2Ms, "ms", "≤ 15000", 15_000),
    g("slider_first_redraw_p95", "slider input → first redrawn chart, p95", b.sliderToFirstRedrawMs?.p95, "ms", "≤ 50", 50),
    g("bands_complete_p50", "slider input → bands complete (default seeds, regimes shown), p50", b.bandsCompleteMs?.p50, "ms", "≤ 500", 500),
    g("all_regimes_slider_first_redraw_p95", `${b.allRegimesSlider?.param ?? "a slider every regime reads"} input → first redrawn chart, p95 (every run redone)`, b.allRegimesSlider?.firstRedrawMs.p95, "ms", "≤ 50", 50),
    g("all_regimes_slider_bands_complete_p50", `${b.allRegimesSlider?.param ?? "that slider"} input → bands complete, p50`, b.allRegimesSlider?.bandsCompleteMs.p50, "ms", "≤ 500", 500),
    g("long_tasks_drag", "main-thread tasks > 50 ms, drag until bands complete", b.drag?.longTasksUntilDone, "tasks", "0", 0),
    g("explorer_js_gzip", "gzipped JavaScript on /explorer/ (page + workers)", b.explorerGzipBytes, "bytes", "≤ 150000", 150_000),
    g("home_figure_rendered_p50", "home page: navigation → headline figure painted, p50 (cold cache)", b.homeFigure?.p50, "ms", "≤ 2000", 2000),
    { id: "static_pages_js_gzip", label: "most gzipped JavaScript on a page with no live figure (search page excepted; the service-worker registration and on-click loaders count)", value: hasPages ? maxStatic : null, unit: "bytes", budget: `≤ ${STATIC_PAGE_BYTES}`, pass: hasPages ? maxStatic <= STATIC_PAGE_BYTES : null },
  ];
}

const f1 = (x: number | null | undefined, d = 1) => (x === null || x === undefined ? "–" : x.toFixed(d));

function text(r: BenchReport): string {
  const n = r.node, b = r.browser;
  const out: string[] = [];
  out.push(`Bench (${r.mode}) on ${r.machine.cores} × ${r.machine.cpu}, Node ${r.machine.node}`);
  out.push("", `Model in Node (${n.unit})`);
  for (const s of n.sizes) out.push(`  ${String(s.multiplier).padStart(2)}× ${String(s.creators).padStart(7)} creators, ${s.seeds} seed(s): ${f1(s.modelMs)} ms, ${f1(s.modelNsPerCreatorYear)} ns/creator-year; kernel ${f1(s.kernelNsPerCreatorYear, 2)} ns; model ÷ kernel ${f1(s.ratioToKernel)}`);
  out.push(`  explorer run (${n.explorer.seeds} seeds × ${n.explorer.regimes} regimes): ${f1(n.explorer.singleThreadMs, 0)} ms single-threaded, ${f1(n.explorer.workersMs, 0)} ms with ${n.explorer.workers} worker(s)`);
  out.push(`  ensemble (${n.ensemble.seeds} seeds × ${n.ensemble.regimes} regimes): ${f1(n.ensemble.singleThreadMs, 0)} ms single-threaded, ${f1(n.ensemble.workersMs, 0)} ms with ${n.ensemble.workers} worker(s)`);
  out.push(`  ${n.large.creators} creators: ${f1(n.large.oneRunMs, 0)} ms one regime, ${f1(n.large.fiveRegimesMs, 0)} ms five regimes (one seed)`);
  if (r.cli) {
    const c = r.cli;
    out.push("", "Through the public command (npm run simulate), wall time of the whole process");
    out.push(`  slope ${c.slope.small}→${c.slope.large} creators (${c.slope.years} years, ${c.slope.seeds} seeds, ${c.slope.regimes} regimes, --workers 1): ${f1(c.slope.smallMs, 0)} ms → ${f1(c.slope.largeMs, 0)} ms; marginal ${f1(c.slope.marginalNsPerCreatorYear)} ns/creator-year; kernel ${f1(c.slope.kernelNsPerCreatorYear, 2)} ns; ratio ${f1(c.slope.ratioToKernel)}`);
    out.push(`  ${c.million.creators} creators, one seed, five regimes: ${f1(c.million.ms, 0)} ms, peak ${f1(c.million.rssMiB, 0)} MiB`);
    out.push(`  uncertainty ensemble, ${c.uncertainty.draws} draws × ${c.uncertainty.seeds} seeds × ${c.uncertainty.regimes} regimes: ${f1(c.uncertainty.workers1Ms, 0)} ms (--workers 1), ${f1(c.uncertainty.workers2Ms, 0)} ms (--workers 2)`);
  }
  out.push(`  whole runs per second per core at defaults (in process): ${f1(n.runsPerSecondPerCore)}`);
  out.push("", "Browser (headless Chromium, built site)");
  if (b.skipped) out.push(`  skipped: ${b.skipped}`);
  else {
    out.push(`  first load → bands complete: ${f1(b.initialBandsMs, 0)} ms`);
    out.push(`  slider → first redraw: p50 ${f1(b.sliderToFirstRedrawMs?.p50, 0)} ms, p95 ${f1(b.sliderToFirstRedrawMs?.p95, 0)} ms (n = ${b.sliderToFirstRedrawMs?.n})`);
    out.push(`  slider → bands complete: p50 ${f1(b.bandsCompleteMs?.p50, 0)} ms, p95 ${f1(b.bandsCompleteMs?.p95, 0)} ms`);
    const a = b.allRegimesSlider;
    if (a) out.push(`  ${a.param} (every regime reruns) → first redraw p50 ${f1(a.firstRedrawMs.p50, 0)} ms, p95 ${f1(a.firstRedrawMs.p95, 0)} ms; bands complete p50 ${f1(a.bandsCompleteMs.p50, 0)} ms (n = ${a.firstRedrawMs.n})`);
    if (b.drag) out.push(`  drag (${b.drag.inputs} inputs every ${b.drag.intervalMs} ms): ${b.drag.longTasksDuringDrag} long tasks while dragging, ${b.drag.longTasksUntilDone} until bands complete (longest ${f1(b.drag.longestTaskMs, 0)} ms; settled ${f1(b.drag.settleMs, 0)} ms after the last input)`);
    if (b.homeFigure) out.push(`  home page figure painted: p50 ${f1(b.homeFigure.p50, 0)} ms, max ${f1(b.homeFigure.max, 0)} ms (n = ${b.homeFigure.n}; first contentful paint p50 ${f1(b.homeFigure.fcpP50, 0)} ms)`);
    out.push("  gzipped JavaScript per page:");
    for (const p of b.pages) out.push(`    ${p.path.padEnd(32)} ${String(p.gzipBytes).padStart(8)} B${p.live ? "  (live figure)" : ""}${p.scripts.length ? "  " + p.scripts.map((s) => `${s.url.replace(/^\/_astro\//, "")} ${s.gzipBytes}`).join(", ") : ""}`);
  }
  out.push("", "Budgets");
  for (const g of r.budgets) out.push(`  ${g.pass === null ? "n/a " : g.pass ? "PASS" : "FAIL"}  ${g.label}: ${g.value === null ? "–" : Number.isInteger(g.value) ? g.value : g.value.toFixed(2)} ${g.unit} (budget ${g.budget})`);
  return out.join("\n");
}

async function main() {
  const a = args(process.argv.slice(2));
  const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);
  const node = await runNodeBench({ quick: a.quick, log, workers: a.workers });
  const cli = a.cli ? runCliPathBench({ quick: a.quick, log }) : null;
  let browser: BrowserReport;
  if (!a.browser) browser = emptyBrowserReport(a.quick ? "--quick" : "--no-browser");
  else {
    try {
      browser = await runBrowserBench({ log, dist: a.dist, inputs: a.inputs });
    } catch (e) {
      log(`browser part failed: ${e instanceof Error ? e.stack : String(e)}`);
      browser = emptyBrowserReport(`failed: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`);
    }
  }
  const report: BenchReport = {
    version: 1, mode: a.quick ? "quick" : "full",
    machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? "unknown", node: process.version, platform: `${process.platform}-${process.arch}` },
    node, cli, browser, budgets: budgets(node, cli, browser),
  };
  process.stdout.write((a.json ? JSON.stringify(report, null, 2) : text(report)) + "\n");
}

await main();
