/**
 * Calls `tick` every interval while the page is visible and the element is on screen. A tick
 * that falls due while hidden runs as soon as the element is visible again; no timer, listener
 * or observer outlives the element's connection.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class RefreshController implements ReactiveController {
  #intervalMs = 0;
  #timer: ReturnType<typeof setInterval> | undefined;
  #observer: IntersectionObserver | undefined;
  #onScreen = true;
  #due = false;
  #connected = false;
  readonly #onVisibility = () => this.#maybeRun();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly tick: () => void,
  ) {
    host.addController(this);
  }

  /** Interval in ms; 0 turns refreshing off. */
  set intervalMs(ms: number) {
    if (ms === this.#intervalMs) return;
    this.#intervalMs = ms;
    this.#restart();
  }

  get intervalMs(): number {
    return this.#intervalMs;
  }

  /** True while refreshes would run now (visible, on screen). */
  get active(): boolean {
    return this.#connected && !document.hidden && this.#onScreen;
  }

  hostConnected(): void {
    this.#connected = true;
    document.addEventListener('visibilitychange', this.#onVisibility);
    this.#observer = new IntersectionObserver((entries) => {
      this.#onScreen = entries.some((e) => e.isIntersecting);
      this.#maybeRun();
    });
    this.#observer.observe(this.host);
    this.#restart();
  }

  hostDisconnected(): void {
    this.#connected = false;
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#observer?.disconnect();
    this.#observer = undefined;
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #restart(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    if (!this.#connected || this.#intervalMs <= 0) return;
    this.#timer = setInterval(() => {
      this.#due = true;
      this.#maybeRun();
    }, this.#intervalMs);
  }

  #maybeRun(): void {
    if (!this.#due || !this.active) return;
    this.#due = false;
    this.tick();
  }
}
