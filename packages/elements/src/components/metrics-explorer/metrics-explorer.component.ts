import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { PrometheusClient } from '@promkit/core';
import { PromElement } from '../../internal/prom-element.js';
import { themeTokens } from '../../theme/theme.js';
import { formControlStyles } from '../../theme/form-controls.js';
import { spinnerStyles } from '../../theme/spinner.js';
import { PromMetricPickEvent } from '../../events/metric-pick-event.js';
import { loadMetrics } from './load-metrics.js';
import { searchMetrics, splitMarked, type MatchRange, type MetricInfo, type MetricMatch } from './metric-search.js';
import { metricsExplorerStyles } from './metrics-explorer.styles.js';

/** At most this many matches are rendered; the rest are counted ("N more — type to narrow"). */
export const METRICS_EXPLORER_LIMIT = 200;

/** The types that get their own badge colour; any other is shown as it is, uncoloured. */
const KNOWN_TYPES = new Set(['counter', 'gauge', 'histogram', 'summary']);

type LoadState =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'ready'; metrics: MetricInfo[]; metadataError?: string }
  | { state: 'error'; message: string };

/** Marked and plain pieces of `text` as a template. */
export function marked(text: string, ranges: readonly MatchRange[]): TemplateResult {
  return html`${splitMarked(text, ranges).map((p) => (p.marked ? html`<mark>${p.text}</mark>` : p.text))}`;
}

/** A metric type as a small coloured badge. */
export function typeBadge(type: string): TemplateResult {
  return html`<span class=${`type ${KNOWN_TYPES.has(type) ? type : 'unknown'}`}>${type}</span>`;
}

/**
 * Lists a server's metrics with their type and help text, filtered as you type: every word must
 * appear in the name or the help (case-insensitive), and the matched parts are marked. ↑ and ↓
 * move through the list from the filter box, Enter or a click picks. Inline: hosts put it in a
 * `<dialog>`, a popover or a side panel as they like; `focus()` focuses the filter box.
 *
 * @tagname prom-metrics-explorer
 * @summary A searchable list of the server's metrics with type and help; picking one fires an event.
 * @fires prom-metric-pick - A metric was picked. `detail.name` is its name.
 * @csspart base - The explorer.
 * @csspart filter - The filter box.
 * @csspart list - The list of metrics.
 * @cssprop --prom-metrics-explorer-height - Height of the list before it scrolls (default 360px).
 * @cssprop --prom-font-family - Font of text and controls.
 * @cssprop --prom-font-size - Base font size (default 12px).
 * @cssprop --prom-color-text - Text colour.
 * @cssprop --prom-color-text-muted - Help text and counts.
 * @cssprop --prom-color-background - Background.
 * @cssprop --prom-color-surface - The highlighted row and badges.
 * @cssprop --prom-color-border - Borders.
 * @cssprop --prom-color-focus - Focus ring and the highlighted row's edge.
 * @cssprop --prom-color-red - Load errors.
 * @cssprop --prom-color-blue - Counter badges.
 * @cssprop --prom-color-green - Gauge badges.
 * @cssprop --prom-color-purple - Histogram badges.
 * @cssprop --prom-color-orange - Summary badges.
 * @cssprop --prom-color-yellow - Matched text.
 */
export class PromMetricsExplorer extends PromElement {
  static override styles = [themeTokens, formControlStyles, spinnerStyles, metricsExplorerStyles];

  /** @internal Lit's reactive property table. */
  static override properties = {
    client: { attribute: false },
    filter: { type: String },
    theme: { type: String, reflect: true },
    _load: { state: true },
    _active: { state: true },
  };

  /** The server whose metrics are listed; setting another loads them again. */
  declare client: PrometheusClient | undefined;
  /** The filter text (the box writes it as you type). */
  declare filter: string;
  /** light, dark or auto (follow the system). */
  declare theme: 'light' | 'dark' | 'auto' | undefined;

  /** @internal Loading, the metrics, or the error. */
  declare _load: LoadState;
  /** @internal Index of the highlighted match. */
  declare _active: number;

  #abort: AbortController | undefined;
  #scrollActive = false;

  constructor() {
    super();
    this.filter = '';
    this._load = { state: 'idle' };
    this._active = 0;
  }

  /** Focuses the filter box. */
  override focus(options?: FocusOptions): void {
    const input = this.renderRoot.querySelector<HTMLInputElement>('#filter');
    if (input) input.focus(options);
    else super.focus(options);
  }

