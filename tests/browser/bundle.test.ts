/**
 * Real-browser test of the explorer's comment-ready bundle: the zip downloads, holds every file, its
 * SHA256SUMS matches data.csv, and running its command rebuilds data.csv byte for byte.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createHash } from "node:crypto";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launch, newPage, waitForRun } from "./harness";

const ROOT = resolve(import.meta.dirname, "../..");
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe("explorer bundle", () => {
  it("downloads a zip whose command rebuilds its data", async () => {
    const w = await newPage(browser, inject("baseUrl"));
    await w.page.goto(`${inject("baseUrl")}/explorer/?regimes=compulsory&seeds=1..2&sim.creators=1000&sim.years=4&compulsory.royalty_rate=0.1`);
    await waitForRun(w.page);
    const [dl] = await Promise.all([w.page.waitForEvent("download"), w.page.locator("[data-bundle]").click()]);
    const files = unzipSync(new Uint8Array(await readFile((await dl.path())!)));
    const names = Object.keys(files).map((k) => k.replace(/^[^/]+\//, "")).sort();
    expect(names).toEqual(["README.txt", "SHA256SUMS", "VERSION", "citation.bib", "citation.txt", "command.txt", "data.csv", "figure.png", "figure.svg", "scenario.yaml", "summary.html"]);
    const text = (n: string) => strFromU8(files[Object.keys(files).find((k) => k.endsWith(`/${n}`))!]);
    const sha = text("SHA256SUMS").split(/\s+/)[0];
    expect(createHash("sha256").update(text("data.csv")).digest("hex")).toBe(sha);
    expect(text("figure.svg")).toMatch(/^<svg|^<\?xml/);
    const dir = mkdtempSync(join(tmpdir(), "bundle-browser-"));
    writeFileSync(join(dir, "scenario.yaml"), text("scenario.yaml"));
    const args = text("command.txt").trim().split(" ").slice(4).map((a) => (a.endsWith(".yaml") || a.endsWith(".csv") ? join(dir, a) : a));
    const r = spawnSync("npx", ["tsx", "cli/simulate.ts", ...args, "--quiet"], { cwd: ROOT, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(readFileSync(join(dir, "data.csv"), "utf8")).toBe(text("data.csv"));
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  }, 120_000);
});

describe("explorer plain-language comparison", () => {
  it("says how a changed rate moves creators' AI income and developer cost, with the year and 90% bands", async () => {
    const w = await newPage(browser, inject("baseUrl"));
    await w.page.goto(`${inject("baseUrl")}/explorer/?regimes=compulsory&seeds=1..2&sim.years=4&compulsory.royalty_rate=0.15`);
    await waitForRun(w.page);
    await w.page.waitForSelector('[data-compare-text][data-state="done"]', { timeout: 60_000 });
    const text = await w.page.locator("[data-compare-text]").innerText();
    expect(text).toMatch(/^Compared with the defaults, raising statutory royalty rate from 3% to 15% (raises|lowers) Creator AI income under .* in 2028 by \$/);
    expect(text).toMatch(/90% band/);
    expect(text).toMatch(/Developer cost/);
    await w.context.close();
  }, 120_000);
});

describe("explorer four-line view", () => {
  it("appears when an assumption changes, with four lines per regime and the split in words", async () => {
    const w = await newPage(browser, inject("baseUrl"));
    await w.page.goto(`${inject("baseUrl")}/explorer/?regimes=compulsory&seeds=1..2&sim.years=4&compulsory.royalty_rate=0.1&market.substitution=0.3`);
    await waitForRun(w.page);
    await w.page.waitForSelector("[data-four-line]:not([hidden]) svg", { timeout: 90_000 });
    const box = w.page.locator("[data-four-line]");
    expect(await box.locator("svg [aria-label='line'] path, svg g path").count()).toBeGreaterThanOrEqual(4);
    expect(await box.locator("tbody tr td").count()).toBe(4);
    expect(await box.innerText()).toMatch(/in 2028 changes by .* from the policy, .* from the assumptions and .* from the two together/);
    await w.page.goto(`${inject("baseUrl")}/explorer/?regimes=compulsory&seeds=1..2&sim.years=4&compulsory.royalty_rate=0.1`);
    await waitForRun(w.page);
    expect(await w.page.locator("[data-four-line]").isHidden()).toBe(true);
    await w.context.close();
  }, 150_000);
});

describe("explorer parameter-uncertainty switch", () => {
  it("widens the 90% band of creators' AI income, draw by draw", async () => {
    const w = await newPage(browser, inject("baseUrl"));
    await w.page.goto(`${inject("baseUrl")}/explorer/?regimes=compulsory&seeds=1..2&sim.years=4&sim.creators=1000`);
    await waitForRun(w.page);
    await w.page.locator("[data-uncertainty] input[type=checkbox]").check();
    await w.page.waitForSelector("[data-uncertainty] [data-done]", { timeout: 120_000 });
    const text = await w.page.locator("[data-uncertainty]").innerText();
    const m = /90% band width \$([\d.]+) bn across seeds only; \$([\d.]+) bn across 8 draws × 2 seeds/.exec(text);
    expect(m, text).not.toBeNull();
    expect(Number(m![2])).toBeGreaterThan(Number(m![1]));
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  }, 180_000);
});

describe("question-page bundle", () => {
  it("downloads a zip for a live figure whose command rebuilds its data", async () => {
    const w = await newPage(browser, inject("baseUrl"));
    await w.page.goto(`${inject("baseUrl")}/questions/royalty-rate/`);
    const fig = w.page.locator("[data-nb-figure]").first();
    await fig.scrollIntoViewIfNeeded();
    await w.page.waitForSelector('[data-nb-figure][data-state="done"]', { timeout: 120_000 });
    const done = w.page.locator('[data-nb-figure][data-state="done"]').first();
    const button = done.locator("[data-figure-bundle]");
    expect(await button.getAttribute("aria-label")).toMatch(/^Comment-ready bundle \(zip\) of “.+”$/);
    const [dl] = await Promise.all([w.page.waitForEvent("download", { timeout: 120_000 }), button.click()]);
    const files = unzipSync(new Uint8Array(await readFile((await dl.path())!)));
    const names = Object.keys(files).map((k) => k.replace(/^[^/]+\//, "")).sort();
    expect(names).toEqual(["README.txt", "SHA256SUMS", "VERSION", "citation.bib", "citation.txt", "command.txt", "data.csv", "figure.png", "figure.svg", "scenario.yaml", "summary.html"]);
    const text = (n: string) => strFromU8(files[Object.keys(files).find((k) => k.endsWith(`/${n}`))!]);
    expect(createHash("sha256").update(text("data.csv")).digest("hex")).toBe(text("SHA256SUMS").split(/\s+/)[0]);
    expect(text("summary.html")).toContain("/questions/royalty-rate/");
    const dir = mkdtempSync(join(tmpdir(), "bundle-question-"));
    writeFileSync(join(dir, "scenario.yaml"), text("scenario.yaml"));
    const args = text("command.txt").trim().split(" ").slice(4).map((a) => (a.endsWith(".yaml") || a.endsWith(".csv") ? join(dir, a) : a));
    const r = spawnSync("npx", ["tsx", "cli/simulate.ts", ...args, "--quiet"], { cwd: ROOT, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(readFileSync(join(dir, "data.csv"), "utf8")).toBe(text("data.csv"));
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  }, 240_000);
});
