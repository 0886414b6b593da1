/**
 * The order of work after a slider move on the explorer (issue 14, the first redraw), in real Chromium
 * against the built site: nothing is redrawn before the new run's first seed is in; then the creator
 * chart is drawn alone, and the other charts and the other seeds' runs wait until it is painted; the
 * address bar is rewritten shortly after the move, not inside it. Background work (the four-line view's
 * corners, the comparison's pairs) starts no run before the first redraw, and never repeats a run the
 * charts make. The reader watches the charts (the controls column stays on screen beside them), so the
 * page is scrolled to the charts first (keeping the tornado's lazily loaded code away); charts far from the screen wait for the final data.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import type { Page } from "playwright-core";
import { launch, newPage, openRecordingTasks, takePostedTasks, waitForRun, type PostedTask } from "./harness";

const baseUrl = inject("baseUrl");
let browser: Browser;

beforeAll(async () => { browser = await launch(); });

/**
 * Scroll to the charts as a reader watching them would, with the tornado's place far enough above that its
 * code does not load (its live runs at the shown settings are another view's work, not these tests'), and
 * check that the creator chart is on screen.
 */
async function watchCharts(page: Page): Promise<void> {
  const creatorOnScreen = await page.evaluate(() => {
    const t = document.querySelector("[data-tornado-slot], [data-tornado]")!;
    window.scrollTo(0, t.getBoundingClientRect().bottom + window.scrollY + 300);
    const r = document.getElementById("chart-creator")!.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight;
  });
  expect(creatorOnScreen).toBe(true);
}
afterAll(async () => { await browser?.close(); });

interface Move {
  /** The creator chart's and the comparison chart's nodes are the same right after the input event. */
  sameRightAfter: boolean;
  /** The address bar right after the input event. */
  searchRightAfter: string;
  /** When the creator chart's description changed, whether the developer chart's had (it must not have yet). */
  developerChangedWithCreator: boolean;
  developerChangedLater: boolean;
  creatorAt: number;
  /** First change of the comparison chart after the input (ms since the input; -1: none before the run is done). */
  comparisonAt: number;
  /** The tasks posted after the input (`postedAt`: ms since the input). */
  posts: PostedTask[];
}

