/**
 * The explorer page's wiring: the state (state.ts, validated at every change) and the views around it —
 * the form (controls-view.ts), notices (notices-view.ts), URL and citation (cite-view.ts), runs
 * (runner.ts), charts (charts-view.ts, from the specs in src/lib/charts/specs.ts), status and summary
 * (summary-view.ts), downloads (downloads-view.ts) and scenarios (scenario-loader.ts); the tornado and
 * the four-line view load their code when needed (lazy-views.ts).
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
import { mountRegimeChooser } from "./regime-chooser-view";
import { mountUncertainty } from "./uncertainty-view";
import { lazyFourLine, lazyTornado } from "./lazy-views";
import { mountControls } from "./controls-view";
import { exportInfo, mountDownloads } from "./downloads-view";
import { showProblems, showScenario, showVersionNote } from "./notices-view";
import { createRunner, type RunSnapshot } from "./runner";
import { loadNamed, mountScenarioUpload } from "./scenario-loader";
import { createStore, isDefaultRun, stateFromUrl, type ExplorerStore } from "./state";
import { mountSummary } from "./summary-view";

const registry = getRegistry();

/** Mount every view on a store and start the first run. */
function mount(store: ExplorerStore) {
  const controls = mountControls(registry, store);
  const chooser = mountRegimeChooser(registry, store);
  const cite = mountCite(registry, store.get);
  const runner = createRunner(registry, store.get(), () => dataChanged(), (problems) => showProblems(problems));
  /** The data shown: the run's, with the summary across parameter draws × seeds when uncertainty is on. */
  const shown = (): RunSnapshot => {
    const s = runner.snapshot();
    const u = uncertainty.current();
    return u ? { ...s, summary: u.summary } : s;
  };
  const charts = mountCharts({
    specs: EXPLORER_CHARTS,
    data: shown,
    bandNote: () => uncertainty.bandNote(runner.snapshot().state.seeds.length),
    // Final once every seed is in (and, with parameter uncertainty on, every draw): then every chart is drawn.
    final: () => runner.snapshot().done && uncertainty.done(),
    onDrawn: (d) => {
      summary.finish(d);
      // The four lines pair seeds-only corners: they read the run's own summary (the comparison text runs its
      // own pairs), and start their corners only once it is final.
      const run = runner.snapshot();
      compare.update(store.get());
      fourLine.update(store.get(), { ...d, summary: run.summary }, run.done);
    },
    exportInfo: () => exportInfo(registry, store.get(), cite.permalink()),
  });
  const comparison = mountComparison(() => ({ summary: shown().summary, regimes: runner.snapshot().state.regimes }), (c) => {
    const problems = store.change({ kind: "comparison", value: c });
    if (problems.length) showProblems(problems);
  });
  const summary = mountSummary(registry, runner.snapshot, charts.drawing, () => uncertainty.current()?.draws);
  const compare = mountCompare(registry, () => uncertainty.on());
  const fourLine = lazyFourLine(registry);
  const uncertainty = mountUncertainty(registry, () => ({ state: store.get(), summary: runner.snapshot().summary }), () => dataChanged());
  const tornado = lazyTornado(registry, () => ({ state: store.get(), atDefaults: isDefaultRun(registry, store.get()) }));
  mountDownloads(registry, shown);
  mountBundle(registry, runner.snapshot, cite.permalink);
  mountScenarioUpload(registry, store);

  /** New data or status: update the status line and draw what changed. */
  function dataChanged() {
    summary.status();
    charts.dataChanged();
    comparison.dataChanged();
  }

  store.subscribe((state, change) => {
    if (change.kind === "comparison") { cite.changed(); tornado.changed(); return; }
    if (change.kind === "reset-all" || change.kind === "scenario") {
      showScenario(state.scenario);
      controls.showAll(state);
      chooser.show(state);
      comparison.show(state.comparison);
    }
    // Background runs for the old state first (so they take no worker from the new run), then the run,
    // so that its tasks reach the workers before the URL and citation are rewritten.
    compare.stale();
    fourLine.stale();
    runner.run(state);
    cite.changed();
    uncertainty.changed();
    tornado.changed();
  });

  showScenario(store.get().scenario);
  controls.showAll(store.get());
  comparison.show(store.get().comparison);
  cite.writeAll();
  runner.run(store.get());
  tornado.changed();
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
