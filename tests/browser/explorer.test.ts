/**
 * The explorer in real Chromium against the built site: loads cleanly, keyboard slider moves change the
 * charts and the URL, a reloaded permalink gives the same numbers, bad query values are reported, every
 * download is well formed, and axe finds no violations.
 */
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { MODEL_VERSION, SERIES_KEYS } from "../../models/index";
import { launch, newPage, setSlider, waitForRun, type Watched } from "./harness";

const baseUrl = inject("baseUrl");
let browser: Browser;

beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

async function open(query = "", viewport?: { width: number; height: number }): Promise<Watched> {
  const w = await newPage(browser, baseUrl, viewport);
  await w.page.goto(`${baseUrl}/explorer/${query}`);
  await waitForRun(w.page);
  return w;
}

const creatorDesc = (page: Page) => page.locator("#chart-creator .chart-desc").textContent();
/**
 * A chart's data table, opened (the explorer builds a table when it is first opened). The <details> is
 * opened by its `open` property, which fires the same `toggle` event as a click on its summary; a click
 * can land on another chart while the tables opened before it push the layout down.
 */
async function openTable(page: Page, slot: string) {
  const details = page.locator(`${slot} details.chart-data`);
  await details.evaluate((d) => { (d as HTMLDetailsElement).open = true; });
  return details.locator("table");
}
const creatorTable = async (page: Page) => (await openTable(page, "#chart-creator")).evaluate((t) => t.textContent);

