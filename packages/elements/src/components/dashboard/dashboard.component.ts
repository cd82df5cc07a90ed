import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ContextProvider } from '@lit/context';
import { cssProps } from '../../internal/css-props.js';
import {
  DatasourceRegistry,
  QueryEngine,
  SchemaError,
  isConnectionError,
  resolveTimeZone,
  weekStartsOn,
  isPromkitError,
  layoutDashboard,
  parseDuration,
  resolveRange,
  resolveVariables,
  validateDashboard,
  valuesOf,
  type Auth,
  type Dashboard,
  type DashboardInput,
  type Datasource,
  type Panel,
  type PrometheusClientOptions,
  type PromkitError,
  type ResolvedVariable,
  type SchemaProblem,
  type Section,
  type VariableValues,
} from '@promkit/core';
import { PromElement } from '../../internal/prom-element.js';
import { fullscreenIcon } from '../../internal/icons.js';
import { dashboardContext, type DashboardContext } from '../../internal/dashboard-context.js';
import { RefreshController } from '../../controllers/refresh-controller.js';
import { UrlSyncController } from '../../controllers/url-sync-controller.js';
import { themeTokens } from '../../theme/theme.js';
import { formControlStyles } from '../../theme/form-controls.js';
import { PANEL_EXPORTPARTS, REFRESH_EXPORTPARTS, TIME_RANGE_EXPORTPARTS, VARIABLE_EXPORTPARTS } from '../../theme/parts.js';
import { PromTimeRangeChangeEvent } from '../../events/time-range-change-event.js';
import { PromVariableChangeEvent } from '../../events/variable-change-event.js';
import { PromRefreshEvent } from '../../events/refresh-event.js';
import { PromRefreshIntervalChangeEvent } from '../../events/refresh-interval-change-event.js';
import { PromPanelViewEvent } from '../../events/panel-view-event.js';
import { PromErrorEvent } from '../../events/error-event.js';
import { PromDataEvent } from '../../events/data-event.js';
import { dashboardStyles } from './dashboard.styles.js';
import '../panel/panel.js';
import '../time-range/time-range.js';
import '../refresh-picker/refresh-picker.js';
import '../variable/variable.js';

let dashboardCount = 0;

/** A datasource that cannot be reached: the first failure seen, how many panels it stops, and when. */
interface Outage {
  error: PromkitError;
  panels: number;
  at: number;
}

/**
 * A whole dashboard from one JSON definition.
 *
 * @tagname prom-dashboard
 * @summary Loads a dashboard (from `src`, the `dashboard` property, or an inline
 * `<script type="application/json">` child), validates it and shows the problems if it is
 * invalid, then lays its panels out on a 24-column grid with a toolbar of variables, time range
 * and refresh. The host drives it with attributes and properties and hears about changes as events.
 *
 * @fires prom-time-range-change - The time range changed (picker or zoom). Cancel it to control the range yourself.
 * @fires prom-variable-change - A variable's selection changed. Cancelable.
 * @fires prom-refresh-interval-change - The auto-refresh interval changed. Cancelable.
 * @fires prom-refresh - A refresh started.
 * @fires prom-data - A panel has new data (bubbles from the panel).
 * @fires prom-error - Loading failed, or a panel's query failed.
 *
 * @slot - An inline `<script type="application/json">` dashboard definition.
 * @csspart toolbar - The bar with title, variables, time range and refresh.
 * @csspart grid - Each grid of panels.
 * @csspart row - A row header.
 * @csspart problems - The list of problems of an invalid dashboard.
 * @csspart notice - The notice shown while a datasource cannot be reached.
 * @csspart panel-base - Each panel's frame (`<prom-panel>`'s `base`, re-exported).
 * @csspart panel-header - Each panel's title row.
 * @csspart panel-title - Each panel's title text.
 * @csspart panel-body - Everything below a panel's header.
 * @csspart panel-chart - Each panel's chart area.
 * @csspart panel-legend - Each panel's legend.
 * @csspart panel-view-button - Each panel's "view alone" button.
 * @csspart variable-trigger - A multi-value variable's button.
 * @csspart variable-popover - A multi-value variable's list.
 * @csspart variable-select - A single-value variable's select.
 * @csspart variable-problem - Why a variable could not be resolved.
 * @csspart time-range-trigger - The time range button.
 * @csspart time-range-popover - The time range presets and fields.
 * @csspart refresh-button - The refresh-now button.
 * @csspart refresh-select - The auto-refresh interval select.
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
 * @cssprop --prom-dashboard-gap - Space around and between panels (default 8px).
 * @cssprop --prom-grid-unit - Height of one dashboard grid row (default 30px).
 */
