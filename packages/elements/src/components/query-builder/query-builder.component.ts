import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { PrometheusClient } from '@promkit/core';
import {
  BINARY_OPERATORS,
  SET_OPERATORS,
  VISUAL_OPERATIONS,
  VISUAL_PATTERNS,
  isVisualOffset,
  isVisualRange,
  printVisualQuery,
  visualQueryProblems,
  type BinaryOperator,
  type BinaryQuery,
  type SetOperator,
  type Grouping,
  type LabelFilter,
  type LabelMatchOp,
  type Operation,
  type VectorMatching,
  type VisualQuery,
} from '@promkit/core/edit';
import { PromElement } from '../../internal/prom-element.js';
import type { Draft } from '../../internal/field-drafts.js';
import { themeTokens } from '../../theme/theme.js';
import { formControlStyles } from '../../theme/form-controls.js';
import { editorFormStyles } from '../../theme/editor-form.js';
import { PromVisualQueryChangeEvent } from '../../events/visual-query-change-event.js';
import type { PromMetricPickEvent } from '../../events/metric-pick-event.js';
import { loadMetrics } from '../metrics-explorer/load-metrics.js';
import { searchMetrics, type MetricInfo, type MetricMatch } from '../metrics-explorer/metric-search.js';
import { marked, typeBadge } from '../metrics-explorer/metrics-explorer.component.js';
import '../metrics-explorer/metrics-explorer.js';
import { queryBuilderStyles } from './query-builder.styles.js';

/** A query with nothing chosen yet. */
export const EMPTY_VISUAL_QUERY: VisualQuery = Object.freeze({ metric: '', labels: [], operations: [], binaryQueries: [] }) as VisualQuery;

/** `==`, `!=`, `>`, `<`, `>=`, `<=`: the operators `bool` applies to. */
const isComparison = (op: BinaryOperator | SetOperator): boolean => ['==', '!=', '>', '<', '>=', '<='].includes(op);

/** At most this many metric names in the metric box's list. */
const METRIC_OPTIONS = 50;

const MATCH_OPS: readonly { op: LabelMatchOp; title: string }[] = [
  { op: '=', title: 'equals' },
  { op: '!=', title: 'does not equal' },
  { op: '=~', title: 'matches regex' },
  { op: '!~', title: 'does not match regex' },
];

const OPERATOR_TITLES: Record<BinaryOperator | SetOperator, string> = {
  and: 'where both have',
  or: 'or else',
  unless: 'unless the other has',
  '+': 'plus',
  '-': 'minus',
  '*': 'times',
  '/': 'divided by',
  '%': 'modulo',
  '^': 'to the power of',
  '==': 'equal to',
  '!=': 'not equal to',
  '>': 'greater than',
  '<': 'less than',
  '>=': 'greater or equal',
  '<=': 'less or equal',
};

const icon = (path: ReturnType<typeof svg>) =>
  svg`<svg width="14" height="14" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" class="icon">${path}</svg>`;
const upIcon = icon(svg`<path d="m4 10 4-4 4 4"></path>`);
const downIcon = icon(svg`<path d="m4 6 4 4 4-4"></path>`);
const removeIcon = icon(svg`<path d="m4.5 4.5 7 7M11.5 4.5l-7 7"></path>`);
const browseIcon = icon(svg`<path d="M2.5 3.5h11M2.5 8h11M2.5 12.5h6"></path>`);

type MetricsState = { state: 'idle' | 'loading' } | { state: 'ready'; metrics: MetricInfo[] } | { state: 'error'; message: string };

/** The catalogue entry of an operation: its label and group. */
function entryOf(op: Operation): { label: string; group: string } | undefined {
  const fn = op.kind === 'scalar' ? op.op : op.kind === 'histogram_quantile' ? 'histogram_quantile' : op.fn;
  return VISUAL_OPERATIONS.find((o) => o.kind === op.kind && o.fn === fn);
}

/** A label name for an operation that the catalogue does not list. */
function labelOf(op: Operation): string {
  return entryOf(op)?.label ?? ('fn' in op ? op.fn : op.kind === 'scalar' ? `Arithmetic ${op.op}` : 'Histogram quantile');
}

