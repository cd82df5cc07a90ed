/**
 * Loads a dashboard definition from where its host says: the `dashboard` property (wins), the
 * `src` URL, a store's dashboard by uid, or an inline `<script type="application/json">` child. The child may arrive after
 * the element (the bundle loaded before the markup, a framework appending children later) and may
 * be replaced, so it is watched while the host is connected; inline JSON that is still being
 * parsed is judged once the document is. Each source is loaded once; the outcome goes to
 * `onLoaded` (validated, defaults filled in) or `onInvalid` (the problems, also told to listeners
 * as one prom-error on the host).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { SchemaError, validateDashboard, type Dashboard, type DashboardInput, type SchemaProblem } from '@promkit/core';
import { PromErrorEvent } from '../events/error-event.js';
import type { DashboardStoreClient } from '../stores/dashboard-store.js';

/** A store's dashboard, named by uid. */
export interface StoredSource {
  store: DashboardStoreClient;
  uid: string;
}

export interface DashboardSource {
  /** The definition set as a property. */
  dashboard(): DashboardInput | undefined;
  /** The URL of a definition. */
  src(): string | undefined;
  /** The store and uid of a stored definition. */
  stored(): StoredSource | undefined;
  /** `kept`: its uid and version in the store, when it came from one. */
  onLoaded(dashboard: Dashboard, kept?: { uid: string; version: number }): void;
  onInvalid(problems: SchemaProblem[]): void;
}

export class DashboardSourceController implements ReactiveController {
  /** The source last loaded (or being loaded). */
  #loaded: unknown;
  /** Whether a definition or problems came out of any load yet. */
  #settled = false;
  /** The stored source last asked for (one object while store and uid stay the same). */
  #stored: StoredSource | undefined;
  readonly #inline = new MutationObserver(() => {
    if (this.source.dashboard() === undefined && !this.source.src() && !this.source.stored()) void this.load();
  });

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly source: DashboardSource,
  ) {
    host.addController(this);
  }

  /** Whether any source was taken up yet. */
  get started(): boolean {
    return Boolean(this.#loaded);
  }

  hostConnected(): void {
    this.#inline.observe(this.host, { childList: true, subtree: true, characterData: true });
  }

  hostDisconnected(): void {
    this.#inline.disconnect();
  }

  /** Takes `dashboard` as the source loaded (an edited definition, shown already): setting it again loads nothing. */
  adopt(dashboard: Dashboard): void {
    this.#loaded = dashboard;
    this.#settled = true;
  }

  /** Reads the definition from the property, `src`, or the inline JSON child, unless that source is the one loaded already. */
  async load(): Promise<void> {
    const src = this.source.src();
    const inline = this.host.querySelector('script[type="application/json"]')?.textContent ?? undefined;
    const stored = this.#storedSource();
    const source = this.source.dashboard() ?? src ?? stored ?? inline;
    if (source === undefined || source === this.#loaded) return;
    this.#loaded = source;
    let input: unknown = source;
    let kept: { uid: string; version: number } | undefined;
    if (source === src || source === stored) {
      try {
        if (source === src) {
          const response = await fetch(src);
          if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
          input = await response.text();
        } else {
          const found = await stored!.store.load(stored!.uid);
          if (!found) throw new Error(`the store has no dashboard with this uid: check the uid, or save a dashboard under it first`);
          input = found.dashboard;
          kept = { uid: found.uid, version: found.version };
        }
      } catch (error) {
        // A newer source was asked for while this one was on its way: that one is shown.
        if (this.#loaded !== source) return;
        const from = source === src ? src : `the store (uid ${JSON.stringify(stored!.uid)})`;
        this.#invalid([{ path: '(root)', message: `could not be loaded from ${from}: ${(error as Error).message}` }]);
        return;
      }
      if (this.#loaded !== source) return;
    }
    const check = validateDashboard(input);
    if (!check.ok) {
      if (source === inline && document.readyState === 'loading') {
        // The parser may still be adding to the JSON text: judge it once the document is parsed.
        const judge = () => {
          if (this.#settled || this.#loaded !== source) return;
          this.#loaded = undefined;
          void this.load();
        };
        document.addEventListener('DOMContentLoaded', judge, { once: true });
        return;
      }
      this.#invalid(check.problems);
      return;
    }
    this.#settled = true;
    this.source.onLoaded(check.dashboard, kept);
  }

  /** The host's store and uid, as the same object while they stay the same (so it loads once). */
  #storedSource(): StoredSource | undefined {
    const now = this.source.stored();
    if (!now) return (this.#stored = undefined);
    if (this.#stored?.store !== now.store || this.#stored.uid !== now.uid) this.#stored = now;
    return this.#stored;
  }

  #invalid(problems: SchemaProblem[]): void {
    this.#settled = true;
    this.source.onInvalid(problems);
    this.host.dispatchEvent(new PromErrorEvent({ error: SchemaError.listing('The dashboard has', problems) }));
  }
}
