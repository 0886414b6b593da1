/**
 * Content-Security-Policy and third-party checks on the built site (dist/ from the global setup).
 *
 * Static: every page carries the policy in a <meta http-equiv> with the directives the site relies on;
 * every inline <script>/<style> is covered by a hash in it; no inline event handlers; nothing is loaded
 * from another origin (http(s) URLs appear only as documentation links in <a href>).
 * Live: every page is loaded in Chromium — the explorer after its charts render, notebook pages after
 * their figures render, /search/ after a query — and any CSP violation (event or console message),
 * request to another origin, uncaught error or dialog fails the test. Chart styling from Observable
 * Plot's own <style> (allowed by its hash) is checked to be in effect.
 */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launch, newPage, waitForRun } from "./harness";

const DIST = resolve(import.meta.dirname, "../../dist");
const baseUrl = inject("baseUrl");

function files(dir: string, ext: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) files(p, ext, out);
    else if (name.endsWith(ext)) out.push(p);
  }
  return out;
}
const htmlPages = () => files(DIST, ".html").filter((p) => p.endsWith("index.html") && !p.includes(`${DIST}/pagefind/`));
const sitePath = (file: string) => file.slice(DIST.length).replace(/index\.html$/, "").replaceAll("\\", "/");
const NOTEBOOK = (p: string) => /^\/(questions|regimes)\/[^/]+\/$/.test(p);

