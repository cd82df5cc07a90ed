import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import {
  DatasourceRegistry,
  PromkitError,
  SchemaError,
  resolveRange,
  hostSourceOf,
  resolveVariables,
  timeSettings,
  validateDashboard,
  weekStartsOn,
  withDefaultUrl,
  type Auth,
  type Dashboard,
  type Datasource,
  type PrometheusClient,
  type PrometheusClientOptions,
  type ResolvedVariable,
  type SchemaProblem,
  type Variable,
} from '@promkit/core';
import { VARIABLE_TYPES, addVariable, changeVariableType, moveVariable, removeVariable, renameVariable, updateVariable, type VariableType } from '@promkit/core/edit';
import { PromElement } from '../../internal/prom-element.js';
import { clientFactoryOptions } from '../../internal/client-factory-options.js';
import { themeTokens } from '../../theme/theme.js';
import { formControlStyles } from '../../theme/form-controls.js';
import { PromDefinitionChangeEvent } from '../../events/definition-change-event.js';
import { renderForm, typeLabel } from './render/form.js';
import { renderPreview, shortPreview } from './render/preview.js';
import { variablesEditorStyles } from './variables-editor.styles.js';

/** How long after an edit the preview resolves the variables again. */
const PREVIEW_DELAY_MS = 300;

/** A refused entry: the text typed into a field, and why it was refused. */
interface Draft {
  id: number;
  field: string;
  text: string;
  problems: SchemaProblem[];
}

/**
 * Edits a dashboard's variables: add, edit, reorder and remove each type, with a live preview.
 *
 * @tagname prom-variables-editor
 * @summary Give it a dashboard (`dashboard`) and a Prometheus (`url`, `client`, or the
 * dashboard's datasources); the list shows each variable with a short preview of its values and
 * a marker when it has a problem, the form edits the selected one, and the preview resolves the
 * variables against Prometheus after each edit (its values, first 20, and its problem: failed,
 * invalid, empty or a cycle). Every edit that leaves a valid dashboard fires
 * `prom-definition-change`; `value` is undefined while a field holds a refused entry. No Apply
 * or Cancel of its own: the host (a drawer) has those.
 *
 * @fires prom-definition-change - After each edit that leaves a valid dashboard. `detail.dashboard` is the whole edited definition.
 *
 * @csspart base - The editor's frame.
 * @csspart list - The list of variables with its Add controls.
 * @csspart form - The selected variable's settings.
 * @csspart preview - The preview of the selected variable's values and problem.
 * @cssprop --prom-font-family - Font of text and controls.
 * @cssprop --prom-font-size - Base font size (default 12px).
 * @cssprop --prom-color-text - Text colour.
 * @cssprop --prom-color-text-muted - Labels, hints and value previews.
 * @cssprop --prom-color-background - Background of the editor and its inputs.
 * @cssprop --prom-color-surface - The list and the preview.
 * @cssprop --prom-color-border - Borders.
 * @cssprop --prom-color-focus - Focus ring and the selected variable.
 * @cssprop --prom-color-red - Problems.
 * @cssprop --prom-color-yellow - Variables whose query found nothing.
 */
export class PromVariablesEditor extends PromElement {
  static override styles = [themeTokens, formControlStyles, variablesEditorStyles];

  /** @internal Lit's reactive property table. */
  static override properties = {
    dashboard: { attribute: false },
    url: { type: String },
    client: { attribute: false },
    clientOptions: { attribute: false },
    resolveAuth: { attribute: false },
    range: { type: String },
    theme: { type: String, reflect: true },
    _definition: { state: true },
    _ids: { state: true },
    _selected: { state: true },
    _drafts: { state: true },
    _invalid: { state: true },
    _resolved: { state: true },
    _resolving: { state: true },
    _notice: { state: true },
    _announce: { state: true },
  };

  /** The definition to edit; setting it resets the editor. */
  declare dashboard: Dashboard | undefined;
  /** Prometheus base URL: replaces the default datasource's for the preview. */
  declare url: string | undefined;
  /** A client every datasource of the preview uses, instead of ones built from the datasources. */
  declare client: PrometheusClient | undefined;
  /** Options for the clients built from the datasources (fetch, headers, timeout). */
  declare clientOptions: Omit<PrometheusClientOptions, 'url' | 'backend' | 'auth' | 'tenant'> | undefined;
  /** Supplies the credential a datasource names with `authRef`. */
  declare resolveAuth: ((ref: string, datasource: Datasource) => Auth | undefined) | undefined;
  /** The preview's time range as `from,to` (`now-6h,now`); default the dashboard's. */
  declare range: string | undefined;
  /** light, dark or auto (follow the system). */
  declare theme: 'light' | 'dark' | 'auto' | undefined;

