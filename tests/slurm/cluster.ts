/**
 * A throwaway single-node Slurm cluster on this machine, for tests and timings: munged, slurmctld and
 * slurmd from Debian's `slurm-wlm` and `munge` packages, with their config, key, state and logs in a
 * temporary folder, listening on loopback only (127.0.0.1, free ports picked at start). Installs nothing.
 *
 * Each daemon is started in the foreground as a child process and stopped by its pid (SIGTERM, then SIGKILL
 * after a bounded wait); every wait is bounded. Commands get `SLURM_CONF` through `cluster.env`.
 *
 * As a script: `tsx tests/slurm/cluster.ts <command…>` starts a cluster, runs the command with SLURM_CONF
 * set, and stops the cluster whatever happens.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";

/** The programs the cluster needs, with the Debian package of each. */
export const SLURM_PROGRAMS: [string, string][] = [
  ["munged", "munge"], ["slurmctld", "slurm-wlm"], ["slurmd", "slurm-wlm"], ["sbatch", "slurm-wlm"], ["scontrol", "slurm-wlm"], ["sinfo", "slurm-wlm"],
];

/** The programs that are in none of `dirs` (default: PATH, /usr/sbin and /sbin), as "name (package)". */
export function missingPrograms(dirs: string[] = [...(process.env.PATH ?? "").split(":"), "/usr/sbin", "/sbin"]): string[] {
  return SLURM_PROGRAMS.filter(([p]) => !dirs.some((d) => d && existsSync(join(d, p)))).map(([p, pkg]) => `${p} (${pkg})`);
}

/**
 * What the Slurm test does: run when every program is there; without them, fail in CI (CI=true, where
 * .ci/run installs them, so their absence is a broken setup) and skip elsewhere.
 */
export function slurmTestMode(missing: readonly string[], env: Record<string, string | undefined>): "run" | "fail" | "skip" {
  if (!missing.length) return "run";
  return env.CI === "true" || env.CI === "1" ? "fail" : "skip";
}

export interface Cluster {
  dir: string;
  /** The environment for Slurm commands (SLURM_CONF and a PATH with /usr/sbin). */
  env: NodeJS.ProcessEnv;
  /** Stop the daemons this cluster started, by pid; safe to call twice. */
  stop(): Promise<void>;
  /** The daemons' logs, for a failure message. */
  logs(): string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Poll `check` until it returns true, for at most `ms`; throws naming `what` when it never does. */
async function waitFor(what: string, ms: number, check: () => boolean, alive: () => string | undefined): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const dead = alive();
    if (dead) throw new Error(`${dead} while waiting for ${what}`);
    if (check()) return;
    await sleep(250);
  }
  throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
}

async function stopChild(name: string, child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  process.kill(child.pid, "SIGTERM");
  const timedOut = await Promise.race([exited.then(() => false), sleep(10_000).then(() => true)]);
  if (timedOut && child.exitCode === null) {
    process.stderr.write(`${name} (pid ${child.pid}) did not stop on SIGTERM; sending SIGKILL\n`);
    process.kill(child.pid, "SIGKILL");
    await Promise.race([exited, sleep(5_000)]);
  }
}

