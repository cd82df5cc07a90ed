/**
 * Work that many elements want to do at once (every panel creating its chart when the chart code
 * arrives) takes turns: queued jobs run one after another for up to a slice of 16 ms, then the
 * page gets its main thread back (input, paint) before the next slice. So twenty charts created
 * together are twenty short tasks, not one long one. Jobs run in the order they were queued.
 */
const SLICE_MS = 16;
const queue: (() => void)[] = [];
let scheduled = false;

/** Runs `job` in a coming slice; resolves when it has run (rejects if it threw). */
export function inTurn(job: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    queue.push(() => {
      try {
        job();
        resolve();
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    if (!scheduled) schedule();
  });
}

function schedule(): void {
  scheduled = true;
  setTimeout(runSlice, 0);
}

function runSlice(): void {
  scheduled = false;
  const start = performance.now();
  while (queue.length > 0 && performance.now() - start < SLICE_MS) queue.shift()!();
  if (queue.length > 0) schedule();
}
