/**
 * The home page leads with the answer (issue 15 item 1): a build-time figure of creators' revenue and
 * developers' cost in the final year for every regime (median and 90% band), a finding sentence computed
 * from the model, and a link into the explorer at those settings, before the prose, with no JavaScript.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launch, newPage } from "./harness";
import { REGIME_IDS } from "../../models/index";

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe("home page figure", () => {
  it("shows every regime's final-year revenue and cost with bands, the finding and an explorer link, before the prose and with no script for the figure", async () => {
    const base = inject("baseUrl");
    for (const width of [375, 1280]) {
      const w = await newPage(browser, base, { width, height: 900 });
      await w.page.goto(new URL("/", base).href);
      const fig = w.page.locator("[data-home-figure]");
      await expect(fig.count()).resolves.toBe(1);
      const info = await w.page.evaluate(() => {
        const f = document.querySelector("[data-home-figure]")!;
        const prose = document.querySelector("[data-prose]")!;
        return {
          before: !!(f.compareDocumentPosition(prose) & Node.DOCUMENT_POSITION_FOLLOWING),
          // The figure needs no JavaScript: the only script is the service worker's registration.
          scripts: [...document.querySelectorAll("script")].filter((x) => !/serviceWorker\.register/.test(x.textContent ?? "")).length,
          finding: document.querySelector("[data-home-finding]")!.textContent ?? "",
          rows: [...document.querySelectorAll(".home-table tbody tr")].map((r) => r.getAttribute("data-regime")),
          cells: [...document.querySelectorAll(".home-table td")].map((c) => c.textContent ?? ""),
          href: document.querySelector<HTMLAnchorElement>("[data-home-explorer]")!.getAttribute("href") ?? "",
          caption: f.querySelector("figcaption")!.textContent ?? "",
          scrollWidth: document.documentElement.scrollWidth,
        };
      });
      expect(info.before).toBe(true);
      expect(info.scripts).toBe(0);
      expect(info.rows).toEqual([...REGIME_IDS]);
      for (const c of info.cells) expect(c).toMatch(/^[\d.,]+ \([\d.,]+–[\d.,]+\)$/);
      expect(info.finding).toMatch(/^In 20\d\d, creators earn most under .+ \(\$[\d.]+ bn a year, 90% band/);
      expect(info.caption).toMatch(/\$bn per year, constant 2025 US dollars/);
      expect(info.href).toMatch(/\/explorer\/\?seeds=1\.\.20&v=/);
      expect(info.scrollWidth).toBeLessThanOrEqual(width);
      expect(w.pageErrors.concat(w.cspViolations, w.foreignRequests)).toEqual([]);
      await w.context.close();
    }
  });
});