describe("explorer: after a slider move", () => {
  it("redraws nothing until the first seed is in, then the creator chart alone; the other charts, the other seeds and the URL follow", async () => {
    const w = await openRecordingTasks(browser, baseUrl, "?seeds=1..4");
    const { page } = w;
    await watchCharts(page);
    await page.waitForTimeout(300);
    const m: Move = await page.evaluate(async () => {
      const win = window as unknown as { __tasks: Move["posts"] };
      win.__tasks.length = 0;
      const input = document.querySelector<HTMLInputElement>('input[name="compulsory.royalty_rate"]')!;
      const status = document.getElementById("run-status")!;
      const desc = (id: string) => document.querySelector(`${id} .chart-desc`)?.textContent ?? "";
      const creatorBefore = desc("#chart-creator"), developerBefore = desc("#chart-developer");
      const creatorSvg = document.querySelector("#chart-creator svg");
      const cmp = document.querySelector('[data-cmp="chart"]')!;
      const cmpChild = cmp.firstChild;
      let comparisonAt = -1;
      const start = performance.now();
      new MutationObserver(() => { if (comparisonAt < 0) comparisonAt = performance.now() - start; }).observe(cmp, { childList: true });
      const creator = new Promise<{ at: number; developerChanged: boolean }>((ok) => {
        const mo = new MutationObserver(() => {
          if (desc("#chart-creator") === creatorBefore) return;
          mo.disconnect();
          ok({ at: performance.now() - start, developerChanged: desc("#chart-developer") !== developerBefore });
        });
        mo.observe(document.getElementById("chart-creator")!, { childList: true, subtree: true, characterData: true });
      });
      input.value = "0.035";
      input.dispatchEvent(new Event("input", { bubbles: true }));
      const sameRightAfter = document.querySelector("#chart-creator svg") === creatorSvg && cmp.firstChild === cmpChild;
      const searchRightAfter = location.search;
      const c = await creator;
      await new Promise<void>((ok) => {
        if (status.dataset.state === "done") return ok();
        const mo = new MutationObserver(() => { if (status.dataset.state === "done") { mo.disconnect(); ok(); } });
        mo.observe(status, { attributes: true, attributeFilter: ["data-state"] });
      });
      return {
        sameRightAfter, searchRightAfter, developerChangedWithCreator: c.developerChanged, developerChangedLater: desc("#chart-developer") !== developerBefore,
        creatorAt: c.at, comparisonAt, posts: win.__tasks.map((p) => ({ ...p, postedAt: p.postedAt - start })),
      };
    });
    // Right after the input: no chart redrawn from the old data (a first move away from the defaults
    // used to redraw every chart against the baseline it was showing), and the URL not yet rewritten.
    expect(m.sameRightAfter).toBe(true);
    expect(m.searchRightAfter).not.toContain("compulsory.royalty_rate=0.035");
    await page.waitForFunction(() => location.search.includes("compulsory.royalty_rate=0.035"), undefined, { timeout: 5_000 });
    // The creator chart first and alone; the developer chart after it, with the same run's data.
    expect(m.developerChangedWithCreator).toBe(false);
    expect(m.developerChangedLater).toBe(true);
    // The comparison chart is redrawn only from new data, so not before the creator chart.
    expect(m.comparisonAt).toBeGreaterThanOrEqual(m.creatorAt);
    // Seed 1 of the compulsory licence alone (the other regimes did not read the rate: reused); seeds 2–4
    // only once the creator chart had been drawn from it.
    const first = m.posts.filter((p) => p.seed === 1);
    const rest = m.posts.filter((p) => p.seed !== 1);
    expect(first.map((p) => p.regimes.join("+"))).toEqual(["compulsory"]);
    expect(rest.map((p) => p.seed).sort()).toEqual([2, 3, 4]);
    for (const p of rest) expect(p.postedAt).toBeGreaterThan(m.creatorAt);
    expect(w.pageErrors).toEqual([]);
    expect(w.consoleErrors).toEqual([]);
    await w.context.close();
  });

  it("starts no background run before the first redraw, and no run twice, with the four-line view and the comparison running", async () => {
    // An assumption and a policy lever away from their defaults: the four-line view runs its corners in
    // the background (the moved assumption at the default policy), and the comparison pairs the shown
    // settings (the charts' runs) with the defaults.
    const w = await openRecordingTasks(browser, baseUrl, "?seeds=1..4&market.substitution=0.3&compulsory.royalty_rate=0.1");
    const { page } = w;
    await page.waitForSelector("[data-compare-text][data-state=done]", { timeout: 60_000 });
    await page.waitForTimeout(300);
    await watchCharts(page);
    await page.waitForTimeout(300);
    await takePostedTasks(page);
    const m = await page.evaluate(async () => {
      const input = document.querySelector<HTMLInputElement>('input[name="market.substitution"]')!;
      const desc = () => document.querySelector("#chart-creator .chart-desc")?.textContent ?? "";
      const before = desc();
      const start = performance.now();
      const creator = new Promise<number>((ok) => {
        const mo = new MutationObserver(() => { if (desc() !== before) { mo.disconnect(); ok(performance.now() - start); } });
        mo.observe(document.getElementById("chart-creator")!, { childList: true, subtree: true, characterData: true });
      });
      input.value = "0.25";
      input.dispatchEvent(new Event("input", { bubbles: true }));
      const shown = JSON.stringify(Object.entries({ ...(window as unknown as { __tasks: { settings: Record<string, number> }[] }).__tasks[0]?.settings }).sort());
      return { creatorAt: await creator, start, shown };
    });
    await page.waitForSelector('#run-status[data-state="done"]');
    await page.waitForSelector("[data-compare-text][data-state=done]", { timeout: 60_000 });
    await page.waitForSelector("[data-four-line]:not([hidden])");
    await page.waitForTimeout(1500); // the four-line corners, in the background
    const posts = (await takePostedTasks(page)).map((p) => ({ ...p, postedAt: p.postedAt - m.start, set: JSON.stringify(Object.entries(p.settings).sort()) }));
    const shownPosts = posts.filter((p) => p.set === m.shown);
    // Every regime read the assumption: 4 seeds × 5 regimes rerun, and the corner with the new assumption
    // at the default rate reran the compulsory licence (the other regimes' runs of it are the shown ones).
    expect(shownPosts.length, JSON.stringify(shownPosts.map((p) => [p.regimes.join("+"), p.seed, Math.round(p.postedAt)]))).toBe(20);
    expect(posts.length).toBeGreaterThan(20);
    // Before the creator chart was redrawn, only runs of the shown settings.
    for (const p of posts) if (p.postedAt < m.creatorAt) expect(p.set, `a task posted ${p.postedAt.toFixed(0)} ms after the input`).toBe(m.shown);
    // No (regime, seed, settings) posted twice: the comparison's pairs of the shown settings are the charts' runs.
    const ids = posts.map((p) => `${p.regimes.join("+")}|${p.seed}|${p.set}`);
    expect(ids.length - new Set(ids).size).toBe(0);
    expect(w.pageErrors).toEqual([]);
    expect(w.consoleErrors).toEqual([]);
    await w.context.close();
  });
});

