import { html, nothing, svg, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Dashboard } from '@promkit/core';
import { checkDashboardJson, dashboardJson, type DashboardJsonCheck, type JsonProblem } from '@promkit/core/edit';
import { PromElement } from '../../internal/prom-element.js';
import { cssProps } from '../../internal/css-props.js';
import { themeTokens } from '../../theme/theme.js';
import { formControlStyles } from '../../theme/form-controls.js';
import { PromDefinitionChangeEvent } from '../../events/definition-change-event.js';
import { dashboardJsonStyles } from './dashboard-json.styles.js';

/** How long typing must pause before the text is checked on screen and a valid one is fired. */
const SETTLE_MS = 250;
const INDENT = '  ';

const icon = (path: ReturnType<typeof svg>) =>
  svg`<svg width="14" height="14" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" class="icon">${path}</svg>`;
const validIcon = icon(svg`<circle cx="8" cy="8" r="6.25"></circle><path d="m5.25 8.25 1.9 1.9 3.6-3.9"></path>`);
const problemIcon = icon(svg`<circle cx="8" cy="8" r="6.25"></circle><path d="M8 4.75v3.75M8 11v.25"></path>`);

/**
 * Edits a whole dashboard as JSON text, listing every problem with its path and place.
 *
 * @tagname prom-dashboard-json
 * @summary Give it a dashboard (`dashboard`); the text is checked as you type (syntax, then the
 * schema), each problem is a button that selects its place in the text, and each valid text that
 * changes the definition is fired as `prom-definition-change`. Invalid text is never fired. Tab
 * inserts two spaces; Escape then Tab moves focus on. No Apply or Cancel: the host has them.
 *
 * @fires prom-definition-change - The text became valid and differs from the last valid one (after typing pauses). `detail.dashboard` is the parsed definition.
 *
 * @csspart base - The editor's frame.
 * @csspart toolbar - The row with the status and the Format and Copy buttons.
 * @csspart status - "Valid" or the number of problems.
 * @csspart gutter - The line numbers.
 * @csspart textarea - The JSON text.
 * @csspart problems - The list of problems.
 * @csspart problem - One problem's button.
 * @cssprop --prom-font-family - Font of labels and buttons.
 * @cssprop --prom-font-size - Base font size (default 12px).
 * @cssprop --prom-font-family-mono - Font of the JSON text (default ui-monospace, SFMono-Regular, Menlo, Consolas, monospace).
 * @cssprop --prom-color-text - Text colour.
 * @cssprop --prom-color-text-muted - Line numbers, hints and paths.
 * @cssprop --prom-color-background - Background of the text.
 * @cssprop --prom-color-surface - Toolbar, gutter and hovered problems.
 * @cssprop --prom-color-border - Borders.
 * @cssprop --prom-color-focus - Focus ring.
 * @cssprop --prom-color-green - The "Valid" status.
 * @cssprop --prom-color-red - Problems.
 * @cssprop --prom-dashboard-json-height - Height of the text area (default 420px).
 */
export class PromDashboardJson extends PromElement {
  static override styles = [themeTokens, formControlStyles, dashboardJsonStyles];

  /** @internal Lit's reactive property table. */
  static override properties = {
    dashboard: { attribute: false },
    theme: { type: String, reflect: true },
    _text: { state: true },
    _shown: { state: true },
    _scrollTop: { state: true },
    _note: { state: true },
  };

  /** The definition to edit. Setting it replaces the text (edits not yet valid are dropped). */
  declare dashboard: Dashboard | undefined;
  /** light, dark or auto (follow the system). */
  declare theme: 'light' | 'dark' | 'auto' | undefined;

  /** @internal The text as typed: the state. */
  declare _text: string;
  /** @internal The check on screen: of the text as it was when typing last paused. */
  declare _shown: DashboardJsonCheck | undefined;
  /** @internal How far the text is scrolled, for the gutter to follow. */
  declare _scrollTop: number;
  /** @internal A short message after Copy or Escape ("Copied", "Tab now moves focus"). */
  declare _note: string;

  /** The last valid definition: set from outside or fired. Only a different one is fired. */
  #lastValid: Dashboard | undefined;
  /** The check of the current text (memoised by text). */
  #check: { text: string; check: DashboardJsonCheck; parses: boolean } | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Escape was pressed: the next Tab leaves the text area instead of indenting. */
  #tabLeaves = false;

  constructor() {
    super();
    this._text = '';
    this._scrollTop = 0;
    this._note = '';
  }

  /** The parsed definition when the text is valid, else undefined. */
  get value(): Dashboard | undefined {
    const check = this.#checkNow();
    return check.ok ? check.dashboard : undefined;
  }

