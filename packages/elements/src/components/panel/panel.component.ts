import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { cssProps } from '../../internal/css-props.js';
import { ContextConsumer } from '@lit/context';
import {
  PrometheusClient,
  PromkitError,
  QueryEngine,
  SchemaError,
  formatValueText,
  isConnectionError,
  isPromkitError,
  isRelative,
  panelRange,
  panelSchema,
  parseDuration,
  reduce,
  resolveRange,
  schemaProblemsOf,
  seriesName,
  type Frame,
  type Panel,
  type PanelInput,
  type PanelType,
  type Reducer,
  type TargetResult,
  type TimeRange,
  type VariableValues,
} from '@promkit/core';
import { PromElement } from '../../internal/prom-element.js';
import { expandIcon } from '../../internal/icons.js';
import { dashboardContext, type DashboardContext } from '../../internal/dashboard-context.js';
import { EChartsController } from '../../controllers/echarts-controller.js';
import type { ECharts } from '../../charts/echarts.js';
import { RefreshController } from '../../controllers/refresh-controller.js';
import { readTheme, themeTokens, type ChartTheme } from '../../theme/theme.js';
import { formControlStyles } from '../../theme/form-controls.js';
import { timeseriesOption, seriesColor, type TimeseriesSeries } from '../../charts/timeseries.js';
import { fillShare, gaugeOption } from '../../charts/gauge.js';
import { bucketCounts, heatmapOption, heatScale, type HeatmapData } from '../../charts/heatmap.js';
import { reduceSeries, type ReducedValue } from '../../charts/reduce.js';
import { fieldFor } from '../../charts/fields.js';
import { dragToZoom } from '../../charts/drag-zoom.js';
import { sortedRows, tableModel, type TableColumn, type TableRow } from '../../charts/table.js';
import { PromDataEvent } from '../../events/data-event.js';
import { PromErrorEvent } from '../../events/error-event.js';
import { PromRefreshEvent } from '../../events/refresh-event.js';
import { PromTimeRangeChangeEvent } from '../../events/time-range-change-event.js';
import { PromPanelViewEvent } from '../../events/panel-view-event.js';
import { renderMarkdown } from './markdown.js';
import { panelStyles } from './panel.styles.js';

/**
 * A panel spec as written in dashboard JSON (defaults may be left out). A standalone panel needs
 * no `id` or `gridPos`: it is one panel and fills its element.
 */
export type PanelSpec = Omit<PanelInput, 'id' | 'gridPos'> & Partial<Pick<PanelInput, 'id' | 'gridPos'>>;

/** Where a standalone panel sits in its (one-panel) grid. */
const STANDALONE = { id: 1, gridPos: { x: 0, y: 0, w: 24, h: 8 } };

/** `invalid`: the settings cannot work (no query is sent); `error`: a query failed. */
type LoadState = 'idle' | 'loading' | 'ready' | 'error' | 'invalid';
const CHART_TYPES: ReadonlySet<PanelType> = new Set(['timeseries', 'gauge', 'heatmap']);
let panelCount = 0;

/**
 * A live Prometheus chart.
 *
 * @tagname prom-panel
 * @summary Standalone by attributes (`url`, `query`, `type`, `range`, `refresh`), or a full panel
 * spec through the `spec` property; inside `<prom-dashboard>` it takes datasource, time range
 * and variables from the dashboard.
 *
 * @fires prom-data - New data arrived. `detail.targets` holds each target's frames.
 * @fires prom-error - A query failed. `detail.error` is the typed error, `detail.refId` the target.
 * @fires prom-refresh - A refresh started. `detail.reason` says why.
 * @fires prom-time-range-change - The user dragged across the chart to zoom. `detail` has `from`/`to`.
 *
 * @csspart base - The panel frame.
 * @csspart header - Title row.
 * @csspart title - The title text.
 * @csspart body - Everything below the header.
 * @csspart chart - The chart area.
 * @csspart legend - The legend.
 * @csspart view-button - The "view alone" button (with `viewable`).
 * @fires prom-panel-view - The "view alone" button was pressed. `detail.panelId` is the panel's id.
 *
 * @cssprop --prom-color-background - Panel background.
 * @cssprop --prom-color-text - Text colour.
 * @cssprop --prom-color-border - Frame colour.
 * @cssprop --prom-palette-0 - First series colour (through --prom-palette-9).
 * @cssprop --prom-font-family - Font of text and charts.
 * @cssprop --prom-panel-radius - Corner radius of the frame.
 */
export class PromPanel extends PromElement {
  static override styles = [themeTokens, formControlStyles, panelStyles];

