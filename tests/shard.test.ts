/**
 * `simulate --shard`, `--workers` and `npm run merge`, run as a user or a batch system runs them (child
 * processes): shards merged equal the unsharded run; `--shard auto/n` reads the array index of Slurm,
 * Kubernetes and AWS Batch; a complete shard is skipped on resubmission; a missing, duplicated or
 * mismatched shard makes the merge exit 2 naming it and write nothing; the progress bar stays off stderr
 * unless it is a terminal.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../cli/files";
import { resolveAutoShard, shardPath } from "../cli/shard";

const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const sh = (script: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(TSX, [script, ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 28, env: { ...process.env, ...env }, timeout: 120_000 });
const simulate = (args: string[], env?: Record<string, string>) => sh("cli/simulate.ts", args, env);
const merge = (args: string[]) => sh("cli/merge.ts", args);
const SMALL = ["--set", "sim.creators=1000", "--set", "sim.developers=10", "--years", "3", "--regime", "fair-use,compulsory,licensing", "--seeds", "1..3"];
const noArrayEnv = { SLURM_ARRAY_TASK_ID: "", JOB_COMPLETION_INDEX: "", AWS_BATCH_JOB_ARRAY_INDEX: "" };

describe("resolveAutoShard(n, env)", () => {
  it("maps each batch system's array index to k and says which it used", () => {
    expect(resolveAutoShard(4, { SLURM_ARRAY_TASK_ID: "3", SLURM_ARRAY_TASK_MIN: "1" })).toMatchObject({ ok: true, k: 3 });
    expect(resolveAutoShard(4, { SLURM_ARRAY_TASK_ID: "0", SLURM_ARRAY_TASK_MIN: "0" })).toMatchObject({ ok: true, k: 1 });
    expect(resolveAutoShard(4, { JOB_COMPLETION_INDEX: "3" })).toMatchObject({ ok: true, k: 4, source: "JOB_COMPLETION_INDEX=3 (k = index + 1)" });
    expect(resolveAutoShard(4, { AWS_BATCH_JOB_ARRAY_INDEX: "0" })).toMatchObject({ ok: true, k: 1 });
    expect(resolveAutoShard(4, { JOB_COMPLETION_INDEX: "4" })).toMatchObject({ ok: false });
    expect(resolveAutoShard(4, {})).toEqual({ ok: false, message: expect.stringMatching(/none of SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX is set/) });
  });
  it("shardPath fills {k} and {n}", () => {
    expect(shardPath("out/shard-{k}-of-{n}.csv", 2, 4)).toBe("out/shard-2-of-4.csv");
  });
});

describe("simulate --shard and merge", () => {
  const dir = mkdtempSync(join(tmpdir(), "shards-"));
  const whole = simulate([...SMALL, "--workers", "1"]).stdout;

  it("three shards (given as k/n and as auto/n from each batch system) merged equal the unsharded run, CSV and Parquet", () => {
    const runs = [
      simulate([...SMALL, "--shard", "1/3", "--out", join(dir, "s-{k}.csv")], noArrayEnv),
      simulate([...SMALL, "--shard", "auto/3", "--out", join(dir, "s-{k}.csv")], { ...noArrayEnv, SLURM_ARRAY_TASK_ID: "2", SLURM_ARRAY_TASK_MIN: "1" }),
      simulate([...SMALL, "--shard", "auto/3", "--out", join(dir, "s-{k}.csv")], { ...noArrayEnv, JOB_COMPLETION_INDEX: "2" }),
    ];
    for (const r of runs) expect(r.status, r.stderr).toBe(0);
    expect(runs[1].stderr).toMatch(/shard 2\/3 from SLURM_ARRAY_TASK_ID=2/);
    expect(runs[2].stderr).toMatch(/shard 3\/3 from JOB_COMPLETION_INDEX=2/);
    const out = join(dir, "merged.csv");
    const m = merge([dir, "--out", out]);
    expect(m.status, m.stderr).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(whole);
    // AWS Batch's index, Parquet shards (in a folder the shard creates), Parquet output
    for (const i of [0, 1, 2]) {
      const r = simulate([...SMALL, "--shard", "auto/3", "--format", "parquet", "--out", join(dir, "p", "s-{k}.parquet")], { ...noArrayEnv, AWS_BATCH_JOB_ARRAY_INDEX: String(i) });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toMatch(new RegExp(`shard ${i + 1}/3 from AWS_BATCH_JOB_ARRAY_INDEX=${i}`));
    }
    expect(simulate([...SMALL, "--format", "parquet", "--out", join(dir, "whole.parquet")]).status).toBe(0);
    expect(merge([join(dir, "p"), "--format", "parquet", "--out", join(dir, "merged.parquet")]).status).toBe(0);
    expect(readFileSync(join(dir, "merged.parquet")).equals(readFileSync(join(dir, "whole.parquet")))).toBe(true);
  }, 180_000);

  it("skips a shard whose rows and manifest already exist and verify, and reruns one that does not", () => {
    const file = join(dir, "s-1.csv");
    const before = statSync(file).mtimeMs;
    const again = simulate([...SMALL, "--shard", "1/3", "--out", join(dir, "s-{k}.csv")]);
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(/already complete; skipped/);
    expect(statSync(file).mtimeMs).toBe(before);
    const good = readFileSync(file);
    writeFileSync(file, good.toString("utf8").replace(/\n[^\n]*\n$/, "\n")); // a truncated shard
    const rerun = simulate([...SMALL, "--shard", "1/3", "--out", join(dir, "s-{k}.csv")]);
    expect(rerun.stderr).not.toMatch(/skipped/);
    expect(readFileSync(file).equals(good)).toBe(true);
  }, 120_000);

  it("exits 2 naming a missing, duplicated or mismatched shard, and writes nothing", () => {
    const out = join(dir, "never.csv");
    const cases: [string[], RegExp][] = [
      [[join(dir, "s-1.csv"), join(dir, "s-3.csv")], /shard 2\/3 missing \(given: 1, 3\)/],
      [[dir, join(dir, "dup", "s-2.csv")], /shard 2\/3 given twice: .*s-2\.csv\.manifest\.json and .*dup\/s-2\.csv\.manifest\.json/],
      [[join(dir, "s-1.csv"), join(dir, "s-2.csv"), join(dir, "other", "s-3.csv")], /other\/s-3\.csv\.manifest\.json: settings hash [0-9a-f]+… differs/],
      [[join(dir, "s-1.csv"), join(dir, "bad", "s-2.csv"), join(dir, "s-3.csv")], /shard 2\/3: .*bad\/s-2\.csv: SHA-256 [0-9a-f]+… does not match its manifest's/],
    ];
    // a copy of shard 2 elsewhere; shard 3 of another sweep; shard 2 with one number changed
    for (const sub of ["dup", "bad"]) {
      spawnSync("mkdir", ["-p", join(dir, sub)]);
      copyFileSync(join(dir, "s-2.csv"), join(dir, sub, "s-2.csv"));
      copyFileSync(join(dir, "s-2.csv.manifest.json"), join(dir, sub, "s-2.csv.manifest.json"));
    }
    const bad = join(dir, "bad", "s-2.csv");
    writeFileSync(bad, readFileSync(bad, "utf8").replace(/,(\d)/, ",9$1"));
    expect(simulate([...SMALL, "--set", "optout.adoption=0.5", "--shard", "3/3", "--out", join(dir, "other", "s-{k}.csv")]).status).toBe(0);
    for (const [args, msg] of cases) {
      const r = merge([...args, "--out", out]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(msg);
      expect(existsSync(out)).toBe(false);
    }
  }, 180_000);

  it("--workers 2 equals --workers 1, with and without uncertainty draws", () => {
    expect(simulate([...SMALL, "--workers", "2"]).stdout).toBe(whole);
    const draws = ["--uncertainty", "lhs", "--draws", "2", "--summary"];
    const one = simulate([...SMALL, ...draws, "--workers", "1"]);
    expect(one.status).toBe(0);
    expect(simulate([...SMALL, ...draws, "--workers", "2"]).stdout).toBe(one.stdout);
  }, 180_000);

  it("prints nothing on standard error when it is not a terminal", () => {
    const r = simulate([...SMALL, "--workers", "1", "--out", join(dir, "quiet.csv")]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
  }, 60_000);

  it("draws a progress bar on a terminal, with runs done, rate and time left, unless --quiet", () => {
    const cmd = (extra: string) => `${TSX} cli/simulate.ts ${SMALL.join(" ")} --workers 1 --out ${join(dir, "tty.csv")} ${extra}`;
    const tty = spawnSync("script", ["-qec", cmd(""), "/dev/null"], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
    expect(tty.status).toBe(0);
    expect(tty.stdout).toMatch(/\d+\/9 runs \| [\d.]+ runs\/s \| .* left/);
    const quiet = spawnSync("script", ["-qec", cmd("--quiet"), "/dev/null"], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
    expect(quiet.stdout).not.toMatch(/runs\/s/);
  }, 60_000);

  const bad: [string[], RegExp][] = [
    [["--shard", "4/3", "--out", "x.csv"], /--shard: "4\/3" is not valid \(allowed: <k>\/<n> with 1 ≤ k ≤ n, or auto\/<n>\)/],
    [["--shard", "1/3"], /--shard: needs --out <file>/],
    [["--shard", "1/3", "--summary", "--out", "x.csv"], /--summary is computed after the merge/],
    [["--format", "parquet"], /--format parquet: needs --out <file>/],
    [["--workers", "0"], /--workers: "0" is not valid \(allowed: a whole number from 1 to 256\)/],
    [["--draws", "0", "--uncertainty", "lhs"], /--draws: "0" is not valid \(allowed: a whole number from 1 to 100000\)/],
    [["--uncertainty", "foo", "--draws", "2"], /--uncertainty: "foo" is not valid \(allowed: lhs\)/],
    [["--draws", "2"], /--draws: only with --uncertainty/],
  ];
  for (const [args, msg] of bad) {
    it(`simulate ${args.join(" ")} exits 2 naming the flag`, () => {
      const r = simulate(args);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(msg);
      expect(r.stdout).toBe("");
    }, 60_000);
  }
  it("--shard auto/n outside an array job exits 2 naming the variables", () => {
    const r = simulate([...SMALL, "--shard", "auto/2", "--out", join(dir, "none-{k}.csv")], noArrayEnv);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/none of SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX is set/);
  }, 60_000);
});