  /** Every problem of the current text (empty when it is valid). */
  get problems(): readonly { path: string; message: string }[] {
    const check = this.#checkNow();
    return check.ok ? [] : check.problems;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#settle();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('dashboard')) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
      this._text = this.dashboard === undefined ? '' : dashboardJson(this.dashboard);
      const check = this.#checkNow();
      this.#lastValid = check.ok ? check.dashboard : this.dashboard;
      this._shown = this.dashboard === undefined ? undefined : check;
      this._note = '';
    }
  }

  #checkNow(): DashboardJsonCheck {
    return this.#checked().check;
  }

  #checked(): { text: string; check: DashboardJsonCheck; parses: boolean } {
    if (this.#check?.text !== this._text) {
      const check = checkDashboardJson(this._text);
      this.#check = { text: this._text, check, parses: parses(this._text, check) };
    }
    return this.#check;
  }

  get #textarea(): HTMLTextAreaElement | null {
    return this.renderRoot.querySelector('textarea');
  }

  /** The text changed: check it once typing pauses. */
  #changed(text: string): void {
    this._text = text;
    this._note = '';
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#settle(), SETTLE_MS);
  }

  /** Shows the current check and fires a valid definition that differs from the last one. */
  #settle(): void {
    if (this.#timer === undefined) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const check = this.#checkNow();
    this._shown = check;
    if (check.ok && !sameJson(check.dashboard, this.#lastValid)) {
      this.#lastValid = check.dashboard;
      this.dispatchEvent(new PromDefinitionChangeEvent({ dashboard: check.dashboard }));
    }
  }

  #onKeydown(event: KeyboardEvent): void {
    const area = event.currentTarget as HTMLTextAreaElement;
    if (event.key === 'Escape') {
      if (this.#tabLeaves) return; // a second Escape is the host's (a drawer closes on it)
      this.#tabLeaves = true;
      this._note = 'Tab now moves focus out of the text';
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    if (event.key === 'Tab' && !event.shiftKey && !event.ctrlKey && !event.altKey && !event.metaKey && !this.#tabLeaves) {
      event.preventDefault();
      area.setRangeText(INDENT, area.selectionStart, area.selectionEnd, 'end');
      this.#changed(area.value);
      return;
    }
    if (event.key !== 'Shift') {
      this.#tabLeaves = false;
      if (this._note.startsWith('Tab')) this._note = '';
    }
  }

  #format(): void {
    let data: unknown;
    try {
      data = JSON.parse(this._text);
    } catch {
      return;
    }
    const text = JSON.stringify(data, null, 2);
    if (text === this._text) return;
    this.#changed(text);
    this.#settle();
  }

  async #copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this._text);
      this._note = 'Copied';
    } catch {
      this._note = 'Copy was refused by the browser: select the text and press Ctrl+C';
    }
  }

  /** Focuses the text and selects the problem's place, scrolled into view. */
  #select(problem: JsonProblem): void {
    const area = this.#textarea;
    if (!area || problem.offset === undefined) return;
    area.focus();
    area.setSelectionRange(problem.offset, problem.offset + (problem.length ?? 0));
    const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 18;
    const top = ((problem.line ?? 1) - 1) * lineHeight;
    if (top < area.scrollTop || top > area.scrollTop + area.clientHeight - 2 * lineHeight) area.scrollTop = Math.max(0, top - area.clientHeight / 3);
    this._scrollTop = area.scrollTop;
  }

  protected override render() {
    const shown = this._shown;
    const problems = shown && !shown.ok ? shown.problems : [];
    const syntaxOk = this.#checked().parses;
    const lines = countLines(this._text);
    const status = shown === undefined ? 'No dashboard' : shown.ok ? 'Valid' : `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
    return html`<div part="base">
      <div part="toolbar" class="toolbar">
        <span class="label" id="label">Dashboard JSON</span>
        <span part="status" class="status ${shown === undefined ? '' : shown.ok ? 'valid' : 'invalid'}">
          ${shown === undefined ? nothing : shown.ok ? validIcon : problemIcon} ${status}
        </span>
        <span class="spacer"></span>
        <button type="button" part="format-button" ?disabled=${!syntaxOk} @click=${() => this.#format()} title="Pretty-print the text (two-space indent)">Format</button>
        <button type="button" part="copy-button" @click=${() => void this.#copy()}>Copy</button>
      </div>
      <div class="editor">
        <div part="gutter" class="gutter" aria-hidden="true">
          <div class="numbers" ${cssProps({ transform: `translateY(${-this._scrollTop}px)` })}>${lineNumbers(lines)}</div>
        </div>
        <textarea
          part="textarea"
          aria-labelledby="label"
          aria-describedby="hint"
          aria-invalid=${shown !== undefined && !shown.ok ? 'true' : 'false'}
          spellcheck="false"
          autocapitalize="off"
          autocomplete="off"
          wrap="off"
          .value=${live(this._text)}
          @input=${(e: Event) => this.#changed((e.target as HTMLTextAreaElement).value)}
          @change=${() => this.#settle()}
          @keydown=${(e: KeyboardEvent) => this.#onKeydown(e)}
          @blur=${() => (this.#tabLeaves = false)}
          @scroll=${(e: Event) => (this._scrollTop = (e.target as HTMLTextAreaElement).scrollTop)}
        ></textarea>
      </div>
      <p id="hint" class="hint">
        Tab inserts two spaces; press Escape, then Tab, to move on. Changes apply when the text is valid.
        <span class="note">${this._note}</span>
      </p>
      <section class="problems-region" aria-live="polite" aria-label="Problems">
        ${problems.length === 0
          ? nothing
          : html`<ul part="problems" class="problems">
              ${problems.map(
                (p) =>
                  html`<li>
                    <button type="button" part="problem" class="problem" @click=${() => this.#select(p)}>
                      <span class="where">${p.line === undefined ? '' : `${p.line}:${p.column}`}</span>
                      <code class="path">${p.path}</code>
                      <span class="message">${p.message}</span>
                    </button>
                  </li>`,
              )}
            </ul>`}
      </section>
    </div>`;
  }
}

/** Whether the text is JSON at all (Format needs it; schema problems do not stop it). */
function parses(text: string, check: DashboardJsonCheck): boolean {
  if (check.ok) return true;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function countLines(text: string): number {
  let n = 1;
  for (let k = text.indexOf('\n'); k !== -1; k = text.indexOf('\n', k + 1)) n++;
  return n;
}

/** "1\n2\n…" once per line count. */
const numbersCache = new Map<number, string>();
function lineNumbers(lines: number): string {
  let text = numbersCache.get(lines);
  if (text === undefined) {
    text = Array.from({ length: lines }, (_, k) => k + 1).join('\n');
    numbersCache.clear();
    numbersCache.set(lines, text);
  }
  return text;
}

/** Deep equality of two JSON values (key order ignored). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
