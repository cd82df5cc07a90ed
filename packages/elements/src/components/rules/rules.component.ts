import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { PrometheusClient, parseDuration, type ClientFactoryOptions, type RulesResult } from '@promkit/core';
import { PromElement } from '../../internal/prom-element.js';
import { themeTokens } from '../../theme/theme.js';
import { formControlStyles } from '../../theme/form-controls.js';
import { spinnerStyles } from '../../theme/spinner.js';
import { loadStateStyles } from '../../theme/load-state.js';
import { ago, alertValue, countRules, filterRules, ruleState, stateLabel, took, type RuleGroupStatus, type RuleShow, type RuleStatus } from './rules-view.js';
import { rulesStyles } from './rules.styles.js';

type LoadState = { state: 'idle' } | { state: 'loading' } | { state: 'ready'; groups: RuleGroupStatus[]; at: number } | { state: 'error'; message: string };

/**
 * The rules a Prometheus evaluates, from `/api/v1/rules`: each group (file, interval, last
 * evaluation) and its rules with health, alert state and active alerts, last evaluation, time
 * taken and the last error, so a team sees the rules it generated running. A filter box and
 * a "show" choice narrow the list; `refresh` reloads it on a timer.
 *
 * @tagname prom-rules
 * @summary The server's recording and alerting rules with health, state, last evaluation and errors.
 * @csspart base - The view.
 * @csspart summary - The counts above the groups.
 * @csspart group - One rule group.
 * @csspart rule - One rule.
 * @csspart error - A rule's last evaluation error.
 * @cssprop --prom-font-family - Font of text and controls.
 * @cssprop --prom-font-size - Base font size (default 12px).
 * @cssprop --prom-code-font-family - Font of the rules' queries (default a monospace stack).
 * @cssprop --prom-color-text - Text colour.
 * @cssprop --prom-color-text-muted - Group details, times and labels.
 * @cssprop --prom-color-background - Background.
 * @cssprop --prom-color-surface - Group headers and label chips.
 * @cssprop --prom-color-border - Borders.
 * @cssprop --prom-color-focus - Focus ring.
 * @cssprop --prom-color-red - Firing alerts and errors.
 * @cssprop --prom-color-orange - Pending alerts.
 * @cssprop --prom-color-green - Rules that are fine.
 */
export class PromRules extends PromElement {
  static override styles = [themeTokens, formControlStyles, spinnerStyles, loadStateStyles, rulesStyles];

  /** @internal Lit's reactive property table. */
  static override properties = {
    url: { type: String },
    client: { attribute: false },
    clientOptions: { attribute: false },
    type: { type: String },
    filter: { type: String },
    show: { type: String },
    refresh: { type: String },
    theme: { type: String, reflect: true },
    _load: { state: true },
  };

  /** Prometheus base URL, when no `client` is given. */
  declare url: string | undefined;
  /** A client to use instead of one built from `url` (auth, tenant, backend preset, proxy). */
  declare client: PrometheusClient | undefined;
  /** Options for the client built from `url` (fetch, timeout, retries, headers). */
  declare clientOptions: ClientFactoryOptions['clientOptions'] | undefined;
  /** `alert` or `record` for only that kind (the server filters); all when unset. */
  declare type: 'alert' | 'record' | undefined;
  /** Words every listed rule has in its name, query, labels, group or file. */
  declare filter: string;
  /** `all` rules, only `alerting` ones, or only `problems` (firing, pending, failing). */
  declare show: RuleShow;
  /** Reload interval as a duration (`30s`, `1m`); none when unset. */
  declare refresh: string | undefined;
  /** light, dark or auto (follow the system). */
  declare theme: 'light' | 'dark' | 'auto' | undefined;

  /** @internal Loading, the groups, or the error. */
  declare _load: LoadState;

  #abort: AbortController | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;
  #ownClient: { key: string; options: ClientFactoryOptions['clientOptions'] | undefined; client: PrometheusClient } | undefined;

  constructor() {
    super();
    this.filter = '';
    this.show = 'all';
    this._load = { state: 'idle' };
  }

  /** The groups as last loaded (undefined before the first answer). */
  get groups(): RulesResult['groups'] | undefined {
    return this._load.state === 'ready' ? this._load.groups : undefined;
  }

  /** Loads the rules again (Retry and `refresh` do this); resolves when shown. */
  async reload(): Promise<void> {
    this.#abort?.abort();
    const client = this.#client();
    if (!client) {
      this._load = { state: 'idle' };
      return;
    }
    const abort = (this.#abort = new AbortController());
    // A refresh keeps the rules on screen; only the first load shows the spinner.
    if (this._load.state !== 'ready') this._load = { state: 'loading' };
    try {
      const answer = await client.rules(this.type ? { type: this.type } : {}, { signal: abort.signal });
      if (!abort.signal.aborted) this._load = { state: 'ready', groups: answer.data.groups, at: Date.now() };
    } catch (error) {
      if (abort.signal.aborted) return;
      this._load = { state: 'error', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) {
      void this.reload();
      this.#schedule();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (['url', 'client', 'clientOptions', 'type'].some((k) => changed.has(k as keyof PromRules))) {
      if (!changed.has('type')) this._load = { state: 'idle' };
      void this.reload();
    }
    if (changed.has('refresh')) this.#schedule();
  }

  /** The given client, else one for `url` (kept while `url` and the options stay). */
  #client(): PrometheusClient | undefined {
    if (this.client) return this.client;
    if (!this.url) return undefined;
    if (this.#ownClient?.key !== this.url || this.#ownClient.options !== this.clientOptions) {
      try {
        this.#ownClient = { key: this.url, options: this.clientOptions, client: new PrometheusClient({ ...(this.clientOptions ?? {}), url: this.url }) };
      } catch (error) {
        this._load = { state: 'error', message: error instanceof Error ? error.message : String(error) };
        return undefined;
      }
    }
    return this.#ownClient.client;
  }

  #schedule(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    const seconds = this.refresh ? parseDuration(this.refresh) : undefined;
    if (seconds && this.isConnected) this.#timer = setInterval(() => void this.reload(), Math.max(1, seconds) * 1000);
  }

