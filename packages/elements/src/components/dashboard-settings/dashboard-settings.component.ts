import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { TIME_RANGE_PRESETS, type Dashboard, type DashboardLink } from '@promkit/core';
import { addLink, moveLink, removeLink, setSettings, updateLink } from '@promkit/core/edit';
import { PromElement } from '../../internal/prom-element.js';
import { tryEdit, type Draft } from '../../internal/field-drafts.js';
import { themeTokens } from '../../theme/theme.js';
import { formControlStyles } from '../../theme/form-controls.js';
import { editorFormStyles } from '../../theme/editor-form.js';
import { PromDefinitionChangeEvent } from '../../events/definition-change-event.js';
import { dashboardSettingsStyles } from './dashboard-settings.styles.js';

/** Auto-refresh intervals offered ('' off); a dashboard's other interval is listed too. */
export const SETTINGS_REFRESH_INTERVALS = ['', '5s', '10s', '30s', '1m', '5m', '15m', '30m', '1h', '2h', '1d'] as const;

type LinkField = 'title' | 'url' | 'tooltip';
/** A new link to the dashboards of the page's store by tag (Grafana's "dashboards" link). */
const TAG_LINK: DashboardLink = { type: 'dashboards', title: 'Related dashboards', tags: [] };

/** The IANA zones the browser knows, plus promkit's two names. */
function timeZones(): string[] {
  const intl = Intl as { supportedValuesOf?: (key: string) => string[] };
  return ['browser', 'utc', ...(intl.supportedValuesOf?.('timeZone') ?? [])];
}

/**
 * Edits a dashboard's own settings: title, description, tags, time range, refresh, timezone, week
 * start and links. Every edit that leaves a valid dashboard is fired as `prom-definition-change`;
 * a refused value stays in its field with its problem beside it. No Apply or Cancel of its own:
 * the host (the builder's drawer) has them.
 *
 * @tagname prom-dashboard-settings
 * @summary The dashboard settings form of the builder.
 * @fires prom-definition-change - After each edit leaving a valid dashboard. `detail.dashboard` is the whole edited definition.
 * @csspart base - The form.
 * @cssprop --prom-font-family - Font of text and controls.
 * @cssprop --prom-font-size - Base font size (default 12px).
 * @cssprop --prom-color-text - Text colour.
 * @cssprop --prom-color-text-muted - Labels and hints.
 * @cssprop --prom-color-background - Background of the form and its inputs.
 * @cssprop --prom-color-surface - Section headers and chips.
 * @cssprop --prom-color-border - Borders of sections and inputs.
 * @cssprop --prom-color-focus - Focus ring and add buttons.
 * @cssprop --prom-color-red - Problems with a value.
 */
export class PromDashboardSettings extends PromElement {
  static override styles = [themeTokens, formControlStyles, editorFormStyles, dashboardSettingsStyles];

  /** @internal Lit's reactive property table. */
  static override properties = {
    dashboard: { attribute: false },
    theme: { type: String, reflect: true },
    _edited: { state: true },
    _drafts: { state: true },
    _linkIds: { state: true },
    _tagText: { state: true },
  };

  /** The definition to edit; setting it resets the form to it. */
  declare dashboard: Dashboard | undefined;
  /** light, dark or auto (follow the system). */
  declare theme: 'light' | 'dark' | 'auto' | undefined;

  /** @internal The definition with every accepted edit: the state. */
  declare _edited: Dashboard | undefined;
  /** @internal Refused text by field key (`title`, `time.from`, `link-3-url`). */
  declare _drafts: Readonly<Record<string, Draft>>;
  /** @internal A stable id per link (keys its fields through moves). */
  declare _linkIds: readonly number[];
  /** @internal What is typed in the tag input. */
  declare _tagText: string;

  #nextLinkId = 1;
  /** The definition last fired (or given): an edit clearing the last problem fires when it differs. */
  #fired: Dashboard | undefined;
  #focusAfter: string | undefined;

