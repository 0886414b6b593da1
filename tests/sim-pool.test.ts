/** The pool's queue order (src/lib/sim-pool.ts): priority first, then submission order. */
import { describe, expect, it } from "vitest";
import { PRIORITY, enqueue } from "../src/lib/sim-pool";

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
