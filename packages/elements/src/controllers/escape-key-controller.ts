/** Calls back when Escape is pressed anywhere in the document, while the host is connected. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class EscapeKeyController implements ReactiveController {
  readonly #onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') this.onEscape();
  };

  constructor(
    host: ReactiveControllerHost,
    private readonly onEscape: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('keydown', this.#onKey);
  }

  hostDisconnected(): void {
    document.removeEventListener('keydown', this.#onKey);
  }
}
