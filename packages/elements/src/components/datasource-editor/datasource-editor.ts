import { PromDatasourceEditor } from './datasource-editor.component.js';

export { PromDatasourceEditor };
PromDatasourceEditor.define('prom-datasource-editor');

declare global {
  interface HTMLElementTagNameMap {
    'prom-datasource-editor': PromDatasourceEditor;
  }
}
