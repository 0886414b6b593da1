/**
 * A worker_threads pool for the bench: tasks (one seed, all regimes) go to the first idle worker, like
 * the browser pool in src/lib/sim-pool.ts. Used to time ensembles with as many workers as cores.
 */
import { Worker } from "node:worker_threads";
import type { RunOutput } from "../models/index";

interface Slot { worker: Worker; busy: boolean }

export class NodePool {
  private slots: Slot[] = [];
  private constructor() {}

  static async create(size: number): Promise<NodePool> {
    const pool = new NodePool();
    const url = new URL("./pool-worker.mjs", import.meta.url);
    await Promise.all(Array.from({ length: size }, () => new Promise<void>((ok, fail) => {
      const worker = new Worker(url);
      worker.once("error", fail);
      worker.once("message", () => ok());
      pool.slots.push({ worker, busy: false });
    })));
    return pool;
  }

  get size(): number { return this.slots.length; }

  /** Run `regimes` × `seeds`; resolves with the runs ordered seed-major (as runEnsemble). */
  run(regimes: string[], params: Record<string, number>, seeds: number[]): Promise<RunOutput[]> {
    return new Promise((resolve, reject) => {
      const results = new Map<number, RunOutput[]>();
      let next = 0;
      const feed = (slot: Slot) => {
        if (next >= seeds.length) return;
        const id = next++;
        slot.busy = true;
        const onMsg = (m: { id: number; runs: RunOutput[] }) => {
          slot.worker.off("error", onErr);
          slot.busy = false;
          results.set(m.id, m.runs);
          if (results.size === seeds.length) resolve(seeds.flatMap((_, i) => results.get(i)!));
          else feed(slot);
        };
        const onErr = (e: Error) => reject(e);
        slot.worker.once("message", onMsg);
        slot.worker.once("error", onErr);
        slot.worker.postMessage({ id, regimes, params, seed: seeds[id] });
      };
      for (const s of this.slots) feed(s);
    });
  }

  /** A tiny run on every worker so its JIT is warm before timing. */
  async warm(regimes: string[], params: Record<string, number>, times = 2): Promise<void> {
    for (let k = 0; k < times; k++) await this.run(regimes, params, Array.from({ length: this.size }, (_, i) => 1000 + i));
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
