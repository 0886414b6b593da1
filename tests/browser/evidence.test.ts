/**
 * Real-browser tests of /evidence/ on the built site: the verdict, the value and the command the page
 * shows for every reproduction equal those computed here by running the model again (never written in
 * the test), and a re-run in the browser's workers finds the same; the page is in the navigation, the home page's list and the search index, passes axe, links the first use of
 * each glossary term in its prose, and does not scroll sideways on a phone.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import AxeBuilder from "@axe-core/playwright";
import type { Browser } from "playwright-core";
import { launch, newPage } from "./harness";
import { loadChecks, loadRegistry } from "../../cli/files";
import { VERDICT_TEXT, formatStatistic, runReproductions } from "../../models/validation/reproductions";
import { TERMS } from "../../src/components/notebook/glossary";
import { firstUseProblem, type Prose } from "../helpers/content";

const computed = runReproductions(loadRegistry(), loadChecks().reproductions);
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe("/evidence/", () => {
  it("shows, for every reproduction, the verdict, test values and commands computed from the model", async () => {
    const w = await newPage(browser, inject("baseUrl"));
    await w.page.goto(new URL("/evidence/", inject("baseUrl")).href);
    const shown = await w.page.$$eval("section[data-reproduction]", (ss) => ss.map((s) => ({
      id: (s as HTMLElement).dataset.reproduction,
      verdict: (s as HTMLElement).dataset.verdict,
      tests: [...s.querySelectorAll("figure[data-test]")].map((f) => ({
        id: (f as HTMLElement).dataset.test, verdict: (f as HTMLElement).dataset.testVerdict, caption: f.querySelector("figcaption")!.textContent!,
      })),
      commands: [...s.querySelectorAll("pre[data-command]")].map((p) => p.textContent!.trim()),
    })));
    const summary = await w.page.$$eval("[data-evidence-summary] tbody tr", (trs) => trs.map((tr) => ({
      id: (tr as HTMLElement).dataset.reproduction, verdict: tr.querySelector<HTMLElement>("[data-verdict]")!.dataset.verdict,
    })));
    expect(shown.map((s) => s.id)).toEqual(computed.map((r) => r.id));
    expect(summary).toEqual(computed.map((r) => ({ id: r.id, verdict: r.verdict })));
    for (const r of computed) {
      const s = shown.find((x) => x.id === r.id)!;
      expect(s.verdict, r.id).toBe(r.verdict);
      expect(s.commands, r.id).toEqual(r.commands);
      for (const t of r.tests) {
        const f = s.tests.find((x) => x.id === t.id)!;
        expect(f.verdict, `${r.id} ${t.id}`).toBe(t.verdict);
        expect(f.caption, `${r.id} ${t.id}`).toContain(`model ${formatStatistic(t.value, t.format)}`);
        expect(f.caption, `${r.id} ${t.id}`).toContain(VERDICT_TEXT[t.verdict]);
      }
    }
    expect(w.pageErrors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await w.context.close();
  });

  it("re-runs a reproduction in the browser's workers and finds the build's verdict and values", async () => {
    const w = await newPage(browser, inject("baseUrl"));
    await w.page.goto(new URL("/evidence/", inject("baseUrl")).href);
    for (const id of ["brynjolfsson-2026", "zhu-2026"]) {
      const box = w.page.locator(`#${id} [data-ev-rerun]`);
      await box.locator("button").click();
      await w.page.waitForFunction((sel) => ["same", "different", "error"].includes(document.querySelector<HTMLElement>(sel)?.dataset.state ?? ""), `#${id} [data-ev-rerun]`, { timeout: 90_000 });
      expect(await box.getAttribute("data-state"), `${id}: ${await box.locator("[role=status]").innerText()}`).toBe("same");
      const built = computed.find((r) => r.id === id)!;
      expect(await box.locator("[role=status]").innerText()).toContain(VERDICT_TEXT[built.verdict].toLowerCase());
    }
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });

  it("is in the main navigation and the home page's list of pages", async () => {
    const w = await newPage(browser, inject("baseUrl"));
    await w.page.goto(new URL("/", inject("baseUrl")).href);
    expect(await w.page.locator("nav[aria-label=Main] a[href$='/evidence/']").count()).toBe(1);
    expect(await w.page.locator("main a[href$='/evidence/']").count()).toBeGreaterThan(0);
    await w.context.close();
  });

  it("is found by the site search (Pagefind indexes it)", async () => {
    const w = await newPage(browser, inject("baseUrl"));
    await w.page.goto(new URL("/search/", inject("baseUrl")).href);
    await w.page.fill("#q", "Brynjolfsson");
    await w.page.press("#q", "Enter");
    await w.page.waitForFunction(() => document.querySelectorAll("[data-search-results] li").length > 0, null, { timeout: 30_000 });
    const hrefs = await w.page.$$eval("[data-search-results] a", (as) => as.map((a) => a.getAttribute("href") ?? ""));
    expect(hrefs.some((h) => h.endsWith("/evidence/"))).toBe(true);
    await w.context.close();
  });

  it("passes axe at 1280 px and 375 px, and does not scroll sideways at 375 px", async () => {
    for (const width of [1280, 375]) {
      const w = await newPage(browser, inject("baseUrl"), { width, height: 800 });
      await w.page.goto(new URL("/evidence/", inject("baseUrl")).href);
      const r = await new AxeBuilder({ page: w.page }).withTags(["wcag2a", "wcag2aa"]).analyze();
      expect(r.violations.map((v) => `${v.id} ${v.nodes[0]?.target}`), `${width}px`).toEqual([]);
      if (width === 375) expect(await w.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await w.context.close();
    }
  });

  it("links the first use of each glossary term in its prose", async () => {
    const w = await newPage(browser, inject("baseUrl"));
    await w.page.goto(new URL("/evidence/", inject("baseUrl")).href);
    const prose = (await w.page.evaluate(`(() => {
      let text = ""; const links = [];
      for (const block of document.querySelectorAll("[data-prose]")) {
        (function visit(n) {
          if (n.nodeType === 3) { text += n.textContent; return; }
          if (n.tagName === "A") { const start = text.length; text += n.textContent; links.push({ start, end: text.length, url: n.getAttribute("href") }); return; }
          for (const c of n.childNodes) visit(c);
        })(block);
        text += " | ";
      }
      return { text, links };
    })()`)) as Prose;
    expect(prose.text.length).toBeGreaterThan(300);
    const problems = TERMS.flatMap((t) => {
      const why = t.match && firstUseProblem(prose, t.slug, t.match);
      return why ? [`${t.term}: ${why}`] : [];
    });
    expect(problems).toEqual([]);
    await w.context.close();
  });
});
