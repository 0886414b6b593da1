/**
 * The explorer's run reuse (src/lib/run-cache.ts) in real Chromium: after a move of the statutory royalty
 * rate, only the regime that reads it (the compulsory licence) is rerun for the shown settings; the other
 * shown regimes' runs are reused, and the plain-language comparison with the defaults pairs runs the page
 * already has instead of repeating them, as does the live tornado's base point. Tasks are observed at the page's Worker.postMessage.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launch, openRecordingTasks, setSlider, takePostedTasks, waitForRun, type PostedTask as Posted } from "./harness";

const baseUrl = inject("baseUrl");
let browser: Browser;

beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe("sim-client run (run-cache)", () => {
  it("reruns only the compulsory licence after a royalty-rate move, and draws the new figures", async () => {
    const w = await openRecordingTasks(browser, baseUrl, "?seeds=1..4");
    const { page } = w;
    const before = await page.locator("#chart-creator .chart-desc").textContent();
    const firstRun = await takePostedTasks(page);
    expect(new Set(firstRun.flatMap((t) => t.regimes)).size).toBeGreaterThan(1);
    await setSlider(page, "compulsory.royalty_rate", 0.07);
    await waitForRun(page);
    await expect.poll(() => page.locator("#chart-creator .chart-desc").textContent()).not.toBe(before);
    const tasks = await takePostedTasks(page);
    // The shown settings' tasks (the charts' series; a tornado swing asks for one): the rate moved, every other
    // setting as before. Tasks post only the settings that differ from the defaults (`sparseSettings`).
    const shown = tasks.filter((t) => t.settings["compulsory.royalty_rate"] === 0.07 && (t.keys?.length ?? 0) > 1);
    const reference = shown.find((t) => t.regimes.includes("compulsory"));
    expect(reference).toBeDefined();
    const same = shown.filter((t) => JSON.stringify(t.settings) === JSON.stringify(reference!.settings));
    expect(same.flatMap((t) => t.regimes).sort()).toEqual(["compulsory", "compulsory", "compulsory", "compulsory"]);
    expect(new Set(same.map((t) => t.seed))).toEqual(new Set([1, 2, 3, 4]));
    expect(w.pageErrors).toEqual([]);
    expect(w.consoleErrors).toEqual([]);
    await w.context.close();
  });

  it("writes the comparison with the defaults from the runs the charts made, posting none of its own", async () => {
    const w = await openRecordingTasks(browser, baseUrl, "?seeds=1..3");
    const { page } = w;
    await takePostedTasks(page);
    await setSlider(page, "compulsory.royalty_rate", 0.09);
    await waitForRun(page);
    await page.waitForSelector('[data-compare-text][data-state="done"]', { timeout: 60_000 });
    expect(await page.locator("[data-compare-text]").innerText()).toMatch(/compulsory/i);
    const tasks = await takePostedTasks(page);
    const shown = tasks.find((t) => t.regimes.includes("compulsory") && t.settings["compulsory.royalty_rate"] === 0.09)!;
    expect(shown).toBeDefined();
    // Both sides of the pairs, the shown settings and the defaults (every setting as shown but the rate), are runs
    // the page already had: the charts' and the baseline's. Only the three compulsory runs of the new rate are posted.
    const differsOnlyInRate = (t: Posted) => Object.keys({ ...t.settings, ...shown.settings })
      .every((k) => k === "compulsory.royalty_rate" || t.settings[k] === shown.settings[k]);
    const pairedLike = tasks.filter(differsOnlyInRate);
    expect(pairedLike.map((t) => `${t.regimes.join("+")} ${t.seed} ${t.settings["compulsory.royalty_rate"]}`).sort())
      .toEqual(["compulsory 1 0.09", "compulsory 2 0.09", "compulsory 3 0.09"]);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });

  it("computes the live tornado's base point from the charts' runs, posting only its swings", async () => {
    const w = await openRecordingTasks(browser, baseUrl, "?regimes=compulsory&seeds=1..2");
    const { page } = w;
    // The tornado's code loads when its place nears the viewport (lazy-views.ts).
    await page.locator("[data-tornado-slot], [data-tornado]").first().scrollIntoViewIfNeeded();
    await page.waitForSelector("[data-tornado] svg [data-parameter]");
    await takePostedTasks(page);
    await setSlider(page, "compulsory.royalty_rate", 0.08);
    await waitForRun(page);
    await expect.poll(() => page.locator("[data-tornado]").getAttribute("data-tornado-state"), { timeout: 120_000 }).toBe("current");
    const tasks = (await takePostedTasks(page)).filter((t) => t.regimes.includes("compulsory"));
    const shown = tasks.find((t) => t.settings["compulsory.royalty_rate"] === 0.08 && (t.keys?.length ?? 99) > 1)!;
    expect(shown).toBeDefined();
    const differences = (t: Posted) => Object.keys({ ...t.settings, ...shown.settings }).filter((k) => t.settings[k] !== shown.settings[k]);
    // The shown settings ran once per seed (the charts'); the tornado's 2 seeds × (1 + 2 × 10) points posted only the 40 swings.
    const atShown = tasks.filter((t) => differences(t).length === 0);
    expect(atShown.map((t) => t.seed).sort()).toEqual([1, 2]);
    const swings = tasks.filter((t) => differences(t).length === 1 && t.keys?.length === 1);
    expect(swings).toHaveLength(40);
    expect(new Set(swings.map((t) => differences(t)[0])).size).toBe(10);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  }, 300_000);
});
