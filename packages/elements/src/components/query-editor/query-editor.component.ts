import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { EditorView } from '@codemirror/view';
import type { Diagnostic } from '@codemirror/lint';
import { PrometheusClient, PromkitError, formatLabels, resolveRange, type TimeRange, type VariableValues } from '@promkit/core';
import { PromElement } from '../../internal/prom-element.js';
import { themeTokens } from '../../theme/theme.js';
import { formControlStyles } from '../../theme/form-controls.js';
import { PromQueryChangeEvent } from '../../events/query-change-event.js';
import { PromQueryRunEvent } from '../../events/query-run-event.js';
import type { CompletionClient } from './completion-client.js';
import type { QueryEditorCompartments } from './codemirror-setup.js';
import { OnDemand, updatedWithCode } from '../../internal/on-demand.js';
import { preparedQuery, testQuery, type QueryTestResult } from './query-test.js';
import type { PromMetricPickEvent } from '../../events/metric-pick-event.js';
import '../metrics-explorer/metrics-explorer.js';
import '../query-explain/query-explain.js';
import { queryEditorStyles } from './query-editor.styles.js';

/** CodeMirror and the PromQL language, loaded when a query editor first shows. */
const editorCode = new OnDemand('the query editor', () => import('./editor-code.js'));

/**
 * A PromQL editor: CodeMirror 6 with Prometheus' own grammar, completion of metrics, labels,
 * values and functions from the server, lint that understands dashboard variables, Format, and a
 * Test run that shows what the query returns right below it.
 *
 * @tagname prom-query-editor
 * @summary Give it the query (`value`) and a Prometheus (`client`, or `url`); completion goes
 * through that client, so its authentication, tenant, path prefix or proxy apply. Lint replaces
 * `$variables` and built-ins before checking, so `rate(x[$__rate_interval])` and
 * `sum by ($grouping) (…)` are not errors; a `$name` that is neither a built-in nor in
 * `variables` is a warning.
 *
 * @fires prom-query-change - Every edit. `detail.value` is the text as typed.
 * @fires prom-query-run - Shift+Enter, Ctrl/⌘+Enter or Run. `detail.value` is the text as typed.
 *
 * @csspart base - The editor's frame.
 * @csspart input - The text box.
 * @csspart toolbar - The row of actions under the text.
 * @csspart result - The Test result.
 * @csspart explain - The `<prom-query-explain>` tree, while Explain is on.
 * @cssprop --prom-font-family - Font of labels and messages.
 * @cssprop --prom-font-size - Base font size (default 12px).
 * @cssprop --prom-code-font-family - Font of the query (default a monospace stack).
 * @cssprop --prom-code-font-size - Size of the query text (default 13px).
 * @cssprop --prom-color-text - Text colour.
 * @cssprop --prom-color-text-muted - Hints and the placeholder.
 * @cssprop --prom-color-background - Background of the text box.
 * @cssprop --prom-color-surface - Background of the toolbar and result.
 * @cssprop --prom-color-border - Border of the text box.
 * @cssprop --prom-color-focus - Focus ring and the selected completion.
 * @cssprop --prom-color-tooltip - Background of the completion list.
 * @cssprop --prom-color-red - Errors.
 * @cssprop --prom-color-yellow - Warnings.
 * @cssprop --prom-color-green - A test that returned series.
 * @cssprop --prom-color-blue - Default colour of functions.
 * @cssprop --prom-color-purple - Default colour of aggregations and modifiers.
 * @cssprop --prom-color-orange - Default colour of numbers and durations.
 * @cssprop --prom-syntax-keyword - Aggregations (`sum`, `topk`) and modifiers (`by`, `offset`).
 * @cssprop --prom-syntax-function - Function names.
 * @cssprop --prom-syntax-metric - Metric names.
 * @cssprop --prom-syntax-label - Label names.
 * @cssprop --prom-syntax-string - Quoted values.
 * @cssprop --prom-syntax-number - Numbers and durations.
 * @cssprop --prom-syntax-operator - Operators and matchers.
 * @cssprop --prom-syntax-comment - `# comments`.
 * @cssprop --prom-syntax-variable - Dashboard variables (`$job`, `${job:csv}`, `[[job]]`).
 */
