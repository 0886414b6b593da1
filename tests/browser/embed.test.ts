/**
 * Embeds (issue 15 item 4): the explorer's "Embed this view" gives iframe code for the current query;
 * the /embed/ page inside an iframe on a test page draws the comparison chart with its title, source line,
 * permalink and version and no site chrome, and shows the same numbers as the explorer; axe passes.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Frame, Page } from "playwright-core";
import { MODEL_VERSION } from "../../models/index";
import { launch, newPage, waitForRun } from "./harness";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const dots = (p: Page | Frame) => p.locator("[data-comparison] svg g[data-regime]").evaluateAll((gs) => gs.map((g) => [g.getAttribute("data-regime"), g.getAttribute("data-q50")]));

describe("embed", () => {
  it("the iframe code from the explorer embeds the same chart with the same numbers", async () => {
    // Service workers blocked here, so that the route below (the test page) is not bypassed by the site's worker.
    const context = await browser.newContext({ serviceWorkers: "block", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const w = { context };
    const query = "?compulsory.royalty_rate=0.1&regimes=fair-use,compulsory&seeds=1..3";
    await page.goto(`${baseUrl}/explorer/${query}`);
    await waitForRun(page);
    await page.waitForFunction(() => document.querySelectorAll("[data-comparison] svg g[data-regime]").length === 2);
    const explorer = await dots(page);
    await page.locator("[data-embed-panel] > summary").click();
    // The code is written on the panel's "toggle" event, a task after the click.
    await expect.poll(() => page.locator("[data-embed-code]").inputValue()).toMatch(/^<iframe /);
    const code = await page.locator("[data-embed-code]").inputValue();
    expect(code).toMatch(/^<iframe src="http:\/\/[^"]+\/embed\/\?[^"]*compulsory\.royalty_rate=0\.1[^"]*" title="[^"]+"/);

    // A test page (served through a route on the site's origin: Chromium refuses loopback frames in about:blank).
    const host = `${baseUrl}/__embed-test__/`;
    await page.route(host, (r) => r.fulfill({ contentType: "text/html", body: `<!doctype html><html lang="en"><head><title>Embed test</title></head><body><h1>A page that embeds the chart</h1>${code}</body></html>` }));
    await page.goto(host);
    await page.waitForFunction(() => document.querySelector("iframe") !== null);
    await expect.poll(() => page.frames().map((f) => f.url()).join(" "), { timeout: 20_000 }).toMatch(/\/embed\//);
    const frame = page.frames().find((f) => f.url().includes("/embed/"))!;
    expect(frame).toBeTruthy();
    await frame.waitForSelector('[data-embed-status][data-state="done"]', { timeout: 60_000, state: "attached" });
    await frame.waitForFunction(() => document.querySelectorAll("[data-comparison] svg g[data-regime]").length === 2);
    expect(await dots(frame)).toEqual(explorer);
    const text = (await frame.locator("body").textContent()) ?? "";
    expect(text).toMatch(/Creator revenue, in 2035 \(\$bn per year/);
    expect(text).toMatch(new RegExp(`model version ${MODEL_VERSION.replaceAll(".", "\\.")}`));
    expect(await frame.locator("[data-embed-permalink]").getAttribute("href")).toMatch(/\/explorer\/\?compulsory\.royalty_rate=0\.1&regimes=fair-use%2Ccompulsory|\/explorer\/\?compulsory\.royalty_rate=0\.1&regimes=fair-use,compulsory/);
    expect(await frame.locator(".site-header").count()).toBe(0);

    const direct = await newPage(browser, baseUrl);
    await direct.page.goto(`${baseUrl}/embed/${query}`);
    await direct.page.waitForSelector('[data-embed-status][data-state="done"]', { timeout: 60_000, state: "attached" });
    const axe = await new AxeBuilder({ page: direct.page }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    expect(direct.pageErrors.concat(direct.cspViolations)).toEqual([]);
    await direct.context.close();
    await w.context.close();
  });
});
