/**
 * Embeds read a link without `regimes=` as the explorer does (issue 15 bug): the regimes the explorer
 * shows by default (`DEFAULT_REGIME_IDS`), live and frozen. The iframe code of a default explorer view
 * names no regimes, and the embed must then show the same regimes and numbers as the explorer, not all nine.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { DEFAULT_REGIME_IDS } from "../../models/index";
import { launch, newPage, waitForRun } from "./harness";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const dots = (p: Page, sel: string) =>
  p.locator(`${sel} svg g[data-regime]`).evaluateAll((gs) => gs.map((g) => [g.getAttribute("data-regime"), g.getAttribute("data-q50")]));

describe("embeds without regimes=", () => {
  it("the live embed of a default explorer view shows the explorer's default regimes and numbers", async () => {
    const w = await newPage(browser, baseUrl);
    await w.page.goto(`${baseUrl}/explorer/?seeds=1..2`);
    await waitForRun(w.page);
    await w.page.waitForFunction((n) => document.querySelectorAll("[data-comparison] svg g[data-regime]").length === n, DEFAULT_REGIME_IDS.length);
    const explorer = await dots(w.page, "[data-comparison]");
    await w.page.locator("[data-embed-panel] > summary").click();
    // The code is written on the panel's "toggle" event, a task after the click.
    await expect.poll(() => w.page.locator("[data-embed-code]").inputValue()).toMatch(/^<iframe /);
    const code = await w.page.locator("[data-embed-code]").inputValue();
    const src = /src="([^"]+)"/.exec(code)?.[1] ?? "";
    expect(src).toMatch(/\/embed\/\?/);
    expect(src).not.toMatch(/regimes=/);
    await w.page.goto(src.replaceAll("&amp;", "&"));
    await w.page.waitForSelector('[data-embed-status][data-state="done"]', { timeout: 90_000, state: "attached" });
    const embed = await dots(w.page, "[data-comparison]");
    expect(embed.map(([r]) => r)).toEqual([...DEFAULT_REGIME_IDS]);
    expect(embed).toEqual(explorer);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });

  it("the frozen embed of the defaults shows the explorer's default regimes", async () => {
    const w = await newPage(browser, baseUrl);
    await w.page.goto(`${baseUrl}/embed/?static=1`);
    await w.page.waitForURL(/\/embed\/frozen\/$/);
    const frozen = await dots(w.page, "[data-frozen-figure]");
    expect(frozen.map(([r]) => r)).toEqual([...DEFAULT_REGIME_IDS]);
    expect(await w.page.locator("body").textContent()).not.toMatch(/all regimes/);
    await w.context.close();
  });
});
