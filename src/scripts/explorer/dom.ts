/**
 * The explorer page's element ids, in one place: src/pages/explorer.astro writes them and the views
 * look them up here, so a renamed id is one edit and a mistyped one a type error. (The browser tests and
 * the bench address some of them too: `#chart-creator`, `#run-status`, `#dl-raw`, … keep them stable.)
 */
export const IDS = {
  controls: "controls",
  resetAll: "reset-all",
  urlNotice: "url-notice",
  versionNote: "version-note",
  scenarioInfo: "scenario-info",
  scenarioTitle: "scenario-title",
  scenarioDescription: "scenario-description",
  scenarioId: "scenario-id",
  scenarioFile: "scenario-file",
  scenarioStatus: "scenario-status",
  scenarioDownload: "dl-scenario",
  seedsInput: "p-seeds",
  seedsOut: "p-seeds-out",
  seedsList: "seeds-list",
  runStatus: "run-status",
  summary: "summary",
  outcomes: "chart-outcomes",
  downloadSummary: "dl-summary",
  downloadRaw: "dl-raw",
  downloadInputs: "dl-inputs",
  permalink: "permalink",
  citeApa: "cite-apa",
  citeBibtex: "cite-bibtex",
  citeSettings: "cite-settings",
  copyStatus: "copy-status",
} as const;

export type ElementName = keyof typeof IDS;

/** The page's element by its name in `IDS` (the page always has it; a missing one is a bug and throws). */
export function pageElement<T extends HTMLElement = HTMLElement>(name: ElementName): T {
  const found = document.getElementById(IDS[name]);
  if (!found) throw new Error(`explorer: no element #${IDS[name]} on the page`);
  return found as T;
}
