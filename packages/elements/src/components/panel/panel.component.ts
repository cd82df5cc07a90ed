import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ContextConsumer } from '@lit/context';
import { appendFrames, formatValueText, parseDuration, toHostFrames, transformedFrames, type DataFrame, type Frame, type FrameInput, type HostFrames, type LiveWindow, type AnnotationEvent, type Panel, type PanelType, type PrometheusClient, type TargetResult, type VariableValues } from '@promkit/core';
import { PromElement } from '../../internal/prom-element.js';
import { headerExtrasStyles, renderDescription, renderLinkMenu } from '../../internal/header-extras.js';
import { expandIcon } from '../../internal/icons.js';
import { dashboardContext } from '../../internal/dashboard-context.js';
import { RefreshController } from '../../controllers/refresh-controller.js';
import { PanelChartController, type PlotClick } from '../../controllers/panel-chart-controller.js';
import { PointLinksController } from '../../controllers/point-links-controller.js';
import { PanelQueryController, QUERY_PROPERTIES, type LoadReason } from '../../controllers/panel-query-controller.js';
import { PushedSamples } from '../../controllers/pushed-samples.js';
import { readTheme, resolveColor, themeTokens, type ChartTheme } from '../../theme/theme.js';
import { formControlStyles } from '../../theme/form-controls.js';
import { spinnerStyles } from '../../theme/spinner.js';
import type { TimeseriesSeries } from '../../charts/timeseries.js';
import { bucketCounts, calculatedBuckets, type HeatmapData } from '../../charts/heatmap.js';
import { PromTimeRangeChangeEvent } from '../../events/time-range-change-event.js';
import { PromPanelViewEvent } from '../../events/panel-view-event.js';
import { OnDemand, updatedWithCode } from '../../internal/on-demand.js';
import { parsePanel, SPEC_PROPERTIES, type PanelSpec, type ParsedPanel } from './spec.js';
import { renderBody } from './render/body.js';
import { shownSeries } from './render/series.js';
import { renderStreamBadge } from './render/stream-badge.js';
import { renderAnnotationMarks, type PlotSpan } from './render/annotation-marks.js';
import { PromAnnotationClickEvent } from '../../events/annotation-click-event.js';
import { pointNear } from '../../charts/point-near.js';
import { fullTimeLabel } from '../../charts/time-format.js';
import { dataLinksOf } from './render/data-link.js';
import { renderPointLinks } from './render/point-links.js';
import { panelStyles } from './panel.styles.js';

/** marked and DOMPurify (about 26 KB), loaded when a text panel first shows markdown. */
const markdownCode = new OnDemand('the markdown renderer', () => import('./markdown.js'));

export type { PanelSpec };

/** The same empty list whenever a panel shows no annotations, so nothing redraws for it. */
const NO_ANNOTATIONS: readonly AnnotationEvent[] = [];

