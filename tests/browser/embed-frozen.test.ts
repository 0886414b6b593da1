/**
 * Frozen embeds (issue 15 item 4): `/embed/?…&static=1` for the defaults or a named scenario leads to a
 * pre-rendered page with no script whose figure (title, legend, source line, citation) shows the same
 * numbers as the live embed of that scenario; with JavaScript off, /embed/ shows the default frozen figure
 * and says why; a state with no frozen figure says so and shows the live chart; a bad `scenario` or
 * `static` is an error naming the field and its allowed values; axe passes on a frozen page.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { MODEL_VERSION } from "../../models/index";
import { launch, newPage } from "./harness";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const dots = (p: Page, sel: string): Promise<[string, number][]> =>
  p.locator(`${sel} svg g[data-regime]`).evaluateAll((gs) => gs.map((g) => [g.getAttribute("data-regime") ?? "", Number(g.getAttribute("data-q50"))] as [string, number]));
const SCENARIO = "compulsory-wbws-review";

describe("frozen embeds", () => {
  it("static=1 for a named scenario leads to a page with no script and the live embed's numbers", async () => {
    const w = await newPage(browser, baseUrl, { width: 375, height: 800 });
    const { page } = w;
    await page.goto(`${baseUrl}/embed/?scenario=${SCENARIO}&static=1`);
    await page.waitForURL(new RegExp(`/embed/frozen/${SCENARIO}/$`));
    await page.waitForSelector("[data-frozen-figure]");
    expect(await page.locator("script").count()).toBe(0);
    const text = (await page.locator("body").textContent()) ?? "";
    expect(text).toMatch(/Creator revenue, in 2035 \(\$bn per year/);
    expect(text).toMatch(new RegExp(`model version ${MODEL_VERSION.replaceAll(".", "\\.")}`));
    expect(text).toMatch(/Cite as:.*Model version/);
    expect(await page.locator(".frozen-legend li").count()).toBeGreaterThan(1);
    expect(await page.locator("[data-frozen-permalink]").getAttribute("href")).toMatch(new RegExp(`/explorer/\\?scenario=${SCENARIO}`));
    const frozen = await dots(page, "[data-frozen-figure]");
    expect(frozen.length).toBeGreaterThan(0);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);

    await page.goto(`${baseUrl}/embed/?scenario=${SCENARIO}`);
    await page.waitForSelector('[data-embed-status][data-state="done"]', { timeout: 90_000, state: "attached" });
    await page.waitForFunction((n) => document.querySelectorAll("[data-comparison] svg g[data-regime]").length === n, frozen.length);
    // Equal to 12 significant digits: the worker's summary and the build's summarizeRuns can differ in the last bit.
    const liveDots = await dots(page, "[data-comparison]");
    expect(liveDots.map(([r]) => r)).toEqual(frozen.map(([r]) => r));
    liveDots.forEach(([, v], i) => expect(Math.abs(v - frozen[i][1]) / Math.abs(frozen[i][1])).toBeLessThan(1e-12));
    expect(await page.locator("[data-embed-legend] li").count()).toBe(frozen.length + 1);
    expect(w.pageErrors.concat(w.cspViolations)).toEqual([]);
    await w.context.close();
  });

  it("the defaults with static=1 lead to /embed/frozen/, and without JavaScript /embed/ shows that figure and says why", async () => {
    const w = await newPage(browser, baseUrl);
    await w.page.goto(`${baseUrl}/embed/?static=1`);
    await w.page.waitForURL(/\/embed\/frozen\/$/);
    expect(await w.page.locator("[data-frozen-figure] svg g[data-regime]").count()).toBeGreaterThan(1);
    await w.context.close();
    const ctx = await browser.newContext({ javaScriptEnabled: false, serviceWorkers: "block" });
    const page = await ctx.newPage();
    await page.goto(`${baseUrl}/embed/?scenario=${SCENARIO}&static=1`);
    expect(await page.locator("[data-frozen-figure]").isVisible()).toBe(true);
    expect(await page.locator("[data-embed-live]").isVisible()).toBe(false);
    expect(await page.locator("body").textContent()).toMatch(/JavaScript is off, so this page cannot read the link's settings/);
    await ctx.close();
  });

  it("a state with no frozen figure says so and runs live; a bad scenario or static names the field and allowed values", async () => {
    const w = await newPage(browser, baseUrl);
    await w.page.goto(`${baseUrl}/embed/?static=1&seeds=1..2&regimes=fair-use`);
    await expect.poll(() => w.page.locator("[data-embed-notice]").textContent()).toMatch(/^No frozen figure exists for these settings/);
    await w.page.waitForSelector('[data-embed-status][data-state="done"]', { timeout: 60_000, state: "attached" });
    expect(w.page.url()).toMatch(/\/embed\/\?/);

    await w.page.goto(`${baseUrl}/embed/?scenario=eu-opt-outt&static=yes`);
    await w.page.waitForSelector('[data-embed-status][data-state="error"]', { state: "attached" });
    const problems = await w.page.locator("[data-embed-problems] li").allTextContents();
    expect(problems).toEqual([
      expect.stringMatching(/^static: "yes" is not allowed \(allowed: static=1/),
      expect.stringMatching(/^scenario: "eu-opt-outt" is not a scenario \(allowed: .*eu-opt-out/),
    ]);
    expect(await w.page.locator("[data-comparison]").isVisible()).toBe(false);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });
});
