/**
 * A comment-ready bundle (issue 12 item 8): one zip with a figure (SVG and PNG), its data (CSV), the
 * settings (scenario YAML), the citation (APA and BibTeX), the exact `simulate` command, the model
 * version, a SHA-256 of the data and a one-page printable HTML summary. Pure except for the SHA-256,
 * which uses Web Crypto (`crypto.subtle`, in browsers and in Node ≥ 20), so the same code builds the
 * bundle in the explorer and in tests. The zip is deterministic: fixed entry order and a fixed
 * modification time, so the same inputs give the same bytes.
 * Not responsible for: drawing the figure or running the model (the caller passes their outputs).
 */
import { zipSync, strToU8 } from "fflate";

export interface BundleInput {
  /** File-name stem, e.g. "explorer-creator-revenue-v2.0.0". */
  name: string;
  title: string;
  /** The figure as SVG text, and as PNG bytes when the caller could rasterise it. */
  svg: string;
  png?: Uint8Array;
  /** The figure's data, as `npm run simulate -- … --summary` writes it. */
  csv: string;
  /** The settings as a scenario file (scenario-yaml.ts). */
  scenarioYaml: string;
  apa: string;
  bibtex: string;
  modelVersion: string;
  /** Lines of text for the summary page (what the figure says, with units and years). */
  notes: readonly string[];
  permalink: string;
}

/** The command that rebuilds data.csv from scenario.yaml, run from the bundle's folder inside a clone. */
export function bundleCommand(): string {
  return "npm run simulate -- --scenario scenario.yaml --summary --format csv --out data.csv";
}

/** Lower-case hex SHA-256 of a text (UTF-8). @example await sha256Hex("abc") // => "ba7816bf…15ad" */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", strToU8(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** The printable one-page summary (self-contained: the SVG inline, no scripts, no external files). */
export function summaryHtml(b: BundleInput, sha: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(b.title)}</title>
<style>body{font:12pt/1.4 Georgia,serif;max-width:42rem;margin:1.5rem auto}svg{max-width:100%;height:auto}code,pre{font-size:9pt;white-space:pre-wrap}@page{size:A4;margin:15mm}</style></head>
<body><h1>${esc(b.title)}</h1>
<figure>${b.svg.replace(/^<\?xml[^>]*>\s*/, "")}</figure>
<ul>${b.notes.map((n) => `<li>${esc(n)}</li>`).join("")}</ul>
<h2>Reproduce</h2><pre>${esc(bundleCommand())}</pre>
<p>Model version ${esc(b.modelVersion)}. SHA-256 of data.csv: <code>${sha}</code>. Settings: scenario.yaml. Link: <a href="${esc(b.permalink)}">${esc(b.permalink)}</a></p>
<h2>Cite</h2><p>${esc(b.apa)}</p><pre>${esc(b.bibtex)}</pre>
</body></html>
`;
}

/** The files of the bundle, in the order they are zipped. */
export async function bundleFiles(b: BundleInput): Promise<[string, Uint8Array][]> {
  const sha = await sha256Hex(b.csv);
  const files: [string, string | Uint8Array][] = [
    ["README.txt", `${b.title}\n\nFiles: figure.svg, figure.png, data.csv, scenario.yaml, citation.txt (APA), citation.bib, command.txt, VERSION, SHA256SUMS, summary.html.\nRebuild data.csv from a clone of the model at version ${b.modelVersion}:\n  ${bundleCommand()}\nthen check it with: sha256sum -c SHA256SUMS\n`],
    ["figure.svg", b.svg],
    ...(b.png ? ([["figure.png", b.png]] as [string, Uint8Array][]) : []),
    ["data.csv", b.csv],
    ["scenario.yaml", b.scenarioYaml],
    ["citation.txt", b.apa + "\n"],
    ["citation.bib", b.bibtex + "\n"],
    ["command.txt", bundleCommand() + "\n"],
    ["VERSION", b.modelVersion + "\n"],
    ["SHA256SUMS", `${sha}  data.csv\n`],
    ["summary.html", summaryHtml(b, sha)],
  ];
  return files.map(([p, c]) => [p, typeof c === "string" ? strToU8(c) : c]);
}

/** A fixed time for every entry (the zip must not depend on the clock). */
const MTIME = new Date(Date.UTC(2025, 0, 1));

/** The zip's bytes. @example (await zipBundle(input)).slice(0, 2) // => "PK" */
export async function zipBundle(b: BundleInput): Promise<Uint8Array> {
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const [p, c] of await bundleFiles(b)) entries[`${b.name}/${p}`] = [c, { mtime: MTIME }];
  return zipSync(entries, { level: 6 });
}
