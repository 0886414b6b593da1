/**
 * The home page leads with the answer (issue 15 item 1): a build-time figure of creators' revenue and
 * developers' cost in the final year for every regime (median and 90% band), a finding sentence computed
 * from the model, and a link into the explorer at those settings, before the prose — all of it with
 * JavaScript off; with it on, the figure is recomputed live in the browser with the same numbers and
 * offers every year of the run.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launch, newPage } from "./harness";
import { REGIME_IDS } from "../../models/index";

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe("home page figure", () => {
  it("shows every regime's final-year revenue and cost with bands, the finding and an explorer link, before the prose, with JavaScript off", async () => {
    const base = inject("baseUrl");
    for (const width of [375, 1280]) {
      const w = await newPage(browser, base, { width, height: 900 });
      await w.context.close();
      // The whole figure without JavaScript (the build-time SVG, finding, table and link).
      const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: false, serviceWorkers: "block" });
      w.page = await context.newPage();
      w.context = context;
      await w.page.goto(new URL("/", base).href);
      const fig = w.page.locator("[data-home-figure]");
      await expect(fig.count()).resolves.toBe(1);
      const info = await w.page.evaluate(() => {
        const f = document.querySelector("[data-home-figure]")!;
        const prose = document.querySelector("[data-prose]")!;
        return {
          before: !!(f.compareDocumentPosition(prose) & Node.DOCUMENT_POSITION_FOLLOWING),
          finding: document.querySelector("[data-home-finding]")!.textContent ?? "",
          rows: [...document.querySelectorAll(".home-table tbody tr")].map((r) => r.getAttribute("data-regime")),
          cells: [...document.querySelectorAll(".home-table td")].map((c) => c.textContent ?? ""),
          href: document.querySelector<HTMLAnchorElement>("[data-home-explorer]")!.getAttribute("href") ?? "",
          caption: f.querySelector("figcaption")!.textContent ?? "",
          scrollWidth: document.documentElement.scrollWidth,
        };
      });
      expect(info.before).toBe(true);
      expect(info.rows).toEqual([...REGIME_IDS]);
      for (const c of info.cells) expect(c).toMatch(/^[\d.,]+ \([\d.,]+–[\d.,]+\)$/);
      expect(info.finding).toMatch(/^In 20\d\d, creators earn most under .+ \(\$[\d.]+ bn a year, 90% band/);
      expect(info.caption).toMatch(/\$bn per year, constant 2025 US dollars/);
      expect(info.href).toMatch(/\/explorer\/\?seeds=1\.\.20&v=/);
      expect(info.scrollWidth).toBeLessThanOrEqual(width);
      await w.context.close();
    }
  });

  it("goes live: the model recomputed in the browser gives the build's numbers, and every year can be shown", async () => {
    const base = inject("baseUrl");
    const w = await newPage(browser, base, { width: 375, height: 900 });
    await w.page.goto(new URL("/", base).href);
    const medians = () => w.page.locator("[data-home-figure] .home-panel g[data-regime]").evaluateAll((gs) => gs.map((g) => Number(g.getAttribute("data-q50"))));
    const built = await medians();
    const builtFinding = await w.page.locator("[data-home-finding]").textContent();
    await w.page.waitForSelector('[data-home-figure][data-state="live"]', { timeout: 120_000 });
    const live = await medians();
    expect(live.length).toBe(built.length);
    live.forEach((v, i) => expect(Math.abs(v - built[i]) / Math.max(1, Math.abs(built[i]))).toBeLessThan(1e-9));
    expect(await w.page.locator("[data-home-finding]").textContent()).toBe(builtFinding);
    expect(await w.page.locator("[data-home-live]").textContent()).toMatch(/^Live: recomputed in your browser by the model, with the same numbers/);
    const select = w.page.locator("[data-home-year-select]");
    const first = await select.locator("option").first().getAttribute("value");
    await select.selectOption(first!);
    await expect.poll(() => w.page.locator("[data-home-finding]").textContent()).toMatch(new RegExp(`^In ${first}, `));
    expect(await w.page.locator("[data-home-figure] figcaption [data-home-year]").textContent()).toBe(first);
    expect(await medians()).not.toEqual(live);
    expect(w.pageErrors.concat(w.cspViolations, w.foreignRequests)).toEqual([]);
    await w.context.close();
  });
});
