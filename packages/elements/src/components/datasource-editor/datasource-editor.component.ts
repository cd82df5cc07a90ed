import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import {
  BackendKind,
  SchemaError,
  createClient,
  type Auth,
  type Dashboard,
  type Datasource,
  type HostDatasource,
  type PrometheusClientOptions,
} from '@promkit/core';
import { addDatasource, removeDatasource, setDefaultDatasource, updateDatasource, type DatasourceChanges } from '@promkit/core/edit';
import { PromElement } from '../../internal/prom-element.js';
import { clientFactoryOptions } from '../../internal/client-factory-options.js';
import { tryEdit, type Draft } from '../../internal/field-drafts.js';
import { themeTokens } from '../../theme/theme.js';
import { formControlStyles } from '../../theme/form-controls.js';
import { editorFormStyles } from '../../theme/editor-form.js';
import { PromDefinitionChangeEvent } from '../../events/definition-change-event.js';
import { datasourceEditorStyles } from './datasource-editor.styles.js';

/** The backends offered, with the name a person knows them by. */
export const DATASOURCE_BACKENDS: readonly { kind: BackendKind; label: string; tenant: string }[] = [
  { kind: BackendKind.Prometheus, label: 'Prometheus', tenant: 'Sent as X-Scope-OrgID, for a proxy in front that reads it. Usually empty.' },
  { kind: BackendKind.Thanos, label: 'Thanos', tenant: 'Thanos Query reads no tenant: leave empty.' },
  { kind: BackendKind.Mimir, label: 'Grafana Mimir', tenant: 'Sent as X-Scope-OrgID; join several with | to query across tenants.' },
  { kind: BackendKind.Cortex, label: 'Cortex', tenant: 'Sent as X-Scope-OrgID.' },
  { kind: BackendKind.VictoriaMetrics, label: 'VictoriaMetrics', tenant: 'accountID or accountID:projectID (cluster version).' },
];

/** What a Test button found: running, the server's version and readiness, or the typed error. */
interface TestState {
  state: 'running' | 'ok' | 'error';
  text: string;
}

type TextField = 'name' | 'url' | 'tenant' | 'scrapeInterval' | 'authRef';

/**
 * Edits a dashboard's datasources: add, edit (name, URL, backend, tenant, scrape interval,
 * default, authRef), remove, and Test each against its server. Renaming rewrites the panels,
 * variables and annotations that name it; removing one that something names is refused with the
 * places listed. Every edit that leaves a valid dashboard is fired as `prom-definition-change`;
 * a refused value stays in its field with its problem beside it. No Apply or Cancel of its own.
 *
 * @tagname prom-datasource-editor
 * @summary The datasources form of the builder, with a connection test per datasource.
 * @fires prom-definition-change - After each edit leaving a valid dashboard. `detail.dashboard` is the whole edited definition.
 * @csspart base - The form.
 * @cssprop --prom-font-family - Font of text and controls.
 * @cssprop --prom-font-size - Base font size (default 12px).
 * @cssprop --prom-color-text - Text colour.
 * @cssprop --prom-color-text-muted - Labels and hints.
 * @cssprop --prom-color-background - Background of the form and its inputs.
 * @cssprop --prom-color-surface - Section headers and badges.
 * @cssprop --prom-color-border - Borders of sections and inputs.
 * @cssprop --prom-color-focus - Focus ring and add buttons.
 * @cssprop --prom-color-red - Problems and failed tests.
 * @cssprop --prom-color-green - A test that found the server ready.
 */
export class PromDatasourceEditor extends PromElement {
  static override styles = [themeTokens, formControlStyles, editorFormStyles, datasourceEditorStyles];

  /** @internal Lit's reactive property table. */
  static override properties = {
    dashboard: { attribute: false },
    clientOptions: { attribute: false },
    resolveAuth: { attribute: false },
    theme: { type: String, reflect: true },
    _edited: { state: true },
    _drafts: { state: true },
    _ids: { state: true },
    _tests: { state: true },
    _notice: { state: true },
  };

