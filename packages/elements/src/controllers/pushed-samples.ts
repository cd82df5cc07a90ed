/**
 * Samples pushed to a panel (by `appendData`, or by a streaming host source between runs):
 * gathered per refId within the panel's window, then handed on at most once per animation frame,
 * however often they come.
 */
import { appendFrames, type Frame, type LiveWindow } from '@promkit/core';

export class PushedSamples {
  readonly #pending = new Map<string, Frame[]>();
  #frame: number | undefined;

  constructor(
    private readonly apply: (pushed: ReadonlyMap<string, readonly Frame[]>) => void,
    private readonly window: () => LiveWindow,
  ) {}

  /** Adds checked frames for `refId`; they are handed on at the next animation frame. */
  add(refId: string, frames: readonly Frame[]): void {
    this.#pending.set(refId, appendFrames(this.#pending.get(refId) ?? [], frames, this.window()));
    this.#frame ??= requestAnimationFrame(() => this.#flush());
  }

  /** Hands on what is waiting now, without waiting for a frame (the panel leaves the page). */
  flushNow(): void {
    this.#cancelFrame();
    this.#flush();
  }

  /** Drops what is waiting. */
  clear(): void {
    this.#cancelFrame();
    this.#pending.clear();
  }

  #cancelFrame(): void {
    if (this.#frame !== undefined) cancelAnimationFrame(this.#frame);
    this.#frame = undefined;
  }

  #flush(): void {
    this.#frame = undefined;
    if (this.#pending.size === 0) return;
    const pushed = new Map(this.#pending);
    this.#pending.clear();
    this.apply(pushed);
  }
}
