/**
 * The explorer's plain-language comparison (issue 12 item 7), one paragraph per regime, under the
 * summary: the shown settings against the defaults, a saved state ("Save these settings", kept in this
 * browser's localStorage) or another explorer link (parsed strictly: its problems are listed, naming the
 * field). Both sides are run here for the shown regimes and seeds with the shown run settings
 * (paired-runs.ts), so every change has the 90% band of its per-seed differences
 * (`pairedDifferences`), not a difference of two bands. With "include parameter uncertainty" on, both
 * sides also run the same Latin-hypercube draws (src/lib/explorer-design.ts, the uncertain parameters
 * neither side sets), paired by (draw, seed), and the text says so; it updates after each draw.
 * Text from src/lib/compare-text.ts. The running and the text (compare-run.ts) load the first time the
 * settings differ from what they are compared with.
 */
import type { Registry } from "../../../models/params/registry";
import { defaultSettings } from "../../../models/params/validate";
import { parseUrlState } from "../../lib/url-state";
import { METRICS } from "./compare-metrics";
import type { PairedRun } from "./paired-runs";
import { pageElement } from "./dom";
import { stateFromUrl, urlQuery, type ExplorerState } from "./state";

const STORE_KEY = "explorer-compare-saved";
type Against = "defaults" | "saved" | "link";

/** The shown run settings (group "simulation": sizes, years, solver): both sides of a pair use them. */
function runSettings(registry: Registry, shown: ExplorerState): Record<string, number> {
  return Object.fromEntries(registry.parameters.filter((p) => p.group === "simulation").map((p) => [p.id, shown.settings[p.id]]));
}

/** The settings a query stands for, with the shown run settings (the pairing needs the same runs), or its problems. */
function settingsOfQuery(registry: Registry, query: string, shown: ExplorerState): { settings?: Record<string, number>; problems: string[] } {
  const url = parseUrlState(query, registry);
  if (url.problems.length) return { problems: url.problems };
  return { settings: { ...stateFromUrl(registry, url).settings, ...runSettings(registry, shown) }, problems: [] };
}

function readSaved(): string | null {
  try { return localStorage.getItem(STORE_KEY); } catch { return null; }
}

/** The controls: what to compare with, the save button and the link field. */
function controls(box: HTMLElement) {
  const fs = document.createElement("fieldset");
  fs.className = "compare-with";
  fs.append(Object.assign(document.createElement("legend"), { textContent: "Compare these settings with" }));
  const radios = (["defaults", "saved", "link"] as const).map((v) => {
    const l = document.createElement("label");
    const r = Object.assign(document.createElement("input"), { type: "radio", name: "compare-with", value: v, checked: v === "defaults" });
    l.append(r, ` ${v === "defaults" ? "the defaults" : v === "saved" ? "the saved settings" : "another explorer link"}`);
    fs.append(l);
    return r;
  });
  const save = Object.assign(document.createElement("button"), { type: "button", textContent: "Save these settings to compare with later" });
  save.dataset.compareSave = "";
  const linkLabel = document.createElement("label");
  const link = Object.assign(document.createElement("input"), { type: "url", name: "compare-link", placeholder: "https://…/explorer/?…", size: 40 });
  linkLabel.append("Explorer link ", link);
  const status = Object.assign(document.createElement("p"), { className: "compare-status" });
  status.setAttribute("role", "status");
  fs.append(save, linkLabel, status);
  box.append(fs);
  return { radios, save, link, status, against: (): Against => (radios.find((r) => r.checked)?.value ?? "defaults") as Against };
}

/** "Save these settings": keep the state's query in this browser, and say so (or why not). */
function save(registry: Registry, state: ExplorerState, status: HTMLElement): void {
  try {
    localStorage.setItem(STORE_KEY, urlQuery(registry, state));
    status.textContent = "Saved. Change settings, then choose “the saved settings” to compare.";
  } catch {
    status.textContent = "This browser does not allow saving (storage is off); use “another explorer link” instead.";
  }
}