  static override properties = {
    url: { type: String },
    query: { type: String },
    type: { type: String },
    title: { type: String },
    unit: { type: String },
    decimals: { type: Number },
    legendFormat: { type: String, attribute: 'legend-format' },
    legend: { type: String },
    range: { type: String },
    refresh: { type: String },
    theme: { type: String, reflect: true },
    timeZone: { type: String, attribute: 'time-zone' },
    scrapeInterval: { type: String, attribute: 'scrape-interval' },
    timeout: { type: String },
    datasource: { type: String },
    instant: { type: Boolean },
    spec: { attribute: false, hasChanged: changedInContent },
    client: { attribute: false },
    legendPlacement: { type: String, attribute: 'legend-placement', reflect: true },
    viewable: { type: Boolean },
    scopedVars: { attribute: false, hasChanged: changedInContent },
    _state: { state: true },
    _results: { state: true },
    _error: { state: true },
    _refreshing: { state: true },
    _hidden: { state: true },
    _sort: { state: true },
  };

  /** Prometheus base URL (standalone use). */
  declare url: string | undefined;
  /** PromQL expression (standalone use). */
  declare query: string | undefined;
  /** Panel type: timeseries (default), stat, gauge, bargauge, table, heatmap, text. */
  declare type: PanelType;
  declare title: string;
  /** Unit id such as `reqps`, `bytes`, `percentunit`. */
  declare unit: string | undefined;
  declare decimals: number | undefined;
  /** Series names, e.g. `{{instance}}`. */
  declare legendFormat: string | undefined;
  /** Legend mode: list, table or hidden. */
  declare legend: 'list' | 'table' | 'hidden' | undefined;
  /** Time range start as date math (`now-1h`) or `from,to`; standalone use. Default `now-1h`. */
  declare range: string;
  /** Auto-refresh interval such as `30s`; empty for off. */
  declare refresh: string;
  /** light, dark or auto (follow the system). */
  declare theme: 'light' | 'dark' | 'auto' | undefined;
  /** IANA timezone for axes and date math; default the browser's. */
  declare timeZone: string | undefined;
  /** How often Prometheus scrapes the queried series (standalone use), for `$__rate_interval`. Default `15s`. */
  declare scrapeInterval: string | undefined;
  /**
   * How long a query may take, answer body included, as a duration such as `10s` (standalone use;
   * inside a dashboard the datasource's `timeout` applies). Default 30s.
   */
  declare timeout: string | undefined;
  /** Datasource name inside a dashboard. */
  declare datasource: string | undefined;
  /** Query only the end of the range (stat, gauge, table). */
  declare instant: boolean;
  /** A full panel spec (dashboard JSON); wins over the attributes. */
  declare spec: PanelSpec | undefined;
  /** A client to use instead of one built from `url` (custom fetch, auth, backend preset). */
  declare client: PrometheusClient | undefined;
  declare legendPlacement: 'bottom' | 'right' | undefined;
  /** Shows a button that asks the dashboard to show this panel alone. */
  declare viewable: boolean;
  /** Variable values for this panel only (a repeated panel's own value). */
  declare scopedVars: VariableValues | undefined;

  declare _state: LoadState;
  declare _results: TargetResult[];
  declare _error: PromkitError | undefined;
  declare _refreshing: boolean;
  declare _hidden: ReadonlySet<string>;
  declare _sort: { column: string; desc: boolean } | undefined;

  readonly #id = `prom-panel-${++panelCount}`;
  readonly #chart = new EChartsController(this, () => this.renderRoot.querySelector<HTMLElement>('[part="chart"] .canvas'));
  readonly #refresher = new RefreshController(this, () => void this.load('interval'));
  readonly #context = new ContextConsumer(this, { context: dashboardContext, subscribe: true, callback: () => this.#onContext() });
  #ownEngine: { engine: QueryEngine; key: string } | undefined;
  #abort: AbortController | undefined;
  /** The resolved range of the data shown (the x axis spans it). */
  #range: TimeRange | undefined;
  #theme: ChartTheme | undefined;
  #pointer = { value: undefined as number | undefined };
  #lastRevision = -1;
  #media: MediaQueryList | undefined;
  readonly #onScheme = () => this.requestUpdate();

  constructor() {
    super();
    this.type = 'timeseries';
    this.title = '';
    this.range = 'now-1h';
    this.refresh = '';
    this.instant = false;
    this.viewable = false;
    this._state = 'idle';
    this._results = [];
    this._refreshing = false;
    this._hidden = new Set();
    this.#chart.onCreate((chart) => this.#onChartCreated(chart));
  }

  /** The panel's data as last received. */
  get results(): readonly TargetResult[] {
    return this._results;
  }

