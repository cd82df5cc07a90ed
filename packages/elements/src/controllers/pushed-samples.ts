/**
 * Samples a streaming host source pushes to a panel after a run's answer: gathered per refId
 * within the panel's window, then handed on at most once per animation frame. Pushes meant for
 * an earlier run are dropped; frames that cannot be read go to `onProblem`.
 */
import { appendFrames, framesByRefId, isPromkitError, PromkitError, type Frame, type LiveWindow, type StreamPush } from '@promkit/core';

export class PushedSamples {
  readonly #pending = new Map<string, Frame[]>();
  #frame: number | undefined;
  #run = 0;

  constructor(
    private readonly apply: (pushed: ReadonlyMap<string, readonly Frame[]>) => void,
    private readonly onProblem: (error: PromkitError) => void,
    private readonly window: () => LiveWindow,
  ) {}

  /** The push handler of a new run; the previous run's pushes stop counting. */
  forRun(): StreamPush {
    const run = this.#restart();
    return (frames) => {
      if (run !== this.#run) return;
      let incoming: Record<string, Frame[]>;
      try {
        incoming = framesByRefId(frames, 'push');
      } catch (error) {
        this.onProblem(isPromkitError(error) ? error : new PromkitError(String(error)));
        return;
      }
      const window = this.window();
      for (const [refId, list] of Object.entries(incoming)) this.#pending.set(refId, appendFrames(this.#pending.get(refId) ?? [], list, window));
      this.#frame ??= requestAnimationFrame(() => this.#flush());
    };
  }

  /** Drops what is waiting and every earlier run's handler. */
  stop(): void {
    this.#restart();
  }

  #restart(): number {
    if (this.#frame !== undefined) cancelAnimationFrame(this.#frame);
    this.#frame = undefined;
    this.#pending.clear();
    return ++this.#run;
  }

  #flush(): void {
    this.#frame = undefined;
    if (this.#pending.size === 0) return;
    const pushed = new Map(this.#pending);
    this.#pending.clear();
    this.apply(pushed);
  }
}
