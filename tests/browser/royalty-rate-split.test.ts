/**
 * The royalty-rate question page's figure of creators' AI income by sector and income decile (issue 11,
 * leftover 3), in the built site: one bar per sector and decile, a text alternative naming the
 * bottom-half share, a table with every group and the bottom-half share of every regime, and the command.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { DECILES, REGIME_IDS, SECTORS } from "../../models/index";
import { launch, newPage } from "./harness";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe("royalty-rate page: AiIncomeSplit", () => {
  it("shows creators' AI income by sector and decile with a text alternative, a data table and the command", async () => {
    const w = await newPage(browser, baseUrl, { width: 375, height: 800 });
    await w.page.goto(`${baseUrl}/questions/royalty-rate/`);
    const fig = w.page.locator('[data-ai-income-split][data-regime="compulsory"]');
    expect(await fig.count()).toBe(1);
    expect(await fig.locator('[data-panel="sector"] .ai-split-row').evaluateAll((rs) => rs.map((r) => r.getAttribute("data-group")))).toEqual([...SECTORS]);
    expect(await fig.locator('[data-panel="decile"] .ai-split-row').evaluateAll((rs) => rs.map((r) => r.getAttribute("data-group")))).toEqual([...DECILES]);
    const bars = await fig.locator(".ai-split-row rect").evaluateAll((rs) => rs.map((r) => Number(r.getAttribute("data-q50"))));
    expect(bars.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
    expect(bars.some((v) => v > 0)).toBe(true);
    const alt = await fig.locator('[role="img"]').getAttribute("aria-label");
    expect(alt).toMatch(/^Creators' AI income in \d{4} under .+ reaches the bottom half of creators by income\.$/);
    expect(await fig.locator("tbody tr[data-group]").count()).toBe(SECTORS.length + DECILES.length);
    expect(await fig.locator("[data-bottom-half] tbody tr").evaluateAll((rs) => rs.map((r) => r.getAttribute("data-regime")))).toEqual([...REGIME_IDS]);
    expect(await fig.locator("code", { hasText: "npm run simulate -- --regime compulsory" }).count()).toBe(1);
    // The table opens from the keyboard.
    await fig.locator("summary").focus();
    await w.page.keyboard.press("Enter");
    expect(await fig.locator("details").getAttribute("open")).not.toBeNull();
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });
});