  /** Queries again now. */
  refreshNow(): Promise<void> {
    return this.load('manual');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#media = matchMedia('(prefers-color-scheme: dark)');
    this.#media.addEventListener('change', this.#onScheme);
    if (this._state !== 'idle') this.#scheduleLoad('change');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#media?.removeEventListener('change', this.#onScheme);
    this.#abort?.abort();
    this.#abort = undefined;
    this.#ownEngine?.engine.dispose();
    this.#ownEngine = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const specProps = ['spec', 'type', 'title', 'query', 'instant', 'legendFormat', 'unit', 'decimals', 'legend', 'legendPlacement', 'datasource'];
    const specChanged = specProps.some((p) => changed.has(p as keyof PromPanel));
    if (specChanged) this.#parsed = this.#parse();
    if (specChanged || changed.has('_results') || changed.has('_hidden')) {
      const parsed = (this.#parsed ??= this.#parse());
      this.#shown = 'spec' in parsed ? this.#series(parsed.spec) : [];
      this.#heatmap = 'spec' in parsed && parsed.spec.type === 'heatmap' ? bucketCounts(this.#shown.map((s) => s.frame)) : undefined;
    }
    const queryProps = ['url', 'query', 'type', 'range', 'spec', 'client', 'datasource', 'instant', 'legendFormat', 'timeZone', 'scopedVars', 'scrapeInterval', 'timeout'];
    if (this._state === 'idle' || queryProps.some((p) => changed.has(p as keyof PromPanel))) {
      if (changed.has('url') || changed.has('client') || changed.has('timeout')) {
        this.#ownEngine?.engine.dispose();
        this.#ownEngine = undefined;
      }
      if (this.isConnected) this.#scheduleLoad('change');
    }
    if (changed.has('refresh')) this.#refresher.intervalMs = (parseDuration(this.refresh || '') ?? 0) * 1000;
  }

  protected override updated(): void {
    this.#theme = readTheme(this);
    this.#chart.setGroup(this.#context.value?.group);
    this.#draw();
  }

  #onContext(): void {
    const ctx = this.#context.value;
    if (ctx && ctx.revision !== this.#lastRevision) {
      this.#lastRevision = ctx.revision;
      this.#scheduleLoad(ctx.reason === 'manual' ? 'manual' : 'change');
    }
  }

  #loadQueued = false;
  /** Several triggers in one task (attributes, context, connection) make one query. */
  #scheduleLoad(reason: 'interval' | 'retry' | 'manual' | 'change'): void {
    if (this.#loadQueued) return;
    this.#loadQueued = true;
    queueMicrotask(() => {
      this.#loadQueued = false;
      void this.load(reason);
    });
  }

  /** The effective spec, or the problem with it; derived in willUpdate when its inputs change. */
  #parsed: { spec: Panel } | { error: PromkitError } | undefined;
  /** The series shown, derived in willUpdate from the results, the spec and hidden series. */
  #shown: TimeseriesSeries[] = [];
  /** Heatmap panels: the shown series as bucket counts, for the chart and its scale. */
  #heatmap: HeatmapData | undefined;

  /** The effective spec (throws when the settings are invalid). */
  #spec(): Panel {
    this.#parsed ??= this.#parse();
    if ('error' in this.#parsed) throw this.#parsed.error;
    return this.#parsed.spec;
  }

