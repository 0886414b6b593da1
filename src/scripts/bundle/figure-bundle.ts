/**
 * Build and download a comment-ready bundle (src/lib/bundle.ts) for one drawn figure and the settings
 * behind it: the figure as SVG and PNG, data.csv as `npm run simulate -- --scenario scenario.yaml
 * --summary` writes it (the runs are made again in full, so it matches the CLI byte for byte), the
 * scenario file, the citation, the command, the version, a SHA-256 and a printable summary. Shared by
 * the explorer's bundle button and the question pages' (one per live figure).
 */
import { summaryToCsv } from "../../../models/results/csv";
import type { Registry } from "../../../models/params/registry";
import { summarizeRuns } from "../../../models/results/summary";
import { MODEL_VERSION } from "../../../models/version";
import { zipBundle } from "../../lib/bundle";
import { apaCitation, bibtexCitation } from "../../lib/cite";
import { download, exportSvgText, svgToPng, type ExportInfo } from "../../lib/export-image";
import { completeRuns } from "../../lib/sim-client";
import { seedsText } from "../../lib/url-state";

/** The scenario id the CLI gives a file named scenario.yaml (the bundle's settings file). */
export const FILE_SCENARIO = "scenario";

export interface FigureBundleInput {
  registry: Registry;
  /** The drawn figure (its SVG is exported with the source line and permalink). */
  figure: Element;
  title: string;
  /** File-name stem of the zip and its folder. */
  name: string;
  settings: Readonly<Record<string, number>>;
  regimes: readonly string[];
  seeds: readonly number[];
  permalink: string;
  exportInfo: ExportInfo;
  /** The settings as a scenario file (scenario-yaml.ts). */
  scenarioYaml: string;
  /** Extra lines for the summary page. */
  notes?: readonly string[];
}

export async function downloadFigureBundle(b: FigureBundleInput): Promise<void> {
  const svg = exportSvgText(b.figure, b.exportInfo);
  const png = new Uint8Array(await (await svgToPng(svg, 2)).arrayBuffer());
  const runs = await completeRuns({ scenario: FILE_SCENARIO, regimes: b.regimes, settings: b.settings, seeds: b.seeds });
  const csv = summaryToCsv(summarizeRuns(runs, FILE_SCENARIO));
  const cite = { permalink: b.permalink, seeds: b.seeds, settings: b.settings, accessed: new Date() };
  const start = b.settings["sim.start_year"], years = b.settings["sim.years"];
  const zip = await zipBundle({
    name: b.name, title: b.title, svg, png, csv, scenarioYaml: b.scenarioYaml,
    apa: apaCitation(b.registry, cite), bibtex: bibtexCitation(b.registry, cite), modelVersion: MODEL_VERSION, permalink: b.permalink,
    notes: [
      ...(b.notes ?? []),
      `Regimes: ${b.regimes.join(", ")}; seeds ${seedsText(b.seeds)}; years ${start} to ${start + years - 1}.`,
      "Data: quantiles 5/25/50/75/95 and the mean across seeds of every series, per regime and year, in the units of models/results/metrics.ts.",
    ],
  });
  download(`${b.name}.zip`, new Blob([zip as BlobPart], { type: "application/zip" }));
}
