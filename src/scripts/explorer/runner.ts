/**
 * Runs for the explorer: the shown settings on one sim client, and the baseline (every parameter at its
 * default, same regimes, seeds and years) on another, cached by regimes, seeds and years. When the
 * settings are the defaults the baseline is the data shown, so a reset draws at once. The series asked
 * of the workers are the ones the chart specs need (src/lib/charts/specs.ts).
 * Not responsible for drawing (charts-view.ts) or for the status text (summary-view.ts).
 */
import type { Registry } from "../../../models/params/registry";
import type { SummaryRow } from "../../../models/results/types";
import { EXPLORER_CHARTS, specKeys } from "../../lib/charts/specs";
import { COMPARISON_CUMULATIVE_KEYS } from "../../lib/charts/comparison";
import { createSimClient, type SimProgress, type SimRequest } from "../../lib/sim-client";
import { PRIORITY } from "../../lib/sim-pool";
import { seedsText } from "../../lib/url-state";
import { isDefaultRun, type ExplorerState } from "./state";
import { SUMMARY_KEYS } from "./summary-text";

/** Label of the requests to the sim client (the downloads write the scenario's id instead). */
const REQUEST_SCENARIO = "explorer";
/** Series asked of the workers: what the charts, the summary text and the comparison's cumulative window read. */
export const EXPLORER_KEYS = [...new Set([...specKeys(EXPLORER_CHARTS), ...SUMMARY_KEYS, ...COMPARISON_CUMULATIVE_KEYS])];

/** What the page shows now. */
export interface RunSnapshot {
  summary: SummaryRow[];
  /** The baseline's summary when it is finished and is not itself the summary shown. */
  base: SummaryRow[] | undefined;
  done: boolean;
  seedsDone: number;
  seedsTotal: number;
  error: string | undefined;
  /** performance.now() when the latest run started. */
  startedAt: number;
  /** The state the latest run was asked for (the summary text and downloads describe it). */
  state: ExplorerState;
}

export interface Runner {
  run(state: ExplorerState): void;
  snapshot(): RunSnapshot;
}

interface Progress { summary: SummaryRow[]; done: boolean; seedsDone: number; seedsTotal: number }

/**
 * `onData` is called whenever the snapshot changes (new summary, baseline, status); `onProblems` with
 * settings the worker refused (never expected: the state is validated before it is run).
 */
export function createRunner(registry: Registry, initial: ExplorerState, onData: () => void, onProblems: (p: string[]) => void): Runner {
  const mainClient = createSimClient();
  const baseClient = createSimClient(PRIORITY.baseline);
  let baseline = { key: "", summary: [] as SummaryRow[], done: false, seedsDone: 0 };
  /**
   * `fromBaseline`: the latest run is the baseline's (default settings); `summaryIsBaseline`: the summary
   * shown is the baseline's (it stays after a move away from the defaults until the new run's first seed
   * is in, and is then not drawn against itself).
   */
  let current: Progress & { fromBaseline: boolean; summaryIsBaseline: boolean } = { summary: [], done: false, seedsDone: 0, seedsTotal: 0, fromBaseline: true, summaryIsBaseline: true };
  let startedAt = 0;
  let lastError: string | undefined;
  let shown = initial;

  const request = (state: ExplorerState, settings: Readonly<Record<string, number>>): SimRequest =>
    ({ scenario: REQUEST_SCENARIO, regimes: state.regimes, settings, seeds: state.seeds, keys: EXPLORER_KEYS });
  const progress = (p: SimProgress): Progress => ({ summary: p.summary, done: p.done, seedsDone: p.seedsDone, seedsTotal: p.seedsTotal });

  function runBaseline(state: ExplorerState) {
    const years = state.settings["sim.years"];
    const key = `${state.regimes.join(",")}|${seedsText(state.seeds)}|${years}`;
    if (baseline.key === key) return;
    baseline = { key, summary: [], done: false, seedsDone: 0 };
    baseClient.run(request(state, { "sim.years": years }), (p) => {
      baseline = { key, summary: p.summary, done: p.done, seedsDone: p.seedsDone };
      if (p.error) lastError = p.error;
      if (current.fromBaseline) current = { ...progress(p), fromBaseline: true, summaryIsBaseline: true };
      onData();
    });
  }

  function run(state: ExplorerState) {
    startedAt = performance.now();
    lastError = undefined;
    shown = state;
    runBaseline(state);
    if (isDefaultRun(registry, state)) {
      mainClient.cancel();
      current = { summary: baseline.summary, done: baseline.done, seedsDone: baseline.seedsDone, seedsTotal: state.seeds.length, fromBaseline: true, summaryIsBaseline: true };
      // The baseline's summary is the data for these settings: draw it (if any) now.
      onData();
      return;
    }
    // The old summary stays until the first new one arrives; the charts are not redrawn with it (they
    // change when new data comes: nothing they show changes before).
    current = { summary: current.summary, done: false, seedsDone: 0, seedsTotal: state.seeds.length, fromBaseline: false, summaryIsBaseline: current.summaryIsBaseline };
    mainClient.run(request(state, state.settings), (p) => {
      current = { ...progress(p), fromBaseline: false, summaryIsBaseline: false };
      if (p.error) lastError = p.error;
      if (p.problems) onProblems(p.problems);
      onData();
    });
    onData();
  }

  return {
    run,
    snapshot: () => ({
      summary: current.summary,
      base: current.summaryIsBaseline || !baseline.done ? undefined : baseline.summary,
      // Done only when the baseline is in too: the baseline runs at a lower priority than the shown settings
      // (sim-pool.ts), and the summary's comparison with the defaults needs it, so "done" keeps meaning the
      // final charts and summary.
      done: current.done && (current.fromBaseline || baseline.done), seedsDone: current.seedsDone, seedsTotal: current.seedsTotal,
      error: lastError, startedAt, state: shown,
    }),
  };
}