  /** The definition to edit; setting it resets the form to it. */
  declare dashboard: Dashboard | undefined;
  /** Options every Test client gets (fetch, timeout, headers…), as the dashboard's clients do. */
  declare clientOptions: Omit<PrometheusClientOptions, 'url' | 'backend' | 'auth' | 'tenant'> | undefined;
  /** Supplies the credential a datasource names with `authRef`, for Test. */
  declare resolveAuth: ((ref: string, datasource: Datasource) => Auth | undefined) | undefined;
  /** light, dark or auto (follow the system). */
  declare theme: 'light' | 'dark' | 'auto' | undefined;

  /** @internal The definition with every accepted edit: the state. */
  declare _edited: Dashboard | undefined;
  /** @internal Refused text by field key (`ds-3-url`). */
  declare _drafts: Readonly<Record<string, Draft>>;
  /** @internal A stable id per datasource (keys its fields and tests). */
  declare _ids: readonly number[];
  /** @internal Test results by datasource id. */
  declare _tests: Readonly<Record<number, TestState>>;
  /** @internal A refused removal: the datasource id and why. */
  declare _notice: { id: number; message: string } | undefined;

  #nextId = 1;
  /** The definition last fired (or given): an edit clearing the last problem fires when it differs. */
  #fired: Dashboard | undefined;
  #focusAfter: string | undefined;
  readonly #running = new Map<number, AbortController>();

  constructor() {
    super();
    this._drafts = {};
    this._ids = [];
    this._tests = {};
  }

  /** The edited definition now, or undefined while a field holds something invalid. */
  get value(): Dashboard | undefined {
    return Object.keys(this._drafts).length === 0 ? this._edited : undefined;
  }

