/**
 * Scenarios in the explorer: the one a link names (`?scenario=<id>`, resolved at start) and files the
 * reader uploads. The scenario code (YAML parser, schema) is loaded only when needed. Whatever a file
 * holds, only its valid parts reach the state (through the store's validation); the problems are listed
 * in the notice as text.
 */
import type { Registry } from "../../../models/params/registry";
import { pageElement } from "./dom";
import { showProblems } from "./notices-view";
import { MAX_SCENARIO_BYTES, type ExplorerStore } from "./state";
import type { LoadedScenario } from "./scenario-file";

/** The scenario code, with the named scenarios added to the page's registry (they are not in it at load: src/lib/registry.ts). */
async function loadScenarioCode(registry: Registry) {
  const [code, { withScenarios }, { default: scenarios }] = await Promise.all([import("./scenario-file"), import("../../lib/registry"), import("virtual:registry-data/scenarios")]);
  withScenarios(registry, scenarios);
  return code;
}

/** The named scenario of a link, resolved by the model (its problems name the nearest known id). */
export async function loadNamed(registry: Registry, id: string): Promise<LoadedScenario> {
  const { loadNamedScenario } = await loadScenarioCode(registry);
  return loadNamedScenario(registry, id);
}

/** Read one uploaded file: its problems, and whether anything in it was valid enough to apply. */
async function readUpload(registry: Registry, file: File): Promise<{ loaded: LoadedScenario | null; problems: string[] }> {
  if (file.size > MAX_SCENARIO_BYTES)
    return { loaded: null, problems: [`uploaded file ${JSON.stringify(file.name.slice(0, 60))}: is ${file.size} bytes (allowed: up to ${MAX_SCENARIO_BYTES})`] };
  const { readScenarioFile } = await loadScenarioCode(registry);
  const loaded = readScenarioFile(registry, file.name, await file.text());
  const anything = loaded.title || Object.keys(loaded.overrides).length || loaded.regimes || loaded.seeds;
  return { loaded: anything ? loaded : null, problems: loaded.problems };
}

/** Wire the upload control: apply a file's valid parts, list its problems. */
export function mountScenarioUpload(registry: Registry, store: ExplorerStore) {
  const upload = pageElement<HTMLInputElement>("scenarioFile");
  upload.addEventListener("change", async () => {
    const file = upload.files?.[0];
    if (!file) return;
    const status = pageElement("scenarioStatus");
    status.dataset.state = "loading";
    const { loaded, problems } = await readUpload(registry, file);
    if (loaded) store.change({ kind: "scenario", scenario: loaded, named: false });
    const many = problems.length === 1 ? "a problem" : `${problems.length} problems`;
    showProblems(problems, `The scenario file had ${many}; its valid parts were applied and the rest left at the defaults:`);
    status.textContent = problems.length ? `Loaded with ${many} (listed at the top of the page).` : "Scenario loaded.";
    status.dataset.state = "done";
    upload.value = "";
  });
}
