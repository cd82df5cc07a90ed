/**
 * An element's update, waiting also for code it loads on first use and the update after each
 * load (for `getUpdateComplete`): `update` is the element's own (`() => super.getUpdateComplete()`),
 * `pending` the load still running, if any.
 */
export async function updatedWithCode(update: () => Promise<boolean>, pending: () => Promise<unknown> | undefined): Promise<boolean> {
  let complete = await update();
  for (let load = pending(); load; load = pending()) {
    await load;
    complete = await update();
  }
  return complete;
}

/**
 * Code loaded on first use, with a dynamic `import()`: a chunk of its own in the chunked
 * script-tag build and in an npm user's bundle, inlined in the single-file build. One load at a
 * time; one that failed is forgotten, so the next `load()` tries again (say, after a Retry once
 * the network is back).
 */
export class OnDemand<T> {
  /** The loaded module, once it is. */
  value: T | undefined;
  #pending: Promise<T> | undefined;

  constructor(
    /** What the code is for, in the error when it cannot be loaded: "the chart code". */
    private readonly what: string,
    private readonly loader: () => Promise<T>,
  ) {}

  load(): Promise<T> {
    this.#pending ??= this.loader().then(
      (value) => (this.value = value),
      (error: unknown) => {
        this.#pending = undefined;
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`promkit could not load ${this.what} (${reason}). Check the connection and that the folder promkit's script is served from holds all its files, then retry.`, { cause: error });
      },
    );
    return this.#pending;
  }
}
