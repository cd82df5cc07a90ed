import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  layoutDashboard,
  timeSettings,
  valuesOf,
  type Auth,
  type Dashboard,
  type DashboardInput,
  type Datasource,
  type HostSource,
  type PrometheusClientOptions,
  type ResolvedVariable,
  type SchemaProblem,
} from '@promkit/core';
import { PromElement } from '../../internal/prom-element.js';
import { clientFactoryOptions } from '../../internal/client-factory-options.js';
import { RefreshController } from '../../controllers/refresh-controller.js';
import { UrlSyncController } from '../../controllers/url-sync-controller.js';
import { DashboardSourceController } from '../../controllers/dashboard-source-controller.js';
import { DashboardRunController } from '../../controllers/dashboard-run-controller.js';
import { DatasourceOutageController } from '../../controllers/datasource-outage-controller.js';
import { TagLinksController } from '../../controllers/tag-links-controller.js';
import { EscapeKeyController } from '../../controllers/escape-key-controller.js';
import { readTheme, resolveColor, themeTokens } from '../../theme/theme.js';
import { formControlStyles } from '../../theme/form-controls.js';
import {
  PromDashboardShareEvent,
  PromPanelViewEvent,
  PromRefreshEvent,
  PromRefreshIntervalChangeEvent,
  PromTimeRangeChangeEvent,
  PromVariableChangeEvent,
} from '../../events/index.js';
import type { DashboardStoreClient } from '../../stores/dashboard-store.js';
import { onUncanceled } from '../../internal/after-dispatch.js';
import { headerExtrasStyles } from '../../internal/header-extras.js';
import { renderToolbar } from './render/toolbar.js';
import { renderOutageNotice, renderProblems, renderZoneProblem } from './render/notices.js';
import { renderShareNote, type ShareNote } from './render/share-note.js';
import { renderSections, renderViewedPanel } from './render/grid.js';
import { EDITOR_TAG, renderEditor } from './render/editor.js';
import { dashboardStyles } from './dashboard.styles.js';

