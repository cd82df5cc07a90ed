import { html, type TemplateResult } from 'lit';
import { parseDuration } from '@promkit/core';
import { PromElement } from '../../internal/prom-element.js';
import { refreshIcon } from '../../internal/icons.js';
import { themeTokens } from '../../theme/theme.js';
import { formControlStyles } from '../../theme/form-controls.js';
import { controlStyles } from '../controls.styles.js';
import { PromRefreshEvent } from '../../events/refresh-event.js';
import { PromRefreshIntervalChangeEvent } from '../../events/refresh-interval-change-event.js';

/** Intervals offered, '' being off. */
export const REFRESH_INTERVALS = ['', '5s', '15s', '30s', '1m', '5m'] as const;

/**
 * The intervals to list: the presets, plus `current` when it is none of them, put before the first
 * longer preset (a value that is no duration goes last).
 */
function intervalsWith(current: string): string[] {
  const options: string[] = [...REFRESH_INTERVALS];
  if (options.includes(current)) return options;
  const seconds = parseDuration(current);
  const longer = seconds === undefined ? -1 : options.findIndex((o) => o !== '' && parseDuration(o)! > seconds);
  options.splice(longer === -1 ? options.length : longer, 0, current);
  return options;
}

/**
 * Refresh now, and pick an auto-refresh interval.
 *
 * @tagname prom-refresh-picker
 * @summary Refresh button and interval select (off, 5s, 15s, 30s, 1m, 5m).
 * @fires prom-refresh - The refresh button was pressed (`detail.reason` is `manual`).
 * @fires prom-refresh-interval-change - An interval was picked. `detail.refresh` is '' for off.
 * @csspart button - The refresh-now button.
 * @csspart select - The interval select.
 * @cssprop --prom-font-family - Font of text and charts.
 * @cssprop --prom-font-size - Base font size (default 12px).
 * @cssprop --prom-color-text - Text colour.
 * @cssprop --prom-color-text-muted - Secondary text: labels, hints, axis labels.
 * @cssprop --prom-color-background - Background of panels, popovers and inputs.
 * @cssprop --prom-color-surface - Hover and raised surfaces; the dashboard page behind the panels.
 * @cssprop --prom-color-border - Borders of panels, popovers and inputs.
 * @cssprop --prom-color-focus - Focus ring, loading spinner and links.
 */
export class PromRefreshPicker extends PromElement {
  static override styles = [themeTokens, formControlStyles, controlStyles];
  /** @internal Lit's reactive property table. */
  static override properties = {
    refresh: { type: String, reflect: true },
    theme: { type: String, reflect: true },
  };

  /** Auto-refresh interval, '' for off. */
  declare refresh: string;
  declare theme: string | undefined;

  constructor() {
    super();
    this.refresh = '';
  }

  #change(event: Event): void {
    const refresh = (event.target as HTMLSelectElement).value;
    const change = new PromRefreshIntervalChangeEvent({ refresh });
    this.dispatchEvent(change);
    if (!change.defaultPrevented) this.refresh = refresh;
    else (event.target as HTMLSelectElement).value = this.refresh;
  }

  override render(): TemplateResult {
    const options = intervalsWith(this.refresh);
    return html`
      <button part="button" aria-label="Refresh now" title="Refresh now" @click=${() => this.dispatchEvent(new PromRefreshEvent({ reason: 'manual' }))}>${refreshIcon}</button>
      <select part="select" aria-label="Auto-refresh interval" .value=${this.refresh} @change=${this.#change}>
        ${options.map((o) => html`<option value=${o} ?selected=${o === this.refresh}>${o === '' ? 'Off' : o}</option>`)}
      </select>
    `;
  }
}