  /** Parses `spec`, else a spec built from the attributes. */
  #parse(): { spec: Panel } | { error: PromkitError } {
    const input: PanelSpec = this.spec ?? {
      type: this.type,
      title: this.title,
      ...(this.datasource ? { datasource: this.datasource } : {}),
      targets: this.query ? [{ refId: 'A', expr: this.query, instant: this.instant, ...(this.legendFormat ? { legendFormat: this.legendFormat } : {}) }] : [],
      fieldConfig: { defaults: { ...(this.unit ? { unit: this.unit } : {}), ...(this.decimals !== undefined ? { decimals: this.decimals } : {}) } },
      options: { ...(this.legend ? { legend: { displayMode: this.legend, placement: this.legendPlacement ?? 'bottom' } } : {}) },
    };
    const parsed = panelSchema.safeParse({ ...STANDALONE, ...input }, { reportInput: true });
    if (parsed.success) return { spec: parsed.data };
    const problems = schemaProblemsOf(parsed.error);
    return { error: new SchemaError(`This panel's settings are invalid: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, problems) };
  }

  /** Runs the panel's queries and updates the display. */
  async load(reason: 'interval' | 'retry' | 'manual' | 'change'): Promise<void> {
    if (!this.isConnected) return;
    let spec: Panel;
    let setup: PanelSetup | undefined;
    try {
      spec = this.#spec();
      if (spec.type === 'text') {
        this._state = 'ready';
        return;
      }
      setup = this.#setup(spec);
    } catch (error) {
      this.#fail(asError(error), 'invalid');
      return;
    }
    if (!setup) return;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.dispatchEvent(new PromRefreshEvent({ reason }));
    if (this._state === 'ready') this._refreshing = true;
    else this._state = 'loading';
    try {
      const width = this.renderRoot.querySelector<HTMLElement>('[part="chart"]')?.clientWidth || this.clientWidth || 800;
      const result = await setup.engine.run({
        key: setup.key,
        datasource: setup.datasource,
        targets: spec.targets.map((t) => (CHART_TYPES.has(spec.type) && spec.type !== 'gauge' ? t : { ...t, instant: t.instant || spec.type === 'table' })),
        range: setup.range,
        live: setup.live,
        variables: setup.variables,
        maxDataPoints: spec.maxDataPoints ?? Math.max(100, Math.round(width)),
        ...(spec.interval ? { minInterval: parseDuration(spec.interval)! } : {}),
        scrapeInterval: setup.scrapeInterval,
        fresh: reason === 'manual' || reason === 'retry',
        signal: abort.signal,
      });
      this._results = result.targets;
      this.#range = setup.range;
      const failures = result.targets.filter((t) => t.error);
      for (const t of failures) this.dispatchEvent(new PromErrorEvent({ error: t.error!, refId: t.refId }));
      if (failures.length > 0 && failures.length === result.targets.length) {
        this._error = failures[0]!.error;
        this._state = 'error';
      } else {
        this._error = undefined;
        this._state = 'ready';
      }
      this.dispatchEvent(new PromDataEvent({ targets: result.targets }));
    } catch (error) {
      if (isPromkitError(error, 'CanceledError')) return;
      this.#fail(asError(error));
    } finally {
      if (this.#abort === abort) {
        this.#abort = undefined;
        this._refreshing = false;
      }
    }
  }

  #fail(error: PromkitError, state: 'error' | 'invalid' = 'error'): void {
    this._error = error;
    this._state = state;
    this._refreshing = false;
    this.dispatchEvent(new PromErrorEvent({ error }));
  }

  /** Engine, datasource and range: the dashboard's when inside one, else the panel's own. */
  #setup(spec: Panel): PanelSetup | undefined {
    const ctx: DashboardContext | undefined = this.#context.value;
    if (ctx) {
      const variables = { ...ctx.variables, ...this.scopedVars };
      const datasource = ctx.datasources.get(spec.datasource?.replace(/^\$\{?(\w+)\}?$/, (_, v: string) => String(asText(variables[v]))));
      const raw = panelRange(ctx.range, spec);
      return {
        engine: ctx.engine,
        key: this.#id,
        datasource: datasource.name,
        range: resolveRange(raw, { timeZone: ctx.timeZone, weekStartsOn: ctx.weekStartsOn }),
        live: isRelative(raw),
        variables,
        scrapeInterval: ctx.datasources.scrapeInterval(datasource.name),
      };
    }
    if (!this.client && !this.url) {
      if (spec.targets.length === 0) return undefined;
      throw settingsError('url', 'No Prometheus to ask: set the url attribute (or the client property), or place the panel in a <prom-dashboard>.');
    }
    if (!this.#ownEngine) {
      const timeout = this.#timeoutMs();
      const client = this.client ?? new PrometheusClient({ url: this.url!, ...(timeout !== undefined ? { timeout } : {}) });
      this.#ownEngine = { engine: new QueryEngine({ client: () => client }), key: this.#id };
    }
    const [from, to = 'now'] = this.range.split(',').map((s) => s.trim());
    const raw = panelRange({ from: from || 'now-1h', to }, spec);
    return {
      engine: this.#ownEngine.engine,
      key: this.#ownEngine.key,
      datasource: 'default',
      range: resolveRange(raw, this.timeZone ? { timeZone: this.timeZone } : {}),
      live: isRelative(raw),
      variables: {},
      scrapeInterval: this.#scrapeSeconds(),
    };
  }

  get #timeZone(): string {
    return this.#context.value?.timeZone ?? this.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  }

  /** Whether the legend sits right of the chart: the attribute, else the spec's legend option. */
  #legendRight(spec: Panel | undefined): boolean {
    return (this.legendPlacement ?? spec?.options.legend?.placement) === 'right';
  }

  /** The standalone scrape interval in seconds; a value that is no duration is a settings error. */
  #scrapeSeconds(): number {
    if (!this.scrapeInterval) return 15;
    const seconds = parseDuration(this.scrapeInterval);
    if (seconds === undefined || seconds <= 0) {
      throw settingsError('scrape-interval', `must be a duration such as 15s or 1m, got ${JSON.stringify(this.scrapeInterval)}.`);
    }
    return seconds;
  }

  /** The `timeout` attribute in milliseconds; a value that is no duration is a settings error. */
  #timeoutMs(): number | undefined {
    if (!this.timeout) return undefined;
    const seconds = parseDuration(this.timeout);
    if (seconds === undefined || seconds <= 0) {
      throw settingsError('timeout', `must be a duration such as 10s or 1m, got ${JSON.stringify(this.timeout)}.`);
    }
    return Math.round(seconds * 1000);
  }

  /** Series of every successful target with names and per-series field settings. */
  #series(spec: Panel): TimeseriesSeries[] {
    const out: TimeseriesSeries[] = [];
    for (const result of this._results) {
      if (result.error) continue;
      const target = spec.targets.find((t) => t.refId === result.refId);
      for (const frame of result.frames) {
        const name = seriesName(frame.labels, target?.legendFormat) || result.expr;
        out.push({ name, refId: result.refId, frame, field: fieldFor(spec, name, result.refId), hidden: this._hidden.has(`${result.refId}:${name}`) });
      }
    }
    return out;
  }

  /** What the chart was last drawn from: an update that changes none of it (a spinner) draws nothing. */
  #drawnFrom: unknown[] = [];

  /** Draws ECharts-based types after render. */
  #draw(): void {
    if (this._state !== 'ready' || !this.#theme) return;
    const from = [this.#shown, this.#heatmap, this.#range, this.#parsed, this.#timeZone, JSON.stringify(this.#theme)];
    if (from.every((input, i) => input === this.#drawnFrom[i])) return;
    this.#drawnFrom = from;
    let spec: Panel;
    try {
      spec = this.#spec();
    } catch {
      return;
    }
    const series = this.#shown;
    const theme = this.#theme;
    // Same type and series as last time (a refresh): merge only series and datasets, keeping
    // axes and layout; otherwise replace the whole option.
    const shape = `${spec.type}|${theme.dark}|${series.map((s) => `${s.refId}:${s.name}:${s.hidden ? 0 : 1}`).join('|')}`;
    const replace = shape !== this.#drawnShape;
    this.#drawnShape = shape;
    if (spec.type === 'timeseries' && series.length > 0) {
      const step = this._results.find((r) => !r.error)?.timing.step ?? 15;
      this.#chart.setOption(
        timeseriesOption({
          series,
          field: spec.fieldConfig.defaults,
          options: spec.options,
          range: this.#range ?? { from: 0, to: 1 },
          stepMs: step * 1000,
          theme,
          timeZone: this.#timeZone,
          pointer: this.#pointer,
        }),
        replace,
      );
    } else if (spec.type === 'gauge' && series.length > 0) {
      const box = this.renderRoot.querySelector<HTMLElement>('[part="chart"]');
      const size = box ? Math.min(box.clientWidth / Math.max(1, series.length), box.clientHeight) : 200;
      this.#chart.setOption(gaugeOption(this.#reduced(spec, series), spec.fieldConfig.defaults, theme, size), replace);
    } else if (spec.type === 'heatmap' && series.length > 0 && this.#heatmap) {
      this.#chart.setOption(heatmapOption(this.#heatmap, spec.fieldConfig.defaults, theme, this.#timeZone), replace);
    }
  }

  #drawnShape = '';

  /** Pointer tracking and drag-to-zoom on each chart the controller creates (used by time series). */
  #onChartCreated(chart: ECharts): void {
    chart.getZr().on('mousemove', (e: { offsetX: number; offsetY: number }) => {
      if (!this.#parsed || !('spec' in this.#parsed) || this.#parsed.spec.type !== 'timeseries') return;
      const value = chart.convertFromPixel({ yAxisIndex: 0 }, e.offsetY) as unknown;
      this.#pointer.value = typeof value === 'number' ? value : undefined;
    });
    dragToZoom(chart, () => this.renderRoot.querySelector<HTMLElement>('[part="chart"] .brush'), (from, to) => this.#onZoom(from, to));
  }

  #reduced(spec: Panel, series: TimeseriesSeries[]): ReducedValue[] {
    const calc: Reducer = spec.options.reduceOptions?.calcs[0] ?? 'lastNotNull';
    return series.map((s) => reduceSeries(s.name, s.frame, s.field, calc, this.#theme!));
  }

  #onZoom(fromMs: number, toMs: number): void {
    const from = new Date(fromMs).toISOString();
    const to = new Date(toMs).toISOString();
    const change = new PromTimeRangeChangeEvent({ from, to });
    this.dispatchEvent(change);
    if (!change.defaultPrevented && !this.#context.value) this.range = `${from},${to}`;
  }

  override render(): TemplateResult {
    let spec: Panel | undefined;
    try {
      spec = this.#spec();
    } catch {
      spec = undefined;
    }
    const title = spec?.title ?? this.title;
    const warnings = this._results.flatMap((r) => [...r.warnings, ...(r.error && this._state === 'ready' ? [`${r.refId}: ${r.error.message}`] : [])]);
    return html`
      <section part="base" aria-label=${title || 'Prometheus panel'}>
        <header part="header">
          <span part="title" id="title" title=${title || nothing}>${title}</span>
          ${this._refreshing ? html`<span class="status" role="status" aria-label="Refreshing"><span class="spinner"></span></span>` : nothing}
          ${this.viewable
            ? html`<button class="view" part="view-button" aria-label=${`View ${title || 'panel'} alone`} title="View" @click=${() => this.dispatchEvent(new PromPanelViewEvent({ panelId: spec?.id ?? 0 }))}>${expandIcon}</button>`
            : nothing}
          ${warnings.length > 0
            ? html`<span class="badge" tabindex="0" role="note" title=${warnings.join('\n')} aria-label=${`${warnings.length} warning(s): ${warnings.join('; ')}`}>⚠ ${warnings.length}</span>`
            : nothing}
        </header>
        <div part="body" class=${this.#legendRight(spec) ? 'legend-right' : ''}>${this.#body(spec)}</div>
      </section>
    `;
  }

  #body(spec: Panel | undefined): TemplateResult {
    if (this._state === 'invalid' || !spec) return this.#invalidSettings();
    if (this._state === 'error') return this.#failure(this._error);
    if (spec.type === 'text') {
      return html`<div class="markdown">${spec.options.mode === 'text' ? spec.options.content ?? '' : this.#markdown(spec.options.content ?? '')}</div>`;
    }
    if (this._state === 'loading' || this._state === 'idle') {
      return html`<div part="chart" aria-busy="true"><div class="skeleton"></div><span class="visually-hidden">Loading</span></div>`;
    }
    const series = this.#shown;
    if (series.length === 0) {
      return html`<div part="chart"><div class="message">${spec.fieldConfig.defaults.noValue ?? 'No data'}</div></div>`;
    }
    switch (spec.type) {
      case 'stat':
        return this.#stats(spec, series);
      case 'bargauge':
        return this.#bars(spec, series);
      case 'table':
        return this.#table(spec, series);
      default:
        return html`<div part="chart" role="img" aria-labelledby="title summary">
            <div class="canvas"></div>
            ${spec.type === 'timeseries' ? html`<div class="brush" hidden></div>` : nothing}
          </div>
          <span class="visually-hidden" id="summary">${this.#summary(spec, series)}</span>
          ${spec.type === 'timeseries' ? this.#legend(spec, series) : spec.type === 'heatmap' ? this.#heatScale() : nothing}`;
    }
  }

  #rendered: { source: string; node: HTMLElement } | undefined;
  /** A text panel's markdown as sanitised DOM, made again only when its source changes. */
  #markdown(source: string): HTMLElement {
    if (this.#rendered?.source !== source) this.#rendered = { source, node: renderMarkdown(source) };
    return this.#rendered.node;
  }

  /** Settings that cannot work: each problem, and nothing to retry (no query was sent). */
  #invalidSettings(): TemplateResult {
    const error = this._error ?? (this.#parsed && 'error' in this.#parsed ? this.#parsed.error : undefined);
    const problems = isPromkitError(error, 'SchemaError') ? error.problems : [{ path: '', message: error?.message ?? 'This panel cannot be shown.' }];
    return html`<div part="chart"><div class="message error" role="alert">
        <strong>Invalid panel settings</strong>
        <ul class="detail problems">${problems.map((p) => html`<li>${p.path ? html`<code>${p.path}</code>: ` : nothing}${p.message}</li>`)}</ul>
      </div></div>`;
  }

  /**
   * A failed query. Inside a dashboard, a server that cannot be reached is told once by the
   * dashboard's notice, so the panel says so briefly (the whole message on hover and focus).
   */
  #failure(error: PromkitError | undefined): TemplateResult {
    const message = error?.message ?? 'The query failed.';
    const retry = html`<button @click=${() => void this.load('retry')}>Retry</button>`;
    if (this.#context.value && isConnectionError(error)) {
      return html`<div part="chart"><div class="message error brief" role="alert">
          <strong>No connection</strong>
          <div class="detail" tabindex="0" title=${message} aria-label=${message}>${briefReason(error)}</div>
          ${retry}
        </div></div>`;
    }
    return html`<div part="chart"><div class="message error" role="alert">
        <strong>Query failed</strong>
        <div class="detail">${message}</div>
        ${retry}
      </div></div>`;
  }

  /** Text summary of the chart for assistive technology. */
  #summary(spec: Panel, series: TimeseriesSeries[]): string {
    const unit = spec.fieldConfig.defaults.unit ?? 'none';
    const parts = series.slice(0, 10).map((s) => `${s.name}: last ${formatValueText(reduce(s.frame.values, 'lastNotNull'), unit)}, max ${formatValueText(reduce(s.frame.values, 'max'), unit)}`);
    return `${series.length} series. ${parts.join('; ')}${series.length > 10 ? '; …' : ''}`;
  }

