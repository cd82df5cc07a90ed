import { html, type TemplateResult } from 'lit';
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
 * Refresh now, and pick an auto-refresh interval.
 *
 * @tagname prom-refresh-picker
 * @summary Refresh button and interval select (off, 5s, 15s, 30s, 1m, 5m).
 * @fires prom-refresh - The refresh button was pressed (`detail.reason` is `manual`).
 * @fires prom-refresh-interval-change - An interval was picked. `detail.refresh` is '' for off.
 * @csspart button - The refresh-now button.
 * @csspart select - The interval select.
 */
export class PromRefreshPicker extends PromElement {
  static override styles = [themeTokens, formControlStyles, controlStyles];
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
    const options = REFRESH_INTERVALS.includes(this.refresh as (typeof REFRESH_INTERVALS)[number]) ? REFRESH_INTERVALS : [...REFRESH_INTERVALS, this.refresh];
    return html`
      <button part="button" aria-label="Refresh now" title="Refresh now" @click=${() => this.dispatchEvent(new PromRefreshEvent({ reason: 'manual' }))}>${refreshIcon}</button>
      <select part="select" aria-label="Auto-refresh interval" .value=${this.refresh} @change=${this.#change}>
        ${options.map((o) => html`<option value=${o} ?selected=${o === this.refresh}>${o === '' ? 'Off' : o}</option>`)}
      </select>
    `;
  }
}
