/**
 * What the JavaScript chunks of a built site are made of: for each chunk, its gzipped size and the
 * source modules (or packages) that fill it, by their share of the chunk's bytes (read from the source
 * maps; a chunk's gzipped size split in proportion, so the figures are estimates). Build with maps first:
 *
 *   SITE_SOURCEMAP=1 npx astro build --outDir /tmp/dist-map
 *   npx tsx bench/js-modules.ts /tmp/dist-map [CHUNK-NAME-PREFIX ...] [--top N]
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const VAL = new Map([...B64].map((c, i) => [c, i]));

/** Bytes of generated code per source index, from a source map's mappings (each segment runs to the next). */
export function bytesPerSource(code: string, mappings: string, nSources: number): Float64Array {
  const out = new Float64Array(nSources + 1); // last slot: unmapped
  const lines = code.split("\n");
  let src = 0;
  const decode = (seg: string): number[] => {
    const vals: number[] = [];
    let v = 0, shift = 0;
    for (const ch of seg) {
      const d = VAL.get(ch)!;
      v += (d & 31) << shift;
      if (d & 32) shift += 5;
      else {
        vals.push(v & 1 ? -(v >>> 1) : v >>> 1);
        v = 0;
        shift = 0;
      }
    }
    return vals;
  };
  mappings.split(";").forEach((line, li) => {
    const len = lines[li]?.length ?? 0;
    let col = 0, prevCol = 0, prevSrc = -1;
    for (const seg of line ? line.split(",") : []) {
      const f = decode(seg);
      col += f[0];
      if (prevSrc >= -1) out[prevSrc < 0 ? nSources : prevSrc] += col - prevCol;
      if (f.length >= 4) src += f[1];
      prevSrc = f.length >= 4 ? src : -1;
      prevCol = col;
    }
    out[prevSrc < 0 ? nSources : prevSrc] += len - prevCol;
  });
  return out;
}

/** A module's display name: the package for node_modules, the path from src/ or models/ otherwise. */
function moduleName(s: string): string {
  const nm = s.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = s.slice(nm + 13).split("/");
    return rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const m = /(src|models)\/.*$/.exec(s);
  return m ? m[0] : s;
}

const argv = process.argv.slice(2);
const t = argv.indexOf("--top");
const top = t >= 0 ? Number(argv[t + 1]) : 12;
const rest = argv.filter((_, i) => i !== t && i !== t + 1);
const dir = join(rest[0] ?? "dist", "_astro");
const prefixes = rest.slice(1);
for (const f of readdirSync(dir).filter((n) => n.endsWith(".js") && (!prefixes.length || prefixes.some((p) => n.startsWith(p)))).sort()) {
  const code = readFileSync(join(dir, f), "utf8");
  const gz = gzipSync(code).length;
  let map: { sources: string[]; mappings: string };
  try {
    map = JSON.parse(readFileSync(join(dir, f + ".map"), "utf8"));
  } catch {
    console.log(`${f}: ${gz} B gzipped (no source map)`);
    continue;
  }
  const per = bytesPerSource(code, map.mappings, map.sources.length);
  const byModule = new Map<string, number>();
  per.forEach((b, i) => {
    const name = i < map.sources.length ? moduleName(map.sources[i]) : "(unmapped)";
    byModule.set(name, (byModule.get(name) ?? 0) + b);
  });
  console.log(`${f}: ${gz} B gzipped, ${code.length} B`);
  for (const [name, b] of [...byModule].sort((a, b2) => b2[1] - a[1]).slice(0, top))
    if (b > 0) console.log(`  ${String(Math.round((gz * b) / code.length)).padStart(7)} B  ${name}`);
}
