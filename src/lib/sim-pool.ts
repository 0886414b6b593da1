/**
 * A small pool of simulation workers shared by every sim client on a page. Tasks (one seed each) wait in
 * one FIFO queue and go to the first idle worker; a client can withdraw its queued tasks at any time
 * (cancellation between seeds). Results of tasks already running when a client cancels are discarded by
 * that client (it checks its generation counter).
 *
 * Not responsible for what a task means or for summarising results: see sim-client.ts.
 */
import type { SimTask, SimTaskResult } from "./sim-protocol";

type Callback = (result: SimTaskResult) => void;
interface Pending { task: SimTask; owner: number; callback: Callback }

/** Number of workers: one per core, at most 4 (more gives little for 5 regimes × tens of seeds). */
function poolSize(): number {
  const cores = typeof navigator !== "undefined" && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(4, cores));
}

class SimPool {
  private workers: { worker: Worker; busy: Pending | null }[] = [];
  private queue: Pending[] = [];
  private nextTaskId = 1;

  private ensureWorkers() {
    if (this.workers.length) return;
    for (let i = 0; i < poolSize(); i++) {
      const worker = new Worker(new URL("../workers/sim.worker.ts", import.meta.url), { type: "module" });
      const slot = { worker, busy: null as Pending | null };
      worker.onmessage = (e: MessageEvent<SimTaskResult>) => {
        const done = slot.busy;
        slot.busy = null;
        if (done && done.task.taskId === e.data.taskId) done.callback(e.data);
        this.pump();
      };
      worker.onerror = (e) => {
        const done = slot.busy;
        slot.busy = null;
        if (done) done.callback({ taskId: done.task.taskId, ok: false, error: e.message || "worker error" });
        this.pump();
      };
      this.workers.push(slot);
    }
  }

  /** Queue one task for `owner`; `callback` gets its result. */
  submit(owner: number, task: Omit<SimTask, "taskId">, callback: Callback): void {
    this.ensureWorkers();
    this.queue.push({ task: { ...task, taskId: this.nextTaskId++ }, owner, callback });
    this.pump();
  }

  /** Remove every queued (not yet started) task of `owner`. */
  withdraw(owner: number): void {
    this.queue = this.queue.filter((p) => p.owner !== owner);
  }

  private pump() {
    for (const slot of this.workers) {
      if (slot.busy) continue;
      const next = this.queue.shift();
      if (!next) return;
      slot.busy = next;
      slot.worker.postMessage(next.task);
    }
  }
}

let shared: SimPool | undefined;

/** The page's pool (created on first use, so pages without simulations start no workers). */
export function getPool(): SimPool {
  shared ??= new SimPool();
  return shared;
}
