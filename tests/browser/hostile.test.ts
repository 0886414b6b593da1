/**
 * Hostile input in the explorer, in real Chromium: script-like, huge, negative, non-numeric, empty and
 * duplicated query values, and malformed uploaded scenario files. Each problem is listed (with the same
 * message the model's validateSettings / resolveScenarioText give the CLI), the charts still render with
 * valid settings, no dialog opens, no element from the input is created, and text stays text.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { loadRegistry } from "../../cli/files";
import { MODEL_VERSION, defaultSettings, resolveScenarioText, validateSettings } from "../../models/index";
import { launch, newPage, waitForRun, type Watched } from "./harness";

const baseUrl = inject("baseUrl");
const registry = loadRegistry();
const defaults = defaultSettings(registry);
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const FAST = "sim.creators=2000&seeds=2";

function clean(w: Watched) {
  expect(w.dialogs, "dialogs").toEqual([]);
  expect(w.pageErrors, "page errors").toEqual([]);
  expect(w.cspViolations, "CSP violations").toEqual([]);
  expect(w.foreignRequests, "foreign requests").toEqual([]);
}

/** Nothing the input could have injected: no <img src=x>, no <script> from the query, no handler attributes. */
async function noInjectedElements(page: Page) {
  const found = await page.evaluate(() => ({
    imgs: document.querySelectorAll('img[src="x"], img[src*="x"]').length,
    handlers: [...document.querySelectorAll("*")].filter((e) => [...e.attributes].some((a) => a.name.startsWith("on"))).length,
    scripts: [...document.scripts].filter((s) => s.textContent?.includes("alert")).length,
    pwned: (window as unknown as { pwned?: boolean }).pwned === true,
  }));
  expect(found).toEqual({ imgs: 0, handlers: 0, scripts: 0, pwned: false });
}

const chartsDrawn = (page: Page) => page.evaluate(() => ({
  creator: document.querySelectorAll("#chart-creator svg[aria-label]").length > 0,
  developer: document.querySelectorAll("#chart-developer svg[aria-label]").length > 0,
  outcomes: document.querySelectorAll("#chart-outcomes figure.chart").length,
}));

describe("hostile query values", () => {
  it("lists every bad value, uses defaults for those keys, draws the charts and injects nothing", async () => {
    const huge = "1".repeat(100_000);
    const entries: [string, string][] = [
      ["compulsory.royalty_rate", "<script>alert(1)</script>"],
      ['"><img src=x onerror=alert(1)>', "1"],
      ["courts.damages_per_work", "1e309"],
      ["collective.admin_rate", huge],
      ["market.substitution", "-5"],
      ["optout.adoption", "0.1"],
      ["optout.adoption", "0.2"],
      ["enforcement.detection_probability", "abc"],
      ["licensing.transaction_cost_per_work", ""],
    ];
    const q = entries.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
    const w = await newPage(browser, baseUrl);
    const { page } = w;
    await page.goto(`${baseUrl}/explorer/?${q}&${FAST}`);
    await waitForRun(page);
    const notice = page.locator("#url-notice");
    expect(await notice.isVisible()).toBe(true);
    const items = await notice.locator("li").allTextContents();
    // The model's own messages (what `simulate --set` reports, minus its "--set " prefix).
    const expected = validateSettings(registry, entries).problems;
    expect(expected.length).toBe(8);
    for (const m of expected) expect(items, m).toContain(m);
    expect(items.join("\n")).toContain("compulsory.royalty_rate: \"<script>alert(1)</script>\" is not a number (allowed: 0 to 0.2)");
    expect(items.join("\n")).toContain("optout.adoption: given more than once");
    for (const item of items) expect(item.length).toBeLessThan(300);
    // Defaults for every bad key.
    for (const id of ["compulsory.royalty_rate", "courts.damages_per_work", "collective.admin_rate", "market.substitution", "optout.adoption", "enforcement.detection_probability"])
      expect(Number(await page.locator(`input[name="${id}"]`).inputValue()), id).toBe(defaults[id]);
    expect(await chartsDrawn(page)).toEqual({ creator: true, developer: true, outcomes: 5 });
    // The permalink keeps only valid settings.
    expect(page.url()).toBe(`${baseUrl}/explorer/?sim.creators=2000&seeds=1..2&v=${MODEL_VERSION}`);
    await noInjectedElements(page);
    clean(w);
    await page.screenshot({ path: "/tmp/explorer-hostile-query.png" });
    await w.context.close();
  });

  it("reports an unknown scenario and a bad version, and still runs", async () => {
    const w = await newPage(browser, baseUrl);
    const { page } = w;
    await page.goto(`${baseUrl}/explorer/?scenario=${encodeURIComponent("<img src=x onerror=alert(1)>")}&v=${encodeURIComponent("<b>1</b>")}&${FAST}`);
    await waitForRun(page);
    const items = await page.locator("#url-notice li").allTextContents();
    expect(items).toContain(`v: "<b>1</b>" is not a model version (allowed: major.minor.patch, such as ${MODEL_VERSION})`);
    expect(items).toContain('scenario: unknown scenario "<img src=x onerror=alert(1)>"');
    expect(await page.locator("#scenario-info").isHidden()).toBe(true);
    expect(page.url()).not.toContain("scenario=");
    await noInjectedElements(page);
    clean(w);
    await w.context.close();
  });
});

