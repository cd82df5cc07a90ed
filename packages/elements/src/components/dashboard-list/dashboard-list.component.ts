import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { PromElement } from '../../internal/prom-element.js';
import { themeTokens } from '../../theme/theme.js';
import { formControlStyles } from '../../theme/form-controls.js';
import { spinnerStyles } from '../../theme/spinner.js';
import { loadStateStyles } from '../../theme/load-state.js';
import { PromDashboardOpenEvent } from '../../events/dashboard-open-event.js';
import type { DashboardListEntry, DashboardStoreClient } from '../../stores/dashboard-store.js';
import { dashboardListStyles } from './dashboard-list.styles.js';

type LoadState = { state: 'idle' } | { state: 'loading' } | { state: 'ready'; dashboards: DashboardListEntry[] } | { state: 'error'; message: string };

/**
 * The dashboards a store keeps (`httpStore` for the dashboard service, `localStorageStore`): a
 * search box, and for each its title, tags, version and when it was saved, with Open (an event
 * for the host), Copy and Delete (asked once more before it happens).
 *
 * @tagname prom-dashboard-list
 * @summary Lists, searches, opens, copies and deletes the dashboards of a store.
 * @fires prom-dashboard-open - Open was pressed; `detail.uid` and `detail.title` name the dashboard.
 * @csspart base - The list.
 * @csspart search - The search box.
 * @csspart item - One dashboard.
 * @cssprop --prom-font-family - Font of text and controls.
 * @cssprop --prom-font-size - Base font size (default 12px).
 * @cssprop --prom-color-text - Text colour.
 * @cssprop --prom-color-text-muted - Tags, versions and times.
 * @cssprop --prom-color-background - Background.
 * @cssprop --prom-color-surface - Tags and the row under the pointer.
 * @cssprop --prom-color-border - Borders.
 * @cssprop --prom-color-focus - Focus ring.
 * @cssprop --prom-color-red - Delete and load errors.
 */
export class PromDashboardList extends PromElement {
  static override styles = [themeTokens, formControlStyles, spinnerStyles, loadStateStyles, dashboardListStyles];

  /** @internal Lit's reactive property table. */
  static override properties = {
    store: { attribute: false },
    search: { type: String },
    theme: { type: String, reflect: true },
    _load: { state: true },
    _confirming: { state: true },
    _status: { state: true },
  };

  /** Where the dashboards are; setting another lists its dashboards. */
  declare store: DashboardStoreClient | undefined;
  /** Words the titles must contain. */
  declare search: string;
  /** light, dark or auto (follow the system). */
  declare theme: 'light' | 'dark' | 'auto' | undefined;

  /** @internal */
  declare _load: LoadState;
  /** @internal The uid whose Delete waits for its confirmation. */
  declare _confirming: string | undefined;
  /** @internal What the last action did, for the live region. */
  declare _status: string;

  #request = 0;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.search = '';
    this._load = { state: 'idle' };
    this._status = '';
  }

  /** Lists the dashboards again. */
  async reload(): Promise<void> {
    const store = this.store;
    const request = ++this.#request;
    if (!store) {
      this._load = { state: 'idle' };
      return;
    }
    if (this._load.state !== 'ready') this._load = { state: 'loading' };
    try {
      const dashboards = await store.list(this.search.trim() ? { search: this.search.trim() } : {});
      if (request === this.#request) this._load = { state: 'ready', dashboards };
    } catch (error) {
      if (request === this.#request) this._load = { state: 'error', message: (error as Error).message };
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('store')) void this.reload();
    else if (changed.has('search')) {
      clearTimeout(this.#searchTimer);
      this.#searchTimer = setTimeout(() => void this.reload(), 150);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
  }

  async #act(what: () => Promise<unknown>, done: string): Promise<void> {
    try {
      await what();
      this._status = done;
    } catch (error) {
      this._status = (error as Error).message;
    }
    this._confirming = undefined;
    await this.reload();
  }

  override render(): TemplateResult {
    return html`<div part="base" class="list">
      <div class="search">
        <label class="visually-hidden" for="search">Search dashboards</label>
        <input id="search" part="search" type="search" placeholder="Search dashboards by title" .value=${this.search} @input=${(e: Event) => (this.search = (e.target as HTMLInputElement).value)} />
      </div>
      <p class="status" role="status" aria-live="polite">${this._status}</p>
      ${this.#body()}
    </div>`;
  }

  #body(): TemplateResult {
    const load = this._load;
    if (load.state === 'idle') return html`<p class="state">No store: set the <code>store</code> property (httpStore or localStorageStore).</p>`;
    if (load.state === 'loading') return html`<p class="state"><span class="spinner" aria-hidden="true"></span>Loading dashboards…</p>`;
    if (load.state === 'error')
      return html`<div class="state error" role="alert">
        <p><strong>The dashboards could not be listed.</strong> ${load.message}</p>
        <button type="button" @click=${() => void this.reload()}>Retry</button>
      </div>`;
    if (!load.dashboards.length) return html`<p class="state">${this.search.trim() ? `No dashboard's title has “${this.search.trim()}”.` : 'No dashboards yet. Build one and save it.'}</p>`;
    return html`<ul class="items" aria-label="Dashboards">
      ${load.dashboards.map((d) => this.#item(d))}
    </ul>`;
  }

  #item(d: DashboardListEntry): TemplateResult {
    const confirming = this._confirming === d.uid;
    return html`<li part="item" class="item">
      <span class="what">
        <button type="button" class="open" @click=${() => this.dispatchEvent(new PromDashboardOpenEvent({ uid: d.uid, title: d.title }))}>${d.title}</button>
        <span class="tags">${d.tags.map((t) => html`<span class="tag">${t}</span>`)}</span>
      </span>
      <span class="meta">version ${d.version}${d.updatedAt ? html` · saved <time datetime=${d.updatedAt}>${new Date(d.updatedAt).toLocaleString()}</time>` : nothing}</span>
      <span class="actions">
        ${confirming
          ? html`<span class="ask">Delete “${d.title}”?</span>
              <button type="button" class="danger" @click=${() => void this.#act(() => this.store!.remove(d.uid), `Deleted “${d.title}”.`)}>Delete</button>
              <button type="button" @click=${() => (this._confirming = undefined)}>Keep</button>`
          : html`<button type="button" aria-label=${`Copy ${d.title}`} @click=${() => void this.#act(() => this.store!.clone(d.uid), `Copied “${d.title}”.`)}>Copy</button>
              <button type="button" aria-label=${`Delete ${d.title}`} @click=${() => (this._confirming = d.uid)}>Delete</button>`}
      </span>
    </li>`;
  }
}
