/**
 * Where the explorer's main thread spends its time after slider inputs: a Chromium CPU profile (CDP
 * `Profiler`) over N inputs on the royalty-rate slider, each waited out until the bands are complete,
 * summarised as self time per function (with its script and line) and as totals per script.
 *
 *   npx tsx bench/profile-explorer.ts [--dist DIR] [--inputs N] [--out profile.cpuprofile]
 *
 * Source maps are not used: function names come from the bundle. Build with `SITE_MINIFY=0 npx astro build
 * --outDir dist-prof` and pass `--dist dist-prof` for readable names and lines.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { ensureBuilt } from "./browser";
import { launch } from "../tests/browser/harness";
import { serveStatic } from "../tests/browser/static-server";

const argv = process.argv.slice(2);
const val = (f: string, d: string) => { const i = argv.indexOf(f); return i >= 0 ? argv[i + 1] : d; };
const dist = resolve(import.meta.dirname, "..", val("--dist", "dist"));
const inputs = Number(val("--inputs", "10"));
const out = val("--out", "");

ensureBuilt(dist, (s) => process.stderr.write(`[profile] ${s}\n`));
const { server, url } = await serveStatic(dist);
const browser = await launch();
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.addInitScript("globalThis.__name = (f) => f;");
  await page.goto(url + "/explorer/");
  await page.waitForSelector('#run-status[data-state="done"]', { timeout: 120_000 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  for (let k = 0; k < inputs; k++) {
    await page.evaluate(async (v: number) => {
      const input = document.querySelector<HTMLInputElement>('input[name="compulsory.royalty_rate"]')!;
      const status = document.getElementById("run-status")!;
      input.value = String(v);
      input.dispatchEvent(new Event("input", { bubbles: true }));
      await new Promise<void>((ok) => {
        const mo = new MutationObserver(() => { if (status.dataset.state === "done") { mo.disconnect(); ok(); } });
        mo.observe(status, { attributes: true, attributeFilter: ["data-state"] });
      });
    }, 0.01 + 0.015 * k);
  }
  const { profile } = await cdp.send("Profiler.stop");
  if (out) writeFileSync(out, JSON.stringify(profile));
  // Self time per node → per function and per script.
  const dt = new Map<number, number>();
  for (let i = 0; i < profile.samples!.length; i++) dt.set(profile.samples![i], (dt.get(profile.samples![i]) ?? 0) + (profile.timeDeltas![i] ?? 0));
  const byFn = new Map<string, number>();
  const byScript = new Map<string, number>();
  let total = 0;
  for (const n of profile.nodes) {
    const us = dt.get(n.id) ?? 0;
    if (!us) continue;
    const f = n.callFrame;
    const script = f.url ? f.url.replace(/^.*\/_astro\//, "") : `(${f.functionName || "native"})`;
    const key = `${f.functionName || "(anonymous)"}  ${script}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + us);
    byScript.set(script, (byScript.get(script) ?? 0) + us);
    if (f.functionName !== "(idle)" && f.functionName !== "(program)") total += us;
  }
  const ms = (us: number) => (us / 1000).toFixed(1).padStart(8);
  console.log(`main thread, ${inputs} inputs (each until bands complete): ${ms(total)} ms busy (excluding idle/program)`);
  console.log("\nby script (self ms):");
  for (const [k, v] of [...byScript].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`${ms(v)}  ${k}`);
  console.log("\ntop functions (self ms):");
  for (const [k, v] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${ms(v)}  ${k}`);
} finally {
  await browser.close();
  server.close();
}
