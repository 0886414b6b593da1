/**
 * The regime chooser's view (RegimeChooser.astro): turns the checkboxes into a `regimes` change for the
 * store (at least one stays checked: unchecking the last is refused and re-checked), shows the state's
 * regimes, and marks each lever whose record lists the regimes that read it (`regimes:`) as doing
 * nothing when none of those regimes is shown.
 */
import type { Registry } from "../../../models/params/registry";
import { showProblems } from "./notices-view";
import type { ExplorerState, ExplorerStore } from "./state";

export interface RegimeChooserView { show(state: ExplorerState): void }

export function mountRegimeChooser(registry: Registry, store: ExplorerStore): RegimeChooserView {
  const root = document.querySelector<HTMLElement>("[data-regime-chooser]");
  const boxes = root ? [...root.querySelectorAll<HTMLInputElement>('input[name="regimes"]')] : [];
  const show = (state: ExplorerState) => {
    for (const b of boxes) b.checked = state.regimes.includes(b.value);
    for (const el of document.querySelectorAll<HTMLElement>(".param[data-param]")) {
      const only = registry.byId.get(el.dataset.param ?? "")?.regimes;
      const idle = !!only && !only.some((r) => state.regimes.includes(r));
      el.classList.toggle("inapplicable", idle);
      el.querySelector<HTMLElement>(".param-idle")?.toggleAttribute("hidden", !idle);
    }
  };
  root?.addEventListener("change", () => {
    const problems = store.change({ kind: "regimes", value: boxes.filter((b) => b.checked).map((b) => b.value) });
    if (problems.length) showProblems(problems, "This setting was not applied:");
    show(store.get());
  });
  show(store.get());
  return { show };
}
