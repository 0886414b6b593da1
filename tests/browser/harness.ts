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

/** A task the page posted to a simulation worker, as `recordPostedTasks` keeps it. */
export interface PostedTask { regimes: string[]; seed: number; settings: Record<string, number>; keys?: string[]; postedAt: number }

/**
 * Init script: keep every task the page posts to a worker (warm-ups aside) in `window.__tasks`, as a
 * copy with the time it was posted (`performance.now()`); `takePostedTasks` reads them.
 */
export function recordPostedTasks(): void {
  const log: unknown[] = [];
  (window as unknown as { __tasks: unknown[] }).__tasks = log;
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (this: Worker, msg: unknown, ...rest: unknown[]) {
    const m = msg as { taskId?: number; warm?: boolean };
    if (m && typeof m.taskId === "number" && !m.warm) log.push({ ...JSON.parse(JSON.stringify(msg)), postedAt: performance.now() });
    return (post as (...a: unknown[]) => void).call(this, msg, ...rest);
  } as typeof Worker.prototype.postMessage;
}

/** The tasks recorded since the last call (`recordPostedTasks`), and forget them. */
export async function takePostedTasks(page: Page): Promise<PostedTask[]> {
  return page.evaluate(() => (window as unknown as { __tasks: PostedTask[] }).__tasks.splice(0));
}

/** A new page recording the tasks it posts (`recordPostedTasks`), on the explorer with `query`, once its first run is done. */
export async function openRecordingTasks(browser: Browser, baseUrl: string, query: string): Promise<Watched> {
  const w = await newPage(browser, baseUrl);
  await w.page.addInitScript(recordPostedTasks);
  await w.page.goto(`${baseUrl}/explorer/${query}`);
  await waitForRun(w.page);
  return w;
}

/** Wait until the explorer reports that every seed is done. */
export async function waitForRun(page: Page, timeout = 90_000): Promise<void> {
  await page.waitForSelector('#run-status[data-state="done"]', { timeout });
}
