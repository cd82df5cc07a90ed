import { PromVariablesEditor } from './variables-editor.component.js';

export { PromVariablesEditor };
PromVariablesEditor.define('prom-variables-editor');

declare global {
  interface HTMLElementTagNameMap {
    'prom-variables-editor': PromVariablesEditor;
  }
}
