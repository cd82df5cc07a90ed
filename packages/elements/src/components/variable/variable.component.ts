import { css, html, nothing, type TemplateResult } from 'lit';
import { ALL_VALUE, type VariableOption, type VariableProblem } from '@promkit/core';
import { PromElement } from '../../internal/prom-element.js';
import { themeTokens } from '../../theme/theme.js';
import { formControlStyles } from '../../theme/form-controls.js';
import { controlStyles } from '../controls.styles.js';
import { PopoverController } from '../../controllers/popover-controller.js';
import { PromVariableChangeEvent } from '../../events/variable-change-event.js';

let variableCount = 0;

/**
 * A dashboard variable's value: a labelled select for single values; a searchable list of
 * checkboxes, with All, for multi-value variables. A variable that could not be resolved (its
 * query failed, is invalid, found nothing, or it is part of a cycle) shows why beside the control.
 *
 * @tagname prom-variable
 * @summary Variable select (searchable, multi, All).
 * @fires prom-variable-change - The selection changed. `detail` has `name` and `value` (`$__all` for All).
 * @csspart trigger - The button that opens a multi-value list.
 * @csspart popover - The multi-value list.
 * @csspart select - The single-value select.
 * @csspart problem - Why the variable could not be resolved (shown only then).
 * @cssprop --prom-font-family - Font of text and charts.
 * @cssprop --prom-font-size - Base font size (default 12px).
 * @cssprop --prom-color-text - Text colour.
 * @cssprop --prom-color-text-muted - Secondary text: labels, hints, axis labels.
 * @cssprop --prom-color-background - Background of panels, popovers and inputs.
 * @cssprop --prom-color-surface - Hover and raised surfaces; the dashboard page behind the panels.
 * @cssprop --prom-color-border - Borders of panels, popovers and inputs.
 * @cssprop --prom-color-focus - Focus ring, loading spinner and links.
 * @cssprop --prom-color-red - The named colour `red`; errors and problems.
 */
export class PromVariable extends PromElement {
  static override styles = [
    themeTokens,
    formControlStyles,
    controlStyles,
    css`
      :host {
        flex-wrap: wrap;
        max-width: 100%;
      }
      .search {
        width: 100%;
        margin-bottom: 6px;
      }
      .no-match {
        padding: 4px 6px;
        color: var(--_color-text-muted);
      }
      [part='problem'] {
        flex: 1 1 100%;
        max-width: 44ch;
        color: var(--_color-red);
        white-space: normal;
        overflow-wrap: anywhere;
      }
      [aria-invalid='true'] {
        border-color: var(--_color-red);
      }
    `,
  ];
  /** @internal Lit's reactive property table. */
  static override properties = {
    name: { type: String },
    label: { type: String },
    multi: { type: Boolean },
    includeAll: { type: Boolean, attribute: 'include-all' },
    theme: { type: String, reflect: true },
    options: { attribute: false },
    value: { attribute: false },
    problem: { attribute: false },
    _filter: { state: true },
  };

  /** Variable name (`$name` in queries). */
  declare name: string;
  /** Text before the control; defaults to the name. */
  declare label: string | undefined;
  declare multi: boolean;
  declare includeAll: boolean;
  declare theme: string | undefined;
  /** Choices. */
  declare options: VariableOption[];
  /** Selected value(s); `['$__all']` for All. */
  declare value: string[];
  /** Why the variable could not be resolved, if it could not. */
  declare problem: VariableProblem | undefined;
  /** @internal */
  declare _filter: string;

  readonly #id = `prom-variable-${++variableCount}`;
  readonly #popover = new PopoverController(this, () => this.renderRoot.querySelector<HTMLElement>('[part="trigger"]'));

  constructor() {
    super();
    this.name = '';
    this.multi = false;
    this.includeAll = false;
    this.options = [];
    this.value = [];
    this._filter = '';
  }

