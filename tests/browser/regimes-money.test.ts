/**
 * "Who gets the money" (issue 16 item 5) on every regime page of the built site: a figure for the page's
 * regime first (then the others), a legend, a data table with every payee, and the real splits beside it
 * with links to their sources; the bars of a regime cover the whole dollar.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { REGIME_IDS } from "../../models/index";
import { PAYEES } from "../../src/lib/money/split";
import { PAYMENT_ANCHORS } from "../../src/lib/money/anchors";
import { launch, newPage } from "./harness";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe("regime pages: who gets the money", () => {
  it("each regime page shows its split first, with a legend, a table of every payee and the real anchors", async () => {
    const w = await newPage(browser, baseUrl, { width: 375, height: 800 });
    for (const id of REGIME_IDS) {
      await w.page.goto(`${baseUrl}/regimes/${id}/`);
      const fig = w.page.locator(`[data-money-figure][data-regime="${id}"]`);
      expect(await fig.count(), id).toBe(1);
      const order = await fig.locator(".money-row").evaluateAll((rs) => rs.map((r) => r.getAttribute("data-regime")));
      expect(order[0]).toBe(id);
      expect([...order].sort()).toEqual([...REGIME_IDS].sort());
      const shares = await fig.locator(`.money-row[data-regime="${id}"] rect`).evaluateAll((rs) => rs.map((r) => Number(r.getAttribute("data-share"))));
      expect(shares.reduce((a, b) => a + b, 0)).toBeGreaterThan(0.9);
      expect(await fig.locator(".money-legend li").count()).toBe(PAYEES.length);
      expect(await fig.locator("tbody tr[data-payee]").evaluateAll((rs) => rs.map((r) => r.getAttribute("data-payee")))).toEqual(PAYEES.map((p) => p.id));
      expect(await fig.locator("[data-money-anchors] li").count()).toBe(PAYMENT_ANCHORS.length);
      expect(await fig.locator('[data-money-anchors] a[href*="/methods/#src-"]').count()).toBeGreaterThan(PAYMENT_ANCHORS.length - 1);
      expect(await fig.locator(".money-plot").getAttribute("aria-label")).toMatch(/^Of each dollar developers pay over \d{4}–\d{4} under /);
    }
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });
});
