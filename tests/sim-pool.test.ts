/**
 * The pool's scheduling (src/lib/sim-pool.ts): queue order, holds, tasks covered by a running one, tasks
 * handed to a busy worker ahead of time; the worker's own queue (src/lib/worker-queue.ts); and when the
 * sim client skips a progressive summary (src/lib/sim-client.ts).
 */
import { describe, expect, it } from "vitest";
import seedrandom from "seedrandom";
import { PREFETCH, PRIORITY, backgroundLimit, covers, enqueue, nextToStart, slotRoom, sparseSettings } from "../src/lib/sim-pool";
import { createTaskLoop } from "../src/lib/worker-queue";
import { loadRegistry } from "../cli/files";
import { defaultSettings, validateSettings } from "../models/params/validate";
import type { SimTask } from "../src/lib/sim-protocol";
import { soonDone } from "../src/lib/sim-client";

describe("enqueue", () => {
  it("puts a shown figure's tasks ahead of queued background and baseline tasks, FIFO within a priority", () => {
    const q: { priority: number; id: string }[] = [];
    enqueue(q, { priority: PRIORITY.background, id: "compare-1" });
    enqueue(q, { priority: PRIORITY.background, id: "compare-2" });
    enqueue(q, { priority: PRIORITY.baseline, id: "base-1" });
    enqueue(q, { priority: PRIORITY.shown, id: "main-1" });
    enqueue(q, { priority: PRIORITY.shown, id: "main-2" });
    enqueue(q, { priority: PRIORITY.background, id: "tornado-1" });
    expect(q.map((x) => x.id)).toEqual(["main-1", "main-2", "base-1", "compare-1", "compare-2", "tornado-1"]);
  });
});

const task = (regime: string, seed: number, settings: Record<string, number>, keys?: string[]): SimTask => ({ taskId: 0, regimes: [regime], seed, settings, keys });

describe("covers", () => {
  const a = task("compulsory", 1, { r: 0.1, s: 0.2 }, ["x", "y"]);
  it("holds for the same regime, seed and settings when the running task has every series asked for", () => {
    expect(covers(a, task("compulsory", 1, { s: 0.2, r: 0.1 }, ["y"]))).toBe(true);
    expect(covers(task("compulsory", 1, { r: 0.1, s: 0.2 }), task("compulsory", 1, { r: 0.1, s: 0.2 }, ["z"]))).toBe(true);
  });
  it("fails for another regime, seed, value, parameter set or series, and for warm-up tasks", () => {
    expect(covers(a, task("licensing", 1, { r: 0.1, s: 0.2 }, ["y"]))).toBe(false);
    expect(covers(a, task("compulsory", 2, { r: 0.1, s: 0.2 }, ["y"]))).toBe(false);
    expect(covers(a, task("compulsory", 1, { r: 0.11, s: 0.2 }, ["y"]))).toBe(false);
    expect(covers(a, task("compulsory", 1, { r: 0.1 }, ["y"]))).toBe(false);
    expect(covers(a, task("compulsory", 1, { r: 0.1, s: 0.2, t: 1 }, ["y"]))).toBe(false);
    expect(covers(a, task("compulsory", 1, { r: 0.1, s: 0.2 }, ["z"]))).toBe(false);
    expect(covers(a, task("compulsory", 1, { r: 0.1, s: 0.2 }))).toBe(false);
    expect(covers({ ...a, warm: true }, task("compulsory", 1, { r: 0.1, s: 0.2 }, ["y"]))).toBe(false);
  });
});

describe("nextToStart", () => {
  const shown = (t: SimTask) => ({ task: t, priority: PRIORITY.shown });
  const background = (t: SimTask) => ({ task: t, priority: PRIORITY.background });
  it("starts the first queued task when nothing holds the pool and no worker runs it", () => {
    expect(nextToStart([background(task("fair-use", 1, {})), shown(task("fair-use", 2, {}))], [], false)).toBe(0);
  });
  it("starts only shown tasks while the pool is held", () => {
    expect(nextToStart([shown(task("fair-use", 1, {})), background(task("fair-use", 2, {}))], [], true)).toBe(0);
    expect(nextToStart([{ task: task("fair-use", 2, {}), priority: PRIORITY.baseline }, background(task("fair-use", 3, {}))], [], true)).toBe(-1);
  });
  it("skips a task a worker is already running (its result will answer it) and starts the next", () => {
    const running = [task("compulsory", 1, { r: 0.1 }, ["x", "y"])];
    const q = [background(task("compulsory", 1, { r: 0.1 }, ["x"])), background(task("compulsory", 2, { r: 0.1 }, ["x"]))];
    expect(nextToStart(q, running, false)).toBe(1);
    expect(nextToStart(q.slice(0, 1), running, false)).toBe(-1);
  });
  it("starts no background task while background tasks fill their share of the workers, but still shown and baseline ones", () => {
    const q = [shown(task("fair-use", 1, {})), { task: task("fair-use", 2, {}), priority: PRIORITY.baseline }, background(task("fair-use", 3, {}))];
    expect(nextToStart(q, [], false, true)).toBe(0);
    expect(nextToStart(q.slice(1), [], false, true)).toBe(0);
    expect(nextToStart(q.slice(2), [], false, true)).toBe(-1);
    expect(nextToStart(q.slice(2), [], false, false)).toBe(0);
  });
});

