/**
 * Real-browser test of /robustness/ (built at build time, no JS): the pairwise win-share tables, a
 * tornado with a data table for every headline metric and regime, no axe-core violations; and the rate
 * frontier on the royalty-rate page (issue 12 item 6).
 */
import AxeBuilder from "@axe-core/playwright";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { REGIME_IDS } from "../../models/index";
import { HEADLINE_METRICS } from "../../src/components/robustness/data";
import { launch, newPage } from "./harness";

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe("/robustness/", () => {
  it("shows win shares for every pair and headline metric, tornadoes with data tables, and passes axe", async () => {
    const w = await newPage(browser, inject("baseUrl"));
    await w.page.goto(new URL("/robustness/", inject("baseUrl")).href);
    const pairs = (REGIME_IDS.length * (REGIME_IDS.length - 1)) / 2;
    for (const m of HEADLINE_METRICS) expect(await w.page.locator(`#win-${m} tbody tr`).count(), m).toBe(pairs);
    const figs = await w.page.$$eval(".rb-tornado", (fs) => fs.map((f) => ({ bars: f.querySelectorAll("svg rect").length, rows: f.querySelectorAll("tbody tr").length })));
    expect(figs.length).toBe(HEADLINE_METRICS.length * REGIME_IDS.length);
    for (const f of figs) {
      expect(f.bars).toBeGreaterThan(0);
      expect(f.rows).toBeGreaterThan(0);
    }
    const r = await new AxeBuilder({ page: w.page }).withTags(["wcag2a", "wcag2aa"]).analyze();
    expect(r.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  }, 60_000);
});

describe("the rate frontier on /questions/royalty-rate/", () => {
  it("draws two panels over the rates with the Phonorecords IV and side-deal markers, and a data table", async () => {
    const w = await newPage(browser, inject("baseUrl"));
    await w.page.goto(new URL("/questions/royalty-rate/", inject("baseUrl")).href);
    const fig = w.page.locator("[data-rate-frontier]");
    // Two panels for wide screens and the same two on a compact canvas for phones; CSS shows one pair.
    expect(await fig.locator("svg.frontier-panel").count()).toBe(4);
    expect(await fig.locator("svg.frontier-panel:visible").count()).toBe(2);
    const text = await fig.innerText();
    expect(text).toMatch(/Phonorecords IV/);
    expect(text).toMatch(/side deals/);
    expect(text).toMatch(/Total surplus is highest at/);
    const rows = await fig.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => (tr.textContent ?? "").trim()));
    expect(rows[0]).toMatch(/^0%/);
    expect(rows.at(-1)).toMatch(/^20%/);
    expect(rows.some((r) => r.startsWith("15%"))).toBe(true);
    const r = await new AxeBuilder({ page: w.page }).include("[data-rate-frontier]").withTags(["wcag2a", "wcag2aa"]).analyze();
    expect(r.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);
    await w.context.close();
  }, 60_000);
});
