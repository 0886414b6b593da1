/**
 * Explorer views whose code loads only when needed (issue 14: the explorer's JavaScript budget). Each
 * returns, at once, an object with the view's interface, and holds its place on the page with a
 * placeholder the view takes over when its module has loaded, so the page's order does not depend on
 * which view loads first:
 *  - the tornado (tornado-view.ts, with the live tornado's code) when its place below the comparison
 *    comes within 200 px of the viewport (or at once where IntersectionObserver is missing);
 *  - the four-line view (four-line-view.ts) the first time an assumption differs from its default
 *    (before that the view is hidden: there is nothing to show); it runs its corners once the shown run
 *    is final (`final`).
 * Calls made before a module has loaded are not queued: the view reads the current state when it mounts.
 */
import type { Registry } from "../../../models/params/registry";
import type { SummaryRow } from "../../../models/results/types";
import { corners } from "../../lib/four-line";
import { pageElement } from "./dom";
import type { ExplorerState } from "./state";

/** Run `load` once, when `el` comes within 200 px of the screen. */
function whenNear(el: Element, load: () => void): void {
  if (typeof IntersectionObserver === "undefined") return load();
  const io = new IntersectionObserver((entries) => {
    if (!entries.some((e) => e.isIntersecting)) return;
    io.disconnect();
    load();
  }, { rootMargin: "200px 0px" });
  io.observe(el);
}

/** A placeholder `data-<name>-slot` element; the view replaces it with its own box. */
function slot(name: string, heading?: string): HTMLElement {
  const el = document.createElement("section");
  el.dataset[`${name}Slot`] = "";
  if (heading) el.append(Object.assign(document.createElement("h2"), { textContent: heading }));
  else el.hidden = true;
  return el;
}

export function lazyTornado(registry: Registry, current: () => { state: ExplorerState; atDefaults: boolean }) {
  const place = slot("tornado", "What this result rests on (sensitivity)");
  (document.querySelector("[data-comparison]") ?? document.querySelector(".results"))?.after(place);
  let view: { changed(): void } | undefined;
  whenNear(place, () => void import("./tornado-view").then((m) => {
    view = m.mountTornado(registry, current, place);
    view.changed();
  }));
  return { changed: () => view?.changed() };
}

export function lazyFourLine(registry: Registry) {
  const place = slot("fourLine");
  pageElement("summary").after(place);
  let view: { update(state: ExplorerState, d: { summary: SummaryRow[] }, final: boolean): void; stale(): void } | undefined;
  let latest: [ExplorerState, { summary: SummaryRow[] }, boolean] | undefined;
  let loading = false;
  return {
    update(state: ExplorerState, d: { summary: SummaryRow[] }, final: boolean) {
      latest = [state, d, final];
      if (view) return view.update(state, d, final);
      if (loading || !corners(registry, state.settings)) return;
      loading = true;
      void import("./four-line-view").then((m) => {
        view = m.mountFourLine(registry, place);
        if (latest) view.update(...latest);
      });
    },
    stale: () => view?.stale(),
  };
}
