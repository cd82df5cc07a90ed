/**
 * Keeps a dashboard's time range, refresh interval and variable selections in the page URL:
 * `from`, `to`, `refresh`, `var-<name>` (once per selected value) and, for a stored dashboard,
 * `uid`, each prefixed with `<key>.` when the host has a key, so several dashboards can share one
 * page. The URL is changed with `history.replaceState` (no new history entry), once per host
 * update; other parameters are left alone. The same parameters make a dashboard's share link.
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
  /** The uid of the dashboard shown, when a store keeps it. */
  uid?: string;
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

  /** The uid of a stored dashboard the page URL names, if any. */
  readUid(): string | undefined {
    return new URLSearchParams(location.search).get(this.#param('uid')) || undefined;
  }

  /** This page's URL with the host's state in it: a link that opens the dashboard as it is shown now. */
  link(): string {
    const url = new URL(location.href);
    url.search = `?${this.#withState(this.options.state())}`;
    return url.href;
  }

  /**
   * This page's URL naming the store's dashboard `uid`: it opens with its own time range and
   * variables, or with this host's (`keepTime`, `includeVars`), as the state is now.
   */
  linkToUid(uid: string, carry: { keepTime?: boolean | undefined; includeVars?: boolean | undefined } = {}): string {
    const url = new URL(location.href);
    url.search = `?${this.#withState(this.options.state())}`;
    const prefix = this.#param('');
    for (const key of [...url.searchParams.keys()]) {
      const time = ['from', 'to', 'refresh'].some((p) => key === this.#param(p));
      if ((time && !carry.keepTime) || (key.startsWith(`${prefix}var-`) && !carry.includeVars)) url.searchParams.delete(key);
    }
    url.searchParams.set(this.#param('uid'), uid);
    return url.href;
  }

  /** Writes the host's state into the page URL once its coming update is done (once, however often asked). */
  requestWrite(): void {
    this.#pending = true;
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    if (!this.#pending) return;
    this.#pending = false;
    history.replaceState(history.state, '', `${location.pathname}?${this.#withState(this.options.state())}${location.hash}`);
  }

  /** The page URL's parameters with `state` in them, replacing this host's variables there. */
  #withState(state: UrlState): URLSearchParams {
    const params = new URLSearchParams(location.search);
    const prefix = this.#param('');
    for (const key of [...params.keys()]) if (key.startsWith(`${prefix}var-`)) params.delete(key);
    params.set(this.#param('from'), state.from);
    params.set(this.#param('to'), state.to);
    params.set(this.#param('refresh'), state.refresh);
    for (const [name, values] of state.variables) for (const value of values) params.append(this.#param(`var-${name}`), value);
    if (state.uid) params.set(this.#param('uid'), state.uid);
    return params;
  }

  #param(name: string): string {
    const key = this.options.key();
    return `${key ? `${key}.` : ''}${name}`;
  }
}
