/**
 * The question pages' comment-ready bundles (issue 12 item 8): a "Comment-ready bundle (zip)" button on
 * every live figure (LiveFigure.astro), for the figure as drawn and the settings its "Open these settings
 * in the explorer" link stands for (the inline controls included), with the figure's regimes and seeds.
 * The zip is built by figure-bundle.ts, as the explorer's is. Not responsible for running or drawing
 * the figure (src/components/notebook/live-figure.ts).
 */
import { nonDefault } from "../../../models/params/validate";
import { MODEL_VERSION } from "../../../models/version";
import { SITE_TITLE } from "../../lib/cite";
import { getRegistry } from "../../lib/registry";
import { parseUrlState, seedsText } from "../../lib/url-state";
import { scenarioYaml } from "../explorer/scenario-yaml";
import { stateFromUrl } from "../explorer/state";
import { downloadFigureBundle } from "./figure-bundle";

function mount(fig: HTMLElement) {
  const registry = getRegistry();
  const cfg = JSON.parse(fig.dataset.config ?? "{}") as { scenario?: string; regimes?: string[]; title?: string };
  const button = Object.assign(document.createElement("button"), { type: "button", textContent: "Comment-ready bundle (zip)" });
  button.dataset.figureBundle = "";
  const title = fig.querySelector(".nb-figure-title")?.textContent ?? cfg.title ?? "Figure";
  button.setAttribute("aria-label", `Comment-ready bundle (zip) of “${title}”`);
  const status = Object.assign(document.createElement("span"), { className: "nb-bundle-status" });
  status.setAttribute("role", "status");
  const p = document.createElement("p");
  p.className = "nb-bundle";
  p.append(button, " ", status);
  (fig.querySelector(".nb-provenance") ?? fig).append(p);

  button.addEventListener("click", async () => {
    const chart = fig.querySelector("[data-charts] figure");
    if (fig.dataset.state !== "done" || !chart) { status.textContent = "The figure is still running; try again when it says Done."; return; }
    const link = fig.querySelector<HTMLAnchorElement>("[data-explorer-link]");
    const url = new URL(link?.href ?? location.href, location.href);
    const state = stateFromUrl(registry, parseUrlState(url.search, registry));
    const regimes = cfg.regimes?.length ? cfg.regimes : state.regimes;
    button.setAttribute("aria-busy", "true");
    status.textContent = "Making the bundle (running the model again in full)…";
    try {
      await downloadFigureBundle({
        registry, figure: chart, title, name: `${(fig.id || "figure").slice(0, 60)}-bundle-v${MODEL_VERSION}`,
        settings: state.settings, regimes, seeds: state.seeds, permalink: url.href,
        exportInfo: { source: `Source: ${SITE_TITLE} model v${MODEL_VERSION}, seeds ${seedsText(state.seeds)}, from “${document.title}”. Medians and 90% bands across seeds.`, permalink: url.href, notes: [] },
        scenarioYaml: scenarioYaml({
          title: `${title} (from ${document.title})`.slice(0, 200),
          description: `Settings of the figure “${title}” on ${location.pathname} at model version ${MODEL_VERSION}${cfg.scenario ? `, from scenario ${cfg.scenario}` : ""}.`,
          regimes, overrides: Object.fromEntries(nonDefault(registry, state.settings)), seeds: state.seeds,
        }),
        notes: [`From the page ${location.href}.`],
      });
      status.textContent = "Downloaded.";
    } catch (e) {
      status.textContent = `The bundle could not be made: ${e instanceof Error ? e.message : String(e)}`;
    } finally {
      button.removeAttribute("aria-busy");
    }
  });
}

/** Add a bundle button to every live figure on the page (once each). */
export function mountQuestionBundles() {
  for (const fig of document.querySelectorAll<HTMLElement>("[data-nb-figure]:not([data-bundle-mounted])")) {
    fig.dataset.bundleMounted = "";
    mount(fig);
  }
}
