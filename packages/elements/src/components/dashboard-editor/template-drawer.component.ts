import { css, html, nothing, type TemplateResult } from 'lit';
import type { Dashboard } from '@promkit/core';
import type { PromTemplateAddEvent } from '../../events/template-add-event.js';
import { formControlStyles } from '../../theme/form-controls.js';
import '../template-gallery/template-gallery.js';
import { drawerStyles } from './drawer.styles.js';
import { EditDrawer, rangeOf, type PanelEditorSource } from './edit-drawer.js';
import type { PanelLibraryClient } from '../../stores/dashboard-store.js';

interface Session {
  definition: Dashboard;
  source: PanelEditorSource;
  library: PanelLibraryClient | undefined;
}

/** What the gallery asks to add. */
export type TemplateAddition = PromTemplateAddEvent['detail'];

/**
 * The dashboard editor's drawer for "From template" (rendered by `<prom-dashboard-editor>`).
 *
 * @tagname prom-template-drawer
 * @summary A modal `<dialog>` docked to the right holding a `<prom-template-gallery>` whose
 * previews query like the dashboard's panels, the dashboard store's saved panels among them when
 * it keeps a library. `open()` resolves with what the gallery's Add asked
 * for (the dashboard editor makes it one change), or `undefined` on Close or Escape.
 * @csspart drawer - The dialog.
 * @csspart gallery - The `<prom-template-gallery>` in it.
 * @csspart footer - The row with Close.
 */
export class PromTemplateDrawer extends EditDrawer<Session, TemplateAddition> {
  static override styles = [
    formControlStyles,
    drawerStyles,
    css`
      prom-template-gallery {
        padding: 12px 16px;
      }
      [part='footer'] {
        position: sticky;
        bottom: 0;
        display: flex;
        justify-content: flex-end;
        padding: 10px 16px;
        border-top: 1px solid var(--_color-border);
        background: var(--_color-background);
      }
    `,
  ];

  /** Opens the gallery for `definition` (with `library`'s saved panels); resolves with the panels and variables to add, or undefined when closed. */
  open(definition: Dashboard, source: PanelEditorSource, library?: PanelLibraryClient): Promise<TemplateAddition | undefined> {
    return this.openOn({ definition, source, library });
  }

  override render(): TemplateResult {
    return this.renderDialog(
      (s) => html`<prom-template-gallery
          part="gallery"
          .dashboard=${s.definition}
          .library=${s.library}
          url=${s.source.url ?? nothing}
          range=${rangeOf(s.definition, s.source)}
          theme=${this.theme ?? nothing}
          @prom-template-add=${(e: PromTemplateAddEvent) => this.finish(e.detail)}
        ></prom-template-gallery>
        <div part="footer"><button class="close" @click=${() => this.finish(undefined)}>Close</button></div>`,
      () => 'Add panels from a template',
    );
  }
}