/**
 * A live Prometheus chart.
 *
 * @tagname prom-panel
 * @summary Standalone by attributes (`url`, `query`, `type`, `range`, `refresh`), or a full panel
 * spec through the `spec` property; inside `<prom-dashboard>` it takes datasource, time range
 * and variables from the dashboard. With `frames` it draws the host app's own data instead.
 *
 * @fires prom-data - New data arrived. `detail.targets` holds each target's frames (none for an alert list, whose alerts are shown).
 * @fires prom-error - A query failed. `detail.error` is the typed error, `detail.refId` the target.
 * @fires prom-refresh - A refresh started. `detail.reason` says why.
 * @fires prom-annotation-click - An annotation mark was clicked: `detail.annotation` is the event.
 * @fires prom-time-range-change - The user dragged across the chart to zoom. `detail` has `from`/`to`.
 * @fires prom-panel-view - The "view alone" button was pressed. `detail.panelId` is the panel's id.
 *
 * @csspart base - The panel frame.
 * @csspart header - Title row.
 * @csspart title - The title text.
 * @csspart description-button - The ⓘ button beside the title when the panel has a description.
 * @csspart description - The description's text, shown on hover and focus of its button.
 * @csspart links - The panel's links: a disclosure (`details`) beside the title.
 * @csspart links-button - The button that opens the links.
 * @csspart links-menu - The list of links.
 * @csspart body - Everything below the header.
 * @csspart stream - The state of a streaming host datasource in the header (Live, Retrying…); `data-state` is connecting, open, retrying or closed.
 * @csspart annotations - The row of annotation marks over a time series.
 * @csspart annotation - One annotation mark (a button: its title, time and text on hover and focus).
 * @csspart point-links - The data links of a clicked point of a time series (a small dialog: series, time, value, then the links).
 * @csspart chart - The chart area.
 * @csspart legend - The legend.
 * @csspart view-button - The "view alone" button (with `viewable`).
 * @cssprop --prom-font-family - Font of text and charts.
 * @cssprop --prom-font-size - Base font size (default 12px).
 * @cssprop --prom-color-text - Text colour.
 * @cssprop --prom-color-text-muted - Secondary text: labels, hints, axis labels.
 * @cssprop --prom-color-background - Background of panels, popovers and inputs.
 * @cssprop --prom-color-surface - Hover and raised surfaces; the dashboard page behind the panels.
 * @cssprop --prom-color-border - Borders of panels, popovers and inputs.
 * @cssprop --prom-color-grid - Chart grid lines, table rules and bar tracks.
 * @cssprop --prom-color-axis - Chart axis lines.
 * @cssprop --prom-color-tooltip - Chart tooltip background.
 * @cssprop --prom-color-focus - Focus ring, loading spinner and links.
 * @cssprop --prom-color-green - The named colour `green` (thresholds, mappings).
 * @cssprop --prom-color-yellow - The named colour `yellow`; warning badges.
 * @cssprop --prom-color-orange - The named colour `orange`.
 * @cssprop --prom-color-red - The named colour `red`; errors and problems.
 * @cssprop --prom-color-blue - The named colour `blue`.
 * @cssprop --prom-color-purple - The named colour `purple`.
 * @cssprop --prom-palette-0 - Series colour 1 of 10.
 * @cssprop --prom-palette-1 - Series colour 2 of 10.
 * @cssprop --prom-palette-2 - Series colour 3 of 10.
 * @cssprop --prom-palette-3 - Series colour 4 of 10.
 * @cssprop --prom-palette-4 - Series colour 5 of 10.
 * @cssprop --prom-palette-5 - Series colour 6 of 10.
 * @cssprop --prom-palette-6 - Series colour 7 of 10.
 * @cssprop --prom-palette-7 - Series colour 8 of 10.
 * @cssprop --prom-palette-8 - Series colour 9 of 10.
 * @cssprop --prom-palette-9 - Series colour 10 of 10.
 * @cssprop --prom-panel-radius - Corner radius of a panel frame (default 6px).
 */
export class PromPanel extends PromElement {
  static override styles = [themeTokens, formControlStyles, spinnerStyles, headerExtrasStyles, panelStyles];

