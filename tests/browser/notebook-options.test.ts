/**
 * Named options in notebook figures (issue 15 item 3): a figure's caption names the option in force of
 * every named-option parameter its regimes read, and follows the figure's own option control.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launch, newPage } from "./harness";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe("notebook figures name the options in force", () => {
  it("the output-protection figure's caption names the option, and changes with the radio group", async () => {
    const w = await newPage(browser, baseUrl);
    await w.page.goto(`${baseUrl}/questions/output-protection/`);
    const fig = w.page.locator("[data-nb-figure]").first();
    const options = fig.locator("[data-options]");
    expect(await options.textContent()).toMatch(/^Options in force: .*Output protection: On: mimicking outputs barred/);
    expect(await options.textContent()).toMatch(/Rate-setting standard: /);
    await fig.locator('input[name="output_protection.enabled"][value="0"]').check();
    await expect.poll(() => options.textContent()).toMatch(/Output protection: Off/);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });

  it("every live figure on the regime and question pages has an options line naming each option", async () => {
    const w = await newPage(browser, baseUrl);
    for (const path of ["/regimes/compulsory/", "/regimes/licensing/", "/questions/royalty-rate/"]) {
      await w.page.goto(`${baseUrl}${path}`);
      const texts = await w.page.locator("[data-nb-figure] [data-options], [data-nb-sweep] [data-options]").allTextContents();
      expect(texts.length, path).toBeGreaterThan(0);
      for (const t of texts) expect(t, path).toMatch(/^Options in force: [^:]+: [^;]+(; [^:]+: [^;]+)*\.$/);
    }
    await w.context.close();
  });
});