  constructor() {
    super();
    this._drafts = {};
    this._linkIds = [];
    this._tagText = '';
  }

  /** The edited definition now, or undefined while a field holds something invalid. */
  get value(): Dashboard | undefined {
    return Object.keys(this._drafts).length === 0 ? this._edited : undefined;
  }

  /** The problems now, with their paths into the dashboard (`time.from`, `links[1].url`). */
  get problems(): readonly { path: string; message: string }[] {
    return Object.keys(this._drafts).map((key) => ({ path: this.#pathOf(key), message: this._drafts[key]!.message }));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('dashboard')) {
      this._edited = this.dashboard;
      this.#fired = this.dashboard;
      this._drafts = {};
      this._tagText = '';
      this._linkIds = (this.dashboard?.links ?? []).map(() => this.#nextLinkId++);
    }
  }

  protected override updated(): void {
    if (this.#focusAfter) {
      this.renderRoot.querySelector<HTMLElement>(`#${this.#focusAfter}`)?.focus();
      this.#focusAfter = undefined;
    }
  }

  /** The dashboard path of a field key. */
  #pathOf(key: string): string {
    const link = /^link-(\d+)-(\w+)$/.exec(key);
    if (!link) return key;
    return `links[${this._linkIds.indexOf(Number(link[1]))}].${link[2]}`;
  }

  /** The field key of a dashboard path. */
  #keyOf(path: string): string {
    const link = /^links\[(\d+)\]\.(\w+)/.exec(path);
    if (!link) return path;
    return `link-${this._linkIds[Number(link[1])] ?? 'x'}-${link[2]}`;
  }

  /**
   * One edit of the fields `texts` (key → what is in the field): the new dashboard, or each
   * field's problem kept beside the text typed. Fires the change when nothing is left invalid.
   */
  #edit(texts: Record<string, string>, change: (d: Dashboard) => Dashboard, ids: readonly number[] = this._linkIds): void {
    const current = this._edited;
    if (!current) return;
    const { next, drafts } = tryEdit(current, this._drafts, texts, change, (path) => this.#keyOf(path));
    this._drafts = drafts;
    if (!next) return;
    this._linkIds = ids;
    if (JSON.stringify(next) !== JSON.stringify(current)) this._edited = next;
    // Fired when valid and not yet fired: also when fixing the last refused field brings back a value unchanged.
    if (Object.keys(drafts).length > 0 || JSON.stringify(this._edited) === JSON.stringify(this.#fired)) return;
    this.#fired = this._edited;
    this.dispatchEvent(new PromDefinitionChangeEvent({ dashboard: this._edited! }));
  }

  /** The text a field shows: what was typed when refused, else the dashboard's. */
  #text(key: string, value: string | number | undefined): string {
    return this._drafts[key]?.text ?? (value === undefined ? '' : String(value));
  }

  #problem(key: string): TemplateResult | typeof nothing {
    const draft = this._drafts[key];
    return draft ? html`<p class="problem" id=${`${key}-problem`} role="alert">${draft.message}</p>` : nothing;
  }

  /** aria-invalid and aria-describedby of a control. */
  #invalid(key: string): { invalid: string; describedBy: string | typeof nothing } {
    return this._drafts[key] ? { invalid: 'true', describedBy: `${key}-problem` } : { invalid: 'false', describedBy: nothing };
  }

