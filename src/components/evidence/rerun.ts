/**
 * Behaviour of Rerun.astro, loaded on the first click (the page ships only the click handler): run each of the reproduction's runs in the Web Worker pool (one
 * after another; a client's new run cancels its last), judge the tests from the summaries with the
 * build's own code, and say whether the verdict and every value equal the build's (to the 12
 * significant digits `simulate` prints; the last bits of floating-point maths may differ between Chromium and Node).
 * Not responsible for the model (the worker) or for judging (models/validation/reproductions.ts).
 */
import { formatValue, type SummaryRow } from "../../../models/index";
import { seriesKey } from "../../../models/results/metrics";
import type { Expr } from "../../../models/checks/reproduction-schema";
import { VERDICT_TEXT, formatStatistic, judgeTests, summaryReader, type ResolvedRun } from "../../../models/validation/reproductions";
import { createSimClient, type SimClient } from "../../lib/sim-client";
import type { RerunConfig } from "./data";

/** The series keys a statistic reads from each run. */
function keysOf(e: Expr, out: Map<string, Set<string>>): void {
  if ("metric" in e) {
    if (!out.has(e.run)) out.set(e.run, new Set());
    out.get(e.run)!.add(seriesKey(e.metric, e.group));
  } else if ("complement" in e) keysOf(e.complement, out);
  else if ("ratio" in e || "diff" in e || "rel" in e) for (const x of "ratio" in e ? e.ratio : "diff" in e ? e.diff : e.rel) keysOf(x, out);
}

function runOnce(sim: SimClient, regime: string, settings: Record<string, number>, seeds: number[], keys: string[]): Promise<SummaryRow[]> {
  return new Promise((resolve, reject) => {
    sim.run({ scenario: "evidence", regimes: [regime], settings, seeds, keys }, (p) => {
      if (p.error) reject(new Error(p.error));
      else if (p.done) resolve(p.summary);
    });
  });
}

const clients = new WeakMap<HTMLElement, SimClient>();

/** Run the reproduction of `el` (its button's click; Rerun.astro loads this module on the first click). */
export async function rerun(el: HTMLElement): Promise<void> {
  const config = JSON.parse(el.dataset.config ?? "{}") as RerunConfig;
  const button = el.querySelector("button")!;
  const status = el.querySelector<HTMLElement>("[role=status]")!;
  if (button.disabled) return;
  button.disabled = true;
  el.dataset.state = "running";
  let sim = clients.get(el);
  if (!sim) clients.set(el, (sim = createSimClient()));
  const keys = new Map<string, Set<string>>();
  for (const t of config.tests) keysOf(t.statistic, keys);
  try {
    const summaries = new Map<string, SummaryRow[]>();
    for (const [i, run] of config.runs.entries()) {
      status.textContent = `Running ${i + 1} of ${config.runs.length} (seeds ${config.seeds[0]}–${config.seeds[config.seeds.length - 1]})…`;
      summaries.set(run.id, await runOnce(sim, run.regime, run.settings, config.seeds, [...(keys.get(run.id) ?? [])]));
    }
    const runs = config.runs.map((r) => ({ ...r, label: r.id, sets: [] })) as ResolvedRun[];
    const again = judgeTests({ id: config.id, tests: config.tests }, runs, summaryReader(summaries));
    // To the 12 significant digits `simulate` prints: Chromium's and Node's maths can differ in the last bit.
    const same = again.verdict === config.built.verdict && again.tests.every((t) => formatValue(t.value) === formatValue(config.built.values[t.id]));
    status.textContent = `In this browser: ${VERDICT_TEXT[again.verdict].toLowerCase()} (${again.tests.map((t) => formatStatistic(t.value, t.format)).join("; ")}). ${same ? "Identical to the numbers above, to the 12 significant digits the command prints." : `Different from the numbers above: ${again.tests.map((t) => `${t.id} ${t.value} (built ${config.built.values[t.id]})`).join("; ")}.`}`;
    el.dataset.state = same ? "same" : "different";
  } catch (e) {
    status.textContent = `The run failed: ${(e as Error).message}`;
    el.dataset.state = "error";
  }
  button.disabled = false;
}