  #legend(spec: Panel, series: TimeseriesSeries[]): TemplateResult | typeof nothing {
    const legend = spec.options.legend;
    if (legend?.displayMode === 'hidden') return nothing;
    if (series.length === 1 && !legend) return nothing;
    const unit = spec.fieldConfig.defaults.unit ?? 'none';
    const decimals = spec.fieldConfig.defaults.decimals;
    const color = (s: TimeseriesSeries) => seriesColor(s.field, series.indexOf(s), this.#theme ?? readTheme(this));
    const toggle = (s: TimeseriesSeries) => {
      const key = `${s.refId}:${s.name}`;
      const hidden = new Set(this._hidden);
      if (hidden.has(key)) hidden.delete(key);
      else hidden.add(key);
      this._hidden = hidden;
    };
    const item = (s: TimeseriesSeries) => html`<button class="legend-item" aria-pressed=${s.hidden ? 'false' : 'true'} @click=${() => toggle(s)}>
      <span class="swatch" ${cssProps({ backgroundColor: color(s) })}></span><span class="legend-name">${s.name}</span>
    </button>`;
    if (legend?.displayMode === 'table') {
      const calcs = legend.calcs;
      return html`<div part="legend"><table>
          <thead><tr><th>Series</th>${calcs.map((c) => html`<th class="number">${c}</th>`)}</tr></thead>
          <tbody>${series.map(
            (s) => html`<tr><td>${item(s)}</td>${calcs.map((c) => html`<td class="number">${formatValueText(reduce(s.frame.values, c), unit, decimals)}</td>`)}</tr>`,
          )}</tbody>
        </table></div>`;
    }
    return html`<div part="legend"><ul class="legend-list">${series.map((s) => html`<li>${item(s)}</li>`)}</ul></div>`;
  }

