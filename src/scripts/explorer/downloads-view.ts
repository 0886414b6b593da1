/**
 * The explorer's data downloads, in tidy CSV through the model's one serialiser
 * (models/results/csv.ts, as `npm run simulate` writes them): the displayed quantiles, the per-seed rows
 * of every series (run again in full for the download, so the file is byte-identical with the CLI's for
 * the same settings and seeds), and the inputs. Also the source note written into exported images.
 */
import { inputsToCsv, runsToCsv, summaryToCsv } from "../../../models/results/csv";
import type { Registry } from "../../../models/params/registry";
import { MODEL_VERSION } from "../../../models/version";
import { changedSettings, SITE_TITLE } from "../../lib/cite";
import { download, type ExportInfo } from "../../lib/export-image";
import { completeRuns } from "../../lib/sim-client";
import { seedsText } from "../../lib/url-state";
import { pageElement } from "./dom";
import { showProblems } from "./notices-view";
import type { RunSnapshot } from "./runner";
import { scenarioLabel, type ExplorerState } from "./state";

const csvBlob = (text: string) => new Blob([text], { type: "text/csv;charset=utf-8" });

export function mountDownloads(registry: Registry, snapshot: () => RunSnapshot) {
  pageElement("downloadSummary").addEventListener("click", () => {
    const s = snapshot();
    const label = scenarioLabel(s.state);
    download(`explorer-summary-v${MODEL_VERSION}.csv`, csvBlob(summaryToCsv(s.summary.map((r) => ({ ...r, scenario: label })))));
  });
  const raw = pageElement<HTMLButtonElement>("downloadRaw");
  raw.addEventListener("click", async () => {
    const { state } = snapshot();
    raw.setAttribute("aria-busy", "true");
    try {
      const runs = await completeRuns({ scenario: scenarioLabel(state), regimes: state.regimes, settings: state.settings, seeds: state.seeds });
      download(`explorer-runs-v${MODEL_VERSION}.csv`, csvBlob(runsToCsv(runs, scenarioLabel(state), state.regimes)));
    } catch (e) {
      showProblems([`per-seed rows: ${e instanceof Error ? e.message : String(e)}`], "The download could not be made:");
    } finally {
      raw.removeAttribute("aria-busy");
    }
  });
  pageElement("downloadInputs").addEventListener("click", () =>
    download(`explorer-inputs-v${MODEL_VERSION}.csv`, csvBlob(inputsToCsv(registry.parameters, snapshot().state.settings))));
}

/** The source line, permalink and settings note written into an exported chart image. */
export function exportInfo(registry: Registry, state: ExplorerState, permalink: string): ExportInfo {
  const changed = changedSettings(registry, state.settings);
  return {
    source: `Source: ${SITE_TITLE} model v${MODEL_VERSION}, seeds ${seedsText(state.seeds)}, scenario "${scenarioLabel(state)}". Medians and 90% bands across seeds.`,
    permalink,
    notes: [changed.length ? `Settings changed from defaults: ${changed.map((c) => `${c.label} (${c.id}) = ${c.value}, default ${c.default}`).join("; ")}` : "All settings at their defaults."],
  };
}
