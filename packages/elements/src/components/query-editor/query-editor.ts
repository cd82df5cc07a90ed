import { PromQueryEditor } from './query-editor.component.js';

export { PromQueryEditor };
PromQueryEditor.define('prom-query-editor');

declare global {
  interface HTMLElementTagNameMap {
    'prom-query-editor': PromQueryEditor;
  }
}
