/**
 * The comment-ready bundle (src/lib/bundle.ts): every file is in the zip, the zip is deterministic, the
 * SHA-256 matches the data, and unpacking it and running its command rebuilds data.csv byte for byte.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { unzipSync, strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { MODEL_VERSION, runEnsemble, summarizeRuns, summaryToCsv } from "../models/index";
import { bundleCommand, sha256Hex, zipBundle, type BundleInput } from "../src/lib/bundle";
import { scenarioYaml } from "../src/scripts/explorer/scenario-yaml";
import { ROOT } from "../cli/files";
import { small } from "./helpers/model";

const overrides = { "compulsory.royalty_rate": 0.1, "sim.creators": 1000, "sim.developers": 10, "sim.years": 3 };
const seeds = [1, 2];

/** What the explorer computes in its workers: the ensemble and its summary, labelled as the CLI labels a scenario file. */
function input(): BundleInput {
  const runs = runEnsemble(["compulsory"], small(overrides), seeds);
  const csv = summaryToCsv(summarizeRuns(runs, "scenario"));
  return {
    name: `bundle-test-v${MODEL_VERSION}`, title: "Creator AI income under a 10% compulsory licence",
    svg: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>', png: new Uint8Array([137, 80, 78, 71]),
    csv, scenarioYaml: scenarioYaml({ title: "Bundle test", description: "A bundle made in a test, to be rebuilt from its command.", regimes: ["compulsory"], overrides, seeds }),
    apa: "AI Training Royalties Project. (2026). …", bibtex: "@software{x,\n}", modelVersion: MODEL_VERSION,
    notes: ["Creators’ AI income in 2027, USD per year"], permalink: "https://example.org/explorer/?r=compulsory",
  };
}

describe("zipBundle", () => {
  it("holds every file, is deterministic, and its command rebuilds data.csv with the same SHA-256", async () => {
    const b = input();
    const zip = await zipBundle(b);
    expect(await zipBundle(b)).toEqual(zip);
    const files = unzipSync(zip);
    const names = Object.keys(files).map((k) => k.slice(b.name.length + 1)).sort();
    expect(names).toEqual(["README.txt", "SHA256SUMS", "VERSION", "citation.bib", "citation.txt", "command.txt", "data.csv", "figure.png", "figure.svg", "scenario.yaml", "summary.html"]);
    const text = (n: string) => strFromU8(files[`${b.name}/${n}`]);
    expect(text("VERSION").trim()).toBe(MODEL_VERSION);
    const sha = text("SHA256SUMS").split(/\s+/)[0];
    expect(sha).toBe(createHash("sha256").update(text("data.csv")).digest("hex"));
    expect(await sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(text("summary.html")).toContain(sha);
    expect(text("command.txt").trim()).toBe(bundleCommand());

    // Unpack and run the command from the bundle's folder (the CLI is run from the repository root,
    // with the bundle's files as paths).
    const dir = mkdtempSync(join(tmpdir(), "bundle-"));
    writeFileSync(join(dir, "scenario.yaml"), text("scenario.yaml"));
    const args = text("command.txt").trim().split(" ").slice(4).map((a) => (a.endsWith(".yaml") || a.endsWith(".csv") ? join(dir, a) : a));
    const r = spawnSync("npx", ["tsx", "cli/simulate.ts", ...args, "--quiet"], { cwd: ROOT, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const rebuilt = readFileSync(join(dir, "data.csv"), "utf8");
    expect(rebuilt).toBe(text("data.csv"));
    expect(createHash("sha256").update(rebuilt).digest("hex")).toBe(sha);
  }, 60_000);
});
