import { PromEditFrame } from './edit-frame.component.js';

export { PromEditFrame };
PromEditFrame.define('prom-edit-frame');

declare global {
  interface HTMLElementTagNameMap {
    'prom-edit-frame': PromEditFrame;
  }
}