export class PromDashboard extends PromElement {
  static override styles = [themeTokens, formControlStyles, dashboardStyles];
  static override properties = {
    src: { type: String },
    url: { type: String },
    from: { type: String, reflect: true },
    to: { type: String, reflect: true },
    refresh: { type: String, reflect: true },
    theme: { type: String, reflect: true },
    timeZone: { type: String, attribute: 'time-zone' },
    syncUrl: { type: Boolean, attribute: 'sync-url' },
    urlKey: { type: String, attribute: 'url-key' },
    viewPanel: { type: Number, attribute: 'view-panel', reflect: true },
    dashboard: { attribute: false },
    variableValues: { attribute: false },
    resolveAuth: { attribute: false },
    clientOptions: { attribute: false },
    _definition: { state: true },
    _problems: { state: true },
    _variables: { state: true },
    _collapsed: { state: true },
    _outage: { state: true },
  };

  /** URL of a dashboard JSON file. */
  declare src: string | undefined;
  /** Prometheus URL: replaces the default datasource's URL, or is the only datasource. */
  declare url: string | undefined;
  /** Range start (date math, ISO, epoch ms); default the dashboard's own. */
  declare from: string | undefined;
  declare to: string | undefined;
  /** Auto-refresh interval ('' off); default the dashboard's own. */
  declare refresh: string | undefined;
  declare theme: 'light' | 'dark' | 'auto' | undefined;
  /** IANA timezone; default the dashboard's own, then the browser's. */
  declare timeZone: string | undefined;
  /** Keep time range, refresh and variables in the page URL (off by default, so dashboards can share a page). */
  declare syncUrl: boolean;
  /** Prefix for this dashboard's URL parameters when several sync on one page. */
  declare urlKey: string | undefined;
  /** Id of a panel to show alone. */
  declare viewPanel: number | undefined;
  /** The dashboard definition (wins over `src` and inline JSON). */
  declare dashboard: DashboardInput | undefined;
  /** Variable selections by name, e.g. `{ job: 'api', instance: ['a', 'b'] }`. */
  declare variableValues: Record<string, string | string[]> | undefined;
  /** Supplies credentials that datasources name with `authRef`. */
  declare resolveAuth: ((ref: string, datasource: Datasource) => Auth | undefined) | undefined;
  /** Options for every Prometheus client (fetch, timeout, retries…). */
  declare clientOptions: Omit<PrometheusClientOptions, 'url' | 'backend' | 'auth' | 'tenant'> | undefined;

  declare _definition: Dashboard | undefined;
  declare _problems: SchemaProblem[] | undefined;
  declare _variables: Map<string, ResolvedVariable>;
  declare _collapsed: ReadonlySet<number>;
  /** A datasource that cannot be reached, told once for the whole dashboard. */
  declare _outage: Outage | undefined;

