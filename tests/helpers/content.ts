/**
 * Reading the notebook's MDX pages for content tests: front matter, the prose a reader sees (with the
 * spans that are links), and the figure anchors a page defines. Not a full MDX parser: it knows the
 * few component shapes the pages use (self-closing figures, <Reproduce> wrappers, imports, headings).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";

export const CONTENT_DIRS = ["questions", "regimes", "topics"] as const;

export interface Page { collection: string; id: string; path: string; url: string; data: Record<string, unknown>; body: string }

export function contentPages(root: string): Page[] {
  return CONTENT_DIRS.flatMap((c) => readdirSync(join(root, "src/content", c)).filter((f) => f.endsWith(".mdx")).map((f) => {
    const path = join(root, "src/content", c, f);
    const text = readFileSync(path, "utf8");
    const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
    if (!m) throw new Error(`${path}: no front matter`);
    const id = f.replace(/\.mdx$/, "");
    return { collection: c, id, path, url: `/${c}/${id}/`, data: parseYaml(m[1]) as Record<string, unknown>, body: m[2] };
  }));
}

/** Anchor ids of the LiveFigure/SweepFigure components on a page (as LiveFigure.astro makes them). */
export function figureIds(body: string): string[] {
  return [...body.matchAll(/<(?:LiveFigure|SweepFigure)[\s\S]*?\btitle="([^"]+)"[\s\S]*?\/>/g)]
    .map((m) => `fig-${m[1].toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 48)}`);
}

/** Every link target on a page (markdown and HTML). */
export function linkTargets(body: string): string[] {
  return [...body.matchAll(/\]\(([^)\s]+)\)|href="([^"]+)"/g)].map((m) => m[1] ?? m[2]);
}

export interface Prose { text: string; links: { start: number; end: number; url: string }[] }

/**
 * The prose a reader sees, without imports, figure components (whose captions are props), component
 * tags, headings or HTML tags; link texts stay in the text and their spans are recorded.
 */
export function prose(body: string): Prose {
  const cleaned = body
    .replace(/^import .*$/gm, "")
    .replace(/^export const .*$/gm, "")
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, "")
    .replace(/<(?:LiveFigure|SweepFigure)[\s\S]*?\/>/g, "")
    .replace(/^<\/?Reproduce[^>]*>$/gm, "")
    .replace(/^#{1,6} .*$/gm, "");
  let text = "";
  const links: Prose["links"] = [];
  const re = /\[([^\]]+)\]\(([^)\s]+)\)|<a href="([^"]+)"[^>]*>([\s\S]*?)<\/a>|<[^>]+>/g;
  let last = 0;
  for (const m of cleaned.matchAll(re)) {
    text += cleaned.slice(last, m.index);
    const label = m[1] ?? m[4];
    if (label !== undefined) {
      const start = text.length;
      text += label.replace(/<[^>]+>/g, "");
      links.push({ start, end: text.length, url: m[2] ?? m[3] });
    }
    last = m.index! + m[0].length;
  }
  text += cleaned.slice(last);
  return { text, links };
}

/**
 * Where a glossary term's first use on a page is not linked to it: the first occurrence of any of its
 * phrases that is not inside a link to another page or another term must be inside a link to this term.
 * Returns a description of the problem, or null.
 */
export function firstUseProblem(p: Prose, slug: string, phrases: string[]): string | null {
  const lower = p.text.toLowerCase();
  const own = `/glossary/#term-${slug}`;
  const hits: number[] = [];
  for (const ph of phrases) {
    const prefix = ph.endsWith("*");
    const body = (prefix ? ph.slice(0, -1) : ph).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const re = new RegExp(`(?<![a-z0-9])${body}${prefix ? "" : "(?![a-z0-9])"}`, "g");
    for (const m of lower.matchAll(re)) hits.push(m.index!);
  }
  hits.sort((a, b) => a - b);
  for (const at of hits) {
    const link = p.links.find((l) => at >= l.start && at < l.end);
    if (link && link.url === own) return null;
    if (link) continue; // inside a link to something else (another page, another term)
    return `first use of "${lower.slice(at, at + 30).split("\n")[0]}…" is not linked to ${own}`;
  }
  return null;
}
