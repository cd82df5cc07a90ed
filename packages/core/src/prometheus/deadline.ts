/**
 * A time limit for one whole call (request, retries, waits and the full body): its signal aborts
 * when the time is up or when the caller's own signal aborts, and it tells the two apart.
 */
import { InvalidArgumentError } from './errors.js';

/** The longest delay setTimeout honours (about 24.8 days); longer ones fire at once. */
export const MAX_TIMEOUT_MS = 2_147_483_647;

/** Throws unless `ms` is a usable timeout in milliseconds. */
export function checkTimeout(ms: number, what = 'timeout'): void {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms <= 0 || ms > MAX_TIMEOUT_MS) {
    throw new InvalidArgumentError(`${what} must be a number of milliseconds from 1 to ${MAX_TIMEOUT_MS}, got ${String(ms)}.`);
  }
}

export class Deadline {
  /** Aborts at the deadline (reason: a `TimeoutError` DOMException) or with the caller's reason. */
  readonly signal: AbortSignal;
  readonly #controller = new AbortController();
  readonly #end: number;
  readonly #timer: ReturnType<typeof setTimeout>;
  readonly #caller: AbortSignal | undefined;
  readonly #onCallerAbort = () => this.#controller.abort(this.#caller?.reason);
  #expired = false;

  constructor(
    /** The time allowed, in milliseconds. */
    readonly ms: number,
    caller?: AbortSignal,
  ) {
    checkTimeout(ms);
    this.signal = this.#controller.signal;
    this.#end = Date.now() + ms;
    this.#caller = caller;
    if (caller?.aborted) this.#onCallerAbort();
    else caller?.addEventListener('abort', this.#onCallerAbort, { once: true });
    this.#timer = setTimeout(() => {
      if (this.signal.aborted) return;
      this.#expired = true;
      this.#controller.abort(new DOMException(`No complete answer within ${ms} ms`, 'TimeoutError'));
    }, ms);
  }

  /** True when the time ran out before the caller aborted. */
  get expired(): boolean {
    return this.#expired;
  }

  /** Milliseconds left, 0 once past. */
  remaining(): number {
    return Math.max(0, this.#end - Date.now());
  }

  /**
   * Settles like `work`, or rejects with the abort reason as soon as the signal aborts, even if
   * `work` ignores the signal (a custom fetch, a body stream that never ends).
   */
  race<T>(work: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const abort = () => reject(this.signal.reason);
      if (this.signal.aborted) abort();
      else this.signal.addEventListener('abort', abort, { once: true });
      work.then(resolve, reject).finally(() => this.signal.removeEventListener('abort', abort));
    });
  }

  /** Stops the timer and stops listening to the caller; call when the call is over. */
  clear(): void {
    clearTimeout(this.#timer);
    this.#caller?.removeEventListener('abort', this.#onCallerAbort);
  }
}
