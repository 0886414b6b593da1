/**
 * The URL and the "Cite this" panel, both derived from the validated state only: the address bar
 * (`history.replaceState`, throttled during a drag), the permalink, the APA and BibTeX texts, the table
 * of changed settings, the scenario-file link, and the copy buttons.
 */
import type { Registry } from "../../../models/params/registry";
import { apaCitation, bibtexCitation, changedSettings } from "../../lib/cite";
import { pageElement } from "./dom";
import { citeInput, scenarioFileText, urlQuery, type ExplorerState } from "./state";

/** Least time between two `history.replaceState` calls (browsers ignore them when called too often). */
const URL_INTERVAL_MS = 100;
/**
 * Time after an input before the address bar is rewritten: `replaceState` costs the browser's own
 * process several milliseconds, which on a two-core machine it would take from the run and the first
 * redraw the input started (issue 14).
 */
const URL_DELAY_MS = 100;
/** Time after an input before the citation panel and the scenario link are rewritten. */
const CITE_DELAY_MS = 150;

export interface CiteView {
  /** On a change: the URL and the panel shortly after (the URL at most every `URL_INTERVAL_MS`). */
  changed(): void;
  /** Write the URL and the panel now. */
  writeAll(): void;
  /** The permalink of the current state. */
  permalink(): string;
}

/** The changed settings as a table, or a sentence when there are none. */
function settingsTable(registry: Registry, state: ExplorerState): HTMLElement {
  const changed = changedSettings(registry, state.settings);
  if (changed.length === 0) {
    const p = document.createElement("p");
    p.textContent = "None: every parameter is at its default.";
    return p;
  }
  const table = document.createElement("table");
  const head = table.createTHead().insertRow();
  for (const h of ["Parameter", "Id", "Value", "Default"]) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = h;
    head.append(th);
  }
  const body = table.createTBody();
  for (const c of changed) {
    const tr = body.insertRow();
    for (const v of [c.label, c.id, c.value, c.default]) tr.insertCell().textContent = v;
  }
  const wrap = document.createElement("div");
  wrap.className = "table-scroll";
  wrap.append(table);
  return wrap;
}

export function mountCite(registry: Registry, getState: () => ExplorerState): CiteView {
  let lastUrlAt = -Infinity;
  let urlTimer: ReturnType<typeof setTimeout> | undefined;
  let citeTimer: ReturnType<typeof setTimeout> | undefined;
  const permalink = () => `${location.origin}${location.pathname}${urlQuery(registry, getState())}`;

  /**
   * Write the URL after `delay` ms, or, during a fast drag, once the interval has passed (always with the
   * latest state); `delay` 0 with the interval passed: now.
   */
  const writeUrl = (delay: number) => {
    if (urlTimer !== undefined) return;
    const wait = Math.max(delay, lastUrlAt + URL_INTERVAL_MS - performance.now());
    const write = () => {
      urlTimer = undefined;
      lastUrlAt = performance.now();
      history.replaceState(null, "", `${location.pathname}${urlQuery(registry, getState())}`);
    };
    if (wait <= 0) write();
    else urlTimer = setTimeout(write, wait);
  };

  const writePanel = () => {
    if (citeTimer !== undefined) clearTimeout(citeTimer);
    citeTimer = undefined;
    const state = getState();
    const text = scenarioFileText(registry, state);
    pageElement<HTMLAnchorElement>("scenarioDownload").href = `data:application/yaml;charset=utf-8,${encodeURIComponent(text)}`;
    const link = permalink();
    pageElement<HTMLInputElement>("permalink").value = link;
    const cite = citeInput(state, link, new Date());
    pageElement("citeApa").textContent = apaCitation(registry, cite);
    pageElement("citeBibtex").textContent = bibtexCitation(registry, cite);
    pageElement("citeSettings").replaceChildren(settingsTable(registry, state));
  };

  /** Rewrite the panel now if an update is due (a click right after a slider move gets the latest state). */
  const flush = () => {
    if (citeTimer !== undefined) writePanel();
  };

  pageElement("scenarioDownload").addEventListener("click", flush);
  for (const b of document.querySelectorAll<HTMLButtonElement>("button[data-copy]")) {
    b.addEventListener("click", async () => {
      flush();
      const src = document.getElementById(b.dataset.copy!);
      const text = src instanceof HTMLInputElement ? src.value : src?.textContent ?? "";
      const msg = pageElement("copyStatus");
      try {
        await navigator.clipboard.writeText(text);
        msg.textContent = "Copied.";
      } catch {
        msg.textContent = "Copying is blocked here; select the text and copy it.";
      }
    });
  }

  return {
    changed() {
      writeUrl(URL_DELAY_MS);
      citeTimer ??= setTimeout(writePanel, CITE_DELAY_MS);
    },
    writeAll() {
      writeUrl(0);
      writePanel();
    },
    permalink,
  };
}