/**
 * A whole dashboard from one JSON definition.
 *
 * @tagname prom-dashboard
 * @summary Loads a dashboard (from `src`, the `dashboard` property, a `store` by `uid`, or an
 * inline `<script type="application/json">` child), validates it and shows the problems if it is
 * invalid, then lays its panels out on a 24-column grid with a toolbar of variables, time range
 * and refresh. The host drives it with attributes and properties and hears about changes as events.
 *
 * @fires prom-time-range-change - The time range changed (picker or zoom). Cancel it to control the range yourself.
 * @fires prom-variable-change - A variable's selection changed. Cancelable.
 * @fires prom-refresh-interval-change - The auto-refresh interval changed. Cancelable.
 * @fires prom-refresh - A refresh started.
 * @fires prom-data - A panel has new data (bubbles from the panel).
 * @fires prom-error - Loading failed, or a panel's query failed.
 * @fires prom-dashboard-change - Edit mode: the definition changed (an edit, undo, redo or discard); `detail.dashboard` is the whole of it.
 * @fires prom-dashboard-save - Edit mode: Save was pressed; `detail.dashboard` is the validated definition. Cancel it to stay in edit mode with the changes unsaved (or to save it yourself).
 * @fires prom-dashboard-saved - The `store` kept a save: `detail.uid`, `detail.version`, `detail.dashboard`.
 * @fires prom-dashboard-share - Share was pressed (with `shareable`): `detail.url` is the link. Cancel it to share the link your own way instead of copying it.
 * @fires prom-panel-edit - Edit mode: a panel's menu asked to edit it. Cancelable.
 * @fires prom-stream-state - A host datasource's stream is connecting, open, retrying or closed: `detail.datasource`, `state`, `retryInMs`, `error`.
 * @fires prom-annotation-click - An annotation's mark on a time series was clicked: `detail.annotation` is the event (bubbles from the panel).
 *
 * @slot - An inline `<script type="application/json">` dashboard definition.
 * @csspart toolbar - The bar with title, variables, time range and refresh.
 * @csspart description-button - The ⓘ button beside the title when the dashboard has a description.
 * @csspart description - The dashboard's description, shown on hover and focus of its button.
 * @csspart links - The dashboard's links: a disclosure (`details`) beside the title.
 * @csspart links-button - The button that opens the links.
 * @csspart links-menu - The list of links.
 * @csspart tags - The dashboard's tags beside its title.
 * @csspart tag - One tag.
 * @csspart grid - Each grid of panels.
 * @csspart row - A row header.
 * @csspart problems - The list of problems of an invalid dashboard.
 * @csspart notice - The notice shown while a datasource cannot be reached.
 * @csspart edit-button - The Edit button (with `editable`).
 * @csspart share-button - The Share button (with `shareable`).
 * @csspart annotation-toggle - Each annotation's toggle in the toolbar (`aria-pressed` while its marks are shown).
 * @csspart share-note - What Share did: the link was copied, or the link to copy by hand.
 * @csspart edit-frame - Edit mode: the frame over each panel that holds its handles.
 * @csspart drag-handle - Edit mode: each panel's move handle.
 * @csspart resize-handle - Edit mode: each panel's resize handle (bottom right).
 * @csspart panel-menu-button - Edit mode: each panel's menu button.
 * @csspart edit-toolbar - Edit mode: the bar with add, undo, redo, discard, save and done (needs the builder).
 * @csspart panel-menu - Edit mode: a panel's menu.
 * @csspart save-problem - Edit mode: why the last Save into the `store` failed.
 * @csspart panel-base - Each panel's frame (`<prom-panel>`'s `base`, re-exported).
 * @csspart panel-header - Each panel's title row.
 * @csspart panel-title - Each panel's title text.
 * @csspart panel-description-button - Each panel's ⓘ button (panels with a description).
 * @csspart panel-description - Each panel's description text.
 * @csspart panel-links - Each panel's links disclosure.
 * @csspart panel-links-button - The button that opens a panel's links.
 * @csspart panel-links-menu - A panel's list of links.
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
  static override styles = [themeTokens, formControlStyles, headerExtrasStyles, dashboardStyles];
  /** @internal Lit's reactive property table. */
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
    dashboardUrl: { type: String, attribute: 'dashboard-url' },
    viewPanel: { type: Number, attribute: 'view-panel', reflect: true },
    dashboard: { attribute: false, noAccessor: true },
    editable: { type: Boolean, reflect: true },
    editing: { type: Boolean, reflect: true },
    shareable: { type: Boolean, reflect: true },
    store: { attribute: false },
    uid: { type: String },
    variableValues: { attribute: false },
    resolveAuth: { attribute: false },
    clientOptions: { attribute: false },
    sources: { attribute: false },
    _definition: { state: true },
    _problems: { state: true },
    _collapsed: { state: true },
    _shareNote: { state: true },
    _builderError: { state: true },
    _hiddenAnnotations: { state: true },
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
  /**
   * Where links to Grafana dashboards (`/d/<uid>/…`, as imported dashboards have them) go, in its
   * links, its panels' links and data links: a URL with `{uid}`, such as `/boards/{uid}`; their
   * query (`?var-host=a&from=…`) is kept. Unset: such links stay as written.
   */
  declare dashboardUrl: string | undefined;
  /** Id of a panel to show alone. */
  declare viewPanel: number | undefined;
  /** Offers an Edit button (edit mode needs the builder: `@promkit/elements/builder.js`, or `loadBuilder`). */
  declare editable: boolean;
  /** @internal The builder could not be loaded (`loadBuilder`). */
  declare _builderError: Error | undefined;

  /**
   * How edit mode loads the builder when it starts and `<prom-dashboard-editor>` is not registered:
   * the chunked script-tag entry (`promkit.js`) sets it to load `promkit-builder.js` from its own
   * folder, and an npm app may set it to `() => import('@promkit/elements/builder.js')`, so pages
   * that only view never download the editors. Unset, edit mode needs the builder loaded first.
   */
  static loadBuilder: (() => Promise<unknown>) | undefined;
  /** The builder's load, once edit mode asked for it. */
  #builderLoad: Promise<void> | undefined;
  /** In edit mode: panels can be moved, resized, added and removed. Set or clear it to enter or leave. */
  declare editing: boolean;
  /** Offers a Share button that copies a link to this dashboard as shown (uid, time range, variables). */
  declare shareable: boolean;
  /**
   * Where dashboards are kept (`httpStore`, `localStorageStore` of the builder, or your own): with
   * `uid` the dashboard is loaded from it, and edit mode's Save saves to it, version-checked.
   */
  declare store: DashboardStoreClient | undefined;
  /** The uid of the `store`'s dashboard to show (with `sync-url`, a `uid` in the page URL wins). */
  declare uid: string | undefined;
  /** Variable selections by name, e.g. `{ job: 'api', instance: ['a', 'b'] }`. */
  declare variableValues: Record<string, string | string[]> | undefined;
  /** Supplies credentials that datasources name with `authRef`. */
  declare resolveAuth: ((ref: string, datasource: Datasource) => Auth | undefined) | undefined;
  /** Options for every Prometheus client (fetch, timeout, retries…). */
  declare clientOptions: Omit<PrometheusClientOptions, 'url' | 'backend' | 'auth' | 'tenant'> | undefined;
  /**
   * The host app's data sources by name, answering this dashboard's datasources of type `host`
   * (they win over those given to `registerSource` for the whole page).
   */
  declare sources: Readonly<Record<string, HostSource>> | undefined;

  /** @internal */
  declare _definition: Dashboard | undefined;
  /** @internal */
  declare _problems: SchemaProblem[] | undefined;
  /** @internal Rows the person expanded or collapsed (each shows the other way from its setting). */
  declare _collapsed: ReadonlySet<number>;
  /** @internal Annotations turned off in the toolbar, by name. */
  declare _hiddenAnnotations: ReadonlySet<string>;
  /** @internal What the last Share did, shown under the toolbar for a while. */
  declare _shareNote: ShareNote | undefined;

  readonly #run = new DashboardRunController(this, {
    definition: () => this._definition,
    range: () => this.#time.range,
    timeZone: () => this.#time.timeZone,
    selections: () => this.variableValues,
    url: () => this.url,
    clientOptions: () => clientFactoryOptions(this),
    sources: () => this.sources,
    hiddenAnnotations: () => this._hiddenAnnotations,
    dashboardUrl: () => this.dashboardUrl || undefined,
    onPublished: () => {
      if (this.syncUrl) this.#url.requestWrite();
      this.requestUpdate();
    },
  });
  readonly #refresher = new RefreshController(this, () => this.#run.publish('interval'));
  readonly #url = new UrlSyncController(this, {
    key: () => this.urlKey,
    state: () => ({
      ...this.#time.range,
      refresh: this.#time.refresh,
      variables: [...this.#run.variables].map(([name, v]) => [name, v.selected] as const),
      ...(this.store && this.#kept ? { uid: this.#kept.uid } : {}),
    }),
  });
  /** The uid and version the store holds of the definition shown (loaded from it or saved to it). */
  #kept: { uid: string; version: number } | undefined;
  #shareNoteTimer: ReturnType<typeof setTimeout> | undefined;
  /** The definition the host set as the `dashboard` property. */
  #input: DashboardInput | undefined;
  /** Whether the definition changed in edit mode since it was loaded or saved. */
  #unsaved = false;
  readonly #onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (this.#unsaved) event.preventDefault();
  };
  readonly #source = new DashboardSourceController(this, {
    dashboard: () => this.#input,
    src: () => this.src,
    stored: () => {
      const uid = (this.syncUrl && this.#url.readUid()) || this.uid;
      return this.store && uid ? { store: this.store, uid } : undefined;
    },
    onLoaded: (dashboard, kept) => {
      // A definition from elsewhere is not the stored one, unless it names the same uid.
      this.#kept = kept ?? (dashboard.uid !== undefined && dashboard.uid === this.#kept?.uid ? this.#kept : undefined);
      this.#loaded(dashboard);
    },
    onInvalid: (problems) => {
      this._problems = problems;
      this._definition = undefined;
    },
  });
  readonly #outage = new DatasourceOutageController(this);
  readonly #tagLinks = new TagLinksController(this, {
    store: () => this.store,
    links: () => this._definition?.links ?? [],
    shownUid: () => this.storedUid,
    href: (uid, link) => this.#url.linkToUid(uid, link),
    open: (uid, link) => {
      // With sync-url the page URL names the dashboard shown (and carries the time and variables): a new history entry, so Back returns.
      if (this.syncUrl) history.pushState(history.state, '', this.#url.linkToUid(uid, link));
      this.uid = uid;
    },
  });
  /** The selections this element set itself (a control's change, the URL): not the host's. */
  #ownSelections: Record<string, string | string[]> | undefined;
  /** What is wrong with the timezone asked for, if anything (shown above the panels). */
  #zoneProblem: string | undefined;
  readonly #escape = new EscapeKeyController(this, () => {
    if (this.viewPanel !== undefined) this.viewPanel = undefined;
  });

  constructor() {
    super();
    this.syncUrl = false;
    this.editable = false;
    this.editing = false;
    this.shareable = false;
    this._collapsed = new Set();
    this._hiddenAnnotations = new Set();
    // The controls' changes apply unless the host cancels them (to control the dashboard itself).
    onUncanceled(this, PromTimeRangeChangeEvent.type, (e) => {
      this.from = e.detail.from;
      this.to = e.detail.to;
    });
    onUncanceled(this, PromVariableChangeEvent.type, (e) => void this.#onVariable(e));
    onUncanceled(this, PromRefreshIntervalChangeEvent.type, (e) => (this.refresh = e.detail.refresh));
    this.addEventListener(PromRefreshEvent.type, (e) => {
      // Only the refresh button refreshes everything (panels announce their own refreshes too).
      if ((e.composedPath()[0] as Element).localName === 'prom-refresh-picker') this.#run.publish('manual');
    });
    this.addEventListener(PromPanelViewEvent.type, (e) => {
      this.viewPanel = this.viewPanel === e.detail.panelId ? undefined : e.detail.panelId;
    });
  }

  /** The dashboard as validated, defaults filled in. */
  get definition(): Dashboard | undefined {
    return this._definition;
  }

  /**
   * The dashboard definition: set it to show one (it wins over `src` and inline JSON); read it
   * for the current definition, edits included (validated, defaults filled in), or what was set
   * while that is still loading. Setting the definition it returns, or an equal one, changes nothing.
   */
  get dashboard(): DashboardInput | undefined {
    return this._definition ?? this.#input;
  }

  set dashboard(value: DashboardInput | undefined) {
    const old = this.#input;
    this.#input = value;
    this.requestUpdate('dashboard', old);
  }

  /** Whether the definition was changed in edit mode and not saved yet (leaving the page then asks first). */
  get dirty(): boolean {
    return this.#unsaved;
  }

  /**
   * Shows an edited definition without reloading anything: panels whose spec did not change keep
   * their data. Used by the builder's editor.
   * @internal
   */
  applyEditedDefinition(dashboard: Dashboard, dirty: boolean): void {
    this.#unsaved = dirty;
    this.#input = dashboard;
    this.#source.adopt(dashboard);
    if (this.#runsAsShown(dashboard)) return this.#show(dashboard);
    // New datasources or variables (the builder's variables editor, its JSON): resolve and query again.
    this._definition = dashboard;
    this.#refresher.intervalMs = this.#time.refreshMs;
    this.#run.start();
  }

  /** Whether `dashboard` has the datasources and variables of the one running: then it only changes what panels show. */
  #runsAsShown(dashboard: Dashboard): boolean {
    const d = this._definition;
    return !!d && !this._problems && this.#run.published && sameJson(dashboard.datasources, d.datasources) && sameJson(dashboard.variables, d.variables);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeunload', this.#onBeforeUnload);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeunload', this.#onBeforeUnload);
  }

  /**
   * The version the `store` holds of the dashboard shown (loaded from it or saved to it); undefined
   * when none. A page that loads the dashboard itself sets it after `dashboard` (whose `uid` names
   * it), so the next Save is based on that version.
   */
  get storedVersion(): number | undefined {
    const kept = this.#kept;
    return kept && kept.uid === this.storedUid ? kept.version : undefined;
  }

  set storedVersion(version: number | undefined) {
    const uid = this.#input?.uid ?? this.storedUid;
    this.#kept = version === undefined || uid === undefined ? undefined : { uid, version };
  }

  /**
   * The uid and version the store now holds of the definition shown: the builder's Save calls it.
   * @internal
   */
  keptAs(uid: string, version: number): void {
    this.#kept = { uid, version };
  }

  /** The uid to save the shown dashboard under: its own, else the one it was loaded or saved as, else `uid`. @internal */
  get storedUid(): string | undefined {
    return this._definition?.uid ?? this.#kept?.uid ?? this.uid;
  }

  /**
   * A link to this page showing the dashboard as it is now (uid, time range, refresh, variables),
   * as Share makes it. It opens that state on a page whose dashboard has `sync-url`.
   */
  get shareLink(): string {
    return this.#url.link();
  }

  /** Fires prom-dashboard-share and, unless it is canceled, copies the link (or shows it to copy by hand). */
  async share(): Promise<void> {
    const url = this.shareLink;
    const event = new PromDashboardShareEvent({ url });
    this.dispatchEvent(event);
    if (event.defaultPrevented) return;
    let note: ShareNote;
    try {
      await navigator.clipboard.writeText(url);
      note = { url, copied: true };
    } catch {
      // No clipboard here (an insecure page, a denied permission): the link, to copy by hand.
      note = { url, copied: false };
    }
    this._shareNote = note;
    clearTimeout(this.#shareNoteTimer);
    if (note.copied) this.#shareNoteTimer = setTimeout(() => (this._shareNote = undefined), 4000);
  }

  /** Resolved variables: options and current selection. */
  get variables(): ReadonlyMap<string, ResolvedVariable> {
    return this.#run.variables;
  }

  /** Problems that stopped the dashboard from loading. */
  get problems(): readonly SchemaProblem[] | undefined {
    return this._problems;
  }

  /** Queries every panel again now. */
  refreshNow(): void {
    this.#run.publish('manual');
  }

  /** Turns an annotation's marks off or on again in every panel. */
  #toggleAnnotation(name: string): void {
    const hidden = new Set(this._hiddenAnnotations);
    if (!hidden.delete(name)) hidden.add(name);
    this._hiddenAnnotations = hidden;
    this.#run.showAnnotations();
  }

  /** Shows the dashboard fullscreen. */
  requestDashboardFullscreen(): Promise<void> {
    return this.requestFullscreen();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.editing && !customElements.get(EDITOR_TAG)) this.#loadBuilder();
    if (changed.has('timeZone') || changed.has('_definition')) this.#zoneProblem = this.#time.timeZoneError?.message;
    if (changed.has('dashboard') || changed.has('src') || changed.has('store') || changed.has('uid') || !this.#source.started) void this.#source.load();
    if (this._definition && (changed.has('from') || changed.has('to') || changed.has('timeZone'))) this.#run.publish('change', true);
    if (changed.has('refresh')) {
      this.#refresher.intervalMs = this.#time.refreshMs;
      if (this.syncUrl && this._definition) this.#url.requestWrite();
    }
    if (changed.has('sources') && this._definition && !changed.has('_definition')) void this.#run.resolve(undefined);
    // Whatever the host sets takes effect, first time included; the element's own changes resolve themselves.
    if (changed.has('variableValues') && this.variableValues !== this.#ownSelections && this._definition && !changed.has('_definition')) void this.#run.resolve(undefined);
    // Panels read where Grafana dashboard links go from the context.
    if (changed.has('dashboardUrl') && this.#run.published) this.#run.publish('change');
    const clientChanged = changed.has('url') || changed.has('clientOptions') || changed.has('resolveAuth');
    if (clientChanged && this._definition && !changed.has('_definition')) this.#run.start();
  }

  /** Range, refresh and timezone in use: the host's, else the dashboard's (core's rule). */
  get #time() {
    return timeSettings(this._definition, this);
  }

  /** A valid definition arrived: take the URL's settings if synced, then run it. */
  #loaded(dashboard: Dashboard): void {
    // The definition shown already (a host setting back what it heard in prom-dashboard-change): nothing to do.
    if (this._definition && !this._problems && sameJson(dashboard, this._definition)) return;
    // The same datasources and variables: a new definition only changes what panels show.
    if (this.#runsAsShown(dashboard)) {
      this.#show(dashboard);
      return;
    }
    this._problems = undefined;
    this._definition = dashboard;
    if (this.syncUrl) this.#readUrl();
    this.#refresher.intervalMs = this.#time.refreshMs;
    this.#run.start();
  }

  /** Shows a definition that runs as the current one does (same datasources and variables). */
  #show(dashboard: Dashboard): void {
    const before = this.#time;
    this._definition = dashboard;
    const after = this.#time;
    this.#refresher.intervalMs = after.refreshMs;
    if (!sameJson(before.range, after.range) || before.timeZone !== after.timeZone) this.#run.publish('change', true);
  }

  async #onVariable(event: PromVariableChangeEvent): Promise<void> {
    if (!this._definition) return;
    this.variableValues = this.#ownSelections = { ...this.#run.selections, [event.detail.name]: event.detail.value };
    await this.#run.resolve([event.detail.name]);
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

  /** Loads the builder with `loadBuilder` (once; again after a failure), then draws edit mode. */
  #loadBuilder(): void {
    const load = PromDashboard.loadBuilder;
    if (!load || this.#builderLoad) return;
    this._builderError = undefined;
    this.#builderLoad = load()
      .then(() => customElements.whenDefined(EDITOR_TAG))
      .then(
        () => this.requestUpdate(),
        (error: unknown) => {
          this.#builderLoad = undefined;
          const reason = error instanceof Error ? error.message : String(error);
          this._builderError = new Error(`promkit could not load the builder (${reason}). Check the connection and that promkit-builder.js sits beside promkit.js, then retry.`, { cause: error });
        },
      );
  }

  override render(): TemplateResult {
    if (this._problems) return renderProblems(this._problems);
    const d = this._definition;
    // Panels wait for the first context (variables resolved), or they would start on their own.
    if (!d || !this.#run.published) return html`<slot></slot><div class="loading" aria-busy="true">Loading dashboard…</div>`;
    const sections = layoutDashboard(d, valuesOf(this.#run.variables));
    const viewed = this.viewPanel === undefined ? undefined : sections.flatMap((s) => s.panels).find((p) => p.spec.id === this.viewPanel);
    const outage = this.#outage.outage;
    const time = this.#time;
    const editor = customElements.get(EDITOR_TAG) !== undefined;
    const builder = editor ? 'registered' : (this._builderError ?? (PromDashboard.loadBuilder ? 'loading' : 'missing'));
    const enabledAnnotations = d.annotations.filter((a) => a.enabled);
    const chartTheme = enabledAnnotations.length > 0 ? readTheme(this) : undefined;
    return html`
      <slot></slot>
      ${renderToolbar({
        dashboard: d,
        links: this.#tagLinks.entries(d.links),
        dashboardUrl: this.dashboardUrl || undefined,
        variables: this.#run.variables,
        range: time.range,
        timeZone: time.timeZone,
        refresh: time.refresh,
        theme: this.theme,
        viewing: viewed !== undefined,
        onBack: () => (this.viewPanel = undefined),
        onFullscreen: () => void this.requestDashboardFullscreen().catch(() => undefined),
        canEdit: this.editable && !this.editing && builder !== 'missing',
        onEdit: () => (this.editing = true),
        canShare: this.shareable && !this.editing,
        onShare: () => void this.share(),
        annotations: enabledAnnotations.map((a) => ({ name: a.name, color: resolveColor(a.color, chartTheme!) ?? a.color, shown: !this._hiddenAnnotations.has(a.name), problem: this.#run.annotationProblems.get(a.name)?.message })),
        onToggleAnnotation: (name) => this.#toggleAnnotation(name),
      })}
      ${this._shareNote ? renderShareNote(this._shareNote, () => (this._shareNote = undefined)) : nothing}
      ${this.editing ? renderEditor(builder, this, d, this.theme, () => this.#loadBuilder()) : nothing}
      ${this.#zoneProblem ? renderZoneProblem(this.#zoneProblem) : nothing}
      ${outage
        ? renderOutageNotice({ outage, refresh: time.refresh, intervalMs: this.#refresher.intervalMs, timeZone: time.timeZone, onRetry: () => this.refreshNow() })
        : nothing}
      ${viewed
        ? renderViewedPanel(viewed.spec, viewed.scoped, this.theme)
        : renderSections({
            sections,
            toggled: this._collapsed,
            theme: this.theme,
            onToggleRow: (id) => this.#toggleRow(id),
            editable: this.editing && editor ? new Set(d.panels.filter((p) => p.type !== 'row').map((p) => p.id)) : undefined,
          })}
    `;
  }
}

/** Whether two JSON values are the same data. */
function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
