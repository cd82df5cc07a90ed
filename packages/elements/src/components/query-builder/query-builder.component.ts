import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { PrometheusClient } from '@promkit/core';
import { visualQueryProblems, type VisualQuery } from '@promkit/core/edit';
import { PromElement } from '../../internal/prom-element.js';
import type { Draft } from '../../internal/field-drafts.js';
import { themeTokens } from '../../theme/theme.js';
import { formControlStyles } from '../../theme/form-controls.js';
import { editorFormStyles } from '../../theme/editor-form.js';
import { PromVisualQueryChangeEvent } from '../../events/visual-query-change-event.js';
import { loadMetrics } from '../metrics-explorer/load-metrics.js';
import { queryBuilderStyles } from './query-builder.styles.js';
import { EMPTY_VISUAL_QUERY, printableQuery, visualExpr } from './visual-query.js';
import type { MetricContext, MetricsState, PatternsContext, RowList } from './render/context.js';
import { renderBinaries } from './render/binaries.js';
import { renderFilters } from './render/filters.js';
import { renderBrowseDialog, renderMetric } from './render/metric.js';
import { renderOperations } from './render/operations.js';
import { renderOptions } from './render/options.js';
import { renderPatterns } from './render/patterns.js';

export { EMPTY_VISUAL_QUERY, printableQuery, visualExpr };

/**
 * Builds a PromQL query without writing PromQL: a metric (searchable, with its type, or browsed
 * in the metrics explorer), label filters with names and values offered by the server, a chain of
 * operations (rate, sum by, topk, histogram_quantile, arithmetic…) that can be reordered, binary
 * operations with another query, an offset, and starter patterns. The visual query is the state:
 * each edit makes a new one and fires `prom-visual-query-change` with its PromQL, which a read-only
 * preview line shows. A range, offset or number that is not valid stays in its field, marked, with
 * its problem beside it, and is not applied.
 *
 * @tagname prom-query-builder
 * @summary The visual PromQL builder: metric, label filters, operations and binary queries.
 * @fires prom-visual-query-change - After each applied edit. `detail.query` is the new VisualQuery, `detail.expr` its PromQL.
 * @csspart base - The builder.
 * @csspart preview - The PromQL preview line.
 * @cssprop --prom-font-family - Font of text and controls.
 * @cssprop --prom-font-size - Base font size (default 12px).
 * @cssprop --prom-code-font-family - Font of the PromQL preview (default a monospace stack).
 * @cssprop --prom-color-text - Text colour.
 * @cssprop --prom-color-text-muted - Labels and hints.
 * @cssprop --prom-color-background - Background of the builder and its inputs.
 * @cssprop --prom-color-surface - Cards, chips and the preview.
 * @cssprop --prom-color-border - Borders.
 * @cssprop --prom-color-focus - Focus ring, add buttons, the active option.
 * @cssprop --prom-color-red - Problems.
 * @cssprop --prom-color-blue - Counter badges and the preview's functions.
 * @cssprop --prom-color-green - Gauge badges.
 * @cssprop --prom-color-purple - Histogram badges.
 * @cssprop --prom-color-orange - Summary badges.
 * @cssprop --prom-color-yellow - Matched text in the metric list.
 */
export class PromQueryBuilder extends PromElement {
  static override styles = [themeTokens, formControlStyles, editorFormStyles, queryBuilderStyles];

  /** @internal Lit's reactive property table. */
  static override properties = {
    query: { attribute: false },
    client: { attribute: false },
    nested: { type: Boolean, reflect: true },
    theme: { type: String, reflect: true },
    _query: { state: true },
    _drafts: { state: true },
    _filterIds: { state: true },
    _opIds: { state: true },
    _binIds: { state: true },
    _metrics: { state: true },
    _metricText: { state: true },
    _metricOpen: { state: true },
    _metricActive: { state: true },
    _suggest: { state: true },
    _browsing: { state: true },
    _patterns: { state: true },
  };

  /** The query to edit; setting it resets the builder to it. */
  declare query: VisualQuery | undefined;
  /** The server that offers metric names, label names and values (optional: without one, type them). */
  declare client: PrometheusClient | undefined;
  /** The other side of a binary operation, inside another builder: no preview or patterns of its own. */
  declare nested: boolean;
  /** light, dark or auto (follow the system). */
  declare theme: 'light' | 'dark' | 'auto' | undefined;