  #select(value: string[]): void {
    const event = new PromVariableChangeEvent({ name: this.name, value: this.multi ? value : (value[0] ?? '') });
    this.dispatchEvent(event);
    if (!event.defaultPrevented) this.value = value;
  }

  #toggle(option: string, checked: boolean): void {
    if (option === ALL_VALUE) {
      this.#select(checked ? [ALL_VALUE] : []);
      return;
    }
    const current = this.value.filter((v) => v !== ALL_VALUE);
    this.#select(checked ? [...current, option] : current.filter((v) => v !== option));
  }

  #summary(): string {
    if (this.value.includes(ALL_VALUE)) return 'All';
    const texts = this.value.map((v) => this.options.find((o) => o.value === v)?.text ?? v);
    if (texts.length === 0) return 'None';
    return texts.length > 2 ? `${texts.slice(0, 2).join(' + ')} + ${texts.length - 2}` : texts.join(' + ');
  }

  /** The problem in words for the control: the variable's name is already beside it. */
  #problemText(problem: VariableProblem): string {
    const prefix = `Variable $${this.name}`;
    const text = problem.message.startsWith(prefix) ? problem.message.slice(prefix.length).replace(/^:?\s*/, '') : problem.message;
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  #renderProblem(): TemplateResult | typeof nothing {
    if (!this.problem) return nothing;
    return html`<span part="problem" id=${`${this.#id}-problem`}><span aria-hidden="true">⚠ </span>${this.#problemText(this.problem)}</span>`;
  }

  override render(): TemplateResult {
    const label = this.label || this.name;
    const invalid = this.problem ? 'true' : nothing;
    const describedBy = this.problem ? `${this.#id}-problem` : nothing;
    if (!this.multi) {
      return html`<label for=${this.#id}>${label}</label>
        <select id=${this.#id} part="select" aria-invalid=${invalid} aria-describedby=${describedBy} @change=${(e: Event) => this.#select([(e.target as HTMLSelectElement).value])}>
          ${this.includeAll ? html`<option value=${ALL_VALUE} ?selected=${this.value[0] === ALL_VALUE}>All</option>` : nothing}
          ${this.options.map((o) => html`<option value=${o.value} ?selected=${this.value[0] === o.value}>${o.text}</option>`)}
        </select>
        ${this.#renderProblem()}`;
    }
    const filter = this._filter.toLowerCase();
    const shown = this.options.filter((o) => o.text.toLowerCase().includes(filter));
    const all = this.value.includes(ALL_VALUE);
    return html`<span class="label" id=${`${this.#id}-label`}>${label}</span>
      <button part="trigger" aria-haspopup="listbox" aria-expanded=${this.#popover.open ? 'true' : 'false'} aria-labelledby=${`${this.#id}-label ${this.#id}-value`} aria-invalid=${invalid} aria-describedby=${describedBy} @click=${() => this.#popover.toggle()}>
        <span id=${`${this.#id}-value`}>${this.#summary()}</span> ▾
      </button>
      ${this.#renderProblem()}
      ${this.#popover.open
        ? html`<div part="popover" role="group" aria-label=${`Values of ${label}`}>
            <input type="search" placeholder="Search" aria-label=${`Search values of ${label}`} .value=${this._filter} @input=${(e: Event) => (this._filter = (e.target as HTMLInputElement).value)} class="search" />
            <ul>
              ${this.includeAll && filter === ''
                ? html`<li><label><input type="checkbox" .checked=${all} @change=${(e: Event) => this.#toggle(ALL_VALUE, (e.target as HTMLInputElement).checked)} />All</label></li>`
                : nothing}
              ${shown.map(
                (o) => html`<li><label><input type="checkbox" .checked=${all || this.value.includes(o.value)} @change=${(e: Event) => this.#toggle(o.value, (e.target as HTMLInputElement).checked)} />${o.text}</label></li>`,
              )}
              ${shown.length === 0 ? html`<li class="no-match">No match</li>` : nothing}
            </ul>
          </div>`
        : nothing}`;
  }
}
