/**
 * The explorer's form: shows the state in the parameter inputs and the seed slider, and turns what the
 * reader does (move a slider, flip a switch, press reset or a marker button) into changes for the store.
 * Inputs never write the state themselves: the store validates each change; a refused one is listed in
 * the notice and the input shows the state again.
 */
import type { Registry } from "../../../models/params/registry";
import { readParamInput, showParamValue } from "../../lib/param-input";
import { seedsText } from "../../lib/url-state";
import { IDS, pageElement } from "./dom";
import { showProblems } from "./notices-view";
import { seedsChanged, type Change, type ExplorerState, type ExplorerStore } from "./state";

/** Name of the seed slider (not a parameter: the seeds are 1..N). */
const SEEDS = "seeds";

export interface ControlsView {
  /** Show the state in every input (after a change that may touch many: reset all, a scenario). */
  showAll(state: ExplorerState): void;
}

export function mountControls(registry: Registry, store: ExplorerStore): ControlsView {
  const form = pageElement<HTMLFormElement>("controls");
  const inputs = new Map<string, HTMLInputElement>();
  for (const input of form.querySelectorAll<HTMLInputElement>("input[name]")) inputs.set(input.name, input);

  const showSeeds = (state: ExplorerState) => {
    const input = inputs.get(SEEDS);
    if (!input) return;
    const n = state.seeds.length;
    input.value = String(n);
    input.setAttribute("aria-valuetext", `${n} seed${n === 1 ? "" : "s"} (${seedsText(state.seeds)})`);
    pageElement("seedsOut").textContent = String(n);
    pageElement("seedsList").textContent = `Seeds ${seedsText(state.seeds)}.`;
    input.closest<HTMLElement>(".param")?.classList.toggle("changed", seedsChanged(state));
  };

  const show = (name: string, state: ExplorerState) => {
    if (name === SEEDS) return showSeeds(state);
    const input = inputs.get(name);
    const record = registry.byId.get(name);
    if (input && record) showParamValue(input, record, state.settings[name]);
  };

  /** Request a change; whether applied or refused, the input then shows the state. */
  const request = (name: string, change: Change) => {
    const problems = store.change(change);
    if (problems.length) showProblems(problems, "This setting was not applied:");
    show(name, store.get());
  };

  form.addEventListener("submit", (e) => e.preventDefault());
  form.addEventListener("input", (e) => {
    const input = e.target as HTMLInputElement;
    if (!input.name || !inputs.has(input.name)) return;
    if (input.name === SEEDS) request(SEEDS, { kind: "seed-count", value: input.value });
    else request(input.name, { kind: "set", id: input.name, value: readParamInput(input) });
  });
  form.addEventListener("click", (e) => {
    const btn = (e.target as HTMLElement).closest<HTMLButtonElement>("button");
    if (!btn) return;
    const { reset, set, value } = btn.dataset;
    if (reset === SEEDS) request(SEEDS, { kind: "reset-seeds" });
    else if (reset) request(reset, { kind: "reset", id: reset });
    else if (set) request(set, { kind: "set", id: set, value: Number(value) });
    else if (btn.id === IDS.resetAll) {
      store.change({ kind: "reset-all" });
      showProblems([]);
    }
  });

  return {
    showAll(state) {
      for (const name of inputs.keys()) show(name, state);
    },
  };
}