  /** @internal The query with every accepted edit: the state. */
  declare _query: VisualQuery;
  /** @internal Refused text by field key (`op-3-range`). */
  declare _drafts: Readonly<Record<string, Draft>>;
  /** @internal A stable id per label filter, operation and binary query (keys their fields). */
  declare _filterIds: readonly number[];
  /** @internal See `_filterIds`. */
  declare _opIds: readonly number[];
  /** @internal See `_filterIds`. */
  declare _binIds: readonly number[];
  /** @internal The server's metrics for the metric box. */
  declare _metrics: MetricsState;
  /** @internal What is typed in the metric box and not yet chosen. */
  declare _metricText: string | undefined;
  /** @internal Whether the metric box's list is open, and its highlighted option. */
  declare _metricOpen: boolean;
  /** @internal See `_metricOpen`. */
  declare _metricActive: number;
  /** @internal Label names and values offered, by `labels:<metric>` and `values:<metric>:<label>`. */
  declare _suggest: Readonly<Record<string, readonly string[]>>;
  /** @internal Whether the metrics explorer dialog is open. */
  declare _browsing: boolean;
  /** @internal Whether the patterns are shown. */
  declare _patterns: boolean;

  #nextId = 1;
  #focusAfter: string | undefined;
  #abort: AbortController | undefined;
  readonly #requested = new Set<string>();
  readonly #ctx = this.#context();

  constructor() {
    super();
    this.nested = false;
    this._query = EMPTY_VISUAL_QUERY;
    this._drafts = {};
    this._filterIds = [];
    this._opIds = [];
    this._binIds = [];
    this._metrics = { state: 'idle' };
    this._metricOpen = false;
    this._metricActive = 0;
    this._suggest = {};
    this._browsing = false;
    this._patterns = false;
  }

  /** The edited query now, or undefined while a field holds something invalid. */
  get value(): VisualQuery | undefined {
    return Object.keys(this._drafts).length === 0 ? this._query : undefined;
  }