  /** @internal Lit's reactive property table. */
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
    dashboardUrl: { type: String, attribute: 'dashboard-url' },
    frames: { attribute: false },
    maxPoints: { type: Number, attribute: 'max-points' },
    maxAge: { type: String, attribute: 'max-age' },
    _hidden: { state: true },
    _sort: { state: true },
    _plot: { state: true },
    _codeError: { state: true },
  };

  /** Prometheus base URL (standalone use). */
  declare url: string | undefined;
  /** PromQL expression (standalone use). */
  declare query: string | undefined;
  /** Panel type: timeseries (default), stat, gauge, bargauge, table, heatmap, piechart, state-timeline, status-history, barchart, histogram, alertlist, text. */
  declare type: PanelType;
  /**
   * The heading in the panel's header (a spec's `title` wins). A `title` attribute is read into
   * this property and then removed from the element: left on it, the browser would show it as a
   * native tooltip over the whole panel. Setting the attribute again updates the heading.
   */
  declare title: string;

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (name !== 'title') return super.attributeChangedCallback(name, old, value);
    if (value === null) return; // our own removal below
    this.title = value;
    this.removeAttribute('title');
  }
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
  /**
   * Where links to Grafana dashboards (`/d/<uid>/…`, as imported dashboards have them) go: a URL
   * with `{uid}`, such as `/boards/{uid}`; their query (`?var-host=a&from=…`) is kept. Inside a
   * dashboard, the dashboard's own applies unless this is set. Unset: such links stay as written.
   */
  declare dashboardUrl: string | undefined;
  /**
   * The host app's data, drawn instead of querying: frames per target refId (`{ A: [...] }`), or
   * a list for target A. Each frame is `{ labels?, timestamps, values }` (ms or Dates or ISO
   * strings; numbers, `null` for a gap); `rowsToFrames` of @promkit/core makes them from rows.
   * prom-data still fires. Set it to undefined to query again.
   */
  declare frames: HostFrames | undefined;
  /** Pushed data (`appendData`): the most samples kept per series (default 1000). */
  declare maxPoints: number;
  /** Pushed data (`appendData`): the oldest sample kept, as a duration before now such as `15m` (default no limit). */
  declare maxAge: string | undefined;

  /** @internal */
  declare _hidden: ReadonlySet<string>;
  /** @internal */
  declare _sort: { column: string; desc: boolean } | undefined;
  /** @internal Where the chart drew its range, in px: the annotation marks are placed by it. */
  declare _plot: PlotSpan | undefined;
  /** @internal Code the panel draws with (ECharts, markdown) that failed to load. */
  declare _codeError: Error | undefined;

  readonly #chart = new PanelChartController(this, {
    isTimeseries: () => this.#validSpec()?.type === 'timeseries',
    onZoom: (from, to) => this.#onZoom(from, to),
    onPlotClick: (at) => this.#onPlotClick(at),
    onLoadError: (error) => (this._codeError = error),
  });
  readonly #pointLinks = new PointLinksController(this);
  readonly #refresher = new RefreshController(this, () => void this.load('interval'));
  readonly #context = new ContextConsumer(this, { context: dashboardContext, subscribe: true, callback: () => this.#onContext() });
  readonly #query = new PanelQueryController(this, {
    spec: () => this.#spec(),
    context: () => this.#context.value,
    frames: () => this.frames,
    window: () => this.#window(),
    settings: () => ({ url: this.url, client: this.client, timeout: this.timeout, range: this.range, timeZone: this.timeZone, scrapeInterval: this.scrapeInterval, scopedVars: this.scopedVars }),
    width: () => this.renderRoot.querySelector<HTMLElement>('[part="chart"]')?.clientWidth || this.clientWidth || 800,
  });
  #theme: ChartTheme | undefined;
  #lastRevision = -1;
  #media: MediaQueryList | undefined;
  readonly #onScheme = () => this.requestUpdate();
  /** The effective spec or the problem with it; derived in willUpdate when its inputs change. */
  #parsed: ParsedPanel | undefined;
  /** The series shown, derived in willUpdate from the results, the spec and hidden series. */
  #shown: TimeseriesSeries[] = [];
  /** What the spec's transformations left of the results; undefined when it has none. */
  #frames: DataFrame[] | undefined;
  /** The results `#shown` was derived from. */
  #shownFrom: readonly TargetResult[] | undefined;
  /** Heatmap panels: the shown series as bucket counts, for the chart and its scale. */
  #heatmap: HeatmapData | undefined;
  #rendered: { source: string; node: HTMLElement } | undefined;
  /** The markdown renderer's load, while it runs. */
  #markdownLoad: Promise<unknown> | undefined;
  /** Appended frames not drawn yet, put into `frames` at the next animation frame. */
  readonly #appended = new PushedSamples(
    (pushed) => this.#flushAppended(pushed),
    () => this.#window(),
  );

  constructor() {
    super();
    this.type = 'timeseries';
    this.title = '';
    this.range = 'now-1h';
    this.refresh = '';
    this.instant = false;
    this.viewable = false;
    this.maxPoints = 1000;
    this._hidden = new Set();
  }

  /**
   * Pushes samples onto target `refId`'s series (matched by labels; new ones are added), keeping
   * `max-points` and `max-age`; a sample no newer than its series' last is left out, so a stream
   * that resumes draws nothing twice. The panel then shows host data (see `frames`) and redraws at
   * most once per animation frame, however often this is called. Throws a SchemaError naming what
   * is wrong with `frames`. (Not `append`: that is the DOM's, for child nodes.)
   */
  appendData(refId: string, frames: readonly (Frame | FrameInput)[]): void {
    this.#appended.add(refId, toHostFrames(frames, `appendData(${JSON.stringify(refId)})`));
  }

  /** The kept window of pushed series, now. */
  #window(): LiveWindow {
    const age = this.maxAge ? parseDuration(this.maxAge) : undefined;
    return { maxPoints: this.maxPoints > 0 ? this.maxPoints : 1000, ...(age ? { maxAgeMs: age * 1000, now: Date.now() } : {}) };
  }

  /** Puts the appended samples into `frames` (one update for all of them). */
  #flushAppended(pushed: ReadonlyMap<string, readonly Frame[]>): void {
    const current: Record<string, readonly (Frame | FrameInput)[]> = Array.isArray(this.frames) ? { A: this.frames } : { ...(this.frames as Record<string, readonly (Frame | FrameInput)[]> | undefined) };
    const window = this.#window();
    for (const [refId, frames] of pushed) current[refId] = appendFrames(toHostFrames(current[refId] ?? [], `frames.${refId}`), frames, window);
    this.frames = current;
  }

  /** The panel's data as last received. */
  get results(): readonly TargetResult[] {
    return this.#query.results;
  }

  /** Queries again now. */
  refreshNow(): Promise<void> {
    return this.load('manual');
  }

  /** @internal Runs the panel's queries and updates the display. */
  load(reason: LoadReason): Promise<void> {
    return this.#query.load(reason);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#media = matchMedia('(prefers-color-scheme: dark)');
    this.#media.addEventListener('change', this.#onScheme);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#media?.removeEventListener('change', this.#onScheme);
    // Kept, drawn when the panel is connected again.
    this.#appended.flushNow();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const specChanged = SPEC_PROPERTIES.some((p) => changed.has(p as keyof PromPanel));
    if (specChanged) this.#parsed = parsePanel(this.spec, this);
    if (specChanged || this.#query.results !== this.#shownFrom || changed.has('_hidden')) {
      const spec = this.#validSpec();
      this.#shownFrom = this.#query.results;
      this.#frames = spec ? transformedFrames(spec, this.#query.results, this.legendFormat) : undefined;
      this.#shown = spec ? shownSeries(spec, this.#query.results, this._hidden, this.#variables(), this.legendFormat, this.#frames) : [];
      const heatFrames = this.#shown.map((s) => s.frame);
      this.#heatmap = spec?.type !== 'heatmap' ? undefined : spec.options.calculate ? calculatedBuckets(heatFrames, spec.options.calculation?.yBuckets) : bucketCounts(heatFrames);
    }
    if (this.#query.state === 'idle' || QUERY_PROPERTIES.some((p) => changed.has(p as keyof PromPanel))) {
      if (changed.has('url') || changed.has('client') || changed.has('timeout')) this.#query.resetEngine();
      if (this.isConnected) this.#query.schedule('change');
    }
    if (changed.has('refresh')) this.#refresher.intervalMs = (parseDuration(this.refresh || '') ?? 0) * 1000;
  }

  /** Also waits for code the panel draws with (ECharts, markdown) that loads on first use, and the draw after it. */
  protected override getUpdateComplete(): Promise<boolean> {
    return updatedWithCode(() => super.getUpdateComplete(), () => this.#chart.loading ?? this.#markdownLoad);
  }

  protected override updated(): void {
    const theme = (this.#theme = readTheme(this));
    this.#chart.setGroup(this.#context.value?.group);
    if (this.#query.state !== 'ready') return;
    const annotations = this.#annotations();
    const from = [this.#shown, this.#heatmap, this.#query.range, this.#parsed, this.#timeZone, JSON.stringify(theme), annotations];
    this.#chart.draw(from, () => {
      const spec = this.#validSpec();
      const step = this.#stepSeconds();
      const exemplars = this.#query.results.flatMap((r) => (r.exemplars ?? []).map((e) => ({ ...e, refId: r.refId })));
      return spec && { spec, series: this.#shown, heatmap: this.#heatmap, range: this.#query.range, step, theme, timeZone: this.#timeZone, annotations, exemplars };
    });
    // The marks' buttons sit where the chart drew the range: known only once it has drawn.
    const plot = annotations.length > 0 && this.#query.range ? this.#chart.plotSpan(this.#query.range) : undefined;
    if (plot?.[0] !== this._plot?.[0] || plot?.[1] !== this._plot?.[1]) this._plot = plot;
  }

  #onContext(): void {
    const ctx = this.#context.value;
    if (ctx && ctx.revision !== this.#lastRevision) {
      this.#lastRevision = ctx.revision;
      this.#query.schedule(ctx.reason === 'manual' ? 'manual' : 'change');
    }
  }

  /** The effective spec (throws when the settings are invalid). */
  #spec(): Panel {
    this.#parsed ??= parsePanel(this.spec, this);
    if ('error' in this.#parsed) throw this.#parsed.error;
    return this.#parsed.spec;
  }

  /** The effective spec, undefined when the settings are invalid. */
  #validSpec(): Panel | undefined {
    this.#parsed ??= parsePanel(this.spec, this);
    return 'spec' in this.#parsed ? this.#parsed.spec : undefined;
  }

  /** The step of the data in seconds: the first answered target's (15 before any). */
  #stepSeconds(): number {
    return this.#query.results.find((r) => !r.error)?.timing.step ?? 15;
  }

  get #timeZone(): string {
    return this.#context.value?.timeZone ?? this.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  }

  /** Whether the legend sits right of the chart: the attribute, else the spec's legend option. */
  #legendRight(spec: Panel | undefined): boolean {
    return (this.legendPlacement ?? spec?.options.legend?.placement) === 'right';
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
    const warnings = this.#query.results.flatMap((r) => [...r.warnings, ...(r.error && this.#query.state === 'ready' ? [`${r.refId}: ${r.error.message}`] : [])]);
    return html`
      <section part="base" aria-label=${title || 'Prometheus panel'}>
        <header part="header">
          <span class="heading">
            <span part="title" id="title" title=${title || nothing}>${title}</span>
            ${renderDescription(spec?.description, 'description', this.#variables())}
            ${renderLinkMenu(spec?.links, `Links of ${title || 'this panel'}`, this.#variables(), this.#dashboardUrl())}
          </span>
          ${this.#query.refreshing ? html`<span class="status" role="status" aria-label="Refreshing"><span class="spinner"></span></span>` : nothing}
          ${this.viewable
            ? html`<button class="view" part="view-button" aria-label=${`View ${title || 'panel'} alone`} title="View" @click=${() => this.dispatchEvent(new PromPanelViewEvent({ panelId: spec?.id ?? 0 }))}>${expandIcon}</button>`
            : nothing}
          ${renderStreamBadge(this.#query.streamStatus)}
          ${warnings.length > 0
            ? html`<span class="badge" tabindex="0" role="note" title=${warnings.join('\n')} aria-label=${`${warnings.length} warning(s): ${warnings.join('; ')}`}>⚠ ${warnings.length}</span>`
            : nothing}
        </header>
        <div part="body" class=${this.#legendRight(spec) ? 'legend-right' : ''}>${this.#body(spec)}</div>
      </section>
    `;
  }

  #body(spec: Panel | undefined): TemplateResult {
    return renderBody({
      spec,
      state: this.#query.state,
      error: this.#query.error ?? (this.#parsed && 'error' in this.#parsed ? this.#parsed.error : undefined),
      inDashboard: !!this.#context.value,
      series: this.#shown,
      frames: this.#frames,
      timeZone: this.#timeZone,
      variables: this.#variables(),
      dashboardUrl: this.#dashboardUrl(),
      heatmap: this.#heatmap,
      alertRows: this.#query.alertRows,
      range: this.#query.range,
      stepMs: this.#stepSeconds() * 1000,
      theme: () => this.#theme ?? readTheme(this),
      sort: this._sort,
      markdown: (source) => this.#markdown(source),
      codeError: this._codeError,
      onCodeRetry: () => (this._codeError = undefined),
      onRetry: () => void this.load('retry'),
      onToggle: (s) => this.#toggle(s),
      onSort: (sort) => (this._sort = sort),
      marks: html`${renderAnnotationMarks(this.#annotations(), this._plot, this.#query.range, this.#timeZone, (annotation) => this.dispatchEvent(new PromAnnotationClickEvent({ annotation })), (c) => resolveColor(c, this.#theme ?? readTheme(this)))}${renderPointLinks(
        this.#pointLinks.menu,
        () => this.#pointLinks.close(),
      )}`,
    });
  }

  /** A click on a time series' plot opens the data links of the point it is on (of a series that has links), else closes them. */
  #onPlotClick(at: PlotClick): void {
    const spec = this.#validSpec();
    const point = spec && pointNear(this.#shown, spec.fieldConfig.defaults, at, this.#stepSeconds() * 1000, (s) => (s.field.links?.length ?? 0) > 0);
    if (!point) return this.#pointLinks.close();
    const { series, time, value } = point;
    const text = formatValueText(value, series.field.unit ?? 'none', series.field.decimals);
    const links = dataLinksOf(series.field, { seriesName: series.name, labels: series.frame.labels, value: { raw: value, text, time }, range: this.#query.range, variables: this.#variables(), dashboardUrl: this.#dashboardUrl() });
    if (links.length === 0) return this.#pointLinks.close();
    this.#pointLinks.open({ x: at.x, y: at.y, width: at.width, height: at.height, series: series.name, time: fullTimeLabel(time, this.#timeZone), value: text, links });
  }

  /** The dashboard's annotation events, for a time series panel (the same empty list when none, so nothing redraws for it). */
  #annotations(): readonly AnnotationEvent[] {
    return (this.#validSpec()?.type === 'timeseries' ? this.#context.value?.annotations : undefined) ?? NO_ANNOTATIONS;
  }

  /** A text panel's markdown as sanitised DOM, made again only when its source changes; undefined while its code loads. */
  #markdown(source: string): HTMLElement | undefined {
    const code = markdownCode.value;
    if (!code) {
      this.#markdownLoad ??= markdownCode.load().then(
        () => this.requestUpdate(),
        (error: Error) => (this._codeError = error),
      ).finally(() => (this.#markdownLoad = undefined));
      return undefined;
    }
    if (this.#rendered?.source !== source) this.#rendered = { source, node: code.renderMarkdown(source) };
    return this.#rendered.node;
  }

  /** The dashboard's variables with this panel's own (a repeated panel's value), for display names. */
  #dashboardUrl(): string | undefined {
    // An attribute removed is null: the dashboard's (or none) applies again.
    return this.dashboardUrl || this.#context.value?.dashboardUrl;
  }

  #variables(): VariableValues {
    return { ...this.#context.value?.variables, ...this.scopedVars };
  }

  /** Shows or hides a series (a click on its legend item). */
  #toggle(s: TimeseriesSeries): void {
    const key = `${s.refId}:${s.name}`;
    const hidden = new Set(this._hidden);
    if (hidden.has(key)) hidden.delete(key);
    else hidden.add(key);
    this._hidden = hidden;
  }
}

/**
 * A spec or scope equal in content to the previous one is no change: a dashboard (or a React
 * parent) re-rendering with fresh but equal objects must not make the panel query again.
 */
function changedInContent(value: unknown, old: unknown): boolean {
  return value !== old && JSON.stringify(value) !== JSON.stringify(old);
}
