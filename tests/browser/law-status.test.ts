/**
 * Real-browser tests of the law-status page, the law date under every content page's title, the
 * glossary and the training/retrieval/output explainer, on the built site (dist/ served by the global setup).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Browser } from "playwright-core";
import { launch, newPage } from "./harness";
import { POSTURES, formatLawDate, parseLawStatus } from "../../src/lib/law-status";
import { TERMS } from "../../src/components/notebook/glossary";
import { firstUseProblem, type Prose } from "../helpers/content";

const ROOT = resolve(import.meta.dirname, "../..");
const law = parseLawStatus(readFileSync(resolve(ROOT, "data/law-status.yaml"), "utf8"));
const CONTENT = [
  "/questions/piracy/", "/questions/output-protection/", "/questions/royalty-rate/",
  "/regimes/fair-use/", "/regimes/japan-30-4/", "/regimes/eu-opt-out/", "/regimes/licensing/", "/regimes/compulsory/",
  "/topics/training-retrieval-output/",
];

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe("/law-status/", () => {
  it("has one row per authority in data/law-status.yaml, with its date, posture, binding force, next event and a link", async () => {
    const w = await newPage(browser, inject("baseUrl"));
    await w.page.goto(new URL("/law-status/", inject("baseUrl")).href);
    const rows = await w.page.$$eval("[data-law-status] tbody tr", (trs) => trs.map((tr) => ({
      id: (tr as HTMLElement).dataset.authority,
      cells: [...tr.children].map((c) => (c as HTMLElement).innerText.trim()),
      links: [...tr.querySelectorAll("a[href^='http']")].map((a) => (a as HTMLAnchorElement).href),
    })));
    expect(rows.map((r) => r.id).sort()).toEqual(law.authorities.map((a) => a.id).sort());
    for (const a of law.authorities) {
      const r = rows.find((x) => x.id === a.id)!;
      expect(r.cells[3], a.id).toBe(formatLawDate(a.date));
      expect(r.cells[4], a.id).toBe(POSTURES[a.posture]);
      expect(r.cells[6], a.id).toBe(a.next);
      expect(r.links.length, a.id).toBeGreaterThan(0);
      if (a.primary) expect(r.links, a.id).toContain(a.primary.url);
    }
    expect(await w.page.locator("h1").innerText()).toBe(`The law, as of ${formatLawDate(law.as_of)}`);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });
});

describe("content pages", () => {
  it("show the law date as a line under the title, linked to /law-status/; their glossary and law-status links resolve", async () => {
    const base = inject("baseUrl");
    const wanted = new Set<string>();
    for (const p of CONTENT) {
      const w = await newPage(browser, base);
      const res = await w.page.goto(new URL(p, base).href);
      expect(res?.status(), p).toBe(200);
      const line = await w.page.$eval("h1 + .nb-law-as-of", (el) => ({
        text: (el as HTMLElement).innerText, time: el.querySelector("time")?.getAttribute("datetime"),
        href: el.querySelector("a")?.getAttribute("href"),
      }));
      expect(line.text, p).toContain(`Law as of ${formatLawDate(law.as_of)}`);
      expect(line.time, p).toBe(law.as_of);
      expect(line.href, p).toBe("/law-status/");
      // Every glossary and law-status link lands on an element that exists (checked below, once per target page).
      for (const href of await w.page.$$eval("article a[href^='/glossary/#'], article a[href^='/law-status/#']", (as) => as.map((a) => a.getAttribute("href")!))) wanted.add(`${p} ${href}`);
      await w.context.close();
    }
    const ids = new Map<string, Set<string>>();
    for (const path of ["/glossary/", "/law-status/"]) {
      const t = await newPage(browser, base);
      await t.page.goto(new URL(path, base).href);
      ids.set(path, new Set(await t.page.$$eval("[id]", (els) => els.map((e) => e.id))));
      await t.context.close();
    }
    const missing = [...wanted].filter((x) => { const [, href] = x.split(" "); const [path, hash] = href.split("#"); return !ids.get(path)!.has(hash); });
    expect(wanted.size).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });

  it("the explainer shows the matrix by jurisdiction and use, and Question 2 links it", async () => {
    const base = inject("baseUrl");
    const w = await newPage(browser, base);
    await w.page.goto(new URL("/topics/training-retrieval-output/", base).href);
    const table = await w.page.$$eval("article table", (ts) => ts.map((t) => ({
      head: [...t.querySelectorAll("thead th")].map((th) => (th as HTMLElement).innerText.trim()),
      rows: [...t.querySelectorAll("tbody tr")].map((tr) => (tr.querySelector("td") as HTMLElement).innerText.trim()),
    })));
    expect(table[0].head).toEqual(["", "Training copies", "Retrieval and display", "Outputs that reproduce or imitate"]);
    expect(table[0].rows).toEqual(["United States", "European Union", "United Kingdom", "Japan", "India"]);
    await w.page.goto(new URL("/questions/output-protection/", base).href);
    expect(await w.page.locator("article a[href='/topics/training-retrieval-output/']").count()).toBeGreaterThan(0);
    await w.context.close();
  });

  it("the glossary lists at least 45 terms", async () => {
    const w = await newPage(browser, inject("baseUrl"));
    await w.page.goto(new URL("/glossary/", inject("baseUrl")).href);
    expect(await w.page.locator("dl.nb-glossary dt[id^='term-']").count()).toBeGreaterThanOrEqual(45);
    await w.context.close();
  });

  it("the hand-written prose of the home and methods pages links the first use of each glossary term", async () => {
    const base = inject("baseUrl");
    const problems: string[] = [];
    for (const path of ["/", "/methods/"]) {
      const w = await newPage(browser, base);
      await w.page.goto(new URL(path, base).href);
      // The prose ([data-prose] blocks, in page order) as text, with the spans that are links.
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
      expect(prose.text.length, path).toBeGreaterThan(500);
      for (const t of TERMS) {
        const why = t.match && firstUseProblem(prose, t.slug, t.match);
        if (why) problems.push(`${path}: ${t.term}: ${why}`);
      }
      await w.context.close();
    }
    expect(problems).toEqual([]);
  });
});