export class PromQueryEditor extends PromElement {
  static override styles = [themeTokens, formControlStyles, queryEditorStyles];

  /** @internal Lit's reactive property table. */
  static override properties = {
    value: { type: String },
    url: { type: String },
    client: { attribute: false },
    variables: { attribute: false },
    variableValues: { attribute: false },
    range: { type: String },
    scrapeInterval: { type: Number, attribute: 'scrape-interval' },
    label: { type: String },
    placeholder: { type: String },
    theme: { type: String, reflect: true },
    _problems: { state: true },
    _completionError: { state: true },
    _test: { state: true },
    _busy: { state: true },
    _notice: { state: true },
    _explained: { state: true },
    _explorerOpen: { state: true },
  };

  /** The query text, variables and all. Setting it replaces the text (the cursor goes to its end). */
  declare value: string;
  /** Prometheus base URL, when no `client` is given. */
  declare url: string | undefined;
  /** The client completion, Format and Test use (the panel's datasource). */
  declare client: PrometheusClient | undefined;
  /** Names of the dashboard's variables (`job` for `$job`): known to lint. */
  declare variables: readonly string[] | undefined;
  /** The variables' current values, for Test (`{ job: { value: ['a', 'b'] } }`). */
  declare variableValues: VariableValues | undefined;
  /** Test's time range as `<prom-panel range>` takes it (`now-1h`, or `from,to`). Default `now-1h`. */
  declare range: string;
  /** The datasource's scrape interval in seconds, for `$__rate_interval` in Test. */
  declare scrapeInterval: number | undefined;
  /** The text box's accessible name. Default "PromQL query". */
  declare label: string;
  /** Shown while the text is empty. */
  declare placeholder: string;
  /** light, dark or auto (follow the system). */
  declare theme: 'light' | 'dark' | 'auto' | undefined;

  /** @internal Lint's problems as shown (the first is spelled out under the text). */
  declare _problems: readonly Diagnostic[];
  /** @internal Why completion has nothing from the server, if it failed. */
  declare _completionError: string | undefined;
  /** @internal The last Test's result, or 'running'. */
  declare _test: QueryTestResult | 'running' | undefined;
  /** @internal Format in flight. */
  declare _busy: boolean;
  /** @internal A short message about the last action (Format failed, …). */
  declare _notice: string | undefined;
  /** @internal What the explain tree shows (the query as run, and when), while Explain is on. */
  declare _explained: { query: string; time: number } | { error: string } | undefined;
  /** @internal The metrics explorer has been opened (it loads on first open). */
  declare _explorerOpen: boolean;

  #view: EditorView | undefined;
  #compartments: QueryEditorCompartments | undefined;
  /** The editor code's load, while it runs. */
  #codeLoad: Promise<unknown> | undefined;
  #completion: CompletionClient | undefined;
  #ownClient: { url: string; client: PrometheusClient } | undefined;
  #testAbort: AbortController | undefined;
  /** The text is being set from `value`: no change event for that. */
  #syncing = false;

  constructor() {
    super();
    this.value = '';
    this.range = 'now-1h';
    this.label = 'PromQL query';
    this.placeholder = 'Type a metric name, a function, or Ctrl+Space for suggestions';
    this._problems = [];
    this._busy = false;
    this._explorerOpen = false;
  }

  /** Focuses the text box. */
  override focus(): void {
    this.#view?.focus();
  }

