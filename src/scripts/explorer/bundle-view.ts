/**
 * The explorer's "comment-ready bundle" button (issue 12 item 8): one zip (src/lib/bundle.ts) with the
 * first chart as SVG and PNG, the data as `npm run simulate -- --scenario scenario.yaml --summary` writes
 * it (the runs are made again in full, like the per-seed download, so data.csv is the CLI's byte for
 * byte), the settings, the citation, the command, the version, a SHA-256 and a printable summary.
 * Adds its button after the inputs download; not responsible for the other downloads.
 */
import { summaryToCsv } from "../../../models/results/csv";
import type { Registry } from "../../../models/params/registry";
import { summarizeRuns } from "../../../models/results/summary";
import { MODEL_VERSION } from "../../../models/version";
import { zipBundle } from "../../lib/bundle";
import { apaCitation, bibtexCitation } from "../../lib/cite";
import { download, exportSvgText, svgToPng } from "../../lib/export-image";
import { completeRuns } from "../../lib/sim-client";
import { seedsText } from "../../lib/url-state";
import { exportInfo } from "./downloads-view";
import { pageElement } from "./dom";
import { showProblems } from "./notices-view";
import type { RunSnapshot } from "./runner";
import { citeInput, scenarioFileText } from "./state";

/** The scenario id the CLI gives a file named scenario.yaml (the bundle's settings file). */
const FILE_SCENARIO = "scenario";

export function mountBundle(registry: Registry, snapshot: () => RunSnapshot, permalink: () => string) {
  const button = document.createElement("button");
  button.type = "button";
  button.dataset.bundle = "";
  button.textContent = "Comment-ready bundle (zip)";
  pageElement("downloadInputs").after(" ", button);
  button.addEventListener("click", async () => {
    const { state } = snapshot();
    const figure = document.querySelector("[data-chart] figure");
    button.setAttribute("aria-busy", "true");
    try {
      if (!figure) throw new Error("no chart is drawn yet");
      const link = permalink();
      const svg = exportSvgText(figure, exportInfo(registry, state, link));
      const png = new Uint8Array(await (await svgToPng(svg, 2)).arrayBuffer());
      const runs = await completeRuns({ scenario: FILE_SCENARIO, regimes: state.regimes, settings: state.settings, seeds: state.seeds });
      const csv = summaryToCsv(summarizeRuns(runs, FILE_SCENARIO));
      const cite = citeInput(state, link, new Date());
      const title = figure.querySelector(".chart-title")?.textContent ?? "Policy explorer figure";
      const name = `explorer-bundle-v${MODEL_VERSION}`;
      const zip = await zipBundle({
        name, title, svg, png, csv, scenarioYaml: scenarioFileText(registry, state), apa: apaCitation(registry, cite), bibtex: bibtexCitation(registry, cite),
        modelVersion: MODEL_VERSION, permalink: link,
        notes: [`Regimes: ${state.regimes.join(", ")}; seeds ${seedsText(state.seeds)}; years ${state.settings["sim.start_year"]} to ${state.settings["sim.start_year"] + state.settings["sim.years"] - 1}.`,
          "Data: quantiles 5/25/50/75/95 and the mean across seeds of every series, per regime and year, in the units of models/results/metrics.ts."],
      });
      download(`${name}.zip`, new Blob([zip as BlobPart], { type: "application/zip" }));
    } catch (e) {
      showProblems([`bundle: ${e instanceof Error ? e.message : String(e)}`], "The download could not be made:");
    } finally {
      button.removeAttribute("aria-busy");
    }
  });
}
