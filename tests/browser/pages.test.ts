/**
 * Real-browser tests of the built notebook and reference pages (dist/ served by the global setup):
 * every page returns 200 and passes axe-core; no broken internal links; the methods table lists every
 * parameter; every notebook figure draws a chart with data once the worker is done.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser } from "playwright-core";
import { launch, newPage } from "./harness";
import { loadRegistry } from "../../cli/files";

const DIST = resolve(import.meta.dirname, "../../dist");

function htmlFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) { if (name !== "pagefind" && name !== "_astro") htmlFiles(p, out); }
    else if (name.endsWith(".html")) out.push(p);
  }
  return out;
}
/** Site paths of every built page ("/methods/"). */
const pages = () => htmlFiles(DIST).filter((p) => p.endsWith("index.html")).map((p) => p.slice(DIST.length).replace(/index\.html$/, "").replaceAll("\\", "/")).sort();
const NOTEBOOK = (p: string) => /^\/(questions|regimes)\/[^/]+\/$/.test(p);

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe("built site", () => {
  it("builds the law-status page and the training/retrieval/output explainer (so the checks below cover them)", () => {
    expect(pages()).toEqual(expect.arrayContaining(["/law-status/", "/topics/", "/topics/training-retrieval-output/", "/glossary/"]));
  });

  it("every page returns 200", async () => {
    const base = inject("baseUrl");
    for (const p of pages()) {
      const res = await fetch(new URL(p, base));
      expect(res.status, p).toBe(200);
    }
  });

  it("has no broken internal links (every href/src starting with / exists in dist)", () => {
    const broken: string[] = [];
    for (const file of htmlFiles(DIST)) {
      const html = readFileSync(file, "utf8");
      for (const m of html.matchAll(/\s(?:href|src)="(\/[^"#?]*)/g)) {
        const path = decodeURI(m[1]);
        if (path.startsWith("//") || path.startsWith("/pagefind/")) continue;
        const target = join(DIST, path);
        const ok = existsSync(target) && (statSync(target).isFile() || existsSync(join(target, "index.html")));
        if (!ok) broken.push(`${file.slice(DIST.length)} → ${m[1]}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("the methods table lists every parameter id with its anchor", () => {
    const html = readFileSync(join(DIST, "methods/index.html"), "utf8");
    for (const p of loadRegistry().parameters) expect(html, p.id).toContain(`id="param-${p.id.replaceAll(".", "-")}"`);
  });

  it("every page passes an axe-core scan", async () => {
    const base = inject("baseUrl");
    const failures: string[] = [];
    for (const p of pages()) {
      const w = await newPage(browser, base);
      await w.page.goto(new URL(p, base).href);
      if (NOTEBOOK(p)) await waitFigures(w.page);
      const r = await new AxeBuilder({ page: w.page }).withTags(["wcag2a", "wcag2aa"]).analyze();
      for (const v of r.violations) failures.push(`${p}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target}`);
      await w.context.close();
    }
    expect(failures).toEqual([]);
  }, 360_000); // 39 pages, the notebook ones after their figures have run: slow on a loaded machine

  it("each notebook figure renders a chart with data after the worker finishes", async () => {
    const base = inject("baseUrl");
    for (const p of pages().filter(NOTEBOOK)) {
      const w = await newPage(browser, base);
      await w.page.goto(new URL(p, base).href);
      await waitFigures(w.page);
      const figs = await w.page.$$eval("[data-nb-figure],[data-nb-sweep]", (fs) => fs.map((f) => ({
        state: (f as HTMLElement).dataset.state,
        marks: f.querySelectorAll(".chart-plot svg path, .chart-plot svg rect").length,
        rows: f.querySelectorAll(".chart-data tbody tr").length,
      })));
      expect(figs.length, p).toBeGreaterThan(0);
      for (const f of figs) {
        expect(f.state, p).toBe("done");
        expect(f.marks, p).toBeGreaterThan(0);
        expect(f.rows, p).toBeGreaterThan(0);
      }
      expect(w.pageErrors, p).toEqual([]);
      expect(w.foreignRequests, p).toEqual([]);
      await w.context.close();
    }
  });
});

async function waitFigures(page: import("playwright-core").Page) {
  await page.waitForFunction(() => [...document.querySelectorAll("[data-nb-figure],[data-nb-sweep]")]
    .every((f) => ["done", "error"].includes((f as HTMLElement).dataset.state ?? "")), null, { timeout: 90_000 });
}
