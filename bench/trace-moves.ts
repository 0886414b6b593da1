/**
 * Where a slider move's first redraw goes: a Chromium trace (CDP `Tracing`, with V8's CPU samples) of N
 * inputs on one slider of the explorer, timed by the bench's own `timeInputs` (bench/browser.ts) with the
 * creator chart in view, each split at its three marks: the input, the redrawn creator chart (its
 * description changed) and the frame after it (`requestAnimationFrame`, then `setTimeout(0)`). For each move: the two phases'
 * lengths and the main thread's biggest trace events in each; then, over all moves, the JavaScript
 * functions with the most inclusive CPU time in each phase (optionally only below a function: `--under`).
 *
 *   npx tsx bench/trace-moves.ts [--dist DIR] [--param ID] [--inputs N] [--under NAME] [--out trace.json]
 *
 * Function names come from the bundle: build with `SITE_MINIFY=0 npx astro build --outDir dist-prof` and
 * pass `--dist dist-prof` for readable ones. The eighth session's page changes were found with this.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { ensureBuilt, timeInputs } from "./browser";
import { launch } from "../tests/browser/harness";
import { serveStatic } from "../tests/browser/static-server";

const argv = process.argv.slice(2);
const val = (f: string, d: string) => { const i = argv.indexOf(f); return i >= 0 ? argv[i + 1] : d; };
const dist = resolve(import.meta.dirname, "..", val("--dist", "dist"));
const param = val("--param", "compulsory.royalty_rate");
const inputs = Number(val("--inputs", "10"));
const under = val("--under", "");
const out = val("--out", "");

interface TraceEvent { name: string; cat?: string; ph: string; ts: number; dur?: number; pid: number; tid: number; id?: string; args?: Record<string, any> }
interface CpuNode { id: number; parent?: number; callFrame: { functionName: string; url?: string; lineNumber: number } }

ensureBuilt(dist, (s) => process.stderr.write(`[trace] ${s}\n`));
const { server, url } = await serveStatic(dist);
const browser = await launch();
const events: TraceEvent[] = [];
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.addInitScript("globalThis.__name = (f) => f;");
  await page.goto(url + "/explorer/");
  await page.waitForSelector('#run-status[data-state="done"]', { timeout: 120_000 });
  await page.evaluate(() => document.getElementById("chart-creator")!.scrollIntoView({ block: "start" }));
  await page.waitForTimeout(1000);
  const cdp = await page.context().newCDPSession(page);
  cdp.on("Tracing.dataCollected", (d) => { events.push(...(d.value as unknown as TraceEvent[])); });
  const complete = new Promise<void>((ok) => cdp.on("Tracing.tracingComplete", () => ok()));
  await cdp.send("Tracing.start", {
    traceConfig: { includedCategories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "blink.user_timing", "disabled-by-default-v8.cpu_profiler"] },
    transferMode: "ReportEvents",
  });
  // Values spread over the slider's range on its step, each different from the one before (the first from the start).
  const r = await page.locator(`input[name="${param}"]`).evaluate((e: HTMLInputElement) => ({ min: Number(e.min), max: Number(e.max), step: Number(e.step) || 0, value: Number(e.value) }));
  const values: number[] = [];
  for (let k = 0, last = r.value; values.length < inputs; k++) {
    const raw = r.min + (((k * 3) % 7) + 1) / 8 * (r.max - r.min);
    const v = Number((r.step ? r.min + Math.round((raw - r.min) / r.step) * r.step : raw).toPrecision(6));
    if (v !== last) { values.push(v); last = v; }
  }
  await timeInputs(page, param, values);
  await cdp.send("Tracing.end");
  await complete;
} finally {
  await browser.close();
  server.close();
}
if (out) writeFileSync(out, JSON.stringify(events));

const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
if (!main) throw new Error("no renderer main thread in the trace");
const marks = (name: string) => events.filter((e) => e.cat?.includes("blink.user_timing") && e.name === name).map((e) => e.ts).sort((a, b) => a - b);
const starts = marks("move-start"), charts = marks("move-chart"), frames = marks("move-frame");
const phases: { name: string; from: number[]; to: number[] }[] = [
  { name: "input → chart", from: starts, to: charts },
  { name: "chart → frame", from: charts, to: frames },
];
const ms = (us: number) => (us / 1000).toFixed(1);
const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.dur);
console.log(`${param}, ${starts.length} moves (trace events on the main thread, nested: a RunTask contains what runs in it)`);
for (let k = 0; k < starts.length; k++) {
  const line = phases.map((p) => {
    const by = new Map<string, number>();
    for (const e of onMain) if (e.ts >= p.from[k] && e.ts < p.to[k]) by.set(e.name, (by.get(e.name) ?? 0) + e.dur!);
    const top = [...by].filter(([n]) => n !== "RunTask").sort((a, b) => b[1] - a[1]).slice(0, 6).map(([n, d]) => `${n} ${ms(d)}`).join(", ");
    return `  ${p.name} ${ms(p.to[k] - p.from[k])} ms: ${top}`;
  });
  console.log(`move ${k + 1}\n${line.join("\n")}`);
}

// V8's samples of the main thread, attributed to the phase they fall in.
const profile = events.find((e) => e.name === "Profile" && e.pid === main.pid && e.tid === main.tid);
if (!profile) { console.log("(no CPU samples in the trace)"); process.exit(0); }
const nodes = new Map<number, CpuNode>();
const samples: [number, number][] = [];
let t = profile.args!.data.startTime as number;
for (const c of events.filter((e) => e.name === "ProfileChunk" && e.id === profile.id)) {
  const d = c.args!.data;
  for (const n of (d.cpuProfile?.nodes ?? []) as CpuNode[]) nodes.set(n.id, n);
  const s: number[] = d.cpuProfile?.samples ?? [], dt: number[] = d.timeDeltas ?? [];
  for (let i = 0; i < s.length; i++) { t += dt[i]; samples.push([t, s[i]]); }
}
const label = (n: CpuNode) => `${n.callFrame.functionName || "(anonymous)"}${n.callFrame.url ? ` ${n.callFrame.url.replace(/^.*\//, "")}:${n.callFrame.lineNumber + 1}` : ""}`;
for (const p of phases) {
  const incl = new Map<string, number>();
  let total = 0;
  for (let i = 1; i < samples.length; i++) {
    const [ts, id] = samples[i];
    if (!p.from.some((a, k) => ts >= a && ts < p.to[k])) continue;
    const leaf = nodes.get(id);
    if (!leaf || /^\((idle|program|root)\)/.test(leaf.callFrame.functionName)) continue;
    const stack: string[] = [];
    for (let n: CpuNode | undefined = leaf; n; n = n.parent !== undefined ? nodes.get(n.parent) : undefined) stack.push(label(n));
    if (under && !stack.some((s) => s.startsWith(under))) continue;
    const dt = ts - samples[i - 1][0];
    total += dt;
    for (const s of new Set(stack)) incl.set(s, (incl.get(s) ?? 0) + dt);
  }
  console.log(`\n${p.name}: ${ms(total / Math.max(1, starts.length))} ms of JavaScript a move${under ? ` below ${under}` : ""}; inclusive per move:`);
  for (const [k, v] of [...incl].filter(([k]) => !k.startsWith("(root)")).sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${ms(v / starts.length).padStart(7)}  ${k}`);
}