describe("explorer: charts far from the screen", () => {
  it("are redrawn only with the final data; one scrolled near the screen while seeds are running is drawn at once", async () => {
    // Many creators and seeds, so the seeds are still running when the page scrolls (about 2 s on a fast machine).
    const w = await newPage(browser, baseUrl);
    const { page } = w;
    await page.goto(`${baseUrl}/explorer/?seeds=1..20&sim.creators=40000`);
    await waitForRun(page, 180_000);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    // At the top of the page the charts are far below: a move redraws none of them until every seed is in.
    const far = await page.evaluate(async () => {
      const status = document.getElementById("run-status")!;
      const desc = (id: string) => document.querySelector(`${id} .chart-desc`)?.textContent ?? "";
      const before = { creator: desc("#chart-creator"), active: desc("[data-chart=active_developers]") };
      const changes: { id: string; status: string }[] = [];
      const watch = (id: string, key: "creator" | "active") => new MutationObserver(() => {
        if (desc(id) !== before[key] && !changes.some((c) => c.id === id)) changes.push({ id, status: status.textContent ?? "" });
      }).observe(document.querySelector(id)!, { childList: true, subtree: true, characterData: true });
      watch("#chart-creator", "creator");
      watch("[data-chart=active_developers]", "active");
      const input = document.querySelector<HTMLInputElement>('input[name="market.substitution"]')!;
      input.value = "0.3";
      input.dispatchEvent(new Event("input", { bubbles: true }));
      const seen: string[] = [];
      await new Promise<void>((ok) => {
        const mo = new MutationObserver(() => { seen.push(status.textContent ?? ""); if (status.dataset.state === "done") { mo.disconnect(); ok(); } });
        mo.observe(status, { attributes: true, childList: true, subtree: true, characterData: true });
      });
      return { changes, seen };
    });
    // The run reported seeds in progress, and the charts changed only once every seed was in.
    expect(far.seen.some((t) => /^Running: [1-9]\d* of 20 seeds done/.test(t)), far.seen.join(" | ")).toBe(true);
    expect(far.changes.map((c) => c.id).sort()).toEqual(["#chart-creator", "[data-chart=active_developers]"]);
    for (const c of far.changes) expect(c.status, c.id).not.toMatch(/^Running:/);
    // Scrolled to the creator chart while the seeds run: it is drawn with the latest data at once, before the end.
    const near = await page.evaluate(async () => {
      const status = document.getElementById("run-status")!;
      const desc = () => document.querySelector("#chart-creator .chart-desc")?.textContent ?? "";
      const before = desc();
      const input = document.querySelector<HTMLInputElement>('input[name="market.substitution"]')!;
      input.value = "0.2";
      input.dispatchEvent(new Event("input", { bubbles: true }));
      await new Promise<void>((ok) => {
        const mo = new MutationObserver(() => { if (/^Running: [1-9]/.test(status.textContent ?? "")) { mo.disconnect(); ok(); } });
        mo.observe(status, { childList: true, subtree: true, characterData: true });
      });
      document.getElementById("chart-creator")!.scrollIntoView({ block: "start" });
      await new Promise<void>((ok) => {
        const mo = new MutationObserver(() => { if (desc() !== before) { mo.disconnect(); ok(); } });
        mo.observe(document.getElementById("chart-creator")!, { childList: true, subtree: true, characterData: true });
      });
      return status.textContent ?? "";
    });
    expect(near).toMatch(/^Running: /);
    await waitForRun(page, 180_000);
    expect(w.pageErrors).toEqual([]);
    expect(w.consoleErrors).toEqual([]);
    await w.context.close();
  }, 300_000);
});
