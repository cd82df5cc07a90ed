/**
 * Open/closed state of a control's popover: Escape closes it and returns focus to the trigger,
 * a pointer-down outside the host closes it. Listeners live only while the host is connected.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class PopoverController implements ReactiveController {
  #open = false;
  readonly #onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && this.#open) {
      this.open = false;
      this.trigger()?.focus();
    }
  };
  readonly #onOutside = (event: Event) => {
    if (this.#open && !event.composedPath().includes(this.host)) this.open = false;
  };

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** The button that opens the popover (focus returns to it). */
    private readonly trigger: () => HTMLElement | null | undefined,
  ) {
    host.addController(this);
  }

  get open(): boolean {
    return this.#open;
  }

  set open(value: boolean) {
    this.#open = value;
    this.host.requestUpdate();
  }

  toggle(): void {
    this.open = !this.#open;
  }

  hostConnected(): void {
    this.host.addEventListener('keydown', this.#onKey);
    document.addEventListener('pointerdown', this.#onOutside);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.#onKey);
    document.removeEventListener('pointerdown', this.#onOutside);
  }
}
