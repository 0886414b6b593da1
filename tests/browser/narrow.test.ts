/**
 * Phones (issue 15 item 7): no built page scrolls sideways at 375 px. Every page in dist/ (the site map:
 * each index.html outside _astro/ and pagefind/) is loaded at 375 px, and the document may not be wider
 * than the viewport; a failure names the page and the first elements that stick out of it without a
 * scrolling box of their own (wide tables and code blocks must scroll in their own container).
 */
import { readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launch } from "./harness";

const DIST = resolve(import.meta.dirname, "../../dist");
function pages(dir = DIST, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) { if (name !== "_astro" && name !== "pagefind") pages(p, out); }
    else if (name === "index.html") out.push(p.slice(DIST.length).replace(/index\.html$/, "").replaceAll("\\", "/"));
  }
  return out.sort();
}

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe("narrow screens", () => {
  it("no page in the site map is wider than a 375 px viewport", async () => {
    const base = inject("baseUrl");
    const list = pages();
    expect(list).toEqual(expect.arrayContaining(["/", "/methods/", "/topics/training-retrieval-output/", "/explorer/"]));
    const context = await browser.newContext({ viewport: { width: 375, height: 800 }, serviceWorkers: "block" });
    const page = await context.newPage();
    const wide: string[] = [];
    for (const p of list) {
      await page.goto(new URL(p.slice(1), `${base}/`).href, { waitUntil: "load" });
      const r = await page.evaluate(() => {
        const w = document.documentElement.clientWidth;
        const inScroller = (e: Element) => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== "visible") return true; return false; };
        const out: string[] = [];
        for (const e of document.querySelectorAll("body *")) if (e.getBoundingClientRect().right > w + 1 && !inScroller(e)) out.push(`${e.tagName.toLowerCase()} "${(e.textContent ?? "").trim().slice(0, 40)}"`);
        return { scroll: document.documentElement.scrollWidth, w, out: out.slice(0, 3) };
      });
      if (r.scroll > r.w) wide.push(`${p}: ${r.scroll} px > ${r.w} px (${r.out.join("; ")})`);
    }
    expect(wide).toEqual([]);
    await context.close();
  });
});
