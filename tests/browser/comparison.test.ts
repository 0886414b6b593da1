/**
 * The explorer's comparison chart (issue 15 item 2): every shown regime on one dot-and-interval chart,
 * first among the results, for the final year or the cumulative total, absolute or relative to a chosen
 * reference; the cumulative table under it; time window and units in the title. At the default settings
 * its final-year medians are the home page's (build-time) figures.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { DEFAULT_REGIME_IDS } from "../../models/index";
import { launch, newPage, waitForRun } from "./harness";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const dots = (page: Page) => page.locator("[data-comparison] svg g[data-regime]").evaluateAll((gs) => gs.map((g) => [g.getAttribute("data-regime"), Number(g.getAttribute("data-q50"))] as [string, number]));
const title = (page: Page) => page.locator('[data-cmp="title"]').textContent();

describe("explorer comparison chart", () => {
  it("shows the default regimes, switches window and relative mode, has the cumulative table, and agrees with the home figure", async () => {
    const w = await newPage(browser, baseUrl);
    const { page } = w;
    await page.goto(`${baseUrl}/explorer/`);
    await waitForRun(page);
    await page.waitForFunction(() => document.querySelectorAll("[data-comparison] svg g[data-regime]").length > 0);
    // First among the results: before the small multiples.
    expect(await page.evaluate(() => !!(document.querySelector("[data-comparison]")!.compareDocumentPosition(document.querySelector("#chart-creator")!) & Node.DOCUMENT_POSITION_FOLLOWING))).toBe(true);
    const abs = await dots(page);
    expect(abs.map((d) => d[0])).toEqual([...DEFAULT_REGIME_IDS]);
    expect(await title(page)).toMatch(/^Creator revenue, in 2035 \(\$bn per year \(2025 USD\)\)$/);

    // Same numbers as the home page's build-time figure (both: defaults, seeds 1..20).
    await page.goto(`${baseUrl}/`);
    // The home figure shows every regime; compare the rows of the explorer's default ones.
    const home = await page.evaluate((ids) => ids.map((id) => document.querySelector(`.home-table tr[data-regime="${id}"] td[data-metric="creator_revenue"]`)?.textContent ?? ""), [...DEFAULT_REGIME_IDS]);
    expect(home.map((t) => Number(t.split(" ")[0]))).toEqual(abs.map((d) => Number(d[1].toPrecision(3))));
    await page.goBack();
    await waitForRun(page);
    await page.waitForFunction(() => document.querySelectorAll("[data-comparison] svg g[data-regime]").length > 0);

    await page.locator('input[name="comparison-window"][value="cumulative"]').check();
    expect(await title(page)).toMatch(/cumulative 2025–2035 \(\$bn in total over 2025–2035/);
    const cum = await dots(page);
    expect(cum[0][1]).toBeGreaterThan(abs[0][1] * 5);

    await page.locator('[data-cmp="reference"]').selectOption(DEFAULT_REGIME_IDS[1]);
    await page.locator('input[name="comparison-mode"][value="relative"]').check();
    expect(await title(page)).toMatch(/% change from the reference regime's median/);
    const rel = Object.fromEntries(await dots(page));
    expect(rel[DEFAULT_REGIME_IDS[1]]).toBe(0);

    const cells = await page.locator('.comparison-table td').allTextContents();
    expect(cells.length).toBe(5 * DEFAULT_REGIME_IDS.length);
    for (const c of cells) expect(c).toMatch(/^−?[\d.,]+ \(−?[\d.,]+–−?[\d.,]+\)$/);
    expect(await page.locator(".comparison-table caption").textContent()).toMatch(/Cumulative 2025–2035.*\$bn in total/);

    const axe = await new AxeBuilder({ page }).include("[data-comparison]").analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });
});
