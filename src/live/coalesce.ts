/*
 * One request of a kind at a time: a trigger while a run is under way queues exactly one more run
 * (started after the current one ends, so it sees everything that happened meanwhile); further
 * triggers join that queued run. Never a storm, never a missed update.
 */
export interface Coalescer {
  trigger(): Promise<void>;
  readonly busy: boolean;
}

export function coalescer(run: () => Promise<unknown>): Coalescer {
  let current: Promise<void> | null = null;
  let queued: Promise<void> | null = null;

  const start = (): Promise<void> => {
    const running = Promise.resolve()
      .then(run)
      .then(
        () => undefined,
        () => undefined, // a failed refresh is not fatal: the next trigger or the safety net tries again
      )
      .finally(() => {
        if (current === running) current = null;
      });
    current = running;
    return running;
  };

  return {
    trigger() {
      if (!current) return start();
      queued ??= current.then(() => {
        queued = null;
        return start();
      });
      return queued;
    },
    get busy() {
      return current !== null;
    },
  };
}