  /** The heatmap's colour scale: from no count to the most counted in one cell. */
  #heatScale(): TemplateResult {
    const max = this.#heatmap?.max ?? 0;
    const theme = this.#theme ?? readTheme(this);
    return html`<div part="legend" class="heat-scale">
      <span>0</span><span class="heat-bar" ${cssProps({ backgroundImage: `linear-gradient(to right, ${heatScale(theme).join(', ')})` })}></span><span>${formatValueText(max, 'short')}</span>
    </div>`;
  }

  #stats(spec: Panel, series: TimeseriesSeries[]): TemplateResult {
    const values = this.#reduced(spec, series);
    const area = spec.options.graphMode !== 'none';
    return html`<div class="stats-wrap"><div class="stats" part="chart" role="group" aria-labelledby="title">
        ${values.map((v) => {
          const trend = Number.isFinite(v.previous) && Number.isFinite(v.value) && v.value !== v.previous ? (v.value > v.previous ? '▲' : '▼') : '';
          const label = `${v.name}: ${v.formatted.prefix}${v.formatted.text}${v.formatted.suffix}`;
          // Characters the line is wide (the unit is drawn smaller): long values shrink to fit.
          const chars = `${v.formatted.prefix}${v.formatted.text}`.length + 0.6 * v.formatted.suffix.trim().length + (trend ? 1 : 0);
          const style = { '--stat-chars': Math.max(4, chars).toFixed(1), color: v.color };
          return html`<div class=${area ? 'stat has-sparkline' : 'stat'} role="img" aria-label=${label}>
            ${area ? sparkline(v.frame, v.color ?? this.#theme?.palette[0] ?? 'currentColor') : nothing}
            <span class="stat-line" ${cssProps(style)}>
              <span class="stat-value">${v.formatted.prefix}${v.formatted.text}<span class="stat-unit">${v.formatted.suffix.trim()}</span></span>
              ${trend ? html`<span class="trend" aria-hidden="true">${trend}</span>` : nothing}
            </span>
            ${values.length > 1 ? html`<span class="stat-name">${v.name}</span>` : nothing}
          </div>`;
        })}
      </div></div>`;
  }

  #bars(spec: Panel, series: TimeseriesSeries[]): TemplateResult {
    const values = this.#reduced(spec, series);
    const field = spec.fieldConfig.defaults;
    const min = field.min ?? 0;
    // Without a max, the largest value fills its bar (whatever the unit's scale).
    const largest = Math.max(...values.map((v) => (Number.isFinite(v.value) ? v.value : min)));
    const max = field.max ?? (largest > min ? largest : min + 1);
    return html`<div class="bars" part="chart" role="list" aria-labelledby="title">
      ${values.map((v) => {
        const share = fillShare(v.value, min, max);
        return html`<div class="bar-row" role="listitem" aria-label=${`${v.name}: ${v.formatted.prefix}${v.formatted.text}${v.formatted.suffix}`}>
          <span class="legend-name">${v.name}</span>
          <div class="bar-track"><div class="bar-fill" ${cssProps({ width: `${(share * 100).toFixed(2)}%`, backgroundColor: v.color ?? this.#theme?.palette[0] })}></div></div>
          <span class="bar-value" ${cssProps({ color: v.color })}>${v.formatted.prefix}${v.formatted.text}${v.formatted.suffix}</span>
        </div>`;
      })}
    </div>`;
  }

  #table(spec: Panel, series: TimeseriesSeries[]): TemplateResult {
    const model = tableModel(series, spec.targets, (title, refId) => fieldFor(spec, title, refId));
    const initial = spec.options.sortBy?.[0];
    const sort = this._sort ?? (initial ? { column: initial.displayName, desc: initial.desc } : undefined);
    const header = (column: TableColumn) => {
      const numeric = column.field !== undefined;
      const active = sort?.column === column.title;
      const ariaSort = active ? (sort!.desc ? 'descending' : 'ascending') : 'none';
      const next = { column: column.title, desc: active ? !sort!.desc : numeric };
      return html`<th class=${numeric ? 'number' : ''} aria-sort=${ariaSort} scope="col">
        <button @click=${() => (this._sort = next)}>${column.title}${active ? (sort!.desc ? ' ↓' : ' ↑') : ''}</button>
      </th>`;
    };
    const cell = (row: TableRow, column: TableColumn) => {
      const value = row.values[column.key];
      return html`<td class="number">${value === undefined ? '' : formatValueText(value, column.field!.unit ?? 'none', column.field!.decimals)}</td>`;
    };
    return html`<div class="table-wrap" part="chart"><table aria-labelledby="title">
      <thead><tr>${model.labelColumns.map(header)}${model.valueColumns.map(header)}</tr></thead>
      <tbody>${sortedRows(model, sort).map(
        (row) => html`<tr>${model.labelColumns.map((c) => html`<td>${row.labels[c.key] ?? ''}</td>`)}${model.valueColumns.map((c) => cell(row, c))}</tr>`,
      )}</tbody>
    </table></div>`;
  }
}

/**
 * A spec or scope equal in content to the previous one is no change: a dashboard (or a React
 * parent) re-rendering with fresh but equal objects must not make the panel query again.
 */
function changedInContent(value: unknown, old: unknown): boolean {
  return value !== old && JSON.stringify(value) !== JSON.stringify(old);
}

/** A small area chart behind a stat value, as inline SVG. */
function sparkline(frame: Frame, color: string) {
  const values = [...frame.values].filter((v) => Number.isFinite(v));
  if (values.length < 2) return nothing;
  const t0 = frame.timestamps[0]!;
  const span = frame.timestamps.at(-1)! - t0 || 1;
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const points: string[] = [];
  frame.timestamps.forEach((t, i) => {
    const v = frame.values[i]!;
    if (Number.isFinite(v)) points.push(`${(((t - t0) / span) * 100).toFixed(2)},${(30 - ((v - lo) / (hi - lo || 1)) * 28).toFixed(2)}`);
  });
  return svg`<svg class="sparkline" viewBox="0 0 100 30" preserveAspectRatio="none" aria-hidden="true">
    <polygon points="0,30 ${points.join(' ')} 100,30" fill=${color} fill-opacity="0.18"></polygon>
    <polyline points=${points.join(' ')} fill="none" stroke=${color} stroke-width="1.5" vector-effect="non-scaling-stroke"></polyline>
  </svg>`;
}

/** What a query run needs besides the spec. */
interface PanelSetup {
  engine: QueryEngine;
  key: string;
  datasource: string;
  range: TimeRange;
  live: boolean;
  variables: DashboardContext['variables'];
  scrapeInterval: number;
}

/** A few words for a connection failure; the full message says which URL and what to do. */
function briefReason(error: PromkitError | undefined): string {
  if (isPromkitError(error, 'TimeoutError')) return 'The datasource did not answer in time.';
  if (isPromkitError(error, 'HttpError')) return `The datasource answered ${error.status}.`;
  return 'The datasource cannot be reached.';
}

/** A setting that cannot work, as the problem at its attribute. */
function settingsError(path: string, message: string): SchemaError {
  return new SchemaError(`${path}: ${message}`, [{ path, message }]);
}

function asError(error: unknown): PromkitError {
  return isPromkitError(error) ? error : new PromkitError(String((error as Error)?.message ?? error), { cause: error });
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'value' in value) {
    const v = (value as { value: string | string[] }).value;
    return Array.isArray(v) ? (v[0] ?? '') : v;
  }
  return '';
}
