/**
 * A small pool of simulation workers shared by every sim client on a page. Tasks (one seed, usually one
 * regime each) wait in one queue, ordered by priority and then by submission (`PRIORITY`: the figure the
 * reader is looking at first, then its baseline, then background work such as comparisons and the live
 * tornado), and go to the first idle worker; a client can withdraw its queued tasks at any time
 * (cancellation between tasks). Results of tasks already running when a client
 * cancels are discarded by that client (it checks its generation counter).
 * Three rules keep the workers on the work the reader is waiting for (issue 14, the first redraw and the
 * bands): while a figure holds the pool (`hold`, from a slider move until its first redraw is painted),
 * only `shown` tasks start, so no background run takes a core from the first run or its drawing;
 * background tasks never take every worker (`backgroundLimit`: all but one), because a run cannot be
 * stopped once started, and a slider move that found both workers inside the live tornado's runs waited
 * up to a whole run (15–40 ms on a 2-core machine) before its first seed could start; and a
 * task is answered without running when its answer is ready by the time a worker is free (`answer`, the
 * run cache) or deferred while a worker is running the same task (`covers`), so a comparison queued
 * behind the charts' runs reuses them instead of repeating them.
 * A worker is given its next task before it finishes the one it runs (`slotRoom`, up to `PREFETCH` in
 * flight): the main thread hands out tasks only when it is free, and a Chromium trace of an every-regime
 * slider move showed both workers idle for 7–15 ms at a time while it drew a frame or summarised, 20–25%
 * of their time over a move's bands. Tasks handed out but not started are recalled when their owner
 * withdraws (`SimCancel`; the worker keeps its own queue and drops them).
 *
 * Not responsible for what a task means or for summarising results: see sim-client.ts.
 */
import { WARM_SETTINGS, modelParameters, type SimCancel, type SimInit, type SimTask, type SimTaskResult } from "./sim-protocol";

type Callback = (result: SimTaskResult) => void;
interface Pending {
  task: SimTask; owner: number; callback: Callback; priority: number;
  /** Looked up when a worker is free: the task's result if the page has it by then (the run cache; its `taskId` is 0), else undefined. */
  answer?: () => SimTaskResult | undefined;
}

/**
 * Task priorities, lowest first: `shown` for the figure being redrawn for the reader, `baseline` for what
 * it is compared against, `background` for work whose result may wait (paired comparisons, the live
 * tornado, the four-line view). Without them a slider move queued behind the last move's background
 * tasks, and the first redraw waited for work nobody was looking at.
 */
export const PRIORITY = { shown: 0, baseline: 1, background: 2 } as const;
export type Priority = (typeof PRIORITY)[keyof typeof PRIORITY];
/** A worker and the tasks handed to it that it has not answered yet, oldest (the one it runs) first. */
interface Slot { worker: Worker; inflight: Pending[]; used: boolean }

/**
 * Most tasks in flight on one worker: the one it runs and one waiting in its own queue, so that it starts
 * the next as soon as it posts a result, without waiting for the main thread to be free. More would leave
 * one worker with a queue while the other idles at the end of a request.
 */
export const PREFETCH = 2;

/**
 * What a worker with tasks of these priorities in flight (oldest first) may be given now: anything when
 * it has none; a `shown` or `baseline` task behind others that are all such tasks, up to `PREFETCH`; else
 * nothing. Background tasks are never queued behind a task, nor anything behind one: a background task
 * handed out early would hold a worker when the reader's next request comes.
 * @example slotRoom([]) // => "any"
 * @example slotRoom([PRIORITY.shown]) // => "foreground"
 * @example slotRoom([PRIORITY.background]) // => "none"
 */
export function slotRoom(inflight: readonly number[], depth = PREFETCH): "any" | "foreground" | "none" {
  if (inflight.length === 0) return "any";
  if (inflight.length >= depth || inflight.some((p) => p >= PRIORITY.background)) return "none";
  return "foreground";
}

/** Most workers a page starts (a 5-regime × 20-seed ensemble is 100 tasks; more threads add memory, not speed, beyond this). */
const MAX_WORKERS = 8;

/** Number of workers: one per logical core, capped. */
function poolSize(): number {
  const cores = typeof navigator !== "undefined" && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(MAX_WORKERS, cores));
}

/**
 * Insert `item` behind every queued item of the same or a higher priority (a lower number), ahead of the
 * lower-priority ones: FIFO within a priority.
 * @example enqueue(q = [{ priority: 0 }, { priority: 2 }], { priority: 1 }) // q: priorities 0, 1, 2
 */
export function enqueue<T extends { priority: number }>(queue: T[], item: T): void {
  let at = queue.length;
  while (at > 0 && queue[at - 1].priority > item.priority) at--;
  queue.splice(at, 0, item);
}

