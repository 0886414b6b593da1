/**
 * The explorer's "comment-ready bundle" button (issue 12 item 8): one zip with the first chart and the
 * shown settings (src/scripts/bundle/figure-bundle.ts builds it). Adds its button after the inputs
 * download; not responsible for the other downloads. The zip code (and fflate) is loaded on the first
 * click, not with the page.
 */
import type { Registry } from "../../../models/params/registry";
import { MODEL_VERSION } from "../../../models/version";
import { exportInfo } from "./downloads-view";
import { pageElement } from "./dom";
import { showProblems } from "./notices-view";
import type { RunSnapshot } from "./runner";
import { scenarioFileText } from "./state";

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
      const { downloadFigureBundle } = await import("../bundle/figure-bundle");
      await downloadFigureBundle({
        registry, figure, title: figure.querySelector(".chart-title")?.textContent ?? "Policy explorer figure", name: `explorer-bundle-v${MODEL_VERSION}`,
        settings: state.settings, regimes: state.regimes, seeds: state.seeds, permalink: link, exportInfo: exportInfo(registry, state, link),
        scenarioYaml: scenarioFileText(registry, state),
      });
    } catch (e) {
      showProblems([`bundle: ${e instanceof Error ? e.message : String(e)}`], "The download could not be made:");
    } finally {
      button.removeAttribute("aria-busy");
    }
  });
}
