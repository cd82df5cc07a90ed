import { css, html, nothing, type TemplateResult } from 'lit';
import { TIME_RANGE_PRESETS, describeRange, parseTime, resolveTimeZone } from '@promkit/core';
import { PromElement } from '../../internal/prom-element.js';
import { clockIcon } from '../../internal/icons.js';
import { themeTokens } from '../../theme/theme.js';
import { formControlStyles } from '../../theme/form-controls.js';
import { controlStyles } from '../controls.styles.js';
import { PopoverController } from '../../controllers/popover-controller.js';
import { PromTimeRangeChangeEvent } from '../../events/time-range-change-event.js';

/**
 * Picks a time range: quick presets (last 5 minutes … 30 days, today, this week…) or absolute
 * from/to. Keyboard-operable; Escape closes the list.
 *
 * @tagname prom-time-range
 * @summary Time range picker, alone or in a dashboard toolbar.
 * @fires prom-time-range-change - The user picked a range. `detail` has `from` and `to`.
 * @csspart trigger - The button that opens the picker.
 * @csspart popover - The list of presets and the absolute fields.
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
export class PromTimeRange extends PromElement {
  static override styles = [
    themeTokens,
    formControlStyles,
    controlStyles,
    css`
      [part='popover'].align-end {
        right: 0;
      }
      .absolute {
        display: grid;
        gap: 4px;
        margin-top: 8px;
        border-top: 1px solid var(--_color-border);
        padding-top: 8px;
      }
      .problem {
        color: var(--_color-red);
      }
    `,
  ];
  /** @internal Lit's reactive property table. */
  static override properties = {
    from: { type: String, reflect: true },
    to: { type: String, reflect: true },
    timeZone: { type: String, attribute: 'time-zone' },
    theme: { type: String, reflect: true },
    _problem: { state: true },
  };

  /** Start: date math (`now-6h`), ISO 8601 or epoch ms. */
  declare from: string;
  /** End: date math, ISO 8601 or epoch ms. */
  declare to: string;
  /** IANA timezone in which absolute times are shown; default the browser's. */
  declare timeZone: string | undefined;
  declare theme: string | undefined;
  /** @internal */
  declare _problem: string | undefined;

  readonly #popover = new PopoverController(this, () => this.renderRoot.querySelector<HTMLElement>('[part="trigger"]'));

  constructor() {
    super();
    this.from = 'now-6h';
    this.to = 'now';
  }

  #pick(from: string, to: string): void {
    const event = new PromTimeRangeChangeEvent({ from, to });
    this.dispatchEvent(event);
    if (!event.defaultPrevented) {
      this.from = from;
      this.to = to;
    }
    this.#popover.open = false;
  }

  #applyAbsolute(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const from = (form.elements.namedItem('from') as HTMLInputElement).value.trim();
    const to = (form.elements.namedItem('to') as HTMLInputElement).value.trim();
    try {
      if (parseTime(from) >= parseTime(to, { roundUp: true })) throw new Error('"From" must be before "To".');
      this._problem = undefined;
      this.#pick(from, to);
    } catch (error) {
      this._problem = (error as Error).message;
    }
  }

  override render(): TemplateResult {
    const label = rangeLabel(this.from, this.to, this.timeZone);
    return html`
      <button part="trigger" aria-haspopup="dialog" aria-expanded=${this.#popover.open ? 'true' : 'false'} aria-label=${`Time range: ${label}`} @click=${() => this.#popover.toggle()}>
        ${clockIcon} ${label}
      </button>
      ${this.#popover.open
        ? html`<div part="popover" class="align-end" role="dialog" aria-label="Choose a time range">
            <ul aria-label="Quick ranges">
              ${TIME_RANGE_PRESETS.map(
                (p) => html`<li><button aria-current=${p.from === this.from && p.to === this.to ? 'true' : 'false'} @click=${() => this.#pick(p.from, p.to)}>${p.label}</button></li>`,
              )}
            </ul>
            <form class="absolute" @submit=${this.#applyAbsolute}>
              <label for="from">From</label><input id="from" name="from" .value=${this.from} autocomplete="off" />
              <label for="to">To</label><input id="to" name="to" .value=${this.to} autocomplete="off" />
              ${this._problem ? html`<span role="alert" class="problem">${this._problem}</span>` : nothing}
              <button type="submit">Apply time range</button>
            </form>
          </div>`
        : nothing}
    `;
  }
}

/** A preset's name, or each side as date math or a readable date in the timezone. */
export function rangeLabel(from: string, to: string, timeZone?: string): string {
  const preset = TIME_RANGE_PRESETS.find((p) => p.from === from && p.to === to);
  if (preset) return preset.label;
  let zone: string;
  try {
    zone = resolveTimeZone(timeZone);
  } catch {
    return describeRange({ from, to });
  }
  // 24-hour clock, as the chart axes use.
  const format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23', timeZone: zone });
  const side = (t: string) => {
    if (t.trim().startsWith('now')) return t;
    try {
      return format.format(parseTime(t, { timeZone: zone }));
    } catch {
      return t;
    }
  };
  return `${side(from)} – ${side(to)}`;
}
