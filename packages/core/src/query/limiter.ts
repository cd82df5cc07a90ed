/** At most N tasks at once; the rest wait in order. A waiter whose signal aborts leaves the queue. */
import { CanceledError } from '../prometheus/errors.js';

export class Limiter {
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(readonly limit: number) {}

  /** Runs `task` when a slot is free. */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.#acquire(signal);
    try {
      return await task();
    } finally {
      this.#running -= 1;
      this.#waiting.shift()?.();
    }
  }

  #acquire(signal: AbortSignal | undefined): Promise<void> {
    const canceled = () => new CanceledError('Canceled while waiting for a free request slot.', { cause: signal?.reason });
    if (signal?.aborted) return Promise.reject(canceled());
    if (this.#running < this.limit) {
      this.#running += 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const start = () => {
        signal?.removeEventListener('abort', onAbort);
        this.#running += 1;
        resolve();
      };
      const onAbort = () => {
        this.#waiting.splice(this.#waiting.indexOf(start), 1);
        reject(canceled());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#waiting.push(start);
    });
  }
}
