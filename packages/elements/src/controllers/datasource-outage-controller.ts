/**
 * Tracks which panels of a dashboard cannot reach their datasource, from the prom-error and
 * prom-data events the panels send up: a connection failure marks a panel, data without one clears
 * it. While any panel is marked, `outage` holds the first failure, how many panels it stops and
 * when; the host is asked to update whenever that changes, so it tells the outage once.
 */
import { isConnectionError, type PromkitError } from '@promkit/core';
import { PromDataEvent } from '../events/data-event.js';
import { PromErrorEvent } from '../events/error-event.js';

/** A datasource that cannot be reached: the first failure seen, how many panels it stops, and when. */
export interface Outage {
  error: PromkitError;
  panels: number;
  at: number;
}

export class DatasourceOutageController {
  /** The outage now, or undefined while every panel reaches its server. */
  outage: Outage | undefined;
  /** Panels whose last query could not reach its server, with that failure. */
  readonly #unreachable = new Map<Element, PromkitError>();

  constructor(private readonly host: HTMLElement & { requestUpdate(): void }) {
    host.addEventListener(PromErrorEvent.type, (e) => this.#onPanelResult(e, e.detail.error));
    host.addEventListener(PromDataEvent.type, (e) => this.#onPanelResult(e, e.detail.targets.find((t) => isConnectionError(t.error))?.error));
  }

  #onPanelResult(event: Event, error: PromkitError | undefined): void {
    const panel = event.composedPath()[0];
    if (!(panel instanceof Element) || panel.localName !== 'prom-panel') return;
    if (error && isConnectionError(error)) this.#unreachable.set(panel, error);
    else if (event.type === PromDataEvent.type) this.#unreachable.delete(panel);
    else return;
    for (const p of this.#unreachable.keys()) if (!p.isConnected) this.#unreachable.delete(p);
    const [first] = this.#unreachable.values();
    if (!first && !this.outage) return;
    this.outage = first ? { error: first, panels: this.#unreachable.size, at: Date.now() } : undefined;
    this.host.requestUpdate();
  }
}
