/**
 * The gzipped JavaScript each built page loads (the bench's figure, without the timings):
 *
 *   npx tsx bench/page-js.ts [--dist DIR] [PATH ...]     e.g. npx tsx bench/page-js.ts /explorer/ /
 *
 * Every page of DIR (default dist/, built if missing or stale) when no PATH is given.
 */
import { resolve } from "node:path";
import { launch } from "../tests/browser/harness";
import { serveStatic } from "../tests/browser/static-server";
import { ensureBuilt, htmlPages, pageJs } from "./browser";

const argv = process.argv.slice(2);
const d = argv.indexOf("--dist");
const dist = resolve(import.meta.dirname, "..", d >= 0 ? argv[d + 1] : "dist");
const paths = argv.filter((a, i) => a.startsWith("/") && !(d >= 0 && i === d + 1));
ensureBuilt(dist, (s) => process.stderr.write(`${s}\n`));
const { server, url } = await serveStatic(dist);
const browser = await launch();
try {
  for (const p of paths.length ? paths : htmlPages(dist)) {
    const r = await pageJs(browser, url, dist, p);
    console.log(`${r.path.padEnd(34)} ${String(r.gzipBytes).padStart(8)} B${r.live ? "  (live figure)" : ""}`);
    for (const s of r.scripts) console.log(`    ${String(s.gzipBytes).padStart(8)}  ${s.url}`);
  }
} finally {
  await browser.close();
  server.close();
}