  /** Opens the completion list at the cursor (as Ctrl+Space does). */
  complete(): void {
    if (this.#view) editorCode.value?.startCompletion(this.#view);
  }

  /** Writes `text` at the cursor (replacing the selection), as the metrics explorer inserts a name. */
  insert(text: string): void {
    const view = this.#view;
    if (!view) return;
    const { from, to } = view.state.selection.main;
    view.dispatch({ changes: { from, to, insert: text }, selection: { anchor: from + text.length }, scrollIntoView: true });
    view.focus();
  }

  /** The client everything goes through: the given one, else one for `url`. */
  get #client(): PrometheusClient | undefined {
    if (this.client) return this.client;
    if (!this.url) return undefined;
    if (this.#ownClient?.url !== this.url) {
      try {
        this.#ownClient = { url: this.url, client: new PrometheusClient({ url: this.url }) };
      } catch {
        return undefined;
      }
    }
    return this.#ownClient.client;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page: the view was destroyed on disconnect, make it again.
    if (this.hasUpdated && !this.#view) this.#mount();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#testAbort?.abort();
    this.#completion?.destroy();
    this.#completion = undefined;
    this.#view?.destroy();
    this.#view = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    const view = this.#view;
    const code = editorCode.value;
    const compartments = this.#compartments;
    if (!view || !code || !compartments) {
      this.#mount();
      return;
    }
    if (changed.has('value') && this.value !== view.state.doc.toString()) {
      this.#syncing = true;
      try {
        this.#replaceAll(this.value ?? '');
      } finally {
        this.#syncing = false;
      }
    }
    if (changed.has('client') || changed.has('url')) {
      this.#completion?.destroy();
      this.#completion = this.#newCompletion();
      view.dispatch({ effects: compartments.language.reconfigure(code.promqlLanguage(this.#completion)) });
    }
    if (changed.has('variables')) {
      view.dispatch({ effects: compartments.lint.reconfigure(code.promqlLint(this.variables ?? [], (p) => (this._problems = p))) });
    }
  }

  #newCompletion(): CompletionClient | undefined {
    this._completionError = undefined;
    const client = this.#client;
    return (
      client &&
      editorCode.value?.completionClient(client, {
        window: () => {
          const { from, to } = this.#range();
          return { start: new Date(from), end: new Date(to) };
        },
        onError: (error) => (this._completionError = describe(error)),
      })
    );
  }

  /** `range` resolved now (an unreadable one falls back to the last hour). */
  #range(): TimeRange {
    const [from, to = 'now'] = this.range.split(',').map((s) => s.trim());
    try {
      return resolveRange({ from: from || 'now-1h', to });
    } catch {
      return resolveRange({ from: 'now-1h', to: 'now' });
    }
  }

  /** Also waits for the editor code when it loads on first show, and the mount after it. */
  protected override getUpdateComplete(): Promise<boolean> {
    return updatedWithCode(() => super.getUpdateComplete(), () => this.#codeLoad);
  }

  #mount(): void {
    const parent = this.renderRoot.querySelector<HTMLElement>('.input');
    if (!parent || this.#view) return;
    const code = editorCode.value;
    if (!code) {
      this.#codeLoad ??= editorCode.load().then(
        () => {
          this.#codeLoad = undefined;
          if (this.isConnected) this.#mount();
        },
        (error: Error) => {
          this.#codeLoad = undefined;
          this._notice = error.message;
        },
      );
      return;
    }
    this.#compartments = { language: new code.Compartment(), lint: new code.Compartment() };
    this.#completion = this.#newCompletion();
    this.#view = new code.EditorView({
      parent,
      root: this.renderRoot as ShadowRoot,
      state: code.queryEditorState(
        {
          doc: this.value ?? '',
          label: this.label,
          placeholder: this.placeholder,
          variables: this.variables ?? [],
          completion: this.#completion,
          onChange: (value) => {
            if (this.#syncing) return;
            this.value = value;
            this.dispatchEvent(new PromQueryChangeEvent({ value }));
          },
          onRun: () => this.#run(),
          onProblems: (problems) => (this._problems = problems),
        },
        this.#compartments,
      ),
    });
    // The query's text shown while the editor code loaded goes now.
    this.requestUpdate();
  }

  #run(): void {
    if (this._explained) this.#explainNow();
    this.dispatchEvent(new PromQueryRunEvent({ value: this.value }));
  }

  /** Formats the query with the server's formatter (`/api/v1/format_query`), keeping variables as typed. */
  async format(): Promise<void> {
    const client = this.#client;
    if (!client || this._busy) return;
    this._busy = true;
    this._notice = undefined;
    try {
      const { formatTemplate } = await editorCode.load();
      const formatted = await formatTemplate(client, this.value);
      if (formatted !== this.value) this.#replaceAll(formatted);
    } catch (error) {
      const missing = error instanceof PromkitError && (error as PromkitError & { status?: number }).status === 404;
      this._notice = missing
        ? 'This server has no /api/v1/format_query (Prometheus 2.38 and later format queries); the query is left as it was.'
        : `Format failed: ${describe(error)}`;
    } finally {
      this._busy = false;
    }
  }

  /** Runs the query once over `range` and shows what came back under the text. */
  async test(): Promise<QueryTestResult | undefined> {
    const client = this.#client;
    if (!client) return undefined;
    this.#testAbort?.abort();
    const abort = new AbortController();
    this.#testAbort = abort;
    this._test = 'running';
    let result: QueryTestResult;
    try {
      const [from, to = 'now'] = this.range.split(',').map((s) => s.trim());
      result = await testQuery(client, this.value, {
        range: resolveRange({ from: from || 'now-1h', to }),
        signal: abort.signal,
        ...(this.variableValues ? { values: this.variableValues } : {}),
        ...(this.scrapeInterval ? { scrapeInterval: this.scrapeInterval } : {}),
      });
    } catch (error) {
      if (!(error instanceof PromkitError)) throw error;
      result = { ok: false, sent: this.value, tookMs: 0, error };
    }
    if (this.#testAbort !== abort) return result;
    this._test = result;
    return result;
  }

  #replaceAll(text: string): void {
    const view = this.#view;
    if (!view) return;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: text.length } });
  }

  override render(): TemplateResult {
    const first = this._problems.find((p) => p.severity === 'error') ?? this._problems[0];
    const client = this.#client;
    return html`<div part="base" class="base">
      <div part="input" class="input ${first?.severity === 'error' ? 'invalid' : ''}">${this.#view ? nothing : html`<div class="pending" aria-busy="true">${this.value || this.placeholder}</div>`}<!-- CodeMirror mounts after this comment, which ends the part above (else clearing it would clear the editor too) --></div>
      <div part="toolbar" class="toolbar">
        <button type="button" class="primary" title="Shift+Enter" @click=${() => this.#run()}>Run</button>
        <button type="button" ?disabled=${!client || this._test === 'running'} @click=${() => void this.test()}>Test</button>
        <button type="button" ?disabled=${!client || this._busy} @click=${() => void this.format()}>Format</button>
        <button type="button" aria-pressed=${this._explained ? 'true' : 'false'} ?disabled=${!client} @click=${() => this.#toggleExplain()}>Explain</button>
        <button type="button" aria-haspopup="dialog" ?disabled=${!client} @click=${() => this.#openExplorer()}>Metrics</button>
        <slot name="actions"></slot>
        <span class="keys" aria-hidden="true">Shift+Enter runs · Ctrl+Space suggests</span>
      </div>
      <p class="problem ${first?.severity ?? ''}" role="status" aria-live="polite">${first ? `${first.severity === 'error' ? 'Error' : 'Warning'}: ${first.message}` : ''}</p>
      ${this._completionError ? html`<p class="hint">Suggestions from the server are unavailable: ${this._completionError}</p>` : nothing}
      ${this._notice ? html`<p class="notice" role="alert">${this._notice}</p>` : nothing}
      ${this.#renderTest()}
      ${this.#renderExplain()}
      <dialog class="explorer" aria-label="Metrics" @close=${() => this.#view?.focus()}>
        <div class="explorer-head"><h2>Metrics</h2><button type="button" aria-label="Close" @click=${() => this.#explorer()?.close()}>✕</button></div>
        ${this._explorerOpen
          ? html`<prom-metrics-explorer
              .client=${client}
              theme=${this.theme ?? nothing}
              @prom-metric-pick=${(e: PromMetricPickEvent) => {
                this.#explorer()?.close();
                this.insert(e.detail.name);
              }}
            ></prom-metrics-explorer>`
          : nothing}
      </dialog>
    </div>`;
  }

  #explorer(): HTMLDialogElement | null {
    return this.renderRoot.querySelector<HTMLDialogElement>('dialog.explorer');
  }

  /** Opens the metrics explorer; a picked name is inserted at the cursor. */
  async #openExplorer(): Promise<void> {
    this._explorerOpen = true;
    await this.updateComplete;
    this.#explorer()?.showModal();
  }

  #toggleExplain(): void {
    if (this._explained) this._explained = undefined;
    else this.#explainNow();
  }

  /** Explains the query as it stands: as the server gets it, at the end of the range (again on each run). */
  #explainNow(): void {
    const range = this.#range();
    try {
      const { sent } = preparedQuery(this.value, {
        range,
        ...(this.variableValues ? { values: this.variableValues } : {}),
        ...(this.scrapeInterval ? { scrapeInterval: this.scrapeInterval } : {}),
      });
      this._explained = { query: sent, time: range.to / 1000 };
    } catch (error) {
      this._explained = { error: describe(error) };
    }
  }

  /** The query's tree, each part evaluated as an instant query. */
  #renderExplain(): TemplateResult | typeof nothing {
    const shown = this._explained;
    if (!shown) return nothing;
    if ('error' in shown) return html`<p class="notice" role="alert">Cannot explain the query: ${shown.error}</p>`;
    return html`<prom-query-explain part="explain" .query=${shown.query} .client=${this.#client} .time=${shown.time} theme=${this.theme ?? nothing}></prom-query-explain>`;
  }

  #renderTest(): TemplateResult | typeof nothing {
    const test = this._test;
    if (!test) return nothing;
    if (test === 'running') return html`<section part="result" class="result" aria-label="Test result" aria-busy="true"><p>Running…</p></section>`;
    const took = `${Math.round(test.tookMs)} ms`;
    if (!test.ok) {
      return html`<section part="result" class="result failed" aria-label="Test result" role="alert">
        <p class="headline">${test.error.name === 'QueryParseError' ? 'The server could not parse the query' : 'The query failed'} <span class="muted">· ${took}</span></p>
        <p class="message">${test.error.message}</p>
        ${test.sent !== this.value ? html`<p class="muted">Sent as <code>${test.sent}</code></p>` : nothing}
      </section>`;
    }
    return html`<section part="result" class="result ${test.series > 0 ? 'found' : 'empty'}" aria-label="Test result" role="status">
      <p class="headline">
        ${test.series === 0 ? 'No series' : `${test.series.toLocaleString('en')} ${test.series === 1 ? 'series' : 'series'}`},
        ${test.samples.toLocaleString('en')} ${test.samples === 1 ? 'sample' : 'samples'} <span class="muted">· step ${test.step}s · ${took}</span>
      </p>
      ${test.first ? html`<p class="labels"><span class="muted">First:</span> <code>${formatLabels(test.first) || '{}'}</code></p>` : nothing}
      ${test.series === 0 ? html`<p class="muted">Nothing matched over the range: check the metric name and label values, or widen the range.</p>` : nothing}
      ${test.warnings.map((w) => html`<p class="warning">Warning: ${w}</p>`)}
    </section>`;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
