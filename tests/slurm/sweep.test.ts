/**
 * `npm run test:slurm`: a real Slurm job array. Starts a single-node cluster on this machine (munged,
 * slurmctld, slurmd on loopback; tests/slurm/cluster.ts), submits deploy/slurm/sweep.sbatch as a 4-task
 * array for a small sweep, waits, merges, and compares the result byte for byte with a single-process run;
 * then resubmits the array and checks that every complete shard is skipped. Stops the daemons it started,
 * pass or fail.
 *
 * Needs Debian's `slurm-wlm` and `munge` (.ci/run installs them). In CI (CI=true) their absence fails the
 * test with the missing programs named; elsewhere it is skipped with that reason.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../cli/files";
import { missingPrograms, slurmTestMode, startCluster, type Cluster } from "./cluster";

const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const SWEEP = [
  "--set", "sim.creators=1000", "--set", "sim.developers=10", "--years", "3", "--regime", "fair-use,compulsory",
  "--sweep", "compulsory.royalty_rate=0.05,0.15", "--uncertainty", "lhs", "--draws", "2", "--seeds", "1..3",
];
const missing = missingPrograms();
const mode = slurmTestMode(missing, process.env);

describe("slurmTestMode(missing, env)", () => {
  it("fails in CI and skips elsewhere when a program is missing, naming each with its Debian package", () => {
    const none = missingPrograms([mkdtempSync(join(tmpdir(), "empty-"))]);
    expect(none).toEqual(["munged (munge)", "slurmctld (slurm-wlm)", "slurmd (slurm-wlm)", "sbatch (slurm-wlm)", "scontrol (slurm-wlm)", "sinfo (slurm-wlm)"]);
    expect(slurmTestMode(none, { CI: "true" })).toBe("fail");
    expect(slurmTestMode(none, {})).toBe("skip");
    expect(slurmTestMode([], { CI: "true" })).toBe("run");
  });
});

describe.skipIf(mode === "skip")(`a Slurm job array${missing.length ? ` (skipped: missing ${missing.join(", ")})` : ""}`, () => {
  let cluster: Cluster | undefined;
  beforeAll(async () => {
    if (missing.length) throw new Error(`CI needs Slurm for npm run test:slurm: missing ${missing.join(", ")}; .ci/run installs slurm-wlm and munge`);
    cluster = await startCluster();
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
  }, 60_000);

  const sbatch = (results: string) =>
    spawnSync("sbatch", ["--array=1-4", "--wait", `--output=${cluster!.dir}/job-%A_%a.out`, "deploy/slurm/sweep.sbatch", results, ...SWEEP], {
      cwd: ROOT, env: { ...cluster!.env, SWEEP_ROOT: ROOT }, encoding: "utf8", timeout: 480_000,
    });
  const jobLogs = () => readdirSync(cluster!.dir).filter((f) => f.startsWith("job-")).sort().map((f) => `--- ${f}\n${readFileSync(join(cluster!.dir, f), "utf8")}`).join("\n");

  it("runs deploy/slurm/sweep.sbatch as a 4-task array whose merged shards equal a single-process run byte for byte", () => {
    const results = join(cluster!.dir, "results");
    const sub = sbatch(results);
    expect(sub.status, `sbatch: ${sub.stdout}${sub.stderr}\n${jobLogs()}\n${cluster!.logs()}`).toBe(0);
    expect(sub.stdout).toMatch(/Submitted batch job \d+/);
    for (let k = 1; k <= 4; k++) expect(existsSync(join(results, `shard-${k}.csv.manifest.json`)), `shard ${k}\n${jobLogs()}`).toBe(true);
    const logs = jobLogs();
    for (let k = 1; k <= 4; k++) expect(logs).toMatch(new RegExp(`shard ${k}/4 from SLURM_ARRAY_TASK_ID=${k}`));

    for (const [summary, ext] of [[false, "csv"], [true, "csv"], [false, "parquet"]] as const) {
      const extra = [...(summary ? ["--summary"] : []), "--format", ext];
      const merged = join(cluster!.dir, `merged${summary ? "-summary" : ""}.${ext}`);
      const single = join(cluster!.dir, `single${summary ? "-summary" : ""}.${ext}`);
      const m = spawnSync(TSX, ["cli/merge.ts", results, ...extra, "--out", merged], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
      expect(m.status, m.stderr).toBe(0);
      const s = spawnSync(TSX, ["cli/simulate.ts", ...SWEEP, ...extra, "--workers", "1", "--out", single], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
      expect(s.status, s.stderr).toBe(0);
      expect(readFileSync(merged).equals(readFileSync(single)), `${merged} vs ${single}`).toBe(true);
    }

    // Resubmitting the same array: every shard verifies, so every task skips its work.
    const again = sbatch(results);
    expect(again.status, jobLogs()).toBe(0);
    const after = jobLogs();
    for (let k = 1; k <= 4; k++) expect(after).toMatch(new RegExp(`shard ${k}/4: .*shard-${k}\\.csv and its manifest are already complete; skipped`));
  }, 600_000);
});
