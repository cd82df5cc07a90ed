/**
 * Keeps a dashboard's time range, refresh interval and variable selections in the page URL:
 * `from`, `to`, `refresh` and `var-<name>` (once per selected value), each prefixed with
 * `<key>.` when the host has a key, so several dashboards can share one page. The URL is changed
 * with `history.replaceState` (no new history entry), once per host update; other parameters are
 * left alone.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Variable } from '@promkit/core';

/** What the URL asks for; only what it names is set. */
export interface UrlRequest {
  from?: string;
  to?: string;
  refresh?: string;
  /** Selections by variable name: one value, or a list for a multi-value variable (or several values). */
  selections: Record<string, string | string[]>;
}

/** What the URL is given. */
export interface UrlState {
  from: string;
  to: string;
  refresh: string;
  /** Selected values by variable name. */
  variables: Iterable<readonly [string, readonly string[]]>;
}

export class UrlSyncController implements ReactiveController {
  #pending = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: {
      /** The host's prefix for its parameters (undefined: none). */
      key: () => string | undefined;
      /** The host's state as it should be written. */
      state: () => UrlState;
    },
  ) {
    host.addController(this);
  }

  /** The time range, refresh interval and selections of `variables` that the page URL holds. */
  read(variables: readonly Variable[]): UrlRequest {
    const params = new URLSearchParams(location.search);
    const request: UrlRequest = { selections: {} };
    const from = params.get(this.#param('from'));
    const to = params.get(this.#param('to'));
    const refresh = params.get(this.#param('refresh'));
    if (from) request.from = from;
    if (to) request.to = to;
    if (refresh !== null) request.refresh = refresh;
    for (const v of variables) {
      const values = params.getAll(this.#param(`var-${v.name}`));
      if (values.length > 0) request.selections[v.name] = values.length === 1 && !('multi' in v && v.multi) ? values[0]! : values;
    }
    return request;
  }

  /** Writes the host's state into the page URL once its coming update is done (once, however often asked). */
  requestWrite(): void {
    this.#pending = true;
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    if (!this.#pending) return;
    this.#pending = false;
    this.#write(this.options.state());
  }

  /** Puts `state` in the page URL, replacing this host's variables there. */
  #write(state: UrlState): void {
    const params = new URLSearchParams(location.search);
    const prefix = this.#param('');
    for (const key of [...params.keys()]) if (key.startsWith(`${prefix}var-`)) params.delete(key);
    params.set(this.#param('from'), state.from);
    params.set(this.#param('to'), state.to);
    params.set(this.#param('refresh'), state.refresh);
    for (const [name, values] of state.variables) for (const value of values) params.append(this.#param(`var-${name}`), value);
    history.replaceState(history.state, '', `${location.pathname}?${params}${location.hash}`);
  }

  #param(name: string): string {
    const key = this.options.key();
    return `${key ? `${key}.` : ''}${name}`;
  }
}