  /** Loads the metric list again (the Retry button does this). */
  async reload(): Promise<void> {
    this.#abort?.abort();
    const client = this.client;
    if (!client) {
      this._load = { state: 'idle' };
      return;
    }
    const abort = (this.#abort = new AbortController());
    this._load = { state: 'loading' };
    try {
      const { metrics, metadataError } = await loadMetrics(client, abort.signal);
      if (abort.signal.aborted) return;
      this._load = metadataError
        ? { state: 'ready', metrics, metadataError: `Types and help text could not be loaded (${metadataError.message}); names are listed without them.` }
        : { state: 'ready', metrics };
    } catch (error) {
      if (abort.signal.aborted) return;
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      this._load = { state: 'error', message };
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page (disconnected then connected): load what the disconnect aborted.
    if (this.hasUpdated && this._load.state === 'loading') void this.reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client')) void this.reload();
    if (changed.has('filter')) this._active = 0;
  }

  protected override updated(): void {
    if (!this.#scrollActive) return;
    this.#scrollActive = false;
    this.renderRoot.querySelector('[role="option"][aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }

  /** The matches now, all of them. */
  #matches(): MetricMatch[] {
    return this._load.state === 'ready' ? searchMetrics(this._load.metrics, this.filter) : [];
  }

  #pick(name: string): void {
    this.dispatchEvent(new PromMetricPickEvent({ name }));
  }

  #move(by: number, shown: number): void {
    if (shown === 0) return;
    this._active = Math.min(shown - 1, Math.max(0, this._active + by));
    this.#scrollActive = true;
  }

  #keydown(e: KeyboardEvent, shown: MetricMatch[]): void {
    const step: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 };
    if (e.key in step) {
      e.preventDefault();
      this.#move(step[e.key]!, shown.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const match = shown[this._active];
      if (match) this.#pick(match.metric.name);
    } else if (e.key === 'Escape' && this.filter !== '') {
      // First Escape clears the filter; the next one is the host's (a dialog closes).
      e.preventDefault();
      e.stopPropagation();
      this.filter = '';
    }
  }

  override render(): TemplateResult {
    const load = this._load;
    const all = this.#matches();
    const shown = all.slice(0, METRICS_EXPLORER_LIMIT);
    const total = load.state === 'ready' ? load.metrics.length : 0;
    const active = Math.min(this._active, Math.max(0, shown.length - 1));
    return html`<div part="base" class="explorer">
      <div class="search">
        <label for="filter" class="visually-hidden">Search metrics</label>
        <svg class="glass" width="14" height="14" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" aria-hidden="true"><circle cx="7" cy="7" r="4.75"></circle><path d="m10.5 10.5 3 3"></path></svg>
        <input
          id="filter"
          part="filter"
          type="text"
          role="combobox"
          spellcheck="false"
          autocomplete="off"
          aria-autocomplete="list"
          aria-expanded=${shown.length > 0 ? 'true' : 'false'}
          aria-controls="list"
          aria-describedby="count"
          aria-activedescendant=${shown.length > 0 ? `metric-${active}` : nothing}
          placeholder="Search metrics by name or help text"
          .value=${this.filter}
          @input=${(e: Event) => (this.filter = (e.target as HTMLInputElement).value)}
          @keydown=${(e: KeyboardEvent) => this.#keydown(e, shown)}
        />
        <span class="count" id="count" aria-live="polite">${this.#countText(load, all.length, total)}</span>
      </div>
      ${load.state === 'ready' && load.metadataError ? html`<p class="notice" role="status">${load.metadataError}</p>` : nothing}
      ${this.#body(load, shown, active, all.length)}
    </div>`;
  }

  #countText(load: LoadState, matches: number, total: number): string {
    if (load.state !== 'ready') return '';
    if (this.filter.trim() === '') return `${total} ${total === 1 ? 'metric' : 'metrics'}`;
    return `${matches} of ${total}`;
  }

  #body(load: LoadState, shown: MetricMatch[], active: number, matches: number): TemplateResult {
    if (load.state === 'idle') return html`<p class="state" role="status">No server: set the <code>client</code> property to list its metrics.</p>`;
    if (load.state === 'loading') return html`<p class="state loading" role="status"><span class="spinner" aria-hidden="true"></span>Loading metrics…</p>`;
    if (load.state === 'error')
      return html`<div class="state error" role="alert">
        <p><strong>The metrics could not be loaded.</strong> ${load.message}</p>
        <button type="button" class="retry" @click=${() => void this.reload()}>Retry</button>
      </div>`;
    if (load.metrics.length === 0) return html`<p class="state" role="status">This server has no metrics yet. Once it scrapes a target, they appear here.</p>`;
    if (shown.length === 0) return html`<p class="state" role="status">No metric matches “${this.filter.trim()}”. Try fewer or shorter words.</p>`;
    const more = matches - shown.length;
    return html`<ul id="list" part="list" class="list" role="listbox" aria-label="Metrics">
        ${shown.map(
          (m, i) => html`<li
            id=${`metric-${i}`}
            role="option"
            class="option"
            aria-selected=${i === active ? 'true' : 'false'}
            @pointerdown=${(e: PointerEvent) => e.preventDefault()}
            @click=${() => {
              this._active = i;
              this.#pick(m.metric.name);
            }}
          >
            <span class="line">
              <span class="name">${marked(m.metric.name, m.name)}</span>
              ${typeBadge(m.metric.type)}
              ${m.metric.unit ? html`<span class="unit">${m.metric.unit}</span>` : nothing}
            </span>
            ${m.metric.help ? html`<span class="help">${marked(m.metric.help, m.help)}</span>` : nothing}
          </li>`,
        )}
      </ul>
      ${more > 0 ? html`<p class="more">${more} more — type to narrow</p>` : nothing}`;
  }
}