  override render(): TemplateResult {
    const load = this._load;
    return html`<div part="base" class="rules">${this.#body(load)}</div>`;
  }

  #body(load: LoadState): TemplateResult {
    if (load.state === 'idle') return html`<p class="state" role="status">No server: set the <code>url</code> attribute or the <code>client</code> property.</p>`;
    if (load.state === 'loading') return html`<p class="state" role="status"><span class="spinner" aria-hidden="true"></span>Loading rules…</p>`;
    if (load.state === 'error')
      return html`<div class="state error" role="alert">
        <p><strong>The rules could not be loaded.</strong> ${load.message}</p>
        <button type="button" class="retry" @click=${() => void this.reload()}>Retry</button>
      </div>`;
    if (!load.groups.length) return html`<p class="state" role="status">This server evaluates no rules. Add rule files under <code>rule_files:</code> in its configuration.</p>`;
    const counts = countRules(load.groups);
    const shown = filterRules(load.groups, this.filter, this.show);
    const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
    return html`<div class="toolbar">
        <p part="summary" class="summary" aria-live="polite">
          ${plural(counts.groups, 'group')} · ${plural(counts.rules, 'rule')}
          ${counts.firing ? html`· <span class="firing">${counts.firing} firing</span>` : nothing}
          ${counts.pending ? html`· <span class="pending">${counts.pending} pending</span>` : nothing}
          ${counts.errors ? html`· <span class="error">${plural(counts.errors, 'error')}</span>` : nothing}
        </p>
        <label class="visually-hidden" for="filter">Filter rules</label>
        <input id="filter" type="search" placeholder="Filter by name, query, label or file" .value=${this.filter} @input=${(e: Event) => (this.filter = (e.target as HTMLInputElement).value)} />
        <label class="visually-hidden" for="show">Show</label>
        <select id="show" .value=${this.show} @change=${(e: Event) => (this.show = (e.target as HTMLSelectElement).value as RuleShow)}>
          <option value="all" ?selected=${this.show === 'all'}>All rules</option>
          <option value="alerting" ?selected=${this.show === 'alerting'}>Alerting rules</option>
          <option value="problems" ?selected=${this.show === 'problems'}>Firing, pending or failing</option>
        </select>
      </div>
      ${shown.length ? shown.map((g, i) => this.#group(g, i, load.at)) : html`<p class="state" role="status">No rule matches. Clear the filter or show all rules.</p>`}`;
  }

  #group(group: RuleGroupStatus, index: number, now: number): TemplateResult {
    return html`<section part="group" class="group" aria-labelledby=${`group-${index}`}>
      <header>
        <h3 id=${`group-${index}`}>${group.name}</h3>
        <span class="meta">${group.file} · every ${took(group.interval)} · evaluated ${ago(group.lastEvaluation, now)}${group.evaluationTime !== undefined ? ` in ${took(group.evaluationTime)}` : ''}</span>
      </header>
      <ul class="list">${group.rules.map((r) => this.#rule(r, now))}</ul>
    </section>`;
  }

  #rule(rule: RuleStatus, now: number): TemplateResult {
    const state = ruleState(rule);
    const labels = Object.entries(rule.labels ?? {});
    const active = rule.type === 'alerting' ? rule.alerts.filter((a) => a.state !== 'inactive') : [];
    return html`<li part="rule" class="rule">
      <div class="head">
        <span class="kind">${rule.type === 'alerting' ? 'alert' : 'record'}</span>
        <span class="name">${rule.name}</span>
        <span class=${`badge ${state}`}>${stateLabel(rule)}</span>
      </div>
      <code class="query">${rule.query}</code>
      ${labels.length ? html`<span class="labels">${labels.map(([k, v]) => html`<span class="label">${k}=${v}</span>`)}</span>` : nothing}
      <span class="meta">evaluated ${ago(rule.lastEvaluation, now)}${rule.evaluationTime !== undefined ? ` in ${took(rule.evaluationTime)}` : ''}${rule.type === 'alerting' && rule.duration ? ` · for ${took(rule.duration)}` : ''}</span>
      ${rule.lastError ? html`<p part="error" class="rule-error" role="alert">${rule.lastError}</p>` : nothing}
      ${active.length
        ? html`<details class="alerts">
            <summary>${active.length} active alert${active.length === 1 ? '' : 's'}</summary>
            <ul>
              ${active.map(
                (a) => html`<li>
                  <span class=${`badge ${a.state}`}>${a.state}</span>
                  <span class="labels">${Object.entries(a.labels).filter(([k]) => k !== 'alertname').map(([k, v]) => html`<span class="label">${k}=${v}</span>`)}</span>
                  <span class="meta">value ${alertValue(a.value)}${a.activeAt ? ` · since ${ago(a.activeAt, now).replace(' ago', '')}` : ''}</span>
                </li>`,
              )}
            </ul>
          </details>`
        : nothing}
    </li>`;
  }
}
