/**
 * Issue 14's budget "pages without a live figure ship no JavaScript", measured as the bench measures it
 * (bench/browser.ts `pageJs`: every script and worker a page requests in its first 1.5 s, inline scripts
 * too, gzipped): on every built page without a live figure (the search page, Pagefind's UI, excepted)
 * the only script is the service-worker registration, except on the pages of `ON_CLICK_LOADERS`, which
 * may add a click handler that loads the feature's code on first use; and the total stays within
 * `STATIC_PAGE_BYTES`. The explorer stays within its 150 kB.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { resolve } from "node:path";
import type { Browser } from "playwright-core";
import { launch } from "./harness";
import { ON_CLICK_LOADERS, SEARCH_PAGES, STATIC_PAGE_BYTES, htmlPages, isServiceWorkerRegistration, pageJs, type PageJs } from "../../bench/browser";

const DIST = resolve(import.meta.dirname, "../../dist");
const EXPLORER_BYTES = 150_000;

let browser: Browser;
let pages: PageJs[] = [];
beforeAll(async () => {
  browser = await launch();
  for (const p of htmlPages(DIST)) pages.push(await pageJs(browser, inject("baseUrl"), DIST, p));
}, 600_000);
afterAll(async () => { await browser?.close(); });

describe("pageJs over every built page", () => {
  it("finds no script on a page without a live figure but the service-worker registration (and the listed on-click loaders)", () => {
    const statics = pages.filter((p) => !p.live && !SEARCH_PAGES.has(p.path));
    expect(statics.length).toBeGreaterThan(20);
    const extra = (p: PageJs) => p.scripts.filter((s) => !(s.inline !== undefined && isServiceWorkerRegistration(s.inline)));
    const withScripts = Object.fromEntries(statics.filter((p) => extra(p).length).map((p) => [p.path, extra(p).map((s) => s.url)]));
    expect(Object.keys(withScripts).sort()).toEqual(Object.keys(ON_CLICK_LOADERS).sort());
    for (const p of statics) expect(p.gzipBytes, `${p.path}: ${p.scripts.map((s) => `${s.url} ${s.gzipBytes} B`).join(", ")}`).toBeLessThanOrEqual(STATIC_PAGE_BYTES);
  });

  it("keeps the explorer within its budget", () => {
    const explorer = pages.find((p) => p.path === "/explorer/")!;
    expect(explorer.live).toBe(true);
    expect(explorer.gzipBytes, explorer.scripts.map((s) => `${s.url} ${s.gzipBytes} B`).join("\n")).toBeLessThanOrEqual(EXPLORER_BYTES);
  });
});