/** The catalogue's groups in its own order, each with its entries. */
function catalogueGroups(): { group: string; entries: (typeof VISUAL_OPERATIONS)[number][] }[] {
  const groups: { group: string; entries: (typeof VISUAL_OPERATIONS)[number][] }[] = [];
  for (const entry of VISUAL_OPERATIONS) {
    let g = groups.find((x) => x.group === entry.group);
    if (!g) groups.push((g = { group: entry.group, entries: [] }));
    g.entries.push(entry);
  }
  return groups;
}

/** The query as it prints: filters without a label name yet are left out until one is chosen. */
export function printableQuery(q: VisualQuery): VisualQuery {
  const labels = q.labels.filter((l) => l.label !== '');
  const binaryQueries = q.binaryQueries.map((b) => ({ ...b, query: printableQuery(b.query) }));
  return { ...q, labels, binaryQueries };
}

/** The PromQL of a query whose ranges and offset were checked (the builder never applies others). */
export function visualExpr(q: VisualQuery): string {
  return printVisualQuery(printableQuery(q));
}

/** `items` with the one at `index` moved by `by` places. */
function moved<T>(items: readonly T[], index: number, by: number): T[] {
  const out = [...items];
  const [item] = out.splice(index, 1);
  out.splice(index + by, 0, item!);
  return out;
}

