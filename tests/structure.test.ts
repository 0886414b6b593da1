/**
 * The code stays in rooms one can hold in one's head (issue 9): no file under models/, src/ or cli/
 * longer than 350 lines, no function longer than 80 lines, and the regime ids written out as a list in
 * one place only (models/regimes/index.ts builds it from the regimes).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ROOT } from "../cli/files";
import { REGIME_IDS } from "../models/index";

const MAX_FILE = 350;
const MAX_FUNCTION = 80;

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(join(ROOT, dir)).sort()) {
    const p = join(dir, name);
    if (statSync(join(ROOT, p)).isDirectory()) files(p, out);
    else if (/\.(ts|mjs|astro)$/.test(name) && !name.endsWith(".d.ts") && !name.endsWith(".generated.ts")) out.push(p);
  }
  return out;
}
const code = ["models", "src", "cli"].flatMap((d) => files(d));

/** Functions (declarations, expressions, arrows, methods) longer than `max` lines, as "file:line name (n lines)". */
function longFunctions(path: string, text: string, max: number): string[] {
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const start = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
      const name = node.name && ts.isIdentifier(node.name) ? node.name.text : "(anonymous)";
      if (end - start + 1 > max) out.push(`${path}:${start + 1} ${name} (${end - start + 1} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** The TypeScript of an .astro file: its front matter and its <script> blocks. */
function astroScripts(text: string): string {
  const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? "";
  const scripts = [...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  return [front, ...scripts].join("\n");
}

describe("code structure", () => {
  it(`no file under models/, src/ or cli/ is longer than ${MAX_FILE} lines`, () => {
    const long = code.map((f) => [f, readFileSync(join(ROOT, f), "utf8").split("\n").length - 1] as const).filter(([, n]) => n > MAX_FILE);
    expect(long.map(([f, n]) => `${f} (${n} lines)`)).toEqual([]);
  });
  it(`no function is longer than ${MAX_FUNCTION} lines`, () => {
    const long = code.flatMap((f) => {
      const text = readFileSync(join(ROOT, f), "utf8");
      return longFunctions(f, f.endsWith(".astro") ? astroScripts(text) : text, MAX_FUNCTION);
    });
    expect(long).toEqual([]);
  });
  it("finds a long function when there is one", () => {
    const body = Array.from({ length: 90 }, (_, i) => `  x += ${i};`).join("\n");
    expect(longFunctions("x.ts", `function f() {\n  let x = 0;\n${body}\n}`, MAX_FUNCTION)).toEqual(["x.ts:1 f (93 lines)"]);
  });
  it("writes the regime ids out as a list in one place only", () => {
    // A line naming three or more regime ids as string literals is a hand-written list.
    const quoted = REGIME_IDS.map((id) => new RegExp(`["'\`]${id}["'\`]`));
    const lists = [...code, "scripts/generate.ts"].flatMap((f) =>
      readFileSync(join(ROOT, f), "utf8").split("\n").map((line, i) => ({ f: relative(ROOT, join(ROOT, f)), i: i + 1, line }))
        .filter(({ line }) => quoted.filter((re) => re.test(line)).length >= 3)).map(({ f, i }) => `${f}:${i}`);
    expect(lists).toEqual([]);
  });
  it("uses only the engine-independent elementary functions in models/ (models/engine/math.ts)", () => {
    // Math.exp, log, pow (and **), sin, cos … are implementation-approximated: Node and Chromium differ
    // in the last bit, which can flip a near-tie in the model. Comments are not code.
    const banned = /Math\.(exp|expm1|log|log1p|log2|log10|pow|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|cbrt|hypot)\b|[\w)\]]\s*\*\*\s*[\w(]/;
    const hits = code.filter((f) => f.startsWith("models/") && f !== "models/engine/math.ts").flatMap((f) =>
      readFileSync(join(ROOT, f), "utf8").split("\n").map((line, i) => ({ f, i: i + 1, line: line.replace(/\/\/.*$/, "") }))
        .filter(({ line }) => !/^\s*(\*|\/\*)/.test(line) && !/`[^`]*\*\*/.test(line) && banned.test(line)).map(({ f, i }) => `${f}:${i}`));
    expect(hits).toEqual([]);
  });
});