/**
 * Whether running `a` makes running `b` unnecessary: one regime, the same one, the same seed, equal
 * settings, and every series `b` asks for among `a`'s (absent keys: every series).
 * @example covers({ regimes: ["fair-use"], seed: 1, settings: { x: 1 } }, { regimes: ["fair-use"], seed: 1, settings: { x: 1 }, keys: ["a"] }) // => true
 */
export function covers(a: Pick<SimTask, "regimes" | "seed" | "settings" | "keys" | "warm">, b: Pick<SimTask, "regimes" | "seed" | "settings" | "keys" | "warm">): boolean {
  if (a.warm || b.warm || a.regimes.length !== 1 || b.regimes.length !== 1 || a.regimes[0] !== b.regimes[0] || a.seed !== b.seed) return false;
  if (a.keys && (!b.keys || !b.keys.every((k) => a.keys!.includes(k)))) return false;
  const as = a.settings, bs = b.settings;
  let n = 0;
  for (const id in as) { if (as[id] !== bs[id]) return false; n++; }
  return n === Object.keys(bs).length;
}

/**
 * The entries of `settings` that differ from `defaults` (the worker fills the rest with the same
 * defaults, from the same parameter records): what a task posts. The explorer's settings carry all 168
 * parameters; cloning them into the worker took about 0.1 ms a task (timed in Chromium), and the worker
 * validated every one again. A small saving: the 1.5–2 ms a move that a CPU profile shows inside
 * `postMessage` is not the clone (the same with sparse settings). Not `nonDefault` (models/params/validate.ts):
 * that drops ids the registry does not know, which the worker must see to report them, and sorts.
 * @example sparseSettings({ a: 1, b: 2 }, { a: 1, b: 3 }) // => { b: 2 }
 */
export function sparseSettings(settings: Readonly<Record<string, number>>, defaults: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const id in settings) if (!Object.is(settings[id], defaults[id])) out[id] = settings[id];
  return out;
}

/**
 * How many background tasks may run at once in a pool of `workers`: all but one worker (at least one),
 * so a task the reader waits for always finds a worker free.
 * @example backgroundLimit(2) // => 1
 */
export function backgroundLimit(workers: number): number {
  return Math.max(1, workers - 1);
}

/**
 * The index in `queue` of the next task a free worker should start, or -1: the first one not held back
 * (while `held`, only `shown` tasks start; while `backgroundFull`, no `background` task starts) and not
 * covered by a task a worker is running (`running`). Tasks skipped as covered stay queued: the running
 * task's result will answer them.
 */
export function nextToStart(queue: readonly Pick<Pending, "task" | "priority">[], running: readonly SimTask[], held: boolean, backgroundFull = false): number {
  for (let i = 0; i < queue.length; i++) {
    const p = queue[i].priority;
    // Sorted by priority: once one may not start, nothing later may either.
    if ((held && p > PRIORITY.shown) || (backgroundFull && p >= PRIORITY.background)) return -1;
    if (!running.some((t) => covers(t, queue[i].task))) return i;
  }
  return -1;
}

const WARM_OWNER = 0;
let lastOwner = WARM_OWNER;

/** A fresh owner id for a client of the pool (every client that submits or withdraws tasks takes one). */
export function newOwner(): number {
  return ++lastOwner;
}

class SimPool {
  private workers: Slot[] = [];
  private queue: Pending[] = [];
  private nextTaskId = 1;
  /** Set once every worker has its parameter records (`SimInit`); tasks wait until then. */
  private initialised = false;
  private ready: Promise<void> | undefined;
  /** Holds in force (`hold`): while any is, only `shown` tasks start. */
  private holds = 0;
  /** Every parameter's default, from the records the workers got (`SimInit`): tasks post only what differs (`sparseSettings`). */
  private defaults: Record<string, number> = {};

  private ensureWorkers() {
    if (this.workers.length) return;
    for (let i = 0; i < poolSize(); i++) {
      const worker = new Worker(new URL("../workers/sim.worker.ts", import.meta.url), { type: "module" });
      const slot: Slot = { worker, inflight: [], used: false };
      worker.onmessage = (e: MessageEvent<SimTaskResult>) => {
        // Hand out the next task before the result's callback (which may summarise and draw for a while).
        // A result whose task is no longer in flight was recalled (`withdraw`) after the worker started it.
        const at = slot.inflight.findIndex((p) => p.task.taskId === e.data.taskId);
        const done = at >= 0 ? slot.inflight.splice(at, 1)[0] : undefined;
        this.pump();
        done?.callback(e.data);
      };
      worker.onerror = (e) => {
        // An error outside a task's own try (the worker reports those as results): the task it was running fails.
        const done = slot.inflight.shift();
        this.pump();
        done?.callback({ taskId: done.task.taskId, ok: false, error: e.message || "worker error" });
      };
      this.workers.push(slot);
    }
    // Before any task (a worker handles its messages in order): the parameter records it validates with,
    // from the page's registry (imported here, not at the top, so that code importing the pool for its
    // types or constants does not need the build-time registry module).
    this.ready = import("./registry").then(({ getRegistry }) => {
      const init: SimInit = { init: modelParameters(getRegistry().parameters) };
      for (const p of init.init) this.defaults[p.id] = p.default;
      for (const slot of this.workers) slot.worker.postMessage(init);
      this.initialised = true;
      this.pump();
    });
  }