const parseNumber = (text: string): number | undefined => {
  const t = text.trim();
  if (/^[+-]?inf$/i.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
  const n = t === '' ? Number.NaN : Number(t);
  return Number.isFinite(n) ? n : undefined;
};

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

  #textInput(key: string, label: string, value: string, commit: (text: string) => void, opts: { hint?: string; placeholder?: string; list?: string; inputmode?: string; cls?: string } = {}): TemplateResult {
    const draft = this._drafts[key];
    return html`<div class=${`field ${opts.cls ?? ''}`}>
      <label for=${key}>${label}</label>
      <input
        id=${key}
        type="text"
        spellcheck="false"
        autocomplete="off"
        inputmode=${opts.inputmode ?? nothing}
        list=${opts.list ?? nothing}
        placeholder=${opts.placeholder ?? nothing}
        aria-invalid=${draft ? 'true' : 'false'}
        aria-describedby=${draft ? `${key}-problem` : opts.hint ? `${key}-hint` : nothing}
        .value=${live(draft?.text ?? value)}
        @change=${(e: Event) => commit((e.target as HTMLInputElement).value.trim())}
      />
      ${draft ? html`<p class="problem" id=${`${key}-problem`} role="alert">${draft.message}</p>` : opts.hint ? html`<p class="hint" id=${`${key}-hint`}>${opts.hint}</p>` : nothing}
    </div>`;
  }

  override render(): TemplateResult {
    const q = this._query;
    const expr = visualExpr(q);
    const problems = visualQueryProblems(printableQuery(q));
    return html`<div part="base" class="builder">
      ${this.#metricBlock(q)} ${this.#filtersBlock(q)} ${this.#operationsBlock(q)} ${this.#binaryBlock(q)} ${this.#optionsBlock(q)}
      ${this.nested ? nothing : this.#patternsBlock(q)}
      ${this.nested
        ? nothing
        : html`<div class="preview-block">
            <span class="block-title" id="preview-title">PromQL</span>
            <output part="preview" class="preview" aria-labelledby="preview-title"><code>${expr}</code></output>
            ${problems.length ? html`<p class="hint" role="status">To run it: ${problems.join('; ')}.</p>` : nothing}
          </div>`}
      ${this._browsing ? this.#browseDialog() : nothing}
    </div>`;
  }

  // ---- metric ----------------------------------------------------------------------------------

  #metricInfo(name: string): MetricInfo | undefined {
    return this._metrics.state === 'ready' ? this._metrics.metrics.find((m) => m.name === name) : undefined;
  }

  #setMetric(name: string): void {
    this._metricText = undefined;
    this._metricOpen = false;
    if (name === this._query.metric) return;
    this.#commit({ ...this._query, metric: name });
  }

  #metricOptions(text: string) {
    return this._metrics.state === 'ready' ? searchMetrics(this._metrics.metrics, text).slice(0, METRIC_OPTIONS) : [];
  }

  #metricKeydown(e: KeyboardEvent, options: MetricMatch[]): void {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!this._metricOpen) {
        this._metricOpen = true;
        this._metricActive = 0;
        return;
      }
      const by = e.key === 'ArrowDown' ? 1 : -1;
      this._metricActive = Math.min(Math.max(0, options.length - 1), Math.max(0, this._metricActive + by));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const option = this._metricOpen ? options[this._metricActive] : undefined;
      this.#setMetric(option ? option.metric.name : (e.target as HTMLInputElement).value.trim());
    } else if (e.key === 'Escape' && this._metricOpen) {
      e.preventDefault();
      this._metricOpen = false;
    }
  }

  #metricBlock(q: VisualQuery): TemplateResult {
    const text = this._metricText ?? q.metric;
    const options = this._metricOpen ? this.#metricOptions(this._metricText ?? '') : [];
    const open = this._metricOpen && options.length > 0;
    const active = Math.min(this._metricActive, Math.max(0, options.length - 1));
    const info = this.#metricInfo(q.metric);
    const status =
      this._metrics.state === 'loading' ? 'Loading metric names…' : this._metrics.state === 'error' ? `Metric names could not be loaded (${this._metrics.message}); type a name.` : '';
    return html`<div class="block metric-block">
      <label class="block-title" for="metric">Metric</label>
      <div class="metric-row">
        <div class="combo">
          <input
            id="metric"
            type="text"
            role="combobox"
            spellcheck="false"
            autocomplete="off"
            aria-autocomplete="list"
            aria-expanded=${open ? 'true' : 'false'}
            aria-controls="metric-list"
            aria-activedescendant=${open ? `metric-option-${active}` : nothing}
            aria-describedby="metric-about"
            placeholder="Search or type a metric name"
            .value=${live(text)}
            @input=${(e: Event) => {
              this._metricText = (e.target as HTMLInputElement).value;
              this._metricOpen = true;
              this._metricActive = 0;
            }}
            @focus=${() => {
              if (this._metricText === undefined) this._metricActive = 0;
            }}
            @keydown=${(e: KeyboardEvent) => this.#metricKeydown(e, options)}
            @blur=${(e: FocusEvent) => {
              this._metricOpen = false;
              if (this._metricText !== undefined) this.#setMetric((e.target as HTMLInputElement).value.trim());
            }}
          />
          ${open
            ? html`<ul id="metric-list" class="metric-list" role="listbox" aria-label="Metrics">
                ${options.map(
                  (m, i) => html`<li
                    id=${`metric-option-${i}`}
                    role="option"
                    aria-selected=${i === active ? 'true' : 'false'}
                    @pointerdown=${(e: PointerEvent) => e.preventDefault()}
                    @click=${() => this.#setMetric(m.metric.name)}
                  >
                    <span class="option-name">${marked(m.metric.name, m.name)}</span>${typeBadge(m.metric.type)}
                  </li>`,
                )}
              </ul>`
            : nothing}
        </div>
        <button type="button" class="browse" id="browse" aria-label="Browse metrics" ?disabled=${!this.client} @click=${() => (this._browsing = true)}>${browseIcon}<span>Browse</span></button>
      </div>
      <p class="about" id="metric-about" aria-live="polite">
        ${status
          ? status
          : info
            ? html`${typeBadge(info.type)}<span class="about-help">${info.help || (info.type === 'unknown' ? 'The server has no type or help text for it.' : 'No help text.')}</span>`
            : q.metric
              ? html`<span class="about-help">Not among the server's metrics.</span>`
              : html`<span class="about-help">Type to search the server's metrics, ↓ to list them, or Browse with their help texts.</span>`}
      </p>
    </div>`;
  }

  #browseDialog(): TemplateResult {
    return html`<dialog
      class="browse"
      aria-labelledby="browse-title"
      @close=${() => {
        this._browsing = false;
        this.#focusAfter = 'browse';
      }}
      @prom-metric-pick=${(e: PromMetricPickEvent) => {
        e.stopPropagation();
        this.#setMetric(e.detail.name);
        this.renderRoot.querySelector<HTMLDialogElement>('dialog.browse')?.close();
      }}
    >
      <header class="dialog-head">
        <h3 id="browse-title">Metrics</h3>
        <button type="button" class="icon" aria-label="Close" @click=${() => this.renderRoot.querySelector<HTMLDialogElement>('dialog.browse')?.close()}>${removeIcon}</button>
      </header>
      <prom-metrics-explorer .client=${this.client} theme=${this.theme ?? nothing}></prom-metrics-explorer>
    </dialog>`;
  }

  // ---- label filters ---------------------------------------------------------------------------

  #setFilter(index: number, change: Partial<LabelFilter>): VisualQuery {
    const labels = this._query.labels.map((f, i) => (i === index ? { ...f, ...change } : f));
    return { ...this._query, labels };
  }

  #filtersBlock(q: VisualQuery): TemplateResult {
    const names = this._suggest[`labels:${q.metric}`] ?? [];
    const rows = q.labels.map((f, index) => ({ f, index, id: this._filterIds[index]! }));
    return html`<div class="block">
      <div class="block-head">
        <span class="block-title" id="filters-title">Label filters</span>
        <button type="button" class="add" id="add-filter" @click=${this.#addFilter}>+ Filter</button>
      </div>
      <datalist id="label-names">${names.map((n) => html`<option value=${n}></option>`)}</datalist>
      ${rows.length === 0
        ? html`<p class="empty">Every series of the metric. Add a filter to narrow by a label.</p>`
        : html`<ul class="filters" aria-labelledby="filters-title">
            ${repeat(rows, (r) => r.id, ({ f, index, id }) => this.#filterRow(q, f, index, id))}
          </ul>`}
    </div>`;
  }

  #filterRow(q: VisualQuery, f: LabelFilter, index: number, id: number): TemplateResult {
    const at = () => this._filterIds.indexOf(id);
    const values = this._suggest[`values:${q.metric}:${f.label}`] ?? [];
    const n = index + 1;
    return html`<li class="filter">
      <label class="visually-hidden" for=${`filter-${id}-label`}>Filter ${n} label</label>
      <input
        id=${`filter-${id}-label`}
        class="filter-label"
        type="text"
        list="label-names"
        spellcheck="false"
        autocomplete="off"
        placeholder="label"
        .value=${live(f.label)}
        @change=${(e: Event) => this.#commit(this.#setFilter(at(), { label: (e.target as HTMLInputElement).value.trim() }))}
      />
      <label class="visually-hidden" for=${`filter-${id}-op`}>Filter ${n} match</label>
      <select id=${`filter-${id}-op`} class="filter-op" @change=${(e: Event) => this.#commit(this.#setFilter(at(), { op: (e.target as HTMLSelectElement).value as LabelMatchOp }))}>
        ${MATCH_OPS.map((m) => html`<option value=${m.op} title=${m.title} ?selected=${m.op === f.op}>${m.op}</option>`)}
      </select>
      <label class="visually-hidden" for=${`filter-${id}-value`}>Filter ${n} value</label>
      <input
        id=${`filter-${id}-value`}
        class="filter-value"
        type="text"
        list=${`filter-${id}-values`}
        spellcheck="false"
        autocomplete="off"
        placeholder=${f.op.includes('~') ? 'regex' : 'value'}
        .value=${live(f.value)}
        @change=${(e: Event) => this.#commit(this.#setFilter(at(), { value: (e.target as HTMLInputElement).value }))}
      />
      <datalist id=${`filter-${id}-values`}>${values.map((v) => html`<option value=${v}></option>`)}</datalist>
      <button type="button" class="icon danger" id=${`filter-${id}-remove`} aria-label=${`Remove filter ${n}${f.label ? ` (${f.label})` : ''}`} @click=${() => this.#removeFilter(at(), id)}>${removeIcon}</button>
    </li>`;
  }

  #addFilter(): void {
    const id = this.#nextId++;
    this._filterIds = [...this._filterIds, id];
    this.#commit({ ...this._query, labels: [...this._query.labels, { label: '', op: '=', value: '' }] });
    this.#focusAfter = `filter-${id}-label`;
  }

  #removeFilter(index: number, id: number): void {
    const ids = this._filterIds.filter((x) => x !== id);
    this._filterIds = ids;
    this.#commit({ ...this._query, labels: this._query.labels.filter((_, i) => i !== index) });
    this.#focusAfter = ids.length ? `filter-${ids[Math.min(index, ids.length - 1)]}-remove` : 'add-filter';
  }

  // ---- operations ------------------------------------------------------------------------------

  /** The query with operation `id` changed. */
  #setOp(id: number, change: (op: Operation) => Operation): VisualQuery {
    const index = this._opIds.indexOf(id);
    return { ...this._query, operations: this._query.operations.map((op, i) => (i === index ? change(op) : op)) };
  }

  #operationsBlock(q: VisualQuery): TemplateResult {
    const rows = q.operations.map((op, index) => ({ op, index, id: this._opIds[index]! }));
    return html`<div class="block">
      <div class="block-head">
        <span class="block-title" id="operations-title">Operations</span>
        <label class="visually-hidden" for="add-operation">Add an operation</label>
        <select id="add-operation" class="add add-select" @change=${(e: Event) => {
          const select = e.target as HTMLSelectElement;
          const entry = VISUAL_OPERATIONS.find((o) => o.id === select.value);
          select.value = '';
          if (entry) this.#addOperation(entry.make());
        }}>
          <option value="" selected>+ Operation</option>
          ${catalogueGroups().map(
            (g) => html`<optgroup label=${g.group}>${g.entries.map((o) => html`<option value=${o.id}>${o.label}</option>`)}</optgroup>`,
          )}
        </select>
      </div>
      ${rows.length === 0
        ? html`<p class="empty">The raw samples. Add an operation such as Rate or Sum; each applies to everything above it.</p>`
        : html`<ol class="operations" aria-labelledby="operations-title">
            ${repeat(rows, (r) => r.id, ({ op, index, id }) => this.#operationCard(op, index, id, rows.length))}
          </ol>`}
    </div>`;
  }

  #addOperation(op: Operation): void {
    const id = this.#nextId++;
    this._opIds = [...this._opIds, id];
    this.#commit({ ...this._query, operations: [...this._query.operations, op] });
    this.#focusAfter = `op-${id}-card`;
  }

  #moveOperation(index: number, id: number, by: number): void {
    this._opIds = moved(this._opIds, index, by);
    this.#commit({ ...this._query, operations: moved(this._query.operations, index, by) });
    const to = index + by;
    this.#focusAfter = `op-${id}-${(by < 0 && to === 0) || (by > 0 && to === this._opIds.length - 1) ? (by < 0 ? 'down' : 'up') : by < 0 ? 'up' : 'down'}`;
  }

  #removeOperation(index: number, id: number): void {
    this.#dropDrafts(`op-${id}-`);
    const ids = this._opIds.filter((x) => x !== id);
    this._opIds = ids;
    this.#commit({ ...this._query, operations: this._query.operations.filter((_, i) => i !== index) });
    this.#focusAfter = ids.length ? `op-${ids[Math.min(index, ids.length - 1)]}-remove` : 'add-operation';
  }

  #operationCard(op: Operation, index: number, id: number, count: number): TemplateResult {
    const label = labelOf(op);
    const key = (f: string) => `op-${id}-${f}`;
    return html`<li class="card op" id=${key('card')} tabindex="-1" aria-label=${`Operation ${index + 1}: ${label}`}>
      <div class="card-head">
        <span class="ref" aria-hidden="true">${index + 1}</span>
        <strong class="title">${label}</strong>
        <span class="spacer"></span>
        <button type="button" class="icon" id=${key('up')} aria-label=${`Move ${label} up`} ?disabled=${index === 0} @click=${() => this.#moveOperation(index, id, -1)}>${upIcon}</button>
        <button type="button" class="icon" id=${key('down')} aria-label=${`Move ${label} down`} ?disabled=${index === count - 1} @click=${() => this.#moveOperation(index, id, 1)}>${downIcon}</button>
        <button type="button" class="icon danger" id=${key('remove')} aria-label=${`Remove ${label}`} @click=${() => this.#removeOperation(index, id)}>${removeIcon}</button>
      </div>
      ${this.#operationParams(op, id, label)}
    </li>`;
  }

  #operationParams(op: Operation, id: number, label: string): TemplateResult | typeof nothing {
    const key = (f: string) => `op-${id}-${f}`;
    switch (op.kind) {
      case 'range':
        return html`<div class="params">
          ${this.#textInput(key('range'), 'Range', op.range, (text) =>
            this.#field(key('range'), text, (t) => (isVisualRange(t) ? undefined : `“${t}” is not a range: write a duration such as 5m, 1h or 30s, or a variable such as $__rate_interval.`), (t) =>
              this.#setOp(id, (o) => ({ ...o, range: t }) as Operation),
            ), { placeholder: '5m', hint: 'How far back each point looks, such as 5m or $__rate_interval.', cls: 'narrow' })}
        </div>`;
      case 'aggregate':
        return html`<div class="params">${this.#groupingFields(op.grouping, id, label)}</div>`;
      case 'aggregate-param': {
        const quantile = op.fn === 'quantile';
        return html`<div class="params">
          ${this.#textInput(key('param'), quantile ? 'Quantile (φ)' : 'Count (k)', String(op.param), (text) =>
            this.#field(key('param'), text, (t) => (quantile ? quantileProblem(t) : countProblem(t)), (t) => this.#setOp(id, (o) => withNumber(o, 'param', parseNumber(t)!))),
            { inputmode: 'decimal', cls: 'narrow', hint: quantile ? 'From 0 to 1, such as 0.95.' : `How many series to keep, such as 5.` })}
          ${this.#groupingFields(op.grouping, id, label)}
        </div>`;
      }
      case 'histogram_quantile':
        return html`<div class="params">
          ${this.#textInput(key('quantile'), 'Quantile (φ)', String(op.quantile), (text) =>
            this.#field(key('quantile'), text, quantileProblem, (t) => this.#setOp(id, (o) => withNumber(o, 'quantile', parseNumber(t)!))),
            { inputmode: 'decimal', cls: 'narrow', hint: 'From 0 to 1: 0.95 is the 95th percentile. Apply it to rate(…_bucket) summed by le.' })}
        </div>`;
      case 'scalar':
        return html`<div class="params scalar">
          <div class="field">
            <label for=${key('op')}>Operator</label>
            <select id=${key('op')} @change=${(e: Event) => {
              const value = (e.target as HTMLSelectElement).value as BinaryOperator;
              this.#commit(this.#setOp(id, (o) => ({ ...o, op: value }) as Operation));
            }}>
              ${BINARY_OPERATORS.map((b) => html`<option value=${b} ?selected=${b === op.op}>${b}  ${OPERATOR_TITLES[b]}</option>`)}
            </select>
          </div>
          ${this.#textInput(key('value'), 'Number', String(op.value), (text) =>
            this.#field(key('value'), text, numberProblem, (t) => this.#setOp(id, (o) => withNumber(o, 'value', parseNumber(t)!))),
            { inputmode: 'decimal' })}
          <div class="checks">
            <label class="check"><input type="checkbox" id=${key('left')} .checked=${op.left ?? false} @change=${(e: Event) => {
              const on = (e.target as HTMLInputElement).checked;
              this.#commit(this.#setOp(id, (o) => withFlag(o, 'left', on)));
            }} /><span>Number first</span></label>
            ${isComparison(op.op)
              ? html`<label class="check"><input type="checkbox" id=${key('bool')} .checked=${op.bool ?? false} @change=${(e: Event) => {
                  const on = (e.target as HTMLInputElement).checked;
                  this.#commit(this.#setOp(id, (o) => withFlag(o, 'bool', on)));
                }} /><span>bool (0 or 1 instead of filtering)</span></label>`
              : nothing}
          </div>
        </div>`;
      case 'function':
        return nothing;
    }
  }

  #groupingFields(grouping: Grouping | undefined, id: number, label: string): TemplateResult {
    const key = (f: string) => `op-${id}-${f}`;
    const set = (g: Grouping | undefined) =>
      this.#commit(
        this.#setOp(id, (o) => {
          const { grouping: _, ...rest } = o as Operation & { grouping?: Grouping };
          return (g ? { ...rest, grouping: g } : rest) as Operation;
        }),
      );
    return html`<div class="grouping">
      <div class="field mode">
        <label for=${key('mode')}>Group</label>
        <select id=${key('mode')} @change=${(e: Event) => {
          const mode = (e.target as HTMLSelectElement).value;
          if (mode === '') set(undefined);
          else {
            set({ mode: mode as Grouping['mode'], labels: grouping?.labels ?? [], first: grouping?.first ?? true });
            this.#focusAfter = key('labels');
          }
        }}>
          <option value="" ?selected=${!grouping}>All together</option>
          <option value="by" ?selected=${grouping?.mode === 'by'}>by</option>
          <option value="without" ?selected=${grouping?.mode === 'without'}>without</option>
        </select>
      </div>
      ${grouping ? this.#labelList(key('labels'), `${label} ${grouping.mode}`, grouping.labels, (labels) => set({ ...grouping, labels })) : nothing}
    </div>`;
  }

  /** A list of label names as removable chips, with a box to add more (comma-separated). */
  #labelList(key: string, title: string, labels: readonly string[], apply: (labels: string[]) => void): TemplateResult {
    return html`<div class="field labels">
      <label for=${key}>Labels</label>
      <div class="chips">
        ${labels.map(
          (l, i) => html`<span class="chip"
            ><span>${l}</span
            ><button type="button" aria-label=${`Remove ${l} from ${title}`} @click=${() => {
              apply(labels.filter((_, j) => j !== i));
              this.#focusAfter = key;
            }}>${removeIcon}</button></span
          >`,
        )}
        <input
          id=${key}
          type="text"
          class="chip-input"
          list="label-names"
          spellcheck="false"
          autocomplete="off"
          placeholder=${labels.length ? 'add label' : 'label, such as job'}
          .value=${live('')}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              (e.target as HTMLInputElement).dispatchEvent(new Event('change'));
            } else if (e.key === 'Backspace' && (e.target as HTMLInputElement).value === '' && labels.length) {
              apply(labels.slice(0, -1));
            }
          }}
          @change=${(e: Event) => {
            const input = e.target as HTMLInputElement;
            const added = input.value.split(/[\s,]+/).filter((l) => l !== '' && !labels.includes(l));
            input.value = '';
            if (added.length) apply([...labels, ...new Set(added)]);
          }}
        />
      </div>
    </div>`;
  }

  // ---- binary queries --------------------------------------------------------------------------

  #setBinary(index: number, change: Partial<BinaryQuery>): VisualQuery {
    const binaryQueries = this._query.binaryQueries.map((b, i) => {
      if (i !== index) return b;
      const next = { ...b, ...change };
      for (const k of Object.keys(change) as (keyof BinaryQuery)[]) if (change[k] === undefined) delete next[k];
      return next;
    });
    return { ...this._query, binaryQueries };
  }

  #binaryBlock(q: VisualQuery): TemplateResult {
    const rows = q.binaryQueries.map((b, index) => ({ b, index, id: this._binIds[index]! }));
    return html`<div class="block">
      <div class="block-head">
        <span class="block-title" id="binary-title">With another query</span>
        <button type="button" class="add" id="add-binary" @click=${this.#addBinary}>+ Binary operation</button>
      </div>
      ${rows.length === 0
        ? nothing
        : html`<ol class="binaries" aria-labelledby="binary-title">${repeat(rows, (r) => r.id, ({ b, index, id }) => this.#binaryCard(b, index, id))}</ol>`}
    </div>`;
  }

  #addBinary(): void {
    const id = this.#nextId++;
    this._binIds = [...this._binIds, id];
    this.#commit({ ...this._query, binaryQueries: [...this._query.binaryQueries, { op: '/', query: EMPTY_VISUAL_QUERY }] });
    this.#focusAfter = `bin-${id}-op`;
  }

  #removeBinary(index: number, id: number): void {
    const ids = this._binIds.filter((x) => x !== id);
    this._binIds = ids;
    this.#commit({ ...this._query, binaryQueries: this._query.binaryQueries.filter((_, i) => i !== index) });
    this.#focusAfter = ids.length ? `bin-${ids[Math.min(index, ids.length - 1)]}-remove` : 'add-binary';
  }

  #binaryCard(b: BinaryQuery, index: number, id: number): TemplateResult {
    const key = (f: string) => `bin-${id}-${f}`;
    const at = () => this._binIds.indexOf(id);
    const matching = b.matching;
    const setMatching = (m: VectorMatching | undefined) => this.#commit(this.#setBinary(at(), { matching: m }));
    return html`<li class="card binary" aria-label=${`Binary operation ${index + 1}`}>
      <div class="card-head">
        <span class="ref" aria-hidden="true">${b.op}</span>
        <div class="field inline">
          <label for=${key('op')}>Operator</label>
          <select id=${key('op')} @change=${(e: Event) => this.#commit(this.#setBinary(at(), { op: (e.target as HTMLSelectElement).value as BinaryOperator | SetOperator }))}>
            ${[...BINARY_OPERATORS, ...SET_OPERATORS].map((o) => html`<option value=${o} ?selected=${o === b.op}>${o}  ${OPERATOR_TITLES[o]}</option>`)}
          </select>
        </div>
        ${isComparison(b.op)
          ? html`<label class="check"><input type="checkbox" id=${key('bool')} .checked=${b.bool ?? false} @change=${(e: Event) => this.#commit(this.#setBinary(at(), { bool: (e.target as HTMLInputElement).checked || undefined }))} /><span>bool</span></label>`
          : nothing}
        <span class="spacer"></span>
        <button type="button" class="icon danger" id=${key('remove')} aria-label=${`Remove binary operation ${index + 1}`} @click=${() => this.#removeBinary(at(), id)}>${removeIcon}</button>
      </div>
      <div class="grouping">
        <div class="field mode">
          <label for=${key('matching')}>Match series</label>
          <select id=${key('matching')} @change=${(e: Event) => {
            const mode = (e.target as HTMLSelectElement).value;
            setMatching(mode === '' ? undefined : { ...(matching ?? { labels: [] }), mode: mode as VectorMatching['mode'] });
          }}>
            <option value="" ?selected=${!matching}>on all labels</option>
            <option value="on" ?selected=${matching?.mode === 'on'}>on</option>
            <option value="ignoring" ?selected=${matching?.mode === 'ignoring'}>ignoring</option>
          </select>
        </div>
        ${matching ? this.#labelList(key('labels'), `matching ${matching.mode}`, matching.labels, (labels) => setMatching({ ...matching, labels })) : nothing}
      </div>
      <prom-query-builder
        nested
        .query=${b.query}
        .client=${this.client}
        theme=${this.theme ?? nothing}
        @prom-visual-query-change=${(e: PromVisualQueryChangeEvent) => {
          e.stopPropagation();
          this.#commit(this.#setBinary(at(), { query: e.detail.query }));
        }}
      ></prom-query-builder>
    </li>`;
  }

  // ---- offset and patterns ---------------------------------------------------------------------

  #optionsBlock(q: VisualQuery): TemplateResult {
    return html`<div class="block options">
      ${this.#textInput('offset', 'Offset', q.offset ?? '', (text) =>
        this.#field('offset', text, (t) => (t === '' || isVisualOffset(t) ? undefined : `“${t}” is not an offset: write a duration such as 1h or 7d (-1h looks ahead).`), (t) => {
          const { offset: _, ...rest } = this._query;
          return t === '' ? rest : { ...rest, offset: t };
        }), { placeholder: 'none', hint: 'Shift the query back in time, such as 1d to compare with yesterday.', cls: 'narrow' })}
    </div>`;
  }

  #patternsBlock(q: VisualQuery): TemplateResult {
    return html`<div class="block patterns">
      <div class="block-head">
        <button type="button" class="disclose" id="patterns-toggle" aria-expanded=${this._patterns ? 'true' : 'false'} aria-controls="patterns" @click=${() => (this._patterns = !this._patterns)}>
          <span class="chevron" aria-hidden="true">${this._patterns ? downIcon : svg`<svg width="14" height="14" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" class="icon"><path d="m6 4 4 4-4 4"></path></svg>`}</span>
          Start from a pattern
        </button>
      </div>
      ${this._patterns
        ? html`<div id="patterns" class="pattern-list">
            ${q.metric === '' ? html`<p class="hint">Choose a metric first: a pattern replaces the operations with common ones for it.</p>` : nothing}
            ${VISUAL_PATTERNS.map(
              (p) => html`<button type="button" class="pattern" id=${`pattern-${p.id}`} ?disabled=${q.metric === ''} aria-describedby=${`pattern-${p.id}-about`} @click=${() => this.#applyPattern(p.build(q.metric))}>
                <strong>${p.title}</strong>
                <span class="pattern-about" id=${`pattern-${p.id}-about`}>${p.description}</span>
              </button>`,
            )}
          </div>`
        : nothing}
    </div>`;
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
}

/** `op` with a new number: the spelling read from a query (`numberText`) no longer applies. */
function withNumber(op: Operation, field: 'param' | 'quantile' | 'value', value: number): Operation {
  const next = { ...op, [field]: value } as Operation & { numberText?: string };
  delete next.numberText;
  return next;
}

function withFlag(op: Operation, flag: 'left' | 'bool', on: boolean): Operation {
  const next = { ...op } as Operation & Record<string, unknown>;
  if (on) next[flag] = true;
  else delete next[flag];
  return next;
}

function numberProblem(text: string): string | undefined {
  return parseNumber(text) === undefined ? `“${text}” is not a number: write one such as 100, 0.5 or 1e6.` : undefined;
}

function quantileProblem(text: string): string | undefined {
  const n = parseNumber(text);
  return n === undefined || n < 0 || n > 1 ? `“${text}” is not a quantile: write a number from 0 to 1, such as 0.95 for the 95th percentile.` : undefined;
}

function countProblem(text: string): string | undefined {
  const n = parseNumber(text);
  return n === undefined || !Number.isInteger(n) || n < 1 ? `“${text}” is not a count: write a whole number of at least 1, such as 5.` : undefined;
}
