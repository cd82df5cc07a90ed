import { PromTimeRange } from './time-range.component.js';

export { PromTimeRange };
PromTimeRange.define('prom-time-range');

declare global {
  interface HTMLElementTagNameMap {
    'prom-time-range': PromTimeRange;
  }
}