/** Start munged, slurmctld and slurmd; resolves once the node is idle and accepts jobs. */
export async function startCluster(opts: { cpus?: number } = {}): Promise<Cluster> {
  const missing = missingPrograms();
  if (missing.length) throw new Error(`Slurm is not installed: missing ${missing.join(", ")}; apt-get install -y slurm-wlm munge (.ci/run does)`);
  const dir = mkdtempSync(join(tmpdir(), "slurm-test-"));
  chmodSync(dir, 0o755);
  for (const d of ["state", "spool", "log", "munge"]) mkdirSync(join(dir, d), { mode: 0o755 });
  chmodSync(join(dir, "munge"), 0o711); // munged wants its socket's folder searchable by all
  const key = join(dir, "munge", "munge.key");
  writeFileSync(key, randomBytes(1024), { mode: 0o400 });
  const socket = join(dir, "munge", "munge.socket");
  const [ctldPort, dPort] = [await freePort(), await freePort()];
  const ncpu = opts.cpus ?? cpus().length;
  const conf = join(dir, "slurm.conf");
  writeFileSync(conf, [
    "ClusterName=testcluster",
    "SlurmctldHost=localhost(127.0.0.1)",
    "SlurmUser=root", "SlurmdUser=root",
    "AuthType=auth/munge", "CredType=cred/munge", `AuthInfo=socket=${socket}`,
    `SlurmctldPort=${ctldPort}`, `SlurmdPort=${dPort}`,
    `StateSaveLocation=${dir}/state`, `SlurmdSpoolDir=${dir}/spool`,
    `SlurmctldPidFile=${dir}/slurmctld.pid`, `SlurmdPidFile=${dir}/slurmd.pid`,
    `SlurmctldLogFile=${dir}/log/slurmctld.log`, `SlurmdLogFile=${dir}/log/slurmd.log`,
    "ProctrackType=proctrack/linuxproc", "TaskPlugin=task/none", "MpiDefault=none",
    "SchedulerType=sched/backfill", "SelectType=select/cons_tres", "SelectTypeParameters=CR_Core",
    "ReturnToService=2", "JobAcctGatherType=jobacct_gather/none", "AccountingStorageType=accounting_storage/none",
    "SlurmctldTimeout=30", "SlurmdTimeout=30", "InactiveLimit=0", "KillWait=5", "MinJobAge=300",
    `NodeName=localhost NodeAddr=127.0.0.1 NodeHostname=localhost CPUs=${ncpu} State=UNKNOWN`,
    "PartitionName=test Nodes=localhost Default=YES MaxTime=INFINITE State=UP",
    "",
  ].join("\n"));
  const env: NodeJS.ProcessEnv = { ...process.env, SLURM_CONF: conf, PATH: `${process.env.PATH ?? ""}:/usr/sbin:/sbin` };
  const children: [string, ChildProcess][] = [];
  const start = (name: string, args: string[]) => {
    const child = spawn(name, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr!.on("data", (b) => (err = (err + b).slice(-4000)));
    (child as ChildProcess & { lastErr: () => string }).lastErr = () => err;
    children.push([name, child]);
    // Last resort if this process ends without stop(): SIGTERM each daemon we started, by pid.
    process.once("exit", () => {
      if (child.exitCode === null && child.signalCode === null && child.pid) {
        try {
          process.kill(child.pid, "SIGTERM");
        } catch {
          /* already gone */
        }
      }
    });
    return child;
  };
  const alive = () => {
    for (const [name, c] of children) if (c.exitCode !== null || c.signalCode !== null) return `${name} exited (${c.exitCode ?? c.signalCode}): ${(c as ChildProcess & { lastErr: () => string }).lastErr().trim().split("\n").slice(-3).join(" | ")}`;
    return undefined;
  };
  let stopped = false;
  const cluster: Cluster = {
    dir, env,
    async stop() {
      if (stopped) return;
      stopped = true;
      for (const [name, c] of [...children].reverse()) await stopChild(name, c);
    },
    logs() {
      return ["slurmctld.log", "slurmd.log", "munged.log"].map((f) => {
        const p = join(dir, "log", f);
        return existsSync(p) ? `--- ${f}\n${readFileSync(p, "utf8").split("\n").slice(-20).join("\n")}` : `--- ${f}: none`;
      }).join("\n");
    },
  };
  const ok = (cmd: string, args: string[]) => spawnSync(cmd, args, { env, encoding: "utf8", timeout: 10_000 });
  try {
    start("munged", ["-F", "--force", `--key-file=${key}`, `--socket=${socket}`, `--log-file=${dir}/log/munged.log`,
      `--pid-file=${dir}/munge/munged.pid`, `--seed-file=${dir}/munge/munged.seed`]);
    await waitFor("munged's socket", 15_000, () => existsSync(socket), alive);
    start("slurmctld", ["-D", "-i"]);
    await waitFor("slurmctld to answer (scontrol ping)", 30_000, () => /UP/.test(ok("scontrol", ["ping"]).stdout ?? ""), alive);
    start("slurmd", ["-D", "-N", "localhost"]);
    await waitFor("the node to be idle (sinfo)", 60_000, () => /idle/.test(ok("sinfo", ["-h", "-o", "%T"]).stdout ?? ""), alive);
    return cluster;
  } catch (e) {
    const logs = cluster.logs();
    await cluster.stop();
    throw new Error(`${(e as Error).message}\n${logs}`);
  }
}

// As a script: run a command on a fresh cluster.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!) && process.argv.length > 2) {
  const cluster = await startCluster();
  let status = 1;
  const onSignal = () => void cluster.stop().then(() => process.exit(130));
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    const r = spawnSync(process.argv[2], process.argv.slice(3), { env: cluster.env, stdio: "inherit" });
    status = r.status ?? 1;
  } finally {
    await cluster.stop();
  }
  process.exit(status);
}
