/**
 * The prebuilt CLI (cli/bundle.mjs, run by cli/run.mjs): its key follows the sources, a change to any
 * source gives a new build that runs the changed code, and it prints what the TypeScript sources print.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../cli/files";
import { ensureBundle, sourceKey, uncovered } from "../cli/bundle.mjs";

/** A copy of the project's sources, data and tsconfig (node_modules linked), to change without touching the tree. */
function copyTree(): string {
  const dir = mkdtempSync(join(tmpdir(), "cli-bundle-"));
  for (const d of ["cli", "models", "data", "scenarios"]) cpSync(join(ROOT, d), join(dir, d), { recursive: true });
  cpSync(join(ROOT, "tsconfig.json"), join(dir, "tsconfig.json"));
  cpSync(join(ROOT, "package.json"), join(dir, "package.json"));
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  return dir;
}

const tree = copyTree();
afterAll(() => rmSync(tree, { recursive: true, force: true }));

describe("sourceKey", () => {
  it("changes when a source file changes, is added or is removed, and only then", () => {
    const k0 = sourceKey(tree);
    expect(sourceKey(tree)).toBe(k0);
    writeFileSync(join(tree, "data", "unrelated.txt"), "not a source\n");
    expect(sourceKey(tree)).toBe(k0);
    const f = join(tree, "models", "economy", "gini.ts");
    const text = readFileSync(f, "utf8");
    writeFileSync(f, text + "\n// changed\n");
    const k1 = sourceKey(tree);
    expect(k1).not.toBe(k0);
    writeFileSync(f, text);
    expect(sourceKey(tree)).toBe(k0);
    writeFileSync(join(tree, "cli", "extra.ts"), "export const x = 1;\n");
    expect(sourceKey(tree)).not.toBe(k0);
    rmSync(join(tree, "cli", "extra.ts"));
    expect(sourceKey(tree)).toBe(k0);
    writeFileSync(join(tree, "tsconfig.json"), readFileSync(join(ROOT, "tsconfig.json"), "utf8") + " ");
    expect(sourceKey(tree)).not.toBe(k0);
    cpSync(join(ROOT, "tsconfig.json"), join(tree, "tsconfig.json"));
  });
});

describe("uncovered", () => {
  it("names inputs outside the keyed folders", () => {
    expect(uncovered(["models/index.ts", "cli/simulate.ts"], ROOT)).toEqual([]);
    expect(uncovered(["models/index.ts", "src/lib/registry.ts"], ROOT)).toEqual(["src/lib/registry.ts"]);
  });
});

describe("ensureBundle", () => {
  it("reuses a bundle while the sources are unchanged and runs changed code after a change", async () => {
    const a = await ensureBundle(tree);
    const built = statSync(join(a, "complete")).mtimeMs;
    expect(await ensureBundle(tree)).toBe(a);
    expect(statSync(join(a, "complete")).mtimeMs).toBe(built);
    const version = () => execFileSync(process.execPath, [join(tree, "cli", "run.mjs"), "simulate", "--version"], { cwd: tree, encoding: "utf8" }).trim();
    const before = version();
    const f = join(tree, "models", "version.ts");
    const text = readFileSync(f, "utf8");
    expect(text).toContain(`"${before}"`);
    writeFileSync(f, text.replace(`"${before}"`, `"${before}-changed"`));
    expect(version()).toBe(`${before}-changed`);
    expect(await ensureBundle(tree)).not.toBe(a);
    writeFileSync(f, text);
    expect(version()).toBe(before);
  }, 120_000);
});

describe("cli/run.mjs simulate", () => {
  it("prints what tsx cli/simulate.ts prints, byte for byte, with worker threads", () => {
    const args = ["--regime", "fair-use,compulsory", "--seeds", "1..3", "--set", "sim.creators=1000", "--years", "3", "--summary", "--workers", "2", "--quiet"];
    const viaBundle = spawnSync(process.execPath, ["cli/run.mjs", "simulate", ...args], { cwd: ROOT, encoding: "utf8" });
    const viaTsx = spawnSync(join(ROOT, "node_modules", ".bin", "tsx"), ["cli/simulate.ts", ...args], { cwd: ROOT, encoding: "utf8" });
    expect(viaBundle.status, viaBundle.stderr).toBe(0);
    expect(viaTsx.status, viaTsx.stderr).toBe(0);
    expect(viaBundle.stdout).toBe(viaTsx.stdout);
    expect(viaBundle.stdout.split("\n").length).toBeGreaterThan(100);
  }, 120_000);

  it("rejects an unknown command, naming the allowed ones", () => {
    const r = spawnSync(process.execPath, ["cli/run.mjs", "simulat"], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("simulate, sensitivity, robustness, merge");
  });
});
