/**
 * Summarise a V8 .cpuprofile (from `node --cpu-prof` or bench/profile-explorer.ts --out): self time per
 * function with file and line, and per file.  npx tsx bench/cpuprofile-top.ts FILE [N]
 */
import { readFileSync } from "node:fs";

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }
const [file, nArg] = process.argv.slice(2);
const p = JSON.parse(readFileSync(file, "utf8")) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const self = new Map<number, number>();
p.samples.forEach((id, k) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[k] ?? 0)));
const byFn = new Map<string, number>();
const byFile = new Map<string, number>();
let total = 0;
for (const n of p.nodes) {
  const us = self.get(n.id) ?? 0;
  if (!us) continue;
  const f = n.callFrame;
  const where = f.url.replace(/^file:\/\/.*?\/work\/main\//, "").replace(/^.*\/_astro\//, "") || "(native)";
  byFn.set(`${f.functionName || "(anonymous)"}  ${where}:${f.lineNumber + 1}`, (byFn.get(`${f.functionName || "(anonymous)"}  ${where}:${f.lineNumber + 1}`) ?? 0) + us);
  byFile.set(where, (byFile.get(where) ?? 0) + us);
  total += us;
}
const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
console.log("by file:");
for (const [k, v] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${pct(v)}  ${k}`);
console.log("by function:");
for (const [k, v] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, Number(nArg ?? 25) || 25)) console.log(`  ${pct(v)}  ${k}`);
