/**
 * Time until the home page's headline figure has rendered (issue 15 item 1; budget 2 s): each load in a
 * fresh browser context (cold cache), from navigation start until the figure's charts are in the DOM and
 * two animation frames have passed (so they have been painted). The figure is built at build time, so this
 * is parsing, CSS and first paint; the measurement includes one Playwright round trip and so errs high.
 */
import type { Browser } from "playwright-core";

export interface HomeFigureTiming { p50: number; max: number; n: number; fcpP50: number | null }

export async function homeFigureMs(browser: Browser, baseUrl: string, loads = 7): Promise<HomeFigureTiming> {
  const times: number[] = [];
  const fcps: number[] = [];
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(new URL("/", baseUrl).href, { waitUntil: "commit" });
    await page.waitForSelector("[data-home-figure] svg circle", { state: "attached" });
    const t = await page.evaluate("new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok([performance.now(), performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null]))))") as [number, number | null];
    times.push(t[0]);
    if (t[1] !== null) fcps.push(t[1]);
    await context.close();
  }
  const med = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
  return { p50: med(times), max: Math.max(...times), n: times.length, fcpP50: fcps.length ? med(fcps) : null };
}
