import { html, type TemplateResult } from 'lit';
import { PromElement } from '../../internal/prom-element.js';
import { frameStyles } from './dashboard-editor.styles.js';

/**
 * A panel's frame in edit mode, over the panel's cell of the dashboard grid: a drag handle, a
 * resize handle and a menu button, labelled for screen readers. Inert: `<prom-dashboard-editor>`
 * hears their keys and pointers (each button has `data-edit`: `move`, `resize` or `menu`).
 *
 * @tagname prom-edit-frame
 * @summary A panel's drag handle, resize handle and menu button in edit mode.
 * @csspart drag-handle - The move handle.
 * @csspart resize-handle - The resize handle (bottom right).
 * @csspart panel-menu-button - The panel menu button.
 */
export class PromEditFrame extends PromElement {
  // No theme tokens of its own: it inherits the dashboard's resolved ones (`--_color-*`).
  static override styles = [frameStyles];
  static override properties = { label: { type: String } };

  /** The panel's name, for the handles' labels. */
  declare label: string;

  constructor() {
    super();
    this.label = 'panel';
  }

  override render(): TemplateResult {
    const name = this.label;
    return html`
      <button part="drag-handle" class="drag-handle" data-edit="move" aria-roledescription="movable panel" aria-label=${`Move ${name}`} title="Drag to move, or press Enter and use the arrow keys">
        <svg viewBox="0 0 16 16" aria-hidden="true"><circle cx="4" cy="5" r="1.2"></circle><circle cx="8" cy="5" r="1.2"></circle><circle cx="12" cy="5" r="1.2"></circle><circle cx="4" cy="11" r="1.2"></circle><circle cx="8" cy="11" r="1.2"></circle><circle cx="12" cy="11" r="1.2"></circle></svg>
      </button>
      <button part="panel-menu-button" class="menu-button" data-edit="menu" aria-haspopup="menu" aria-label=${`${name}: panel menu`} title="Panel menu">
        <svg viewBox="0 0 16 16" aria-hidden="true"><circle cx="3.5" cy="8" r="1.3"></circle><circle cx="8" cy="8" r="1.3"></circle><circle cx="12.5" cy="8" r="1.3"></circle></svg>
      </button>
      <button part="resize-handle" class="resize-handle" data-edit="resize" aria-roledescription="resize handle" aria-label=${`Resize ${name}`} title="Drag to resize, or press Enter and use the arrow keys">
        <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M14 6v8H6M14 10v4h-4"></path></svg>
      </button>
    `;
  }
}