  /** @internal The edited definition (always valid): the state. */
  declare _definition: Dashboard | undefined;
  /** @internal A stable id per variable, in the variables' order (drafts and focus follow moves). */
  declare _ids: readonly number[];
  /** @internal Id of the selected variable. */
  declare _selected: number | undefined;
  /** @internal Refused entries, by `${id}.${field}`. */
  declare _drafts: ReadonlyMap<string, Draft>;
  /** @internal Problems of the given `dashboard`, when it is not valid. */
  declare _invalid: readonly SchemaProblem[] | undefined;
  /** @internal The last preview: each variable resolved. */
  declare _resolved: ReadonlyMap<string, ResolvedVariable> | undefined;
  /** @internal */
  declare _resolving: boolean;
  /** @internal Why the last list action (remove, move, add) was refused. */
  declare _notice: string | undefined;
  /** @internal What the live region says. */
  declare _announce: string;

  #nextId = 1;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #abort: AbortController | undefined;
  #registry: { key: string; registry: DatasourceRegistry } | undefined;

  constructor() {
    super();
    this._ids = [];
    this._drafts = new Map();
    this._resolving = false;
    this._announce = '';
  }

  /** The edited definition; undefined while a field holds an entry that is not valid. */
  get value(): Dashboard | undefined {
    return this._invalid || this._drafts.size > 0 ? undefined : this._definition;
  }

  /** What keeps `value` undefined: each problem with its path (`variables[2].query`). */
  get problems(): readonly SchemaProblem[] {
    if (this._invalid) return this._invalid;
    return [...this._drafts.values()].flatMap((d) => d.problems);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
    this.#abort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('dashboard')) {
      const check = this.dashboard === undefined ? undefined : validateDashboard(this.dashboard);
      this._definition = check?.ok ? check.dashboard : undefined;
      this._invalid = check && !check.ok ? check.problems : undefined;
      this._ids = (this._definition?.variables ?? []).map(() => this.#nextId++);
      this._selected = this._ids[0];
      this._drafts = new Map();
      this._notice = undefined;
      this._resolved = undefined;
      this.#schedule(0);
    } else if (changed.has('url') || changed.has('client') || changed.has('clientOptions') || changed.has('resolveAuth') || changed.has('range')) {
      this.#schedule(0);
    }
    if (changed.has('clientOptions') || changed.has('resolveAuth')) this.#registry = undefined;
  }