  /** Queue one task for `owner` behind every queued task of the same or a higher priority; `callback` gets its result. */
  submit(owner: number, task: Omit<SimTask, "taskId">, callback: Callback, priority: Priority = PRIORITY.background, answer?: () => SimTaskResult | undefined): void {
    this.ensureWorkers();
    enqueue(this.queue, { task: { ...task, taskId: this.nextTaskId++ }, owner, callback, priority, answer });
    this.pump();
  }

  /**
   * Hold back every task but `shown` ones until the returned function is called (once; later calls do
   * nothing): a figure redrawn after a slider move holds the pool until its first redraw is painted.
   */
  hold(): () => void {
    this.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds--;
      this.pump();
    };
  }

  /**
   * Remove every queued task of `owner`, and recall those handed to a worker behind the one it runs (the
   * worker drops them unless it has started one by the time the message arrives; its result is then
   * ignored). Callbacks of removed tasks are never called.
   */
  withdraw(owner: number): void {
    this.queue = this.queue.filter((p) => p.owner !== owner);
    for (const slot of this.workers) {
      const recalled = slot.inflight.filter((p, i) => i > 0 && p.owner === owner);
      if (!recalled.length) continue;
      slot.inflight = slot.inflight.filter((p) => !recalled.includes(p));
      const msg: SimCancel = { cancel: recalled.map((p) => p.task.taskId) };
      slot.worker.postMessage(msg);
    }
    this.pump();
  }

  /**
   * Start the workers and give each one that has not run anything yet a tiny simulation, so that the
   * first real request runs compiled code. Does nothing for workers that are busy or already used.
   */
  warm(): void {
    this.ensureWorkers();
    if (!this.initialised) { void this.ready?.then(() => this.warm()); return; }
    for (const slot of this.workers) {
      if (slot.inflight.length || slot.used || this.queue.length) continue;
      this.start(slot, { task: { taskId: this.nextTaskId++, regimes: [], settings: WARM_SETTINGS, seed: 0, warm: true }, owner: WARM_OWNER, callback: () => {}, priority: PRIORITY.background });
    }
  }

  private start(slot: Slot, next: Pending) {
    slot.inflight.push(next);
    slot.used = true;
    // The task kept in flight (for `covers`) has the settings as submitted; the worker gets the same settings, sparse.
    slot.worker.postMessage({ ...next.task, settings: sparseSettings(next.task.settings, this.defaults) });
  }

  /** Hand out tasks: first to idle workers, then a second one to each worker that has room (`slotRoom`). */
  private pump() {
    if (!this.initialised) return;
    for (let depth = 1; depth <= PREFETCH; depth++) {
      for (const slot of this.workers) {
        if (slot.inflight.length >= depth) continue;
        const room = slotRoom(slot.inflight.map((p) => p.priority));
        if (room === "none") continue;
        const next = this.takeNext(room === "foreground");
        if (!next) return;
        this.start(slot, next);
      }
    }
  }

  /**
   * Remove and return the next task to start (`nextToStart`; no background task when `foregroundOnly`),
   * answering on the way those whose result is ready.
   */
  private takeNext(foregroundOnly: boolean): Pending | undefined {
    const running = this.workers.flatMap((s) => s.inflight.map((p) => p.task));
    const background = this.workers.reduce((n, s) => n + s.inflight.filter((p) => p.priority >= PRIORITY.background).length, 0);
    for (;;) {
      const i = nextToStart(this.queue, running, this.holds > 0, foregroundOnly || background >= backgroundLimit(this.workers.length));
      if (i < 0) return undefined;
      const [next] = this.queue.splice(i, 1);
      const result = next.answer?.();
      if (!result) return next;
      queueMicrotask(() => next.callback(result)); // taskId 0: answered, not run
    }
  }
}

let shared: SimPool | undefined;

/** The page's pool (created on first use, so pages without simulations start no workers). */
export function getPool(): SimPool {
  shared ??= new SimPool();
  return shared;
}

let warmScheduled = false;

/** Warm the pool's workers once, when the page is idle (see SimPool.warm). */
export function warmPoolWhenIdle(): void {
  if (warmScheduled || typeof window === "undefined") return;
  warmScheduled = true;
  const go = () => getPool().warm();
  if ("requestIdleCallback" in window) window.requestIdleCallback(go, { timeout: 2000 });
  else setTimeout(go, 200);
}
