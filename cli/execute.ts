/**
 * Running a list of tasks, in this thread or on a pool of worker threads (`--workers`). Each task runs the
 * regimes of one variant and seed with `runEnsemble` (one set of initial populations for them all); results
 * are returned by canonical index, so the output never depends on how many workers there were or which
 * finished first.
 */
import { Worker } from "node:worker_threads";
import { runEnsemble, type RunOutput } from "../models/index";
import type { Plan, Task } from "./plan";
import type { RunResult } from "./output";
import type { Progress } from "./progress";

function result(plan: Plan, index: number, run: RunOutput): RunResult {
  const v = plan.variants[plan.runs[index].variant];
  const r: RunResult = { index, run };
  if (v.point !== undefined) r.point = v.point;
  if (v.draw !== undefined) r.draw = v.draw;
  return r;
}

/** A worker running cli/worker.ts: compiled JavaScript directly, TypeScript through tsx's loader. */
function startWorker(): Worker {
  const here = import.meta.url;
  if (here.endsWith(".ts")) {
    const api = import.meta.resolve("tsx/esm/api");
    const entry = new URL("./worker.ts", here).href;
    return new Worker(`import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`, { eval: true });
  }
  return new Worker(new URL("./worker.js", here));
}

/**
 * Run the tasks and return one result per run, sorted by canonical index.
 * @param workers threads to use; 1 (or a single task) runs in this thread
 */
export async function execute(plan: Plan, tasks: readonly Task[], workers: number, progress: Progress): Promise<RunResult[]> {
  try {
    return await executeTasks(plan, tasks, workers, progress);
  } finally {
    progress.stop();
  }
}

async function executeTasks(plan: Plan, tasks: readonly Task[], workers: number, progress: Progress): Promise<RunResult[]> {
  const out: RunResult[] = [];
  const n = Math.min(workers, tasks.length);
  if (n <= 1) {
    for (const t of tasks) {
      const runs = runEnsemble(t.regimes, plan.variants[t.variant].settings, [t.seed]);
      runs.forEach((run, j) => out.push(result(plan, t.indices[j], run)));
      progress.tick(t.indices.length);
    }
    return out.sort((a, b) => a.index - b.index);
  }
  await new Promise<void>((resolve, reject) => {
    let next = 0;
    let done = 0;
    const pool: Worker[] = [];
    const finish = (err?: Error) => {
      for (const w of pool) void w.terminate();
      if (err) reject(err);
      else resolve();
    };
    const send = (w: Worker) => {
      if (next >= tasks.length) return;
      const id = next++;
      const t = tasks[id];
      w.postMessage({ id, regimes: t.regimes, settings: plan.variants[t.variant].settings, seed: t.seed });
    };
    for (let i = 0; i < n; i++) {
      const w = startWorker();
      pool.push(w);
      w.on("message", (msg: { id: number; runs: RunOutput[] }) => {
        const t = tasks[msg.id];
        msg.runs.forEach((run, j) => out.push(result(plan, t.indices[j], run)));
        progress.tick(t.indices.length);
        if (++done === tasks.length) finish();
        else send(w);
      });
      w.on("error", (e) => finish(e));
      send(w);
    }
  });
  return out.sort((a, b) => a.index - b.index);
}
