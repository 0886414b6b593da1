/**
 * Print (issue 15 item 6): the explorer and a question page rendered to PDF by Chromium (A4 and US
 * Letter) with the print stylesheet: controls hidden, and the PDF's text holds the settings and the
 * citation.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import type { Browser, Page } from "playwright-core";
import { MODEL_VERSION } from "../../models/index";
import { launch, newPage, waitForRun } from "./harness";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

async function pdfText(page: Page, format: "A4" | "Letter"): Promise<{ text: string; pages: number }> {
  const bytes = await page.pdf({ format, printBackground: false });
  const doc = await getDocumentProxy(new Uint8Array(bytes));
  const { text, totalPages } = await extractText(doc, { mergePages: true });
  return { text: text.replace(/\s+/g, " "), pages: totalPages };
}

describe("print", () => {
  it("the explorer prints without controls, with the changed settings and the citation (A4 and Letter)", async () => {
    const w = await newPage(browser, baseUrl);
    const { page } = w;
    await page.goto(`${baseUrl}/explorer/?compulsory.royalty_rate=0.12&seeds=1..3`);
    await waitForRun(page);
    await page.waitForFunction(() => (document.getElementById("cite-apa")?.textContent ?? "").length > 0 || document.querySelector(".citation")?.textContent);
    await page.emulateMedia({ media: "print" });
    for (const sel of ["form.controls", "[data-regime-chooser]", ".print-button", ".chart-tools"])
      expect(await page.locator(sel).first().evaluate((e) => getComputedStyle(e).display)).toBe("none");
    const widest = await page.evaluate(() => Math.max(...[...document.querySelectorAll("main svg")].map((s) => s.getBoundingClientRect().right)));
    for (const format of ["A4", "Letter"] as const) {
      const { text } = await pdfText(page, format);
      expect(text).toMatch(/Statutory royalty rate/);
      expect(text).toMatch(/12%/);
      expect(text).toMatch(new RegExp(`Model version ${MODEL_VERSION.replaceAll(".", "\\.")}`));
      expect(text).toMatch(/Computer software/);
      expect(text).toMatch(/seeds 1\.\.3/);
      expect(text).not.toMatch(/Reset all to defaults/);
    }
    expect(widest).toBeGreaterThan(0);
    await w.context.close();
  });

  it("a question page prints with its citation and without the print button", async () => {
    const w = await newPage(browser, baseUrl);
    const { page } = w;
    const res = await fetch(new URL("/questions/", baseUrl));
    const first = (await res.text()).match(/href="(\/questions\/[^"/]+\/)"/)?.[1];
    expect(first).toBeTruthy();
    await page.goto(new URL(first!, baseUrl).href);
    await page.emulateMedia({ media: "print" });
    const { text } = await pdfText(page, "A4");
    expect(text).toMatch(/Cite this page/);
    expect(text).toMatch(new RegExp(`model version ${MODEL_VERSION.replaceAll(".", "\\.")}`));
    expect(text).not.toMatch(/Print this view/);
    await w.context.close();
  });
});
