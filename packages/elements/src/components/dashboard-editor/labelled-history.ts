/** The edit session's undo history, each definition labelled with what made it ("Move “CPU”") for the undo and redo announcements. */
import type { Dashboard } from '@promkit/core';
import { canRedo, canUndo, isDirty, pushHistory, redo, startHistory, undo, type History } from '@promkit/core/edit';

export class LabelledHistory {
  #history: History<Dashboard>;
  readonly #labels = new WeakMap<Dashboard, string>();

  constructor(initial: Dashboard) {
    this.#history = startHistory(initial);
  }

  /** The definition when editing began (or was last saved): what Discard restores. */
  get initial(): Dashboard {
    return this.#history.initial;
  }

  get current(): Dashboard {
    return this.#history.current;
  }

  get canUndo(): boolean {
    return canUndo(this.#history);
  }

  get canRedo(): boolean {
    return canRedo(this.#history);
  }

  /** Whether the current definition differs from the initial one. */
  get changed(): boolean {
    return isDirty(this.#history);
  }

  /** `next` becomes current (one step to undo); false when it already is. */
  push(next: Dashboard, label?: string): boolean {
    if (next === this.#history.current) return false;
    if (label) this.#labels.set(next, label);
    this.#history = pushHistory(this.#history, next);
    return true;
  }

  /** Back one step; the label of the change undone. */
  undo(): string | undefined {
    const label = this.#labels.get(this.#history.current);
    this.#history = undo(this.#history);
    return label;
  }

  /** Forward one step; the label of the change redone. */
  redo(): string | undefined {
    this.#history = redo(this.#history);
    return this.#labels.get(this.#history.current);
  }

  /** Starts again from `d` (after Save or Discard): nothing to undo. */
  restart(d: Dashboard): void {
    this.#history = startHistory(d);
  }
}
