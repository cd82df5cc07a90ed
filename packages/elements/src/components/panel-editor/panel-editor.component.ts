import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  PrometheusClient,
  PromkitError,
  SchemaError,
  createClient,
  parsePanel,
  type Auth,
  type Datasource,
  type Panel,
  type PrometheusClientOptions,
  type Variable,
  type VariableValues,
} from '@promkit/core';
import { PromElement } from '../../internal/prom-element.js';
import { clientFactoryOptions } from '../../internal/client-factory-options.js';
import { readTheme, resolveColor, themeTokens } from '../../theme/theme.js';
import { formControlStyles } from '../../theme/form-controls.js';
import { editorFormStyles } from '../../theme/editor-form.js';
import type { PanelSpec } from '../panel/spec.js';
import { PromPanelChangeEvent } from '../../events/panel-change-event.js';
import { PromPanelApplyEvent } from '../../events/panel-apply-event.js';
import { PromPanelCancelEvent } from '../../events/panel-cancel-event.js';
import { toVisualQuery } from '@promkit/core/edit';
import type { EditorContext, QueryMode } from './render/context.js';
import { renderGeneral } from './render/general.js';
import { renderTargets } from './render/targets.js';
import { renderFieldDefaults } from './render/field-defaults.js';
import { renderThresholds } from './render/thresholds.js';
import { renderOptions } from './render/options.js';
import { renderMappings } from './render/mappings.js';
import { DATA_LINK_TYPES, renderDataLinks } from './render/data-links.js';
import { renderOverrides } from './render/overrides.js';
import { panelEditorStyles } from './panel-editor.styles.js';

/** Where a panel given without a place sits (a standalone editor needs none; the dashboard's has one). */
const UNPLACED = { id: 1, gridPos: { x: 0, y: 0, w: 12, h: 8 } };

/**
 * Edits one panel definition, with a live preview beside the form.
 *
 * @tagname prom-panel-editor
 * @summary Give it a panel (`panel`) and a Prometheus (`url`, `client`, or the dashboard's
 * `datasources`); every edit produces a new, schema-valid panel, fired as `prom-panel-change`
 * and drawn by a real `<prom-panel>`. Apply and Cancel are for the host (a dashboard opens the
 * editor in a drawer and closes it on either).
 *
 * @fires prom-panel-change - Every edit. `detail.panel` is the new panel definition.
 * @fires prom-panel-apply - Apply was pressed. `detail.panel` is the edited panel.
 * @fires prom-panel-cancel - Cancel was pressed: drop the edits.
 *
 * @csspart base - The editor's frame.
 * @csspart form - The settings column.
 * @csspart preview - The preview column holding the `<prom-panel>`.
 * @csspart footer - The row with Apply and Cancel.
 * @csspart apply-button - The Apply button.
 * @csspart cancel-button - The Cancel button.
 * @cssprop --prom-font-family - Font of text and controls.
 * @cssprop --prom-font-size - Base font size (default 12px).
 * @cssprop --prom-color-text - Text colour.
 * @cssprop --prom-color-text-muted - Labels and hints.
 * @cssprop --prom-color-background - Background of the editor and its inputs.
 * @cssprop --prom-color-surface - Section headers and hovered controls.
 * @cssprop --prom-color-border - Borders of sections and inputs.
 * @cssprop --prom-color-focus - Focus ring and the Apply button.
 * @cssprop --prom-color-red - Problems with a value.
 * @cssprop --prom-panel-editor-preview-height - Height of the preview (default 320px).
 */
export class PromPanelEditor extends PromElement {
  static override styles = [themeTokens, formControlStyles, editorFormStyles, panelEditorStyles];

  /** @internal Lit's reactive property table. */
  static override properties = {
    panel: { attribute: false },
    url: { type: String },
    client: { attribute: false },
    datasources: { attribute: false },
    clientOptions: { attribute: false },
    resolveAuth: { attribute: false },
    range: { type: String },
    variables: { attribute: false },
    variableValues: { attribute: false },
    theme: { type: String, reflect: true },
    _panel: { state: true },
    _modes: { state: true },
    _problems: { state: true },
    _invalid: { state: true },
  };

