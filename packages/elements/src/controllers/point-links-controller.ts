/**
 * Open/closed state of a time series' point-links menu (render/point-links.ts): opening focuses
 * its first link; a pointer-down anywhere but in the menu, Escape, a followed link or the element
 * leaving the page closes it. The document listener lives only while the menu is open.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PointLinks } from '../components/panel/render/point-links.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

export class PointLinksController implements ReactiveController {
  #menu: PointLinks | undefined;
  readonly #onOutside = (event: Event) => {
    const menu = this.host.renderRoot.querySelector('.point-links');
    if (menu && !event.composedPath().includes(menu)) this.close();
  };

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  /** The open menu, or undefined. */
  get menu(): PointLinks | undefined {
    return this.#menu;
  }

  open(menu: PointLinks): void {
    if (!this.#menu) document.addEventListener('pointerdown', this.#onOutside, true);
    this.#menu = menu;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>('.point-links a')?.focus({ preventScroll: true }));
  }

  close(): void {
    if (!this.#menu) return;
    document.removeEventListener('pointerdown', this.#onOutside, true);
    this.#menu = undefined;
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.close();
  }
}