  /** What is wrong now: refused fields first, then what stops the query from running (no metric…). */
  get problems(): readonly string[] {
    return [...Object.values(this._drafts).map((d) => d.message), ...visualQueryProblems(printableQuery(this._query))];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
    if (this._metrics.state === 'loading') this._metrics = { state: 'idle' };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && this._metrics.state === 'idle') void this.#loadMetrics();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A host that sets back the query this builder fired keeps its drafts and ids.
    if (changed.has('query') && this.query !== this._query) {
      this._query = this.query ?? EMPTY_VISUAL_QUERY;
      this._drafts = {};
      this._metricText = undefined;
      this.#renumber(this._query);
    }
    if (changed.has('client')) {
      this.#requested.clear();
      this._suggest = {};
      void this.#loadMetrics();
    }
    this.#requestSuggestions();
  }

  protected override updated(): void {
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog.browse');
    if (this._browsing && dialog && !dialog.open) {
      dialog.showModal();
      const explorer = dialog.querySelector('prom-metrics-explorer');
      void explorer?.updateComplete.then(() => explorer.focus());
    }
    if (this.#focusAfter) {
      this.renderRoot.querySelector<HTMLElement>(`#${this.#focusAfter}`)?.focus();
      this.#focusAfter = undefined;
    }
    this.renderRoot.querySelector('.metric-list [aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }

  #renumber(q: VisualQuery): void {
    this._filterIds = q.labels.map(() => this.#nextId++);
    this._opIds = q.operations.map(() => this.#nextId++);
    this._binIds = q.binaryQueries.map(() => this.#nextId++);
  }

  async #loadMetrics(): Promise<void> {
    this.#abort?.abort();
    const client = this.client;
    if (!client) {
      this._metrics = { state: 'idle' };
      return;
    }
    const abort = (this.#abort = new AbortController());
    this._metrics = { state: 'loading' };
    try {
      const { metrics } = await loadMetrics(client, abort.signal);
      if (!abort.signal.aborted) this._metrics = { state: 'ready', metrics };
    } catch (error) {
      if (!abort.signal.aborted) this._metrics = { state: 'error', message: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Asks the server (once each) for the label names of the metric and the values of each filter's label. */
  #requestSuggestions(): void {
    const client = this.client;
    if (!client) return;
    const metric = this._query.metric;
    const match = metric ? [visualExpr({ ...EMPTY_VISUAL_QUERY, metric })] : undefined;
    this.#suggest(`labels:${metric}`, () => client.labels(match ? { match } : {}).then((r) => r.data.filter((n) => n !== '__name__')));
    for (const f of this._query.labels) {
      if (f.label === '') continue;
      this.#suggest(`values:${metric}:${f.label}`, () => client.labelValues(match ? { label: f.label, match } : { label: f.label }).then((r) => r.data));
    }
  }

  #suggest(key: string, load: () => Promise<string[]>): void {
    if (this.#requested.has(key)) return;
    this.#requested.add(key);
    const client = this.client;
    // Suggestions are a help, not a need: a failure leaves the field free to type in.
    load().then(
      (list) => {
        if (client === this.client) this._suggest = { ...this._suggest, [key]: list };
      },
      () => {
        if (client === this.client) this._suggest = { ...this._suggest, [key]: [] };
      },
    );
  }

  /** Makes `next` the query and fires it. */
  #commit(next: VisualQuery): void {
    if (JSON.stringify(next) === JSON.stringify(this._query)) return;
    this._query = next;
    this.dispatchEvent(new PromVisualQueryChangeEvent({ query: next, expr: visualExpr(next) }));
  }

  /**
   * A field edit: `check` names the problem of `text` (then it stays in the field, marked, and
   * nothing is applied), else `apply` gives the new query.
   */
  #field(key: string, text: string, check: (text: string) => string | undefined, apply: (text: string) => VisualQuery): void {
    const problem = check(text);
    const drafts = { ...this._drafts };
    if (problem) {
      drafts[key] = { text, message: problem };
      this._drafts = drafts;
      return;
    }
    delete drafts[key];
    this._drafts = drafts;
    this.#commit(apply(text));
  }

  #dropDrafts(prefix: string): void {
    const drafts = { ...this._drafts };
    for (const key of Object.keys(drafts)) if (key.startsWith(prefix)) delete drafts[key];
    this._drafts = drafts;
  }

  #applyPattern(built: VisualQuery): void {
    // The filters already chosen stay: a pattern is about the operations.
    const next = built.labels.length === 0 && this._query.labels.length > 0 ? { ...built, labels: this._query.labels } : built;
    this._drafts = {};
    this._filterIds = next === built ? built.labels.map(() => this.#nextId++) : this._filterIds;
    this._opIds = next.operations.map(() => this.#nextId++);
    this._binIds = next.binaryQueries.map(() => this.#nextId++);
    this.#commit(next);
  }

  /** What the render blocks read and call: the state, read live, and the edits above. */
  #context(): MetricContext & PatternsContext {
    const host = this;
    const idsOf = { labels: '_filterIds', operations: '_opIds', binaryQueries: '_binIds' } as const satisfies Record<RowList, keyof PromQueryBuilder>;
    return {
      get query() { return host._query; },
      get client() { return host.client; },
      get theme() { return host.theme; },
      ids: (list) => host[idsOf[list]],
      setIds: (list, ids) => (host[idsOf[list]] = ids),
      newId: () => host.#nextId++,
      draft: (key) => host._drafts[key],
      dropDrafts: (prefix) => host.#dropDrafts(prefix),
      suggestions: (key) => host._suggest[key] ?? [],
      commit: (next) => host.#commit(next),
      field: (key, text, check, apply) => host.#field(key, text, check, apply),
      focusAfter: (id) => (host.#focusAfter = id),
      get metrics() { return host._metrics; },
      get metricText() { return host._metricText; },
      set metricText(text) { host._metricText = text; },
      get metricOpen() { return host._metricOpen; },
      set metricOpen(open) { host._metricOpen = open; },
      get metricActive() { return host._metricActive; },
      set metricActive(index) { host._metricActive = index; },
      get browsing() { return host._browsing; },
      set browsing(open) { host._browsing = open; },
      closeBrowse: () => host.renderRoot.querySelector<HTMLDialogElement>('dialog.browse')?.close(),
      get patterns() { return host._patterns; },
      set patterns(open) { host._patterns = open; },
      applyPattern: (built) => host.#applyPattern(built),
    };
  }

  override render(): TemplateResult {
    const ctx = this.#ctx;
    const q = this._query;
    const expr = visualExpr(q);
    const problems = visualQueryProblems(printableQuery(q));
    return html`<div part="base" class="builder">
      ${renderMetric(ctx, q)} ${renderFilters(ctx, q)} ${renderOperations(ctx, q)} ${renderBinaries(ctx, q)} ${renderOptions(ctx, q)}
      ${this.nested ? nothing : renderPatterns(ctx, q)}
      ${this.nested
        ? nothing
        : html`<div class="preview-block">
            <span class="block-title" id="preview-title">PromQL</span>
            <output part="preview" class="preview" aria-labelledby="preview-title"><code>${expr}</code></output>
            ${problems.length ? html`<p class="hint" role="status">To run it: ${problems.join('; ')}.</p>` : nothing}
          </div>`}
      ${this._browsing ? renderBrowseDialog(ctx) : nothing}
    </div>`;
  }
}