  /** The panel to edit (dashboard JSON; defaults may be left out). The editor shows it validated. */
  declare panel: Panel | PanelSpec | undefined;
  /** Prometheus base URL for the preview. */
  declare url: string | undefined;
  /** A client for the preview, instead of one built from `url`. */
  declare client: PrometheusClient | undefined;
  /** The dashboard's datasources: offered in a picker, and the preview queries the chosen one. */
  declare datasources: readonly Datasource[] | undefined;
  /** Options for clients built from `datasources` (fetch, headers, timeout). */
  declare clientOptions: Omit<PrometheusClientOptions, 'url' | 'backend' | 'auth' | 'tenant'> | undefined;
  /** Supplies the credential a datasource names with `authRef`. */
  declare resolveAuth: ((ref: string, datasource: Datasource) => Auth | undefined) | undefined;
  /** The preview's time range as `<prom-panel range>` takes it (Test runs queries over it too). Default `now-1h`. */
  declare range: string;
  /** The dashboard's variables: the query editor's lint knows their names. */
  declare variables: readonly Variable[] | undefined;
  /** The variables' current values: a query's Test fills them in. */
  declare variableValues: VariableValues | undefined;
  /** light, dark or auto (follow the system). */
  declare theme: 'light' | 'dark' | 'auto' | undefined;

  /** @internal The edited panel: the state. Each edit replaces it with a new definition. */
  declare _panel: Panel | undefined;
  /** @internal The problem of each field's last refused edit, by field key. */
  declare _problems: Readonly<Record<string, string>>;
  /** @internal Why the given `panel` could not be read. */
  declare _invalid: PromkitError | undefined;
  /** @internal How each query is edited, by refId (code unless switched). */
  declare _modes: Readonly<Record<string, QueryMode>>;

  readonly #clients = new Map<string, PrometheusClient>();

  constructor() {
    super();
    this.range = 'now-1h';
    this._problems = {};
    this._modes = {};
  }

