import { chromium } from "playwright-core";
import { serveStatic } from "/work/wt/unc/tests/browser/static-server";
import { CHROMIUM_ARGS } from "/work/wt/unc/tests/browser/harness";
const { server, url } = await serveStatic("/work/wt/unc/dist");
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
const p = await b.newPage({ viewport: { width: 375, height: 900 } });
await p.goto(url + process.argv[2]);
await p.waitForSelector('#run-status[data-state="done"]', { timeout: 90000 }).catch(() => {});
await p.waitForTimeout(1500);
console.log(await p.evaluate(() => {
  const out: string[] = [];
  for (const e of document.querySelectorAll("body *")) {
    const r = e.getBoundingClientRect();
    if (r.right <= window.innerWidth + 1 || r.width === 0) continue;
    let a = e.parentElement, clipped = false;
    while (a) { const o = getComputedStyle(a).overflowX; if (o === "auto" || o === "hidden" || o === "scroll") { clipped = true; break; } a = a.parentElement; }
    if (!clipped) out.push(`${e.tagName}.${e.className} ${Math.round(r.right)} parent=${e.parentElement?.tagName}.${e.parentElement?.className}`);
  }
  return out.slice(0, 10).join("\n") + "\nscrollWidth " + document.documentElement.scrollWidth;
}));
await b.close(); server.close();
