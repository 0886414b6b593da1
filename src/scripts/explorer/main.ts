/**
 * The explorer page's wiring: the state (state.ts, validated at every change) and the views around it —
 * the form (controls-view.ts), notices (notices-view.ts), URL and citation (cite-view.ts), runs
 * (runner.ts), charts (charts-view.ts, from the specs in src/lib/charts/specs.ts), status and summary
 * (summary-view.ts), downloads (downloads-view.ts) and scenarios (scenario-loader.ts).
 * Every change, whatever its origin (slider, URL, scenario, upload), reaches the state through the
 * store; the views then show the state and the URL, citation and runs are derived from it.
 */
import { getRegistry } from "../../lib/registry";
import { EXPLORER_CHARTS } from "../../lib/charts/specs";
import { parseUrlState } from "../../lib/url-state";
import { mountBundle } from "./bundle-view";
import { mountCharts } from "./charts-view";
import { mountCite } from "./cite-view";
import { mountCompare } from "./compare-view";
import { mountComparison } from "./comparison-view";
import { mountFourLine } from "./four-line-view";
import { mountRegimeChooser } from "./regime-chooser-view";
import { mountUncertainty } from "./uncertainty-view";
import { mountControls } from "./controls-view";
import { exportInfo, mountDownloads } from "./downloads-view";
import { showProblems, showScenario, showVersionNote } from "./notices-view";
import { createRunner } from "./runner";
import { loadNamed, mountScenarioUpload } from "./scenario-loader";
import { createStore, stateFromUrl, type ExplorerStore } from "./state";
import { mountSummary } from "./summary-view";

const registry = getRegistry();

/** Mount every view on a store and start the first run. */
function mount(store: ExplorerStore) {
  const controls = mountControls(registry, store);
  const chooser = mountRegimeChooser(registry, store);
  const cite = mountCite(registry, store.get);
  const runner = createRunner(registry, store.get(), () => dataChanged(), (problems) => showProblems(problems));
  const charts = mountCharts({
    specs: EXPLORER_CHARTS,
    data: () => runner.snapshot(),
    onDrawn: (d) => { summary.finish(d); compare.update(d, store.get()); fourLine.update(store.get(), d); },
    exportInfo: () => exportInfo(registry, store.get(), cite.permalink()),
  });
  const comparison = mountComparison(() => ({ summary: runner.snapshot().summary, regimes: runner.snapshot().state.regimes }));
  const summary = mountSummary(registry, runner.snapshot, charts.drawing);
  const compare = mountCompare(registry);
  const fourLine = mountFourLine(registry);
  const uncertainty = mountUncertainty(registry, () => ({ state: store.get(), summary: runner.snapshot().summary }));
  mountDownloads(registry, runner.snapshot);
  mountBundle(registry, runner.snapshot, cite.permalink);
  mountScenarioUpload(registry, store);

  /** New data or status: update the status line and draw what changed. */
  function dataChanged() {
    summary.status();
    charts.dataChanged();
    comparison.dataChanged();
  }

  store.subscribe((state, change) => {
    if (change.kind === "reset-all" || change.kind === "scenario") {
      showScenario(state.scenario);
      controls.showAll(state);
      chooser.show(state);
    }
    cite.changed();
    runner.run(state);
    uncertainty.changed();
  });

  showScenario(store.get().scenario);
  controls.showAll(store.get());
  cite.writeAll();
  runner.run(store.get());
}

/** The state the link asks for (a named scenario is resolved first, by the lazily loaded scenario code), then the page. */
async function start() {
  const url = parseUrlState(location.search, registry);
  const named = url.scenario !== null ? await loadNamed(registry, url.scenario) : undefined;
  showProblems([...url.problems, ...(named?.problems ?? [])]);
  showVersionNote(url.versionNote, url.migrated);
  mount(createStore(registry, stateFromUrl(registry, url, named)));
}
void start();