  #textField(key: string, label: string, value: string | number | undefined, commit: (text: string) => void, opts: { placeholder?: string; list?: string; hint?: string; required?: boolean } = {}): TemplateResult {
    const a = this.#invalid(key);
    return html`<div class="field">
      <label for=${key}>${label}${opts.required ? html`<span class="required" aria-hidden="true"> *</span>` : nothing}</label>
      <input
        id=${key}
        type="text"
        spellcheck="false"
        autocomplete="off"
        ?required=${opts.required ?? false}
        list=${opts.list ?? nothing}
        placeholder=${opts.placeholder ?? nothing}
        aria-invalid=${a.invalid}
        aria-describedby=${a.describedBy}
        .value=${this.#text(key, value)}
        @change=${(e: Event) => commit((e.target as HTMLInputElement).value)}
      />
      ${this.#problem(key)}${!this._drafts[key] && opts.hint ? html`<p class="hint">${opts.hint}</p>` : nothing}
    </div>`;
  }

  override render(): TemplateResult {
    const d = this._edited;
    if (!d) return html`<div part="base" class="empty" role="status">No dashboard to edit: set the <code>dashboard</code> property.</div>`;
    return html`<form part="base" class="form" @submit=${(e: Event) => e.preventDefault()}>
      ${this.#section('general', 'General', this.#general(d))}
      ${this.#section('time', 'Time', this.#time(d))}
      ${this.#section('links', 'Links', this.#links(d), html`<button type="button" class="add" id="add-link" @click=${() => this.#addLink()}>+ Add link</button><button type="button" class="add" id="add-tag-link" @click=${() => this.#addLink(TAG_LINK)}>+ Dashboards by tag</button>`)}
    </form>`;
  }

  #section(id: string, title: string, body: TemplateResult, extra: TemplateResult | typeof nothing = nothing): TemplateResult {
    return html`<section class="section" aria-labelledby=${`${id}-heading`}>
      <header class="section-head"><h3 id=${`${id}-heading`}>${title}</h3>${extra}</header>
      <div class="section-body">${body}</div>
    </section>`;
  }

  #general(d: Dashboard): TemplateResult {
    return html`
      ${this.#textField('title', 'Title', d.title, (text) => this.#edit({ title: text }, (x) => setSettings(x, { title: text })), { required: true })}
      <div class="field">
        <label for="description">Description</label>
        <textarea id="description" rows="3" .value=${d.description ?? ''} @change=${(e: Event) => {
          const text = (e.target as HTMLTextAreaElement).value;
          this.#edit({ description: text }, (x) => setSettings(x, { description: text }));
        }}></textarea>
      </div>
      ${this.#tags(d)}
    `;
  }

  #setTags(tags: string[]): void {
    this.#edit({ tags: '' }, (x) => setSettings(x, { tags }));
  }

  #tagKey(e: KeyboardEvent, d: Dashboard): void {
    const input = e.target as HTMLInputElement;
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      const tag = input.value.trim();
      if (tag !== '') this.#setTags([...d.tags, tag]);
      this._tagText = '';
      input.value = '';
    } else if (e.key === 'Backspace' && input.value === '' && d.tags.length > 0) {
      e.preventDefault();
      this.#setTags(d.tags.slice(0, -1));
    }
  }

  #tags(d: Dashboard): TemplateResult {
    return html`<div class="field">
      <label for="tags">Tags</label>
      <div class="chips">
        <ul class="chip-list" aria-label="Tags">
          ${d.tags.map(
            (tag, i) => html`<li class="chip">
              <span>${tag}</span>
              <button type="button" class="chip-remove" aria-label=${`Remove tag ${tag}`} @click=${() => {
                this.#setTags(d.tags.filter((_, j) => j !== i));
                this.#focusAfter = 'tags';
              }}>×</button>
            </li>`,
          )}
        </ul>
        <input
          id="tags"
          type="text"
          autocomplete="off"
          placeholder=${d.tags.length === 0 ? 'Type a tag, then Enter' : 'Add a tag'}
          aria-describedby="tags-hint"
          .value=${this._tagText}
          @input=${(e: Event) => (this._tagText = (e.target as HTMLInputElement).value)}
          @keydown=${(e: KeyboardEvent) => this.#tagKey(e, d)}
          @blur=${(e: Event) => {
            const tag = (e.target as HTMLInputElement).value.trim();
            if (tag !== '') this.#setTags([...d.tags, tag]);
            this._tagText = '';
          }}
        />
      </div>
      <p class="hint" id="tags-hint">Enter or comma adds a tag; Backspace in the empty field removes the last.</p>
    </div>`;
  }

  #setTime(from: string, to: string): void {
    const raw = (text: string, old: string | number) => (String(old) === text ? old : text);
    const time = this._edited!.time;
    this.#edit({ 'time.from': from, 'time.to': to }, (x) => setSettings(x, { time: { from: raw(from, time.from), to: raw(to, time.to) } }));
  }

  #time(d: Dashboard): TemplateResult {
    const from = this.#text('time.from', d.time.from);
    const to = this.#text('time.to', d.time.to);
    const preset = TIME_RANGE_PRESETS.find((p) => p.from === from && p.to === to);
    const refreshes: string[] = [...SETTINGS_REFRESH_INTERVALS];
    if (!refreshes.includes(d.refresh)) refreshes.push(d.refresh);
    const zoneKey = 'timezone';
    const zone = this.#invalid(zoneKey);
    return html`
      <div class="field">
        <label for="time-preset">Default time range</label>
        <select id="time-preset" @change=${(e: Event) => {
          const p = TIME_RANGE_PRESETS[Number((e.target as HTMLSelectElement).value)];
          if (p) this.#setTime(p.from, p.to);
        }}>
          <option value="" ?selected=${!preset}>Custom</option>
          ${TIME_RANGE_PRESETS.map((p, i) => html`<option value=${String(i)} ?selected=${p === preset}>${p.label}</option>`)}
        </select>
      </div>
      <div class="grid-2">
        ${this.#textField('time.from', 'From', d.time.from, (text) => this.#setTime(text, this.#text('time.to', this._edited!.time.to)), { placeholder: 'now-6h', hint: 'now-6h, now/d or 2024-05-01T12:00:00Z' })}
        ${this.#textField('time.to', 'To', d.time.to, (text) => this.#setTime(this.#text('time.from', this._edited!.time.from), text), { placeholder: 'now' })}
      </div>
      <div class="grid-2">
        <div class="field">
          <label for="refresh">Auto-refresh</label>
          <select id="refresh" @change=${(e: Event) => {
            const refresh = (e.target as HTMLSelectElement).value;
            this.#edit({ refresh }, (x) => setSettings(x, { refresh }));
          }}>
            ${refreshes.map((r) => html`<option value=${r} ?selected=${r === d.refresh}>${r === '' ? 'Off' : r}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="week-start">Week starts on</label>
          <select id="week-start" @change=${(e: Event) => {
            const weekStart = (e.target as HTMLSelectElement).value as Dashboard['weekStart'];
            this.#edit({ weekStart }, (x) => setSettings(x, { weekStart }));
          }}>
            <option value="monday" ?selected=${d.weekStart === 'monday'}>Monday</option>
            <option value="sunday" ?selected=${d.weekStart === 'sunday'}>Sunday</option>
          </select>
        </div>
      </div>
      <div class="field">
        <label for=${zoneKey}>Timezone</label>
        <input
          id=${zoneKey}
          type="text"
          spellcheck="false"
          autocomplete="off"
          list="timezones"
          placeholder="browser"
          aria-invalid=${zone.invalid}
          aria-describedby=${zone.describedBy}
          .value=${this.#text(zoneKey, d.timezone)}
          @change=${(e: Event) => {
            const timezone = (e.target as HTMLInputElement).value;
            this.#edit({ timezone }, (x) => setSettings(x, { timezone }));
          }}
        />
        <datalist id="timezones">${timeZones().map((z) => html`<option value=${z}></option>`)}</datalist>
        ${this.#problem(zoneKey)}${this._drafts[zoneKey] ? nothing : html`<p class="hint">browser (the viewer's own), utc, or an IANA name such as Europe/Berlin</p>`}
      </div>
    `;
  }

  #addLink(link?: DashboardLink): void {
    const id = this.#nextLinkId++;
    this.#edit({}, (x) => addLink(x, link), [...this._linkIds, id]);
    this.#focusAfter = `link-${id}-title`;
  }

  #moveLink(index: number, to: number, button: 'up' | 'down'): void {
    const ids = [...this._linkIds];
    const [id] = ids.splice(index, 1);
    ids.splice(to, 0, id!);
    this.#edit({}, (x) => moveLink(x, index, to), ids);
    const edge = (button === 'up' && to === 0) || (button === 'down' && to === ids.length - 1);
    this.#focusAfter = `link-${id}-${edge ? (button === 'up' ? 'down' : 'up') : button}`;
  }

  #removeLink(index: number): void {
    const id = this._linkIds[index]!;
    const drafts = { ...this._drafts };
    for (const key of Object.keys(drafts)) if (key.startsWith(`link-${id}-`)) delete drafts[key];
    this._drafts = drafts;
    const ids = this._linkIds.filter((_, i) => i !== index);
    this.#edit({}, (x) => removeLink(x, index), ids);
    this.#focusAfter = ids.length === 0 ? 'add-link' : `link-${ids[Math.min(index, ids.length - 1)]}-remove`;
  }

  #links(d: Dashboard): TemplateResult {
    if (d.links.length === 0) return html`<p class="empty">No links. Links show in the dashboard's header.</p>`;
    const rows = d.links.map((link, index) => ({ link, index, id: this._linkIds[index]! }));
    return html`<ol class="links">
      ${repeat(rows, (r) => r.id, ({ link, index, id }) => this.#link(link, index, id, d.links.length))}
    </ol>`;
  }

  #link(link: DashboardLink, index: number, id: number, count: number): TemplateResult {
    const key = (f: string) => `link-${id}-${f}`;
    const commit = (field: LinkField) => (text: string) => {
      const i = this._linkIds.indexOf(id);
      this.#edit({ [key(field)]: text }, (x) => updateLink(x, i, { [field]: text }));
    };
    const name = link.title || `link ${index + 1}`;
    return html`<li class="card" aria-label=${`Link ${index + 1}`}>
      <div class="card-head">
        <span class="ref">${index + 1}</span>
        <span class="spacer"></span>
        <button type="button" class="icon" id=${key('up')} aria-label=${`Move ${name} up`} ?disabled=${index === 0} @click=${() => this.#moveLink(index, index - 1, 'up')}>↑</button>
        <button type="button" class="icon" id=${key('down')} aria-label=${`Move ${name} down`} ?disabled=${index === count - 1} @click=${() => this.#moveLink(index, index + 1, 'down')}>↓</button>
        <button type="button" class="icon danger" id=${key('remove')} aria-label=${`Remove ${name}`} @click=${() => this.#removeLink(index)}>×</button>
      </div>
      <div class="grid-2">
        ${this.#textField(key('title'), 'Title', link.title, commit('title'), { required: true })}
        ${link.type === 'dashboards'
          ? this.#textField(key('tags'), 'Dashboards tagged', (link.tags ?? []).join(', '), (text) => {
              const tags = text.split(',').map((t) => t.trim()).filter(Boolean);
              this.#edit({ [key('tags')]: text }, (x) => updateLink(x, this._linkIds.indexOf(id), { tags }));
            }, { placeholder: 'kafka, production (none: every dashboard)' })
          : this.#textField(key('url'), 'URL', link.url, commit('url'), { required: true, placeholder: 'https://… or /path' })}
      </div>
      ${this.#textField(key('tooltip'), 'Tooltip', link.tooltip, commit('tooltip'))}
      <label class="check" for=${key('blank')}>
        <input id=${key('blank')} type="checkbox" .checked=${link.targetBlank ?? false} @change=${(e: Event) => {
          const on = (e.target as HTMLInputElement).checked;
          this.#edit({}, (x) => updateLink(x, this._linkIds.indexOf(id), { targetBlank: on }));
        }} />
        <span>Open in a new tab</span>
      </label>
    </li>`;
  }
}
