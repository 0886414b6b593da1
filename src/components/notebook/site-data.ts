/**
 * Data for the reference pages (methods, scenarios, figure provenance), built from the registry at build
 * time. Pure functions of a `Registry`, so they are tested in Node (tests/site-data.test.ts) and never
 * hand-written: add a parameter file and it appears in the methods table.
 * Not responsible for markup (the .astro pages) or for running the model.
 */
import {
  REGIME_BY_ID, defaultSettings, formatValue, parseSeeds,
  type ParameterRecord, type Registry, type Settings,
} from "../../../models/index";
import { formatParam } from "../../lib/format-param";
import { formatUrlState, seedsText } from "../../lib/url-state";
import { paramAnchor, scenarioAnchor, sourceAnchor } from "../../lib/anchors";

/** Old names of the anchor helpers (src/lib/anchors.ts), kept for the pages that still import them from here. */
export { paramAnchor as paramAnchorId, sourceAnchor as sourceAnchorId };

export interface ParameterRow {
  id: string;
  anchor: string;
  label: string;
  description: string;
  unit: string;
  group: ParameterRecord["group"];
  default: string;
  range: string;
  step: string;
  status: ParameterRecord["status"];
  regimes: string;
  sources: { id: string; anchor: string; title: string; locator: string; known: boolean }[];
}

/**
 * One row per parameter record, sorted by id, with display text for default and range.
 * @example parameterRows(reg).find((r) => r.id === "compulsory.royalty_rate")?.default // => "3%"
 */
export function parameterRows(registry: Registry): ParameterRow[] {
  return registry.parameters.map((p) => ({
    id: p.id,
    anchor: paramAnchor(p.id),
    label: p.label,
    description: p.description,
    unit: p.unit,
    group: p.group,
    default: formatParam(p, p.default),
    range: `${formatParam(p, p.range.min)} to ${formatParam(p, p.range.max)}`,
    step: formatParam(p, p.range.step),
    status: p.status,
    regimes: p.regimes?.map((r) => REGIME_BY_ID.get(r as never)?.label ?? r).join(", ") ?? "all",
    sources: p.sources.map((s) => {
      const src = registry.sourcesById.get(s.id);
      return { id: s.id, anchor: sourceAnchor(s.id), title: src?.title ?? s.id, locator: s.locator, known: !!src };
    }),
  }));
}

/** Which parameters cite each source (for the bibliography's "cited by"). */
export function citedBy(registry: Registry): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of registry.parameters)
    for (const s of p.sources) out.set(s.id, [...(out.get(s.id) ?? []), p.id]);
  return out;
}

/** Site-relative explorer link (without the base path) for settings and seeds. */
export function explorerHref(registry: Registry, settings: Settings, seeds: readonly number[], scenario?: string): string {
  const q = formatUrlState(settings, seeds, registry);
  return `/explorer/${scenario ? `?scenario=${encodeURIComponent(scenario)}&${q.slice(1)}` : q}`;
}

/**
 * The CLI command that reproduces a run (flags of cli/simulate.ts).
 * @example cliCommand({ scenario: "compulsory", regimes: ["compulsory"], set: { "compulsory.royalty_rate": 0.1 }, seeds: [1, 2, 3] })
 *   // => "npm run simulate -- --scenario compulsory --regime compulsory --set compulsory.royalty_rate=0.1 --seeds 1..3 --summary"
 */
export function cliCommand(o: { scenario: string; regimes?: readonly string[]; set?: Settings; seeds: readonly number[]; summary?: boolean }): string {
  const parts = ["npm run simulate --", `--scenario ${o.scenario}`];
  if (o.regimes?.length) parts.push(`--regime ${o.regimes.join(",")}`);
  for (const [k, v] of Object.entries(o.set ?? {}).sort(([a], [b]) => a.localeCompare(b))) parts.push(`--set ${k}=${formatValue(v)}`);
  parts.push(`--seeds ${seedsText(o.seeds)}`);
  if (o.summary !== false) parts.push("--summary");
  return parts.join(" ");
}

export interface ScenarioRow {
  id: string;
  anchor: string;
  title: string;
  description: string;
  regimes: { id: string; label: string }[];
  overrides: { id: string; anchor: string; label: string; value: string }[];
  seeds: string;
  explorer: string;
  command: string;
}

/** One row per scenario file, sorted by id; invalid scenarios are reported by throwing (the build fails). */
export function scenarioRows(registry: Registry): ScenarioRow[] {
  return [...registry.scenarios.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, f]) => {
      const parsed = parseSeeds(f.seeds);
      if (!parsed.ok) throw new Error(`scenarios/${id}.yaml: ${parsed.message}`);
      const { settings, overrides } = scenarioSettings(registry, id);
      return {
        id,
        anchor: scenarioAnchor(id),
        title: f.title,
        description: f.description,
        regimes: f.regimes.map((r) => ({ id: r, label: REGIME_BY_ID.get(r as never)?.label ?? r })),
        overrides: Object.entries(overrides).map(([k, v]) => {
          const p = registry.byId.get(k);
          return { id: k, anchor: paramAnchor(k), label: p?.label ?? k, value: p ? formatParam(p, v) : String(v) };
        }),
        seeds: seedsText(parsed.seeds),
        explorer: explorerHref(registry, settings, parsed.seeds, id),
        command: cliCommand({ scenario: id, seeds: parsed.seeds }),
      };
    });
}

/** Settings of a scenario (defaults + its overrides) and its regimes, for figures. */
export function scenarioSettings(registry: Registry, id: string): { settings: Settings; overrides: Settings; regimes: string[]; seeds: number[] } {
  const f = registry.scenarios.get(id);
  if (!f) throw new Error(`unknown scenario ${JSON.stringify(id)} (known: ${[...registry.scenarios.keys()].join(", ")})`);
  // Switch values may be written as booleans in the YAML; settings are numbers (1 = on).
  const overrides: Settings = Object.fromEntries(Object.entries(f.overrides).map(([k, v]) => [k, Number(v)]));
  const parsed = parseSeeds(f.seeds);
  return { settings: { ...defaultSettings(registry), ...overrides }, overrides, regimes: [...f.regimes], seeds: parsed.ok ? parsed.seeds : [] };
}