  /** The edited panel as it stands (undefined until a valid `panel` is given). */
  get value(): Panel | undefined {
    return this._panel;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('panel')) {
      this._problems = {};
      this._modes = {};
      try {
        this._panel = this.panel === undefined ? undefined : parsePanel({ ...UNPLACED, ...this.panel });
        this._invalid = undefined;
      } catch (error) {
        if (!(error instanceof PromkitError)) throw error;
        this._panel = undefined;
        this._invalid = error;
      }
    }
    if (changed.has('datasources') || changed.has('clientOptions') || changed.has('resolveAuth') || changed.has('url')) this.#clients.clear();
  }

  /** Applies one edit: a new panel and `prom-panel-change`, or the problem beside the field. */
  #edit(key: string, change: (panel: Panel) => Panel): void {
    const current = this._panel;
    if (!current) return;
    let next: Panel;
    try {
      next = change(current);
    } catch (error) {
      if (!(error instanceof PromkitError)) throw error;
      const detail = error instanceof SchemaError ? error.problems.map((p) => p.message).join('; ') : error.message;
      this._problems = { ...this._problems, [key]: detail };
      return;
    }
    if (key in this._problems) {
      const { [key]: _fixed, ...rest } = this._problems;
      this._problems = rest;
    }
    // An edit that changes nothing (the `change` after an eager `input`) is no edit.
    if (next === current || JSON.stringify(next) === JSON.stringify(current)) return;
    this._panel = next;
    this.dispatchEvent(new PromPanelChangeEvent({ panel: next }));
  }

  /**
   * Switches a query between code and builder. To the builder only when the builder shows the
   * query exactly (it prints back the same PromQL); otherwise it stays in code, saying why.
   */
  #setQueryMode(panel: Panel, refId: string, mode: QueryMode): void {
    const key = `query-mode-${refId}`;
    const { [key]: _old, ...rest } = this._problems;
    this._problems = rest;
    if (mode === 'builder') {
      const expr = panel.targets.find((t) => t.refId === refId)?.expr ?? '';
      const visual = toVisualQuery(expr);
      if (!visual.ok) {
        this._problems = { ...rest, [key]: `Stayed in code: ${visual.reason}` };
        return;
      }
    }
    this._modes = { ...this._modes, [refId]: mode };
  }

  /** The client the query editors ask (completion, Test, Explain): the preview's, or one for `url` (the preview's own `url` attribute needs none). */
  #queryClient(panel: Panel): PrometheusClient | undefined {
    const preview = this.#previewClient(panel);
    if (preview || !this.url) return preview;
    const key = `url ${this.url}`;
    let client = this.#clients.get(key);
    if (!client) {
      try {
        client = new PrometheusClient({ url: this.url, ...(this.clientOptions ?? {}) });
      } catch {
        return undefined;
      }
      this.#clients.set(key, client);
    }
    return client;
  }

  /** The preview's client: the given one, else the panel's datasource (or the default) from `datasources`. */
  #previewClient(panel: Panel): PrometheusClient | undefined {
    if (this.client) return this.client;
    const list = this.datasources ?? [];
    const ds = list.find((d) => d.name === panel.datasource) ?? list.find((d) => d.default) ?? list[0];
    if (!ds || ds.type === 'host' || this.url) return undefined;
    let client = this.#clients.get(ds.name);
    if (!client) {
      try {
        client = createClient(ds, clientFactoryOptions(this));
      } catch {
        return undefined;
      }
      this.#clients.set(ds.name, client);
    }
    return client;
  }

  override render(): TemplateResult {
    const panel = this._panel;
    if (!panel) {
      return html`<div part="base" class="unreadable" role="alert">
        ${this._invalid ? html`<p>This panel cannot be edited: ${this._invalid.message}</p>` : html`<p>No panel to edit: set the <code>panel</code> property.</p>`}
      </div>`;
    }
    const theme = readTheme(this);
    const ctx: EditorContext = {
      panel,
      edit: (key, change) => this.#edit(key, change),
      problem: (key) => this._problems[key],
      resolveColor: (color) => resolveColor(color, theme),
      client: this.#queryClient(panel),
      variables: (this.variables ?? []).map((v) => v.name),
      variableValues: this.variableValues,
      range: this.range,
      theme: this.theme,
      queryMode: (refId) => this._modes[refId] ?? 'code',
      setQueryMode: (refId, mode) => this.#setQueryMode(panel, refId, mode),
    };
    return html`<div part="base">
      <div class="columns">
        <div part="form" class="form">
          ${renderGeneral(ctx, this.datasources)}
          ${panel.type === 'text' || panel.type === 'alertlist' ? nothing : renderTargets(ctx)}
          ${renderOptions(ctx)}
          ${panel.type === 'text' || panel.type === 'alertlist' ? nothing : html`${renderFieldDefaults(ctx)}${renderThresholds(ctx)}${renderMappings(ctx)}${DATA_LINK_TYPES.includes(panel.type) ? renderDataLinks(ctx) : nothing}${renderOverrides(ctx)}`}
        </div>
        <div part="preview" class="preview" role="region" aria-label="Preview">
          <prom-panel .spec=${panel} url=${this.url ?? nothing} .client=${this.#previewClient(panel)} range=${this.range} theme=${this.theme ?? nothing}></prom-panel>
        </div>
      </div>
      <footer part="footer">
        <span class="status" role="status">${Object.keys(this._problems).some((k) => !k.startsWith('query-mode-')) ? 'Some values were not applied: see the fields marked in red.' : ''}</span>
        <button type="button" part="cancel-button" @click=${() => this.dispatchEvent(new PromPanelCancelEvent())}>Cancel</button>
        <button type="button" part="apply-button" class="primary" @click=${() => this.dispatchEvent(new PromPanelApplyEvent({ panel }))}>Apply</button>
      </footer>
    </div>`;
  }
}