async function uploadScenario(page: Page, name: string, text: string) {
  await page.locator("#scenario-file").setInputFiles({ name, mimeType: "application/yaml", buffer: Buffer.from(text) });
  await page.waitForSelector('#scenario-status[data-state="done"]');
  await waitForRun(page);
}

describe("hostile uploaded scenario files", () => {
  it("reports YAML that cannot be parsed and keeps the current settings", async () => {
    const w = await newPage(browser, baseUrl);
    const { page } = w;
    await page.goto(`${baseUrl}/explorer/?compulsory.royalty_rate=0.1&${FAST}`);
    await waitForRun(page);
    await uploadScenario(page, "broken.yaml", "title: [unclosed\n  - : : <script>alert(1)</script>");
    const items = await page.locator("#url-notice li").allTextContents();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatch(/^uploaded file "broken\.yaml": cannot be parsed/);
    expect(await page.locator('input[name="compulsory.royalty_rate"]').inputValue()).toBe("0.1");
    expect(await chartsDrawn(page)).toEqual({ creator: true, developer: true, outcomes: 5 });
    await page.screenshot({ path: "/tmp/explorer-upload-broken.png" });
    await noInjectedElements(page);
    clean(w);
    await w.context.close();
  });

  it("applies the valid parts of a file with a script-like title and out-of-range overrides; the title is literal text", async () => {
    const title = '<img src=x onerror="window.pwned=true;alert(1)">';
    const text = [
      `title: '${title}'`,
      "description: \"<script>window.pwned = true</script> A scenario with bad values.\"",
      "regimes: [compulsory, fair-use, nope]",
      "overrides:",
      "  compulsory.royalty_rate: 9",
      "  optout.adoption: 0.3",
      "  sim.creators: 2000",
      "  market.substitution: -1",
      "  not.a_param: 1",
      "seeds: \"1..2\"",
    ].join("\n");
    const w = await newPage(browser, baseUrl);
    const { page } = w;
    await page.goto(`${baseUrl}/explorer/?${FAST}`);
    await waitForRun(page);
    await uploadScenario(page, "hostile.yaml", text);
    const items = await page.locator("#url-notice li").allTextContents();
    const expected = resolveScenarioText(registry, "hostile", text, 'uploaded file "hostile.yaml"');
    expect(expected.ok).toBe(false);
    expect(items).toEqual(!expected.ok && expected.problems);
    expect(items.join("\n")).toContain("compulsory.royalty_rate: 9 is outside the allowed range 0 to 0.2");
    expect(items.join("\n")).toContain('unknown regime "nope"');
    expect(await page.locator("#scenario-title").textContent()).toBe(title);
    expect(await page.locator("#scenario-title").evaluate((e) => e.children.length)).toBe(0);
    expect(await page.locator("#scenario-description").textContent()).toBe("<script>window.pwned = true</script> A scenario with bad values.");
    expect(await page.locator('input[name="optout.adoption"]').inputValue()).toBe("0.3");
    expect(Number(await page.locator('input[name="compulsory.royalty_rate"]').inputValue())).toBe(defaults["compulsory.royalty_rate"]);
    expect(Number(await page.locator('input[name="market.substitution"]').inputValue())).toBe(defaults["market.substitution"]);
    expect(page.url()).toContain("regimes=compulsory,fair-use");
    expect(page.url()).toContain("seeds=1..2");
    expect(await chartsDrawn(page)).toEqual({ creator: true, developer: true, outcomes: 5 });
    await page.screenshot({ path: "/tmp/explorer-upload-hostile.png", fullPage: false });
    await noInjectedElements(page);
    clean(w);
    await w.context.close();
  });
});
