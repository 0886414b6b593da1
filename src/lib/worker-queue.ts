/**
 * A simulation worker's own queue of tasks (src/workers/sim.worker.ts). The page's pool hands a worker
 * its next task before the one it runs is finished (src/lib/sim-pool.ts, `PREFETCH`), so the worker
 * queues tasks as they arrive and runs them one per step of its event loop (`schedule`): between two
 * runs it reads the messages that came meanwhile, among them a `SimCancel` that recalls queued tasks.
 * Not responsible for running a task (the worker's `run`) or for what a cancelled task's owner sees.
 * @example
 *   const loop = createTaskLoop((t) => post(run(t)), (step) => channel.port2.postMessage(step));
 *   loop.push(task); loop.cancel([task.taskId]);
 */
export interface TaskLoop<T extends { taskId: number }> {
  /** Queue a task; it runs in a later step, after those queued before it. */
  push(task: T): void;
  /** Drop queued (not yet started) tasks with these ids; unknown ids are ignored. */
  cancel(taskIds: readonly number[]): void;
  /** Ids of the tasks waiting, in the order they will run. */
  pending(): number[];
}

/**
 * A queue that runs its tasks with `run`, one per call of the step that `schedule` arranges to be called
 * later (a new event-loop task, so that messages received in between are handled first).
 */
export function createTaskLoop<T extends { taskId: number }>(run: (task: T) => void, schedule: (step: () => void) => void): TaskLoop<T> {
  const queue: T[] = [];
  let scheduled = false;
  const kick = () => {
    if (scheduled || queue.length === 0) return;
    scheduled = true;
    schedule(step);
  };
  function step() {
    scheduled = false;
    const task = queue.shift();
    try {
      if (task) run(task);
    } finally {
      kick();
    }
  }
  return {
    push(task) { queue.push(task); kick(); },
    cancel(taskIds) {
      for (let i = queue.length - 1; i >= 0; i--) if (taskIds.includes(queue[i].taskId)) queue.splice(i, 1);
    },
    pending: () => queue.map((t) => t.taskId),
  };
}
