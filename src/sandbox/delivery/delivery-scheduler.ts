/**
 * Runs a task later. Delivery retries and chaos delays go through it, so
 * tests can inject one they drive by hand instead of waiting on timers.
 */
export interface DeliveryScheduler {
  /** Runs `task` after `delayMs` milliseconds. */
  schedule(task: () => void, delayMs: number): void;
}

/** The real scheduler: timers that never keep the process alive. */
export const timerScheduler: DeliveryScheduler = {
  schedule(task, delayMs) {
    setTimeout(task, delayMs).unref();
  },
};

/** A scheduler a test drives by hand with {@link ManualScheduler.runAll}. */
export class ManualScheduler implements DeliveryScheduler {
  readonly #tasks: { task: () => void; delayMs: number }[] = [];

  /** Delays asked for so far that have not run, in milliseconds. */
  get pendingDelays(): number[] {
    return this.#tasks.map((entry) => entry.delayMs);
  }

  schedule(task: () => void, delayMs: number): void {
    this.#tasks.push({ task, delayMs });
  }

  /** Runs every task scheduled so far, as if their time had come. */
  runAll(): number {
    const tasks = this.#tasks.splice(0);
    for (const entry of tasks) entry.task();
    return tasks.length;
  }
}