describe("backgroundLimit", () => {
  it("leaves one worker for the figure the reader waits for, and lets a single worker run background work", () => {
    expect([1, 2, 3, 8].map(backgroundLimit)).toEqual([1, 1, 2, 7]);
  });
});

describe("slotRoom", () => {
  it("gives an idle worker anything, a busy one a second shown or baseline task, and nothing behind a background task or a full queue", () => {
    expect(PREFETCH).toBe(2);
    expect(slotRoom([])).toBe("any");
    expect(slotRoom([PRIORITY.shown])).toBe("foreground");
    expect(slotRoom([PRIORITY.baseline])).toBe("foreground");
    expect(slotRoom([PRIORITY.background])).toBe("none");
    expect(slotRoom([PRIORITY.shown, PRIORITY.shown])).toBe("none");
    expect(slotRoom([PRIORITY.shown, PRIORITY.baseline], 3)).toBe("foreground");
    expect(slotRoom([PRIORITY.shown, PRIORITY.background], 3)).toBe("none");
    expect(slotRoom([PRIORITY.shown], 1)).toBe("none");
  });
});

describe("createTaskLoop", () => {
  /** A loop whose steps wait in `steps` until the test runs them (the worker's message channel). */
  const manual = () => {
    const steps: (() => void)[] = [];
    const ran: number[] = [];
    const loop = createTaskLoop<{ taskId: number }>((t) => ran.push(t.taskId), (step) => steps.push(step));
    const runSteps = () => { while (steps.length) steps.shift()!(); };
    return { loop, ran, steps, runSteps };
  };
  it("runs tasks in arrival order, one per step, with one step scheduled at a time", () => {
    const { loop, ran, steps, runSteps } = manual();
    loop.push({ taskId: 1 }); loop.push({ taskId: 2 }); loop.push({ taskId: 3 });
    expect(steps.length).toBe(1);
    expect(ran).toEqual([]);
    steps.shift()!();
    expect(ran).toEqual([1]);
    expect(loop.pending()).toEqual([2, 3]);
    runSteps();
    expect(ran).toEqual([1, 2, 3]);
    expect(steps.length).toBe(0);
  });
  it("drops cancelled tasks that have not started, ignores unknown ids, and runs a task pushed after a cancel", () => {
    const { loop, ran, steps, runSteps } = manual();
    loop.push({ taskId: 1 }); loop.push({ taskId: 2 }); loop.push({ taskId: 3 });
    steps.shift()!(); // task 1 runs; a cancel of 2 and 99 arrives before the next step
    loop.cancel([2, 99]);
    loop.push({ taskId: 4 });
    runSteps();
    expect(ran).toEqual([1, 3, 4]);
    loop.cancel([1, 3]);
    loop.push({ taskId: 5 });
    runSteps();
    expect(ran).toEqual([1, 3, 4, 5]);
  });
  it("keeps going after a task throws", () => {
    const steps: (() => void)[] = [];
    const ran: number[] = [];
    const loop = createTaskLoop<{ taskId: number }>((t) => { ran.push(t.taskId); if (t.taskId === 1) throw new Error("boom"); }, (s) => steps.push(s));
    loop.push({ taskId: 1 }); loop.push({ taskId: 2 });
    expect(() => steps.shift()!()).toThrow("boom");
    while (steps.length) steps.shift()!();
    expect(ran).toEqual([1, 2]);
  });
});

describe("soonDone", () => {
  it("is true when the remaining seeds, at the pace since the first summary, finish within 200 ms", () => {
    expect(soonDone(0, 400, 16, 2)).toBe(true); // 25 ms a seed: 50 ms left
    expect(soonDone(1000, 1400, 8, 10)).toBe(false); // 50 ms a seed: 500 ms left
    expect(soonDone(0, 400, 4, 2)).toBe(false); // 100 ms a seed: 200 ms left is not "within"
  });
  it("is false before any seed after the first summary is in (no pace yet)", () => {
    expect(soonDone(0, 400, 0, 1)).toBe(false);
  });
});

describe("sparseSettings", () => {
  it("keeps only the entries that differ from the defaults", () => {
    expect(sparseSettings({ a: 1, b: 2, c: 0 }, { a: 1, b: 3, c: 0 })).toEqual({ b: 2 });
    expect(sparseSettings({}, { a: 1 })).toEqual({});
  });

  it("gives the worker the same complete settings as posting every entry would (the real registry, many random settings)", () => {
    const registry = loadRegistry();
    const defaults = defaultSettings(registry);
    const complete = (s: Record<string, number>) => ({ ...defaults, ...validateSettings(registry, Object.entries(s)).settings });
    const rng = seedrandom("sparse-settings");
    for (let k = 0; k < 50; k++) {
      // Every parameter: at its default, or (one in five) at a valid value inside its range.
      const full: Record<string, number> = {};
      for (const p of registry.parameters) {
        const x = p.range.min + rng() * (p.range.max - p.range.min);
        full[p.id] = rng() < 0.2 ? (p.kind === "number" ? x : Math.round(x)) : p.default;
      }
      const sparse = sparseSettings(full, defaults);
      expect(Object.keys(sparse).length).toBeLessThan(Object.keys(full).length);
      expect(complete(sparse)).toEqual(complete(full));
    }
  });
});