function csp(html: string): Map<string, string[]> {
  const m = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html);
  const out = new Map<string, string[]>();
  if (!m) return out;
  for (const d of m[1].split(";").map((s) => s.trim()).filter(Boolean)) {
    const [name, ...values] = d.split(/\s+/);
    out.set(name, values);
  }
  return out;
}
const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe("Content-Security-Policy in the built pages", () => {
  it("every page has the policy with the required directives", () => {
    const pages = htmlPages();
    expect(pages.length).toBeGreaterThan(5);
    for (const file of pages) {
      const p = csp(readFileSync(file, "utf8"));
      const where = sitePath(file);
      expect(p.get("default-src"), where).toEqual(["'self'"]);
      expect(p.get("object-src"), where).toEqual(["'none'"]);
      expect(p.get("base-uri"), where).toEqual(["'self'"]);
      expect(p.get("form-action"), where).toEqual(["'none'"]);
      expect(p.get("worker-src"), where).toEqual(["'self'"]);
      expect(p.get("connect-src"), where).toEqual(["'self'"]);
      expect(p.get("img-src"), where).toEqual(["'self'", "data:", "blob:"]);
      const script = p.get("script-src") ?? [];
      expect(script.slice(0, 2), where).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      expect(script.filter((s) => !/^'sha256-[A-Za-z0-9+/=]+'$/.test(s)).sort(), where).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      const style = p.get("style-src") ?? [];
      expect(style.filter((s) => !/^'sha256-[A-Za-z0-9+/=]+'$/.test(s)), where).toEqual(["'self'"]);
    }
  });

  it("every inline script and style is covered by a hash, and no element has an inline event handler", () => {
    const missing: string[] = [];
    for (const file of htmlPages()) {
      const html = readFileSync(file, "utf8");
      const p = csp(html);
      for (const [, attrs, body] of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
        if (/\ssrc=/.test(attrs ?? "")) continue;
        if (/type="application\/(ld\+)?json"/.test(attrs ?? "")) continue;
        if (!(p.get("script-src") ?? []).includes(sha256(body))) missing.push(`${sitePath(file)}: inline script ${body.slice(0, 60)}`);
      }
      for (const [, body] of html.matchAll(/<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/gi))
        if (!(p.get("style-src") ?? []).includes(sha256(body))) missing.push(`${sitePath(file)}: inline style ${body.slice(0, 60)}`);
      for (const [tag] of html.matchAll(/<[a-z][^>]*\son[a-z]+\s*=[^>]*>/gi)) missing.push(`${sitePath(file)}: event handler in ${tag.slice(0, 80)}`);
      for (const [tag] of html.matchAll(/<[a-z][^>]*\sstyle\s*=[^>]*>/gi)) missing.push(`${sitePath(file)}: style attribute in ${tag.slice(0, 80)}`);
    }
    expect(missing).toEqual([]);
  });

  it("loads nothing from another origin: http(s) URLs only as links in <a href>", () => {
    const bad: string[] = [];
    for (const file of htmlPages()) {
      const html = readFileSync(file, "utf8");
      for (const m of html.matchAll(/<([a-z][a-z0-9-]*)\b[^>]*?\s(src|href|srcset|poster|data|action|formaction|content)\s*=\s*"(?:[^"]*\s)?(https?:\/\/[^"\s]*)/gi)) {
        const [, tag, attr, url] = m;
        if (tag.toLowerCase() === "a" && attr.toLowerCase() === "href") continue;
        // The canonical site address in <meta content> is text, not a resource.
        if (tag.toLowerCase() === "meta") continue;
        bad.push(`${sitePath(file)}: <${tag} ${attr}="${url}">`);
      }
      if (/@import\s|url\(\s*['"]?https?:/i.test(html)) bad.push(`${sitePath(file)}: CSS import or url() in the page`);
    }
    for (const file of files(join(DIST, "_astro"), ".css"))
      if (/url\(\s*['"]?(https?:)?\/\//i.test(readFileSync(file, "utf8"))) bad.push(`${file.slice(DIST.length)}: remote url() in CSS`);
    expect(bad).toEqual([]);
  });
});

async function waitFigures(page: Page) {
  await page.waitForFunction(() => [...document.querySelectorAll("[data-nb-figure],[data-nb-sweep]")]
    .every((f) => ["done", "error"].includes((f as HTMLElement).dataset.state ?? "")), null, { timeout: 120_000 });
}

/** Plot's hashed <style> is in effect: its custom property reaches each chart's svg. */
async function plotStyled(page: Page, root: string): Promise<{ charts: number; styled: number }> {
  return page.$$eval(`${root} svg[class^="plot-"]`, (svgs) => ({
    charts: svgs.length,
    styled: svgs.filter((s) => getComputedStyle(s).getPropertyValue("--plot-background").trim() === "white" && getComputedStyle(s).display === "block").length,
  }));
}

describe("every built page in Chromium", () => {
  it("fires no CSP violation, requests nothing from another origin and throws no error", async () => {
    const problems: string[] = [];
    let notebooks = 0;
    for (const file of htmlPages()) {
      const path = sitePath(file);
      const w = await newPage(browser, baseUrl);
      const { page } = w;
      if (path === "/explorer/") {
        await page.goto(`${baseUrl}/explorer/?seeds=3`);
        await waitForRun(page);
        const s = await plotStyled(page, ".results");
        expect(s.charts, path).toBeGreaterThanOrEqual(7);
        expect(s.styled, `${path}: charts styled by Plot's hashed <style>`).toBe(s.charts);
        // PNG export draws the SVG through a blob: image onto a canvas (img-src blob:).
        const [dl] = await Promise.all([page.waitForEvent("download"), page.locator('#chart-creator button[data-kind="png"]').click()]);
        expect(dl.suggestedFilename()).toMatch(/\.png$/);
      } else {
        await page.goto(new URL(path, baseUrl).href);
        await page.waitForLoadState("load");
        if (NOTEBOOK(path)) {
          notebooks++;
          await waitFigures(page);
          const s = await plotStyled(page, "main");
          expect(s.charts, path).toBeGreaterThan(0);
          expect(s.styled, path).toBe(s.charts);
        }
        if (path === "/search/") {
          await page.fill("#q", "royalty");
          await page.press("#q", "Enter");
          await page.waitForFunction(() => document.querySelectorAll("[data-search-results] li").length > 0, null, { timeout: 30_000 });
        }
      }
      for (const v of w.cspViolations) problems.push(`${path}: CSP ${v}`);
      for (const r of w.foreignRequests) problems.push(`${path}: request to ${r}`);
      for (const e of w.pageErrors) problems.push(`${path}: error ${e}`);
      for (const d of w.dialogs) problems.push(`${path}: dialog ${d}`);
      await w.context.close();
    }
    expect(notebooks).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});