  /** Resolves the variables after `delay` ms, aborting the resolution before. */
  #schedule(delay = PREVIEW_DELAY_MS): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#resolve(), delay);
  }

  async #resolve(): Promise<void> {
    const d = this._definition;
    this.#abort?.abort();
    if (!d) return;
    const abort = (this.#abort = new AbortController());
    this._resolving = true;
    try {
      const time = timeSettings(d, {});
      const [from = time.range.from, to = 'now'] = this.range ? this.range.split(',').map((s) => s.trim()) : [time.range.from, time.range.to];
      const range = resolveRange({ from, to }, { timeZone: time.timeZone, weekStartsOn: weekStartsOn(d.weekStart) });
      const registry = this.#registryFor(d);
      const client = this.client;
      const resolved = await resolveVariables(d, {
        client: (name) => client ?? registry.client(name),
        source: hostSourceOf(registry),
        defaultDatasource: registry.defaultName,
        range,
        builtins: { __range: `${Math.round((range.to - range.from) / 1000)}s` },
        signal: abort.signal,
      });
      if (abort.signal.aborted) return;
      this._resolved = resolved;
      const problems = [...resolved.values()].filter((v) => v.problem);
      this._announce = problems.length === 0 ? 'Preview: every variable has values.' : `Preview: ${problems.map((v) => v.problem!.message).join(' ')}`;
    } catch (error) {
      if (abort.signal.aborted) return;
      if (!(error instanceof PromkitError)) throw error;
      this._resolved = undefined;
      this._announce = `The preview cannot run: ${error.message}`;
    } finally {
      if (this.#abort === abort) this._resolving = false;
    }
  }

  /** The datasource clients of `d` (with `url` as the default's), kept while they stay the same. */
  #registryFor(d: Dashboard): DatasourceRegistry {
    const datasources = withDefaultUrl(d.datasources, this.url);
    const key = JSON.stringify(datasources);
    if (this.#registry?.key !== key) {
      this.#registry = { key, registry: new DatasourceRegistry({ datasources }, clientFactoryOptions(this)) };
    }
    return this.#registry.registry;
  }

  /** Takes a new definition: the event, and a preview soon. */
  #apply(next: Dashboard, ids: readonly number[] = this._ids): void {
    this._notice = undefined;
    if (next === this._definition) return;
    this._definition = next;
    this._ids = ids;
    this.dispatchEvent(new PromDefinitionChangeEvent({ dashboard: next }));
    this.#schedule();
  }

  /** A field edit of variable `id`: applied, or kept as a draft with its problems beside the field. */
  #commit(id: number, field: string, text: string, change: (d: Dashboard, index: number) => Dashboard): void {
    const d = this._definition;
    const index = this._ids.indexOf(id);
    if (!d || index < 0) return;
    const key = `${id}.${field}`;
    let next: Dashboard;
    try {
      next = change(d, index);
    } catch (error) {
      if (!(error instanceof PromkitError)) throw error;
      const problems = error instanceof SchemaError ? error.problems : [{ path: `variables[${index}].${field}`, message: error.message }];
      this._drafts = new Map(this._drafts).set(key, { id, field, text, problems });
      this._announce = `Not applied: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`;
      return;
    }
    if (this._drafts.has(key)) {
      const drafts = new Map(this._drafts);
      drafts.delete(key);
      this._drafts = drafts;
    }
    this.#apply(next);
  }

  /** A list action (add, remove, move): applied, or its refusal shown above the list. */
  #act(change: () => { dashboard: Dashboard; ids: readonly number[]; say: string; focus?: string }): void {
    try {
      const { dashboard, ids, say, focus } = change();
      this.#apply(dashboard, ids);
      this._announce = say;
      if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(focus)?.focus());
    } catch (error) {
      if (!(error instanceof PromkitError)) throw error;
      this._notice = error.message;
      this._announce = error.message;
    }
  }

  #add(type: VariableType): void {
    this.#act(() => {
      const { dashboard, index } = addVariable(this._definition!, type);
      const id = this.#nextId++;
      this._selected = id;
      return { dashboard, ids: [...this._ids, id], say: `Added $${dashboard.variables[index]!.name}, a ${typeLabel(type).toLowerCase()} variable.`, focus: '#f-name' };
    });
  }

  #move(index: number, by: -1 | 1): void {
    this.#act(() => {
      const to = index + by;
      const dashboard = moveVariable(this._definition!, index, to);
      const ids = [...this._ids];
      ids.splice(to, 0, ...ids.splice(index, 1));
      const name = dashboard.variables[to]!.name;
      // Focus stays on the button pressed; at an end, on the other one.
      const edge = to === 0 || to === ids.length - 1;
      const button = by < 0 ? (edge && to === 0 ? 'down' : 'up') : edge && to === ids.length - 1 ? 'up' : 'down';
      return { dashboard, ids, say: `Moved $${name} to position ${to + 1} of ${ids.length}.`, focus: `[data-id="${ids[to]}"] .${button}` };
    });
  }

  #remove(index: number): void {
    this.#act(() => {
      const d = this._definition!;
      const name = d.variables[index]!.name;
      const dashboard = removeVariable(d, index);
      const removed = this._ids[index];
      const ids = this._ids.filter((_, i) => i !== index);
      const drafts = new Map([...this._drafts].filter(([, draft]) => draft.id !== removed));
      if (drafts.size !== this._drafts.size) this._drafts = drafts;
      const next = ids[Math.min(index, ids.length - 1)];
      if (this._selected === removed) this._selected = next;
      return { dashboard, ids, say: `Removed $${name}.`, focus: next === undefined ? '#add-type' : `[data-id="${next}"] .select` };
    });
  }

  override render(): TemplateResult {
    const d = this._definition;
    if (!d) {
      return html`<div part="base" class="unreadable" role="alert">
        ${this._invalid
          ? html`<p>These variables cannot be edited: the dashboard has problems.</p><ul>${this._invalid.map((p) => html`<li><code>${p.path}</code>: ${p.message}</li>`)}</ul>`
          : html`<p>No dashboard to edit: set the <code>dashboard</code> property.</p>`}
      </div>`;
    }
    const index = this._selected === undefined ? -1 : this._ids.indexOf(this._selected);
    return html`<div part="base">
      <div part="list" class="list">
        <div class="add-row">
          <label class="visually-hidden" for="add-type">Type of the new variable</label>
          <select id="add-type">${VARIABLE_TYPES.map((t) => html`<option value=${t}>${typeLabel(t)}</option>`)}</select>
          <button type="button" class="add" @click=${() => this.#add((this.renderRoot.querySelector<HTMLSelectElement>('#add-type')!.value as VariableType))}>+ Add variable</button>
        </div>
        ${this._notice ? html`<p class="notice" role="alert">${this._notice}</p>` : nothing}
        ${d.variables.length === 0 ? html`<p class="empty">No variables yet. Add one to use it in queries as <code>$name</code>.</p>` : nothing}
        <ol aria-label="Variables">${d.variables.map((v, i) => this.#renderItem(v, i, i === index))}</ol>
      </div>
      ${index >= 0 ? keyed(this._ids[index], this.#renderSelected(d, index)) : html`<div part="form" class="form"></div>`}
      <div class="visually-hidden" role="status" aria-live="polite">${this._announce}</div>
    </div>`;
  }

  #renderItem(v: Variable, i: number, selected: boolean): TemplateResult {
    const id = this._ids[i]!;
    const resolved = this._resolved?.get(v.name);
    const draft = [...this._drafts.values()].some((x) => x.id === id);
    const problem = draft ? 'has an entry that was not applied' : resolved?.problem ? resolved.problem.message : undefined;
    const count = this._ids.length;
    return html`<li data-id=${id} class=${`item ${selected ? 'selected' : ''} ${problem ? `problem-${draft ? 'invalid' : resolved!.problem!.kind}` : ''}`}>
      <button type="button" class="select" aria-current=${selected ? 'true' : 'false'} @click=${() => (this._selected = id)}
        @keydown=${(e: KeyboardEvent) => {
          if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
            e.preventDefault();
            const by = e.key === 'ArrowUp' ? -1 : 1;
            if (i + by >= 0 && i + by < count) this.#move(i, by);
          }
        }}>
        <span class="name">$${v.name}${problem ? html`<span class="marker" aria-hidden="true">!</span><span class="visually-hidden">, ${problem}</span>` : nothing}</span>
        <span class="type">${typeLabel(v.type)}</span>
        <span class="values">${resolved ? shortPreview(resolved) : '…'}</span>
      </button>
      <span class="actions">
        <button type="button" class="icon up" aria-label=${`Move $${v.name} up`} title="Move up (Alt+↑)" ?disabled=${i === 0} @click=${() => this.#move(i, -1)}>↑</button>
        <button type="button" class="icon down" aria-label=${`Move $${v.name} down`} title="Move down (Alt+↓)" ?disabled=${i === count - 1} @click=${() => this.#move(i, 1)}>↓</button>
        <button type="button" class="icon danger remove" aria-label=${`Remove $${v.name}`} title="Remove" @click=${() => this.#remove(i)}>✕</button>
      </span>
    </li>`;
  }

  #renderSelected(d: Dashboard, index: number): TemplateResult {
    const id = this._ids[index]!;
    const variable = d.variables[index]!;
    const prefix = `variables[${index}]`;
    const drafts = [...this._drafts.values()].filter((x) => x.id === id);
    const problem = (field: string) => {
      const found = drafts.flatMap((x) => x.problems.filter((p) => p.path === `${prefix}.${field}` || (x.field === field && !p.path.startsWith(`${prefix}.`))));
      const own = drafts.find((x) => x.field === field);
      const list = found.length > 0 ? found : own ? own.problems : [];
      return list.length > 0 ? list.map((p) => (p.path.startsWith(`${prefix}.`) ? p.message : `${p.path}: ${p.message}`)).join('; ') : undefined;
    };
    const edit = (field: string, text: string, change: (d: Dashboard, i: number) => Dashboard) => this.#commit(id, field, text, change);
    return html`<div class="detail">
      <section part="form" class="form" aria-label=${`Settings of $${variable.name}`}>
        ${renderForm({
          dashboard: d,
          index,
          variable,
          problem,
          draft: (field) => this._drafts.get(`${id}.${field}`)?.text,
          commit: (field, text, change) => edit(field, text, (dd, i) => updateVariable(dd, i, change(dd.variables[i]!))),
          rename: (name) => edit('name', name, (dd, i) => renameVariable(dd, i, name)),
          changeType: (type) => edit('type', type, (dd, i) => changeVariableType(dd, i, type)),
        })}
      </section>
      ${renderPreview(this._resolved?.get(variable.name), this._resolving)}
    </div>`;
  }
}