  readonly #group = `prom-dashboard-${++dashboardCount}`;
  readonly #provider = new ContextProvider(this, { context: dashboardContext });
  readonly #refresher = new RefreshController(this, () => this.#bump('interval'));
  readonly #url = new UrlSyncController(this, {
    key: () => this.urlKey,
    state: () => ({ ...this.#raw, refresh: this.#refreshInterval, variables: [...this._variables].map(([name, v]) => [name, v.selected] as const) }),
  });
  #engine: QueryEngine | undefined;
  #registry: DatasourceRegistry | undefined;
  #revision = 0;
  #loaded: unknown;
  /** Panels whose last query could not reach its server, with that failure. */
  readonly #unreachable = new Map<Element, PromkitError>();
  /** The selections this element set itself (a control's change, the URL): not the host's. */
  #ownSelections: Record<string, string | string[]> | undefined;
  /**
   * The inline JSON child may arrive after the element (the bundle loaded before the markup, a
   * framework appending children later) and may be replaced: watch for it while connected.
   */
  readonly #inline = new MutationObserver(() => {
    if (this.dashboard === undefined && !this.src) void this.#load();
  });
  readonly #onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && this.viewPanel !== undefined) this.viewPanel = undefined;
  };

  constructor() {
    super();
    this.syncUrl = false;
    this._variables = new Map();
    this._collapsed = new Set();
    // Changes are applied after the event has reached every listener, so a host that cancels
    // it (to control the dashboard itself) is obeyed whatever the order of listeners.
    const afterDispatch = <E extends Event>(handle: (event: E) => void) => (event: Event) =>
      queueMicrotask(() => {
        if (!event.defaultPrevented) handle(event as E);
      });
    this.addEventListener(PromTimeRangeChangeEvent.type, afterDispatch<PromTimeRangeChangeEvent>((e) => this.#onTimeRange(e)));
    this.addEventListener(PromVariableChangeEvent.type, afterDispatch<PromVariableChangeEvent>((e) => void this.#onVariable(e)));
    this.addEventListener(PromRefreshIntervalChangeEvent.type, afterDispatch<PromRefreshIntervalChangeEvent>((e) => this.#onRefreshInterval(e)));
    this.addEventListener(PromRefreshEvent.type, (e) => {
      // Only the refresh button refreshes everything (panels announce their own refreshes too).
      if ((e.composedPath()[0] as Element).localName === 'prom-refresh-picker') this.#bump('manual');
    });
    this.addEventListener(PromErrorEvent.type, (e) => this.#onPanelResult(e, (e as PromErrorEvent).detail.error));
    this.addEventListener(PromDataEvent.type, (e) => this.#onPanelResult(e, (e as PromDataEvent).detail.targets.find((t) => isConnectionError(t.error))?.error));
    this.addEventListener(PromPanelViewEvent.type, (e) => {
      const id = (e as PromPanelViewEvent).detail.panelId;
      this.viewPanel = this.viewPanel === id ? undefined : id;
    });
  }

  /** The dashboard as validated, defaults filled in. */
  get definition(): Dashboard | undefined {
    return this._definition;
  }

  /** Resolved variables: options and current selection. */
  get variables(): ReadonlyMap<string, ResolvedVariable> {
    return this._variables;
  }

  /** Problems that stopped the dashboard from loading. */
  get problems(): readonly SchemaProblem[] | undefined {
    return this._problems;
  }

  /** Queries every panel again now. */
  refreshNow(): void {
    this.#bump('manual');
  }

  /** Shows the dashboard fullscreen. */
  requestDashboardFullscreen(): Promise<void> {
    return this.requestFullscreen();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('keydown', this.#onKey);
    this.#inline.observe(this, { childList: true, subtree: true, characterData: true });
    if (this._definition && !this.#engine) this.#start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.#onKey);
    this.#inline.disconnect();
    this.#engine?.dispose();
    this.#engine = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('timeZone') || changed.has('_definition')) this.#zoneProblem = zoneProblem(this.timeZone ?? this._definition?.timezone);
    if (changed.has('dashboard') || changed.has('src') || !this.#loaded) void this.#load();
    if (this._definition && (changed.has('from') || changed.has('to') || changed.has('timeZone'))) this.#bump('change', true);
    if (changed.has('refresh')) {
      this.#refresher.intervalMs = (parseDuration(this.#refreshInterval) ?? 0) * 1000;
      if (this.syncUrl && this._definition) this.#url.requestWrite();
    }
    // Whatever the host sets takes effect, first time included; the element's own changes resolve themselves.
    if (changed.has('variableValues') && this.variableValues !== this.#ownSelections && this._definition && !changed.has('_definition')) void this.#resolve(undefined);
    const clientChanged = changed.has('url') || changed.has('clientOptions') || changed.has('resolveAuth');
    if (clientChanged && this._definition && !changed.has('_definition')) this.#start();
  }

  get #raw() {
    const time = this._definition?.time ?? { from: 'now-6h', to: 'now' };
    return { from: this.from ?? String(time.from), to: this.to ?? String(time.to) };
  }

  get #refreshInterval(): string {
    return this.refresh ?? this._definition?.refresh ?? '';
  }

  /** What is wrong with the timezone asked for, if anything (shown above the panels). */
  #zoneProblem: string | undefined;

  /** The timezone in use, by core's rule; one that is no timezone is shown as a problem and the browser's is used. */
  get #zone(): string {
    try {
      return resolveTimeZone(this.timeZone ?? this._definition?.timezone);
    } catch {
      return resolveTimeZone('browser');
    }
  }

  /** Reads the definition from the property, `src`, or the inline JSON child. */
  async #load(): Promise<void> {
    const inline = this.querySelector('script[type="application/json"]')?.textContent ?? undefined;
    const source = this.dashboard ?? this.src ?? inline;
    if (source === undefined || source === this.#loaded) return;
    this.#loaded = source;
    let input: unknown = source;
    if (source === this.src) {
      try {
        const response = await fetch(this.src!);
        if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
        input = await response.text();
      } catch (error) {
        this.#invalid([{ path: '(root)', message: `could not be loaded from ${this.src}: ${(error as Error).message}` }]);
        return;
      }
    }
    const check = validateDashboard(input);
    if (!check.ok) {
      if (source === inline && document.readyState === 'loading') {
        // The parser may still be adding to the JSON text: judge it once the document is parsed.
        const judge = () => {
          if (this._definition || this._problems || this.#loaded !== source) return;
          this.#loaded = undefined;
          void this.#load();
        };
        document.addEventListener('DOMContentLoaded', judge, { once: true });
        return;
      }
      this.#invalid(check.problems);
      return;
    }
    this._problems = undefined;
    this._definition = check.dashboard;
    if (this.syncUrl) this.#readUrl();
    this.#refresher.intervalMs = (parseDuration(this.#refreshInterval) ?? 0) * 1000;
    this.#start();
  }

  #invalid(problems: SchemaProblem[]): void {
    this._problems = problems;
    this._definition = undefined;
    const message = `The dashboard has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`;
    this.dispatchEvent(new PromErrorEvent({ error: new SchemaError(message, problems) }));
  }

  /** Builds clients and engine, then resolves variables and tells the panels. */
  #start(): void {
    const d = this._definition;
    if (!d) return;
    this.#engine?.dispose();
    let datasources = d.datasources;
    if (this.url) {
      const main = datasources.find((ds) => ds.default) ?? datasources[0];
      datasources = main
        ? datasources.map((ds) => (ds === main ? { ...ds, url: this.url! } : ds))
        : [{ name: 'default', type: 'prometheus', url: this.url, backend: 'prometheus', scrapeInterval: '15s', default: true }];
    }
    this.#registry = new DatasourceRegistry(
      { datasources },
      { ...(this.resolveAuth ? { resolveAuth: this.resolveAuth } : {}), ...(this.clientOptions ? { clientOptions: this.clientOptions } : {}) },
    );
    const registry = this.#registry;
    this.#engine = new QueryEngine({ client: (name) => registry.client(name) });
    void this.#resolve(undefined);
  }

  /** Resolves variables (all, or those `changed` and their dependents), then re-queries the panels. */
  async #resolve(changed: readonly string[] | undefined, reason: 'interval' | 'manual' | 'change' = 'change'): Promise<void> {
    const d = this._definition;
    const registry = this.#registry;
    if (!d || !registry) return;
    try {
      const range = resolveRange(this.#raw, { timeZone: this.#zone, weekStartsOn: weekStartsOn(d.weekStart) });
      const before = this._variables;
      this._variables = await resolveVariables(d, {
        client: (name) => registry.client(name),
        defaultDatasource: registry.defaultName,
        range,
        builtins: { __range: `${Math.round((range.to - range.from) / 1000)}s` },
        ...(this.variableValues ? { selections: this.variableValues } : {}),
        ...(changed ? { previous: this._variables, refresh: new Set(changed) } : {}),
      });
      // Each variable that could not be resolved shows it in its control; listeners hear of it once.
      for (const v of this._variables.values()) {
        if (v.problem && before.get(v.name)?.problem !== v.problem) this.dispatchEvent(new PromErrorEvent({ error: v.problem.error }));
      }
    } catch (error) {
      if (isPromkitError(error)) this.dispatchEvent(new PromErrorEvent({ error }));
    }
    this.#bump(reason, false, true);
  }

  /** Publishes a new context revision: every panel queries again. */
  #bump(reason: 'interval' | 'manual' | 'change', rangeChanged = false, variablesResolved = false): void {
    const d = this._definition;
    if (!d || !this.#engine || !this.#registry) return;
    const timeVariables = d.variables.filter((v) => v.type === 'query' && v.refresh === 'time').map((v) => v.name);
    if (rangeChanged && timeVariables.length > 0) {
      void this.#resolve(timeVariables);
      return;
    }
    if (reason !== 'change') this.dispatchEvent(new PromRefreshEvent({ reason }));
    // A refresh first retries the variables whose query failed, so panels get their values back.
    const failed = [...this._variables.values()].filter((v) => v.problem?.kind === 'failed').map((v) => v.name);
    if (reason !== 'change' && !variablesResolved && failed.length > 0) {
      void this.#resolve(failed, reason);
      return;
    }
    const context: DashboardContext = {
      engine: this.#engine,
      datasources: this.#registry,
      range: this.#raw,
      timeZone: this.#zone,
      weekStartsOn: weekStartsOn(d.weekStart),
      variables: valuesOf(this._variables),
      revision: ++this.#revision,
      reason,
      group: this.#group,
    };
    this.#provider.setValue(context);
    if (this.syncUrl) this.#url.requestWrite();
    this.requestUpdate();
  }

  /** Keeps track of which panels cannot reach their server; the notice shows while any cannot. */
  #onPanelResult(event: Event, error: PromkitError | undefined): void {
    const panel = event.composedPath()[0];
    if (!(panel instanceof Element) || panel.localName !== 'prom-panel') return;
    if (error && isConnectionError(error)) this.#unreachable.set(panel, error);
    else if (event.type === PromDataEvent.type) this.#unreachable.delete(panel);
    else return;
    for (const p of this.#unreachable.keys()) if (!p.isConnected) this.#unreachable.delete(p);
    const [first] = this.#unreachable.values();
    this._outage = first ? { error: first, panels: this.#unreachable.size, at: Date.now() } : undefined;
  }

  /** One notice for a datasource that cannot be reached: which URL, what failed, when it is tried again. */
  #notice(outage: Outage): TemplateResult {
    const url = outage.error.request?.url.replace(/\/api\/v1\/.*$/, '') ?? 'the datasource';
    const intervalMs = this.#refresher.intervalMs;
    const time = (ms: number) => new Intl.DateTimeFormat(undefined, { timeStyle: 'medium', timeZone: this.#zone }).format(ms);
    const when = intervalMs > 0
      ? `Trying again every ${this.#refreshInterval}, next at ${time(outage.at + intervalMs)}.`
      : 'Auto-refresh is off: retry when it is back.';
    return html`<div part="notice" class="notice" role="alert">
      <div>
        <strong>Cannot reach ${url}</strong>
        <span class="notice-when">${outage.panels} panel${outage.panels === 1 ? '' : 's'} failed at ${time(outage.at)}. ${when}</span>
        <div class="notice-detail">${outage.error.message}</div>
      </div>
      <button @click=${() => this.refreshNow()}>Retry now</button>
    </div>`;
  }

  #onTimeRange(event: PromTimeRangeChangeEvent): void {
    this.from = event.detail.from;
    this.to = event.detail.to;
  }

  async #onVariable(event: PromVariableChangeEvent): Promise<void> {
    if (!this._definition) return;
    this.variableValues = this.#ownSelections = { ...this.#selections(), [event.detail.name]: event.detail.value };
    await this.#resolve([event.detail.name]);
  }

  #onRefreshInterval(event: PromRefreshIntervalChangeEvent): void {
    this.refresh = event.detail.refresh;
  }

  #selections(): Record<string, string | string[]> {
    return Object.fromEntries([...this._variables].map(([name, v]) => [name, v.multi ? v.selected : (v.selected[0] ?? '')]));
  }

  /** Takes the time range, refresh interval and selections the page URL holds. */
  #readUrl(): void {
    const url = this.#url.read(this._definition?.variables ?? []);
    if (url.from) this.from = url.from;
    if (url.to) this.to = url.to;
    if (url.refresh !== undefined) this.refresh = url.refresh;
    this.variableValues = this.#ownSelections = { ...this.variableValues, ...url.selections };
  }

  #toggleRow(id: number): void {
    const collapsed = new Set(this._collapsed);
    if (collapsed.has(id)) collapsed.delete(id);
    else collapsed.add(id);
    this._collapsed = collapsed;
  }

  override render(): TemplateResult {
    if (this._problems) {
      return html`<div part="problems" role="alert">
        <strong>This dashboard cannot be shown: ${this._problems.length} problem${this._problems.length === 1 ? '' : 's'}</strong>
        <ul>${this._problems.map((p) => html`<li><code>${p.path}</code>: ${p.message}</li>`)}</ul>
      </div>`;
    }
    const d = this._definition;
    // Panels wait for the first context (variables resolved), or they would start on their own.
    if (!d || this.#revision === 0) return html`<slot></slot><div class="loading" aria-busy="true">Loading dashboard…</div>`;
    const sections = layoutDashboard(d, valuesOf(this._variables));
    const viewed = this.viewPanel === undefined ? undefined : sections.flatMap((s) => s.panels).find((p) => p.spec.id === this.viewPanel);
    return html`
      <slot></slot>
      <div part="toolbar" role="toolbar" aria-label=${`${d.title} controls`}>
        <h2 class="title">${d.title}</h2>
        ${d.variables
          .filter((x) => x.hide !== 'variable')
          .flatMap((x) => this._variables.get(x.name) ?? [])
          .map(
            (v) => html`<prom-variable
              .name=${v.name}
              .label=${(d.variables.find((x) => x.name === v.name)?.hide ?? 'none') === 'label' ? '' : v.label}
              .options=${v.options}
              .value=${v.selected}
              .multi=${v.multi}
              .includeAll=${v.includeAll}
              .problem=${v.problem}
              theme=${this.theme ?? nothing}
              exportparts=${VARIABLE_EXPORTPARTS}
            ></prom-variable>`,
          )}
        <span class="spacer"></span>
        ${viewed ? html`<button @click=${() => (this.viewPanel = undefined)}>← Back to dashboard</button>` : nothing}
        <prom-time-range .from=${this.#raw.from} .to=${this.#raw.to} .timeZone=${this.#zone} theme=${this.theme ?? nothing} exportparts=${TIME_RANGE_EXPORTPARTS}></prom-time-range>
        <prom-refresh-picker .refresh=${this.#refreshInterval} theme=${this.theme ?? nothing} exportparts=${REFRESH_EXPORTPARTS}></prom-refresh-picker>
        <button class="icon" aria-label="Fullscreen" title="Fullscreen" @click=${() => void this.requestDashboardFullscreen().catch(() => undefined)}>${fullscreenIcon}</button>
      </div>
      ${this.#zoneProblem ? html`<div part="notice" role="alert">${this.#zoneProblem}</div>` : nothing}
      ${this._outage ? this.#notice(this._outage) : nothing}
      ${viewed
        ? html`<div class="viewed">${this.#panel(viewed.spec, viewed.scoped, { height: '100%' })}</div>`
        : sections.map((s) => this.#section(s))}
    `;
  }

  #section(section: Section): TemplateResult {
    const row = section.row;
    const collapsed = row ? (this._collapsed.has(row.id) ? !row.collapsed : row.collapsed) : false;
    return html`
      ${row
        ? html`<h3 part="row" class="row"><button aria-expanded=${collapsed ? 'false' : 'true'} @click=${() => this.#toggleRow(row.id)}>${collapsed ? '▸' : '▾'} ${row.title}</button></h3>`
        : nothing}
      ${collapsed || section.panels.length === 0
        ? nothing
        : html`<div part="grid" class="grid">
            ${section.panels.map(({ spec, scoped, cell }) =>
              this.#panel(spec, scoped, {
                gridColumn: `${cell.x + 1} / span ${cell.w}`,
                gridRow: `${cell.y + 1} / span ${cell.h}`,
                height: 'auto',
              }),
            )}
          </div>`}
    `;
  }

  /** A panel placed on the grid; its placement is written through CSSOM (strict CSP allows no style attributes). */
  #panel(spec: Panel, scoped: VariableValues, place: Readonly<Record<string, string>>): TemplateResult {
    return html`<prom-panel .spec=${spec} .scopedVars=${scoped} viewable ${cssProps(place)} theme=${this.theme ?? nothing} exportparts=${PANEL_EXPORTPARTS}></prom-panel>`;
  }
}

/** Why a timezone setting cannot be used, or undefined when it can. */
function zoneProblem(zone: string | undefined): string | undefined {
  try {
    resolveTimeZone(zone);
    return undefined;
  } catch (error) {
    return `time-zone: ${(error as Error).message} Times are shown in the browser's timezone.`;
  }
}
