/**
 * Offline (issue 15 item 5): after a first visit the service worker (sw.js, src/lib/offline/precache.ts)
 * has precached the built site; with the server gone (closed, not just emulated offline) the explorer
 * reloads, runs the model, and a slider move changes the charts. The CSP allows it with `worker-src 'self'`.
 * Site search (Pagefind's index, precached with the rest) answers offline too.
 */
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launch, newPage, waitForRun } from "./harness";
import { serveStatic } from "./static-server";

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe("offline", () => {
  it("the explorer works without a network after the first visit: reload, move a slider, the charts change", async () => {
    // A server of our own, so that it can be stopped: then nothing but the service worker can answer.
    const { server, url } = await serveStatic(resolve(import.meta.dirname, "../../dist"));
    const w = await newPage(browser, url);
    const { page, context } = w;
    await page.goto(`${url}/explorer/?seeds=1..2`);
    await waitForRun(page);
    await page.waitForFunction(async () => { const r = await navigator.serviceWorker.ready; return !!r.active && r.active.state === "activated"; });
    await page.waitForFunction(() => !!navigator.serviceWorker.controller);
    await new Promise<void>((ok) => { server.close(() => ok()); server.closeAllConnections?.(); });
    await context.setOffline(true);

    await page.reload();
    await waitForRun(page);
    const desc = () => page.locator("#chart-creator .chart-desc").textContent();
    const before = await desc();
    expect(before).toBeTruthy();
    const slider = page.locator('input[name="compulsory.royalty_rate"]');
    await slider.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowRight");
    await page.waitForFunction(() => /compulsory\.royalty_rate=0\.05/.test(location.search));
    await waitForRun(page);
    expect(await desc()).not.toBe(before);
    expect(w.pageErrors).toEqual([]);
    expect(w.cspViolations).toEqual([]);
    await context.close();
  });

  it("site search works without a network after the first visit: the precached Pagefind index answers", async () => {
    const { server, url } = await serveStatic(resolve(import.meta.dirname, "../../dist"));
    const w = await newPage(browser, url);
    const { page, context } = w;
    await page.goto(`${url}/`);
    await page.waitForFunction(async () => { const r = await navigator.serviceWorker.ready; return !!r.active && r.active.state === "activated"; });
    const sw = await (await fetch(`${url}/sw.js`)).text();
    expect(sw).toMatch(/"\/pagefind\/pagefind\.js"/);
    expect(sw).toMatch(/\.pf_fragment"/);
    await new Promise<void>((ok) => { server.close(() => ok()); server.closeAllConnections?.(); });
    await context.setOffline(true);

    await page.goto(`${url}/search/`);
    await page.locator("#q").fill("compulsory licence");
    await page.locator("[data-search] button[type=submit]").click();
    await page.waitForFunction(() => document.querySelectorAll("[data-search-results] li a").length > 0, undefined, { timeout: 30_000 });
    const hrefs = await page.locator("[data-search-results] li a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(hrefs.some((h) => /\/regimes\/compulsory\//.test(h ?? ""))).toBe(true);
    expect(w.pageErrors).toEqual([]);
    expect(w.cspViolations).toEqual([]);
    await context.close();
  });
});
