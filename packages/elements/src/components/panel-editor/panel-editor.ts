import { PromPanelEditor } from './panel-editor.component.js';
// The preview is a <prom-panel>: registered with the editor.
import '../panel/panel.js';

export { PromPanelEditor };
PromPanelEditor.define('prom-panel-editor');

declare global {
  interface HTMLElementTagNameMap {
    'prom-panel-editor': PromPanelEditor;
  }
}
