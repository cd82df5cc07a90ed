import { css, html, nothing, type TemplateResult } from 'lit';
import type { Dashboard, Panel } from '@promkit/core';
import type { PromPanelApplyEvent } from '../../events/panel-apply-event.js';
import '../panel-editor/panel-editor.js';
import { drawerStyles } from './drawer.styles.js';
import { EditDrawer, rangeOf, valuesOf, type PanelEditorSource } from './edit-drawer.js';

export type { PanelEditorSource };

/** One panel being edited in the drawer. */
interface Session {
  panel: Panel;
  definition: Dashboard;
  source: PanelEditorSource;
}

/**
 * The dashboard editor's drawer for editing one panel (rendered by `<prom-dashboard-editor>`).
 *
 * @tagname prom-panel-drawer
 * @summary A modal `<dialog>` docked to the right, full height, labelled by the panel's title,
 * holding a `<prom-panel-editor>` with the dashboard's datasources, Prometheus settings and time
 * range, its Title field focused. `open()` resolves with the applied panel, or `undefined` on
 * Cancel or Escape; the dashboard editor makes Apply one change.
 * @csspart drawer - The dialog.
 * @csspart panel-editor - The `<prom-panel-editor>` in it.
 */
export class PromPanelDrawer extends EditDrawer<Session, Panel> {
  static override styles = [
    drawerStyles,
    css`
      prom-panel-editor {
        display: block;
      }
    `,
  ];

  /** Opens the drawer on `panel` of `definition`; resolves with the applied panel, or undefined when canceled. */
  async open(panel: Panel, definition: Dashboard, source: PanelEditorSource): Promise<Panel | undefined> {
    const answer = this.openOn({ panel, definition, source });
    await this.updateComplete;
    // The dialog focused its first control; a person opening a panel's editor starts with its title.
    const editor = this.renderRoot.querySelector('prom-panel-editor');
    await editor?.updateComplete;
    editor?.shadowRoot?.querySelector<HTMLElement>('#title')?.focus();
    return answer;
  }

  override render(): TemplateResult {
    return this.renderDialog(
      (s) => html`<prom-panel-editor
        part="panel-editor"
        .panel=${s.panel}
        .datasources=${s.definition.datasources}
        .variables=${s.definition.variables}
        .variableValues=${valuesOf(s.source.variables)}
        url=${s.source.url ?? nothing}
        .resolveAuth=${s.source.resolveAuth}
        .clientOptions=${s.source.clientOptions}
        range=${rangeOf(s.definition, s.source)}
        theme=${this.theme ?? nothing}
        @prom-panel-apply=${(e: PromPanelApplyEvent) => this.finish(e.detail.panel)}
        @prom-panel-cancel=${() => this.finish(undefined)}
      ></prom-panel-editor>`,
      (s) => s.panel.title || `Panel ${s.panel.id}`,
    );
  }
}