/** What to compare with: its settings and label, or the problems that stop it. */
function target(registry: Registry, ui: ReturnType<typeof controls>, state: ExplorerState): { from?: Record<string, number>; label: string; problems: string[] } {
  const a = ui.against();
  if (a === "defaults") return { from: { ...defaultSettings(registry), ...runSettings(registry, state) }, label: "the defaults", problems: [] };
  const query = a === "saved" ? readSaved() : (() => { try { return new URL(ui.link.value, location.href).search; } catch { return null; } })();
  if (!query) return { label: "", problems: [a === "saved" ? "No saved settings yet: press “Save these settings to compare with later” first." : "compare-link: not a link (allowed: an explorer link such as …/explorer/?compulsory.royalty_rate=0.1)"] };
  const r = settingsOfQuery(registry, query, state);
  return { from: r.settings, label: a === "saved" ? "the saved settings" : "the linked settings", problems: r.problems };
}

/** `withDraws`: whether parameter uncertainty is on (the comparison then pairs by draw and seed). */
export function mountCompare(registry: Registry, withDraws: () => boolean) {
  const box = document.createElement("div");
  box.dataset.compare = "";
  const ui = controls(box);
  const out = document.createElement("div");
  out.setAttribute("aria-live", "polite");
  out.dataset.compareText = "";
  box.append(out);
  pageElement("summary").after(box);
  /** The paired runs, the text and the draws' sampler (compare-run.ts), loaded when first needed. */
  let engine: typeof import("./compare-run") | undefined;
  let paired: ReturnType<typeof import("./compare-run").createPairedRunner> | undefined;
  let loading = false;
  let key = "";
  let latest: ExplorerState | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const write = (texts: string[], state: "done" | "running" | "error") => {
    out.dataset.state = state;
    out.replaceChildren(...texts.map((t) => Object.assign(document.createElement("p"), { textContent: t })));
  };

  function start() {
    const state = latest;
    if (!state) return;
    const t = target(registry, ui, state);
    if (!t.from) { key = ""; paired?.cancel(); write(t.problems.map((p) => `Cannot compare: ${p}`), "error"); return; }
    const from = t.from;
    const same = (): void => write(t.label === "the defaults" ? [] : [`The shown settings are the same as ${t.label} (apart from run settings): nothing to compare.`], "done");
    if (Object.keys({ ...from, ...state.settings }).every((id) => from[id] === state.settings[id])) { key = ""; paired?.cancel(); same(); return; }
    if (!engine || !paired) {
      if (!loading) { loading = true; void import("./compare-run").then((m) => { engine = m; paired = m.createPairedRunner(); start(); }); }
      return;
    }
    const drawn = withDraws();
    const k = JSON.stringify([t.from, state.settings, state.regimes, state.seeds, t.label, drawn]);
    if (k === key) return;
    key = k;
    paired.cancel();
    if (!engine.changeClauses(registry, from, state.settings).length) { same(); return; }
    const draws = drawn ? engine.explorerDraws(registry, [from, state.settings]) : undefined;
    const n = state.seeds.length;
    write([draws ? `Comparing (running both settings for the same ${draws.length} parameter draws × ${n} seeds)…` : "Comparing (running both settings for the same seeds)…"], "running");
    const e = engine;
    const texts = (fromRuns: PairedRun[], toRuns: PairedRun[], drawsDone: number | undefined) => e.paragraphs(registry, state, from, t.label, fromRuns, toRuns, drawsDone);
    paired.run({ regimes: state.regimes, seeds: state.seeds, keys: METRICS, from, to: state.settings, draws }, {
      progress: (f, to, done) => write([`So far ${done} of ${draws?.length ?? 1} parameter draws × ${n} seeds (still running):`, ...texts(f, to, done)], "running"),
      done: (f, to) => write(texts(f, to, draws?.length), "done"),
      fail: (error) => write([`The comparison failed: ${error}`], "error"),
    });
  }
  const later = () => { if (timer) clearTimeout(timer); timer = setTimeout(start, 300); };

  ui.save.addEventListener("click", () => { if (latest) save(registry, latest, ui.status); });
  for (const r of ui.radios) r.addEventListener("change", () => { key = ""; later(); });
  ui.link.addEventListener("change", () => { if (ui.against() === "link") { key = ""; later(); } });

  return {
    update(state: ExplorerState) {
      latest = state;
      later();
    },
    /**
     * The state changed: the comparison under way (or about to start) is for settings no longer shown, so
     * its queued runs are withdrawn at once, not 300 ms later, and take no worker from the new run
     * (issue 14). The next `update` starts the new one.
     */
    stale() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      if (key) { key = ""; paired?.cancel(); }
    },
  };
}
