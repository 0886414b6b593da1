/**
 * Shared browser-test harness: Debian Chromium through playwright-core with a fresh profile and no
 * background networking, and pages that record console errors, page errors, CSP violations (the
 * `securitypolicyviolation` event and console messages about the Content Security Policy), dialogs
 * (dismissed; hostile input must never open one) and any request to another origin (the site must make none).
 */
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS, headless: true });
}

export interface Watched {
  page: Page;
  context: BrowserContext;
  consoleErrors: string[];
  pageErrors: string[];
  cspViolations: string[];
  foreignRequests: string[];
  dialogs: string[];
}

/** A new context and page on `baseUrl`'s origin that records problems (see module comment). */
export async function newPage(browser: Browser, baseUrl: string, viewport = { width: 1280, height: 900 }): Promise<Watched> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const origin = new URL(baseUrl).origin;
  const w: Watched = { page, context, consoleErrors: [], pageErrors: [], cspViolations: [], foreignRequests: [], dialogs: [] };
  page.on("console", (m) => {
    if (m.type() === "error") w.consoleErrors.push(m.text());
    if (/Content[- ]Security[- ]Policy/i.test(m.text())) w.cspViolations.push(`console: ${m.text()}`);
  });
  page.on("dialog", (d) => { w.dialogs.push(`${d.type()}: ${d.message()}`); void d.dismiss().catch(() => {}); });
  page.on("pageerror", (e) => w.pageErrors.push(String(e)));
  page.on("request", (r) => {
    const u = r.url();
    if (/^(data|blob|about):/.test(u)) return;
    if (new URL(u).origin !== origin) w.foreignRequests.push(u);
  });
  await page.exposeFunction("__reportCsp", (s: string) => w.cspViolations.push(s));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __reportCsp: (s: string) => void }).__reportCsp(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
    });
  });
  return w;
}

/** Set the explorer's input `name` to `value` and send the `input` event a drag or a typed value sends. */
export async function setSlider(page: Page, name: string, value: number): Promise<void> {
  await page.evaluate(([n, v]) => {
    const input = document.querySelector<HTMLInputElement>(`input[name="${n}"]`)!;
    input.value = String(v);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }, [name, value] as const);
}

/** Wait until the explorer reports that every seed is done. */
export async function waitForRun(page: Page, timeout = 90_000): Promise<void> {
  await page.waitForSelector('#run-status[data-state="done"]', { timeout });
}
