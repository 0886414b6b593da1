/**
 * Controls that say what they do (issue 15 item 3): a regime chooser (a checkbox per regime, `value` =
 * the regime id) whose choice lives in the URL and survives a reload; levers read only by some regimes
 * say so, and are marked as doing nothing when none of those regimes is shown.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import AxeBuilder from "@axe-core/playwright";
import type { Browser } from "playwright-core";
import { DEFAULT_REGIME_IDS, REGIME_IDS } from "../../models/index";
import { launch, newPage, waitForRun } from "./harness";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe("explorer controls", () => {
  it("switches and named options are labelled radio groups (name = parameter id) with option names, never '0 = …'", async () => {
    const w = await newPage(browser, baseUrl);
    const { page } = w;
    await page.goto(`${baseUrl}/explorer/?seeds=1..2`);
    await waitForRun(page);
    await page.locator("details.more:has([data-param='compulsory.rate_standard']) > summary").click();
    const group = page.getByRole("radiogroup", { name: "Rate-setting standard" });
    expect(await group.locator('input[type="radio"]').evaluateAll((xs) => xs.map((x) => (x as HTMLInputElement).name))).toEqual(["compulsory.rate_standard", "compulsory.rate_standard", "compulsory.rate_standard"]);
    expect(await group.textContent()).toMatch(/Fixed rate.*Willing buyer \/ willing seller.*§801\(b\)/);
    expect(await page.locator("main").textContent()).not.toMatch(/\b0 = /);
    await page.getByRole("radio", { name: "Willing buyer / willing seller" }).check();
    await page.waitForFunction(() => new URLSearchParams(location.search).get("compulsory.rate_standard") === "1");
    await page.reload();
    await waitForRun(page);
    expect(await page.locator('input[name="compulsory.rate_standard"][value="1"]').isChecked()).toBe(true);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });

  it("the regime chooser puts the choice in the URL, reruns with those regimes, marks idle levers, and a reload keeps it", async () => {
    const w = await newPage(browser, baseUrl);
    const { page } = w;
    await page.goto(`${baseUrl}/explorer/?seeds=1..3`);
    await waitForRun(page);
    const values = await page.locator('[data-regime-chooser] input[type="checkbox"]').evaluateAll((xs) => xs.map((x) => (x as HTMLInputElement).value));
    expect(values).toEqual([...REGIME_IDS]);
    const compulsoryLever = page.locator('.param[data-param="compulsory.royalty_rate"]');
    expect(await compulsoryLever.locator(".param-applies").textContent()).toMatch(/^Applies to the Compulsory licence and US fair use undecided regimes only\.$/);
    await expect(compulsoryLever.locator(".param-idle").isHidden()).resolves.toBe(true);

    // The regimes outside the default ones start unchecked.
    const checkedAtFirst = await page.locator('[data-regime-chooser] input:checked').evaluateAll((xs) => xs.map((x) => (x as HTMLInputElement).value));
    expect(checkedAtFirst).toEqual([...DEFAULT_REGIME_IDS]);
    const keep = DEFAULT_REGIME_IDS.slice(0, 2);
    for (const id of DEFAULT_REGIME_IDS) if (!keep.includes(id)) await page.locator(`[data-regime-chooser] input[value="${id}"]`).uncheck();
    await page.waitForFunction((q) => new URLSearchParams(location.search).get("regimes") === q, keep.join(","));
    await waitForRun(page);
    await page.waitForFunction((n) => document.querySelectorAll("[data-comparison] svg g[data-regime]").length === n, keep.length);
    expect(await page.locator("[data-comparison] svg g[data-regime]").evaluateAll((gs) => gs.map((g) => g.getAttribute("data-regime")))).toEqual(keep);
    expect(keep).not.toContain("compulsory");
    await expect(compulsoryLever.locator(".param-idle").isVisible()).resolves.toBe(true);
    expect(await compulsoryLever.getAttribute("class")).toMatch(/inapplicable/);

    await page.reload();
    await waitForRun(page);
    const checked = await page.locator('[data-regime-chooser] input:checked').evaluateAll((xs) => xs.map((x) => (x as HTMLInputElement).value));
    expect(checked).toEqual(keep);

    // Unchecking the last one is refused.
    await page.locator(`[data-regime-chooser] input[value="${keep[0]}"]`).uncheck();
    await page.locator(`[data-regime-chooser] input[value="${keep[1]}"]`).click();
    expect(await page.locator(`[data-regime-chooser] input[value="${keep[1]}"]`).isChecked()).toBe(true);

    const axe = await new AxeBuilder({ page }).include("[data-regime-chooser]").analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });
});
