/**
 * The notices at the top of the explorer: problems with the link or an uploaded file, the note on a
 * link made with another model version, and the loaded scenario's title and description. Everything is
 * written as text, never HTML (titles and problems may come from a hostile link or file).
 */
import { pageElement } from "./dom";
import type { ShownScenario } from "./state";

export const LINK_PROBLEMS_INTRO = "Some settings in the link were not used (the defaults were used instead):";

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

/** List problems under an intro (hidden when there are none). */
export function showProblems(problems: readonly string[], intro = LINK_PROBLEMS_INTRO) {
  fillNotice(pageElement("urlNotice"), problems.length ? intro : "", problems);
}

/** The note on a link from another model version, with what was migrated or dropped. */
export function showVersionNote(note: string | undefined, migrated: readonly string[]) {
  fillNotice(pageElement("versionNote"), note ?? "", note ? migrated : []);
}

/** The loaded scenario's title and description, as text (hidden when none is loaded). */
export function showScenario(scenario: ShownScenario | null) {
  pageElement("scenarioInfo").hidden = !scenario;
  pageElement("scenarioTitle").textContent = scenario ? scenario.title || `Scenario “${scenario.id}”` : "";
  pageElement("scenarioDescription").textContent = scenario?.description ?? "";
  pageElement("scenarioId").textContent = scenario ? scenario.id : "";
}