  /** The problems now, with their paths into the dashboard (`datasources[1].url`). */
  get problems(): readonly { path: string; message: string }[] {
    return Object.keys(this._drafts).map((key) => ({ path: this.#pathOf(key), message: this._drafts[key]!.message }));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const id of [...this.#running.keys()]) this.#stopTest(id);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('dashboard')) {
      for (const id of [...this.#running.keys()]) this.#stopTest(id);
      this._edited = this.dashboard;
      this.#fired = this.dashboard;
      this._drafts = {};
      this._tests = {};
      this._notice = undefined;
      this._ids = (this.dashboard?.datasources ?? []).map(() => this.#nextId++);
    }
  }

  protected override updated(): void {
    if (this.#focusAfter) {
      this.renderRoot.querySelector<HTMLElement>(`#${this.#focusAfter}`)?.focus();
      this.#focusAfter = undefined;
    }
  }

  #pathOf(key: string): string {
    const m = /^ds-(\d+)-(\w+)$/.exec(key);
    return m ? `datasources[${this._ids.indexOf(Number(m[1]))}].${m[2]}` : key;
  }

  #keyOf(path: string): string {
    const m = /^datasources\[(\d+)\]\.(\w+)/.exec(path);
    return m ? `ds-${this._ids[Number(m[1])] ?? 'x'}-${m[2]}` : path;
  }

  /** Aborts datasource `id`'s running test and forgets its result (the datasource changed). */
  #stopTest(id: number): void {
    this.#running.get(id)?.abort();
    this.#running.delete(id);
    if (this._tests[id]) {
      const tests = { ...this._tests };
      delete tests[id];
      this._tests = tests;
    }
  }

  /**
   * One edit: the new dashboard, or each field's problem kept beside the text typed (`texts`:
   * field key → text). Fires the change when nothing is left invalid.
   */
  #edit(texts: Record<string, string>, change: (d: Dashboard) => Dashboard, ids: readonly number[] = this._ids): void {
    const current = this._edited;
    if (!current) return;
    this._notice = undefined;
    const { next, drafts } = tryEdit(current, this._drafts, texts, change, (path) => this.#keyOf(path));
    this._drafts = drafts;
    if (!next) return;
    // A test says something of the datasource as it was: one that changed is tested again.
    ids.forEach((id, i) => {
      const before = current.datasources[this._ids.indexOf(id)];
      if (before !== next.datasources[i]) this.#stopTest(id);
    });
    for (const id of this._ids) if (!ids.includes(id)) this.#stopTest(id);
    this._ids = ids;
    if (JSON.stringify(next) !== JSON.stringify(current)) this._edited = next;
    if (Object.keys(drafts).length > 0 || JSON.stringify(this._edited) === JSON.stringify(this.#fired)) return;
    this.#fired = this._edited;
    this.dispatchEvent(new PromDefinitionChangeEvent({ dashboard: this._edited! }));
  }

  #text(key: string, value: string | undefined): string {
    return this._drafts[key]?.text ?? value ?? '';
  }

  #textField(key: string, label: string, value: string | undefined, commit: (text: string) => void, opts: { placeholder?: string; hint?: string; required?: boolean } = {}): TemplateResult {
    const draft = this._drafts[key];
    const hintId = `${key}-hint`;
    return html`<div class="field">
      <label for=${key}>${label}${opts.required ? html`<span class="required" aria-hidden="true"> *</span>` : nothing}</label>
      <input
        id=${key}
        type="text"
        spellcheck="false"
        autocomplete="off"
        ?required=${opts.required ?? false}
        placeholder=${opts.placeholder ?? nothing}
        aria-invalid=${draft ? 'true' : 'false'}
        aria-describedby=${draft ? `${key}-problem` : opts.hint ? hintId : nothing}
        .value=${this.#text(key, value)}
        @change=${(e: Event) => commit((e.target as HTMLInputElement).value)}
      />
      ${draft
        ? html`<p class="problem" id=${`${key}-problem`} role="alert">${draft.message}</p>`
        : opts.hint
          ? html`<p class="hint" id=${hintId}>${opts.hint}</p>`
          : nothing}
    </div>`;
  }

  override render(): TemplateResult {
    const d = this._edited;
    if (!d) return html`<div part="base" class="empty" role="status">No dashboard to edit: set the <code>dashboard</code> property.</div>`;
    const rows = d.datasources.map((ds, index) => ({ ds, index, id: this._ids[index]! }));
    const effective = d.datasources.findIndex((ds) => ds.default) === -1 ? 0 : d.datasources.findIndex((ds) => ds.default);
    return html`<form part="base" class="form" @submit=${(e: Event) => e.preventDefault()}>
      <section class="section" aria-labelledby="datasources-heading">
        <header class="section-head">
          <h3 id="datasources-heading">Datasources</h3>
          <button type="button" class="add" id="add-datasource" @click=${() => this.#add('prometheus')}>+ Add datasource</button>
          <button type="button" class="add" id="add-host-source" @click=${() => this.#add('host')}>+ Add host source</button>
        </header>
        <div class="section-body">
          ${rows.length === 0
            ? html`<p class="empty">No datasources. Panels and variables query the datasource marked default, or the first.</p>`
            : html`<ol class="datasources">${repeat(rows, (r) => r.id, ({ ds, index, id }) => this.#card(ds, index, id, index === effective))}</ol>`}
        </div>
      </section>
    </form>`;
  }

  /** Adds a Prometheus datasource, or one of the page's host sources (named after itself until renamed). */
  #add(type: 'prometheus' | 'host'): void {
    const id = this.#nextId++;
    const add = (x: Dashboard) => (type === 'host' ? addDatasource(x, { type: 'host', source: 'host' }) : addDatasource(x)).dashboard;
    this.#edit({}, add, [...this._ids, id]);
    this.#focusAfter = `ds-${id}-name`;
  }

  #remove(index: number, id: number): void {
    const drafts = { ...this._drafts };
    for (const key of Object.keys(drafts)) if (key.startsWith(`ds-${id}-`)) delete drafts[key];
    let next: Dashboard;
    try {
      next = removeDatasource(this._edited!, index);
    } catch (error) {
      if (!(error instanceof SchemaError)) throw error;
      const name = this._edited!.datasources[index]!.name;
      this._notice = { id, message: `Cannot remove "${name}": ${error.problems.map((p) => p.path).join(', ')} ${error.problems.length === 1 ? 'names' : 'name'} it. Point ${error.problems.length === 1 ? 'it' : 'them'} at another datasource first.` };
      return;
    }
    this._drafts = drafts;
    const ids = this._ids.filter((_, i) => i !== index);
    this.#edit({}, () => next, ids);
    this.#focusAfter = ids.length === 0 ? 'add-datasource' : `ds-${ids[Math.min(index, ids.length - 1)]}-remove`;
  }

  async #test(id: number): Promise<void> {
    const index = this._ids.indexOf(id);
    const ds = this._edited?.datasources[index];
    if (!ds || ds.type === 'host') return;
    this.#stopTest(id);
    const controller = new AbortController();
    this.#running.set(id, controller);
    const set = (state: TestState) => (this._tests = { ...this._tests, [id]: state });
    set({ state: 'running', text: `Testing ${ds.url}…` });
    let result: TestState;
    try {
      const client = createClient(ds, clientFactoryOptions(this));
      const check = await client.checkConnection({ signal: controller.signal });
      if (controller.signal.aborted) return;
      const label = DATASOURCE_BACKENDS.find((b) => b.kind === ds.backend)?.label ?? ds.backend;
      result = check.ok
        ? { state: 'ok', text: `${label}${check.buildInfo.version ? ` ${check.buildInfo.version}` : ''}, ready (${check.latencyMs} ms)` }
        : { state: 'error', text: check.error.message };
    } catch (error) {
      if (controller.signal.aborted) return;
      result = { state: 'error', text: error instanceof Error ? error.message : String(error) };
    }
    this.#running.delete(id);
    set(result);
  }

  #card(ds: Datasource, index: number, id: number, isDefault: boolean): TemplateResult {
    if (ds.type === 'host') return this.#hostCard(ds, index, id, isDefault);
    const key = (f: string) => `ds-${id}-${f}`;
    const at = () => this._ids.indexOf(id);
    const commit = (field: TextField) => (text: string) => this.#edit({ [key(field)]: text }, (x) => updateDatasource(x, at(), { [field]: text } as DatasourceChanges));
    const label = ds.name || `datasource ${index + 1}`;
    const backend = DATASOURCE_BACKENDS.find((b) => b.kind === ds.backend) ?? DATASOURCE_BACKENDS[0]!;
    const test = this._tests[id];
    const invalid = Object.keys(this._drafts).some((k) => k.startsWith(`ds-${id}-`));
    const notice = this._notice?.id === id ? this._notice.message : undefined;
    return html`<li class="card" aria-label=${`Datasource ${label}`}>
      <div class="card-head">
        <span class="ref">${index + 1}</span>
        <strong class="title">${label}</strong>
        ${isDefault ? html`<span class="badge">default</span>` : nothing}
        <span class="spacer"></span>
        <button type="button" class="test" id=${key('test')} ?disabled=${invalid || test?.state === 'running'} aria-describedby=${key('status')} @click=${() => void this.#test(id)}>Test</button>
        <button type="button" class="icon danger" id=${key('remove')} aria-label=${`Remove ${label}`} @click=${() => this.#remove(at(), id)}>×</button>
      </div>
      <p class=${`status ${test?.state ?? ''}`} id=${key('status')} aria-live="polite">${test ? test.text : invalid ? 'Fix the problems below to test.' : ''}</p>
      ${notice ? html`<p class="problem" id=${key('notice')} role="alert">${notice}</p>` : nothing}
      <div class="grid-2">
        ${this.#textField(key('name'), 'Name', ds.name, commit('name'), { required: true, hint: 'Panels and variables refer to it by this name.' })}
        ${this.#textField(key('url'), 'URL', ds.url, commit('url'), { required: true, placeholder: 'http://localhost:9090', hint: 'Base URL of the API, or a path to a promkit proxy.' })}
      </div>
      <div class="grid-3">
        <div class="field">
          <label for=${key('backend')}>Backend</label>
          <select id=${key('backend')} @change=${(e: Event) => {
            const value = (e.target as HTMLSelectElement).value as BackendKind;
            this.#edit({}, (x) => updateDatasource(x, at(), { backend: value }));
          }}>
            ${DATASOURCE_BACKENDS.map((b) => html`<option value=${b.kind} ?selected=${b.kind === ds.backend}>${b.label}</option>`)}
          </select>
        </div>
        ${this.#textField(key('tenant'), 'Tenant', ds.tenant, commit('tenant'), { hint: backend.tenant })}
        ${this.#textField(key('scrapeInterval'), 'Scrape interval', ds.scrapeInterval, commit('scrapeInterval'), { placeholder: '15s', hint: 'The floor of $__interval, such as 15s or 1m.' })}
      </div>
      <div class="grid-2">
        ${this.#textField(key('authRef'), 'Credential (authRef)', ds.authRef, commit('authRef'), { placeholder: 'none', hint: 'A name the host application resolves; never the secret itself.' })}
        <div class="field default-field">
          <label class="check" for=${key('default')}>
            <input id=${key('default')} type="checkbox" .checked=${ds.default ?? false} @change=${(e: Event) => {
              const on = (e.target as HTMLInputElement).checked;
              this.#edit({}, (x) => (on ? setDefaultDatasource(x, at()) : updateDatasource(x, at(), { default: false })));
            }} />
            <span>Default datasource</span>
          </label>
          <p class="hint">Used where a panel or variable names none (else the first).</p>
        </div>
      </div>
    </li>`;
  }

  /** A host datasource: its name, the source the page registers, its stream, and default (nothing to test here). */
  #hostCard(ds: HostDatasource, index: number, id: number, isDefault: boolean): TemplateResult {
    const key = (f: string) => `ds-${id}-${f}`;
    const at = () => this._ids.indexOf(id);
    const commit = (field: 'name' | 'source' | 'stream') => (text: string) => this.#edit({ [key(field)]: text }, (x) => updateDatasource(x, at(), { [field]: text }));
    const label = ds.name || `datasource ${index + 1}`;
    const notice = this._notice?.id === id ? this._notice.message : undefined;
    return html`<li class="card" aria-label=${`Datasource ${label}`}>
      <div class="card-head">
        <span class="ref">${index + 1}</span>
        <strong class="title">${label}</strong>
        <span class="badge">host source</span>
        ${isDefault ? html`<span class="badge">default</span>` : nothing}
        <span class="spacer"></span>
        <button type="button" class="icon danger" id=${key('remove')} aria-label=${`Remove ${label}`} @click=${() => this.#remove(at(), id)}>×</button>
      </div>
      ${notice ? html`<p class="problem" id=${key('notice')} role="alert">${notice}</p>` : nothing}
      <div class="grid-2">
        ${this.#textField(key('name'), 'Name', ds.name, commit('name'), { required: true, hint: 'Panels and variables refer to it by this name.' })}
        ${this.#textField(key('source'), 'Source', ds.source ?? '', commit('source'), { hint: 'The name the page registers its source under (registerSource), for answers and variables.' })}
      </div>
      <div class="grid-2">
        ${this.#textField(key('stream'), 'Stream', ds.stream ?? '', commit('stream'), { hint: 'A Server-Sent Events URL (or path) or a ws(s) URL that pushes new samples.' })}
      </div>
    </li>`;
  }
}
