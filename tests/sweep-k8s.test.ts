/**
 * deploy/k8s/sweep-job.yaml, where Kubernetes cannot run: the Indexed Job's structure (completions =
 * shards, a shared volume for results, the image the Dockerfile builds), and that the container command
 * maps JOB_COMPLETION_INDEX to `--shard`: it is run here once per index, as each pod would run it (with
 * the volume's mount path pointed at a temporary folder), and the merged shards equal the unsharded run.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import { parseArgs } from "../cli/args";
import { ROOT } from "../cli/files";
import { resolveAutoShard } from "../cli/shard";
import { registry } from "./helpers/model";

interface Container {
  name: string; image: string; command: string[];
  env?: { name: string; valueFrom?: { fieldRef?: { fieldPath: string } } }[];
  volumeMounts: { name: string; mountPath: string }[];
}
const docs = parseAllDocuments(readFileSync(join(ROOT, "deploy/k8s/sweep-job.yaml"), "utf8")).map((d) => d.toJS());
const job = docs.find((d) => d.kind === "Job");
const pvc = docs.find((d) => d.kind === "PersistentVolumeClaim");
const container: Container = job?.spec.template.spec.containers[0];
const shards: number = job?.spec.completions;
/** The container runs the prebuilt CLI bundle: `node cli/run.mjs simulate <args>`. */
const COMMAND = ["node", "cli/run.mjs", "simulate"];
const cmdArgs = () => container.command.slice(COMMAND.length);

describe("deploy/k8s/sweep-job.yaml", () => {
  it("is an Indexed Job with completions = shards, pods that are not restarted in place, and one container", () => {
    expect(job).toMatchObject({ apiVersion: "batch/v1", kind: "Job", spec: { completionMode: "Indexed", template: { spec: { restartPolicy: "Never" } } } });
    expect(Number.isInteger(shards) && shards >= 2).toBe(true);
    expect(job.spec.parallelism).toBeLessThanOrEqual(shards);
    expect(job.spec.template.spec.containers).toHaveLength(1);
  });
  it("runs simulate with --shard auto/<completions> and writes into a ReadWriteMany volume", () => {
    expect(container.command.slice(0, COMMAND.length)).toEqual(COMMAND);
    const a = cmdArgs();
    expect(a[a.indexOf("--shard") + 1]).toBe(`auto/${shards}`);
    const out = a[a.indexOf("--out") + 1];
    const mount = container.volumeMounts.find((m) => out.startsWith(m.mountPath + "/"));
    expect(mount, `--out ${out} is on a mounted volume`).toBeDefined();
    const volume = job.spec.template.spec.volumes.find((v: { name: string }) => v.name === mount!.name);
    expect(volume.persistentVolumeClaim.claimName).toBe(pvc.metadata.name);
    expect(pvc.spec.accessModes).toContain("ReadWriteMany");
    expect(out).toContain("{k}");
  });
  it("takes JOB_COMPLETION_INDEX from the Job's completion-index annotation, giving each index its own shard", () => {
    expect(container.env?.find((e) => e.name === "JOB_COMPLETION_INDEX")?.valueFrom?.fieldRef?.fieldPath).toBe("metadata.annotations['batch.kubernetes.io/job-completion-index']");
    const ks = Array.from({ length: shards }, (_, i) => resolveAutoShard(shards, { JOB_COMPLETION_INDEX: String(i) })).map((r) => (r.ok ? r.k : -1));
    expect(ks).toEqual(Array.from({ length: shards }, (_, i) => i + 1));
  });
  it("has a command the simulate parser accepts", () => {
    const r = parseArgs(cmdArgs(), registry, () => "");
    expect(r.ok && r.request.kind === "run" && r.request.shard).toEqual({ k: "auto", n: shards });
  });
  it("uses the image the Dockerfile builds, which holds what the command needs", () => {
    const dockerfile = readFileSync(join(ROOT, "Dockerfile"), "utf8");
    expect(dockerfile).toContain(`docker build -t ${container.image} .`);
    for (const dir of ["models", "cli", "data", "scenarios"]) expect(dockerfile).toMatch(new RegExp(`^COPY ${dir} \\./${dir}$`, "m"));
    expect(dockerfile).toMatch(/^RUN npm ci --include=dev/m); // esbuild builds the CLI bundle
    expect(dockerfile).toMatch(/^RUN node cli\/run\.mjs simulate --version$/m); // built once, into the image
  });
  it("run once per completion index, as the pods would, gives shards that merge to the unsharded output", () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-"));
    const mountPath = container.volumeMounts[0].mountPath;
    const local = cmdArgs().map((a) => a.replace(mountPath, dir));
    const env = { ...process.env, SLURM_ARRAY_TASK_ID: "", AWS_BATCH_JOB_ARRAY_INDEX: "" };
    for (let i = 0; i < shards; i++) {
      const r = spawnSync(process.execPath, [...COMMAND.slice(1), ...local], { cwd: ROOT, encoding: "utf8", env: { ...env, JOB_COMPLETION_INDEX: String(i) }, timeout: 300_000 });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toMatch(new RegExp(`shard ${i + 1}/${shards} from JOB_COMPLETION_INDEX=${i}`));
    }
    const merged = spawnSync("node_modules/.bin/tsx", ["cli/merge.ts", dir, "--out", join(dir, "merged.csv")], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
    expect(merged.status, merged.stderr).toBe(0);
    const noShard = local.filter((_, j) => !["--shard", "--out"].includes(local[j]) && !["--shard", "--out"].includes(local[j - 1]));
    const whole = spawnSync("node_modules/.bin/tsx", ["cli/simulate.ts", ...noShard, "--out", join(dir, "whole.csv")], { cwd: ROOT, encoding: "utf8", timeout: 300_000 });
    expect(whole.status, whole.stderr).toBe(0);
    expect(readFileSync(join(dir, "merged.csv")).equals(readFileSync(join(dir, "whole.csv")))).toBe(true);
  }, 600_000);
});
