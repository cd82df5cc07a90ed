import { PromRefreshPicker } from './refresh-picker.component.js';

export { PromRefreshPicker };
PromRefreshPicker.define('prom-refresh-picker');

declare global {
  interface HTMLElementTagNameMap {
    'prom-refresh-picker': PromRefreshPicker;
  }
}