describe("explorer page", () => {
  it("loads with charts, no console errors, no CSP violations and no requests to other origins", async () => {
    const w = await open();
    const { page } = w;
    expect(await page.locator("#chart-creator svg[aria-label]").count()).toBeGreaterThan(0);
    expect(await page.locator("#chart-developer svg[aria-label]").count()).toBeGreaterThan(0);
    // Consumer and total surplus beside creator revenue and developer cost, with bands and data tables (issue 10).
    for (const id of ["#chart-consumer-surplus", "#chart-total-surplus"]) {
      expect(await page.locator(`${id} svg[aria-label]`).count(), id).toBeGreaterThan(0);
      expect(await (await openTable(page, id)).locator("tbody tr").count(), id).toBeGreaterThan(0);
      expect(await page.locator(`${id} path, ${id} [aria-label="area"] *`).count(), `${id} has a band`).toBeGreaterThan(0);
    }
    expect(await page.locator("#chart-outcomes figure.chart").count()).toBe(5);
    expect(await page.locator("#summary").textContent()).toMatch(/compulsory licence creators earn \$[\d.,]+ bn/);
    expect(page.url()).toContain(`v=${MODEL_VERSION}`);
    expect(page.url()).toContain("seeds=1..20");
    expect(await page.locator("#url-notice").isHidden()).toBe(true);
    for (const name of ["compulsory.royalty_rate", "compulsory.per_work_minimum", "optout.adoption", "enforcement.detection_probability",
      "market.substitution", "collective.admin_rate", "licensing.transaction_cost_per_work", "courts.damages_per_work", "output_protection.enabled", "sim.years", "seeds"])
      // One control per name; a radio group (named options) counts once.
      expect(await page.locator(`input[name="${name}"]`).evaluateAll((xs) => xs.filter((x, i) => (x as HTMLInputElement).type !== "radio" || xs.findIndex((y) => (y as HTMLInputElement).type === "radio") === i).length), name).toBe(1);
    expect(w.consoleErrors).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    expect(w.cspViolations).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await w.context.close();
  });

  it("moving the royalty-rate slider by keyboard changes the charts and the URL; reloading the URL restores the same numbers", async () => {
    const w = await open("?seeds=1..4");
    const { page } = w;
    const before = await creatorDesc(page);
    const slider = page.locator('input[name="compulsory.royalty_rate"]');
    await slider.focus();
    await page.keyboard.press("ArrowRight");
    await page.waitForURL(/compulsory\.royalty_rate=0\.035/);
    await waitForRun(page);
    expect(await slider.getAttribute("aria-valuetext")).toMatch(/^3\.5%/);
    const after = await creatorDesc(page);
    expect(after).not.toBe(before);
    const summary = await page.locator("#summary").textContent();
    expect(summary).toMatch(/3\.5% compulsory licence/);
    const table = await creatorTable(page);
    const url = page.url();
    expect(url).toMatch(/seeds=1\.\.4/);

    await page.goto(url);
    await waitForRun(page);
    expect(await slider.inputValue()).toBe("0.035");
    expect(await page.locator("#summary").textContent()).toBe(summary);
    expect(await creatorTable(page)).toBe(table);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });

  it("after a move of a parameter the initial populations read, draws what a fresh page draws (the worker's populations cache)", async () => {
    const ref = await open("?seeds=1..2&compulsory.royalty_rate=0.06");
    const atDefaultDraw = await creatorTable(ref.page);
    await ref.context.close();
    const w = await open("?seeds=1..2&compulsory.royalty_rate=0.065");
    const { page } = w;
    // The draw of each seed's creators reads the correlation; the royalty rate acts later, so the second
    // move reuses the populations the first drew (src/workers/sim.worker.ts, `populationsMatch`).
    await setSlider(page, "creators.quality_income_correlation", 0.1);
    await waitForRun(page);
    await setSlider(page, "compulsory.royalty_rate", 0.06);
    await waitForRun(page);
    await expect.poll(() => page.url()).toMatch(/compulsory\.royalty_rate=0\.06(&|$)/);
    const table = await creatorTable(page);
    expect(table).not.toBe(atDefaultDraw);
    await page.goto(page.url());
    await waitForRun(page);
    expect(await creatorTable(page)).toBe(table);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });

  it("reports bad query values naming the key, the value and the range, and still draws the charts", async () => {
    const w = await open("?optout.adoption=abc&compulsory.royalty_rate=5&compulsory.royalty_rat=0.1&seeds=3");
    const { page } = w;
    const notice = page.locator("#url-notice");
    await expect.poll(() => notice.isVisible()).toBe(true);
    expect(await notice.getAttribute("role")).toBe("alert");
    const text = (await notice.textContent()) ?? "";
    expect(text).toContain('optout.adoption: "abc" is not a number (allowed: 0 to 0.8)');
    expect(text).toContain('compulsory.royalty_rate: "5" is outside the allowed range 0 to 0.2');
    expect(text).toContain('unknown parameter "compulsory.royalty_rat"');
    expect(await page.locator('input[name="compulsory.royalty_rate"]').inputValue()).toBe("0.03");
    expect(await page.locator("#chart-creator svg[aria-label]").count()).toBeGreaterThan(0);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });

  it("downloads well-formed CSV, SVG and PNG files", async () => {
    const w = await open("?compulsory.royalty_rate=0.1&seeds=1..2");
    const { page } = w;
    const grab = async (selector: string) => {
      const [dl] = await Promise.all([page.waitForEvent("download"), page.locator(selector).first().click()]);
      const path = await dl.path();
      return { name: dl.suggestedFilename(), data: await readFile(path!) };
    };
    const summary = (await grab("#dl-summary")).data.toString("utf8").trimEnd().split("\n");
    expect(summary[0]).toBe("scenario,regime,year,metric,group,n,mean,q05,q25,q50,q75,q95");
    expect(summary.length).toBeGreaterThan(1);
    expect(summary.slice(1).every((l) => l.split(",").length === 12 && l.startsWith("custom,"))).toBe(true);

    const raw = (await grab("#dl-raw")).data.toString("utf8").trimEnd().split("\n");
    expect(raw[0]).toBe("scenario,regime,seed,year,metric,value,group");
    expect(raw.length - 1).toBe(5 * 2 * 11 * SERIES_KEYS.length);
    expect(raw.slice(1).every((l) => l.split(",").length === 7)).toBe(true);
    expect(raw[1]).toMatch(/^custom,fair-use,1,2025,creator_revenue,[\d.e+-]+,$/);

    const inputs = (await grab("#dl-inputs")).data.toString("utf8").trimEnd().split("\n");
    expect(inputs[0]).toBe("id,label,unit,value,default");
    expect(inputs.find((l) => l.startsWith("compulsory.royalty_rate,"))).toMatch(/,0\.1,0\.03$/);

    const svg = await grab('#chart-creator button[data-kind="svg"]');
    expect(svg.name).toMatch(/\.svg$/);
    const svgText = svg.data.toString("utf8");
    const parsed = await page.evaluate((t) => {
      const doc = new DOMParser().parseFromString(t, "image/svg+xml");
      const plotStyle = [...doc.querySelectorAll("svg svg > style")].map((s) => s.textContent ?? "");
      return { error: doc.querySelector("parsererror")?.textContent ?? null, root: doc.documentElement.nodeName, text: doc.documentElement.textContent, plotStyle };
    }, svgText);
    expect(parsed.error).toBeNull();
    // The page keeps one copy of Plot's stylesheet in its head and none in its charts (charts/plot-style.ts);
    // the exported chart carries that stylesheet itself.
    const styles = await page.evaluate(() => ({
      head: [...document.querySelectorAll("head style[data-plot-style]")].map((s) => s.textContent ?? ""),
      inCharts: document.querySelectorAll("main svg > style").length,
    }));
    expect(styles.head).toHaveLength(1);
    expect(styles.inCharts).toBe(0);
    expect(parsed.plotStyle).toEqual(styles.head);
    expect(styles.head[0]).toMatch(/^:where\(\.plot-[\w-]+\)/);
    expect(parsed.root).toBe("svg");
    expect(parsed.text).toContain("Creator revenue per year");
    expect(parsed.text).toContain(`v${MODEL_VERSION}`);
    expect(parsed.text).toContain("compulsory.royalty_rate=0.1");
    expect(parsed.text).toContain("seeds 1..2");

    const png = await grab('#chart-developer button[data-kind="png"]');
    expect(png.name).toMatch(/\.png$/);
    expect([...png.data.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(w.consoleErrors).toEqual([]);
    await w.context.close();
  });

  it("builds a chart's data table when it is opened, and keeps it open, with the new numbers, through a redraw", async () => {
    const w = await open("?seeds=2&regimes=fair-use,compulsory");
    const { page } = w;
    // Closed tables are not built: the charts are redrawn several times a second while a slider moves.
    expect(await page.locator("#chart-developer details.chart-data table").count()).toBe(0);
    const table = await openTable(page, "#chart-developer");
    expect(await table.locator("tbody tr").count()).toBe(2 * 11);
    const before = await table.evaluate((t) => t.textContent);
    await setSlider(page, "compulsory.royalty_rate", 0.12);
    await waitForRun(page);
    expect(await page.locator("#chart-developer details.chart-data").getAttribute("open")).not.toBeNull();
    const after = await page.locator("#chart-developer details.chart-data table").evaluate((t) => t.textContent);
    expect(after).not.toBe(before);
    expect(await page.locator("#chart-creator details.chart-data table").count()).toBe(0);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });

  it("has no axe-core violations", async () => {
    const w = await open("?seeds=2");
    await w.page.locator("#chart-creator details.chart-data summary").click();
    const result = await new AxeBuilder({ page: w.page }).analyze();
    const brief = result.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(" ")}`);
    expect(brief).toEqual([]);
    await w.context.close();
  });
});
