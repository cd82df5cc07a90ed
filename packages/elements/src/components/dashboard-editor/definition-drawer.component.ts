import { css, html, nothing, type TemplateResult } from 'lit';
import type { Dashboard } from '@promkit/core';
import { formControlStyles } from '../../theme/form-controls.js';
import { drawerStyles } from './drawer.styles.js';
import { EditDrawer, rangeOf, type PanelEditorSource } from './edit-drawer.js';
import '../dashboard-settings/dashboard-settings.js';
import '../variables-editor/variables-editor.js';
import '../dashboard-json/dashboard-json.js';
import '../datasource-editor/datasource-editor.js';

/** The parts of a dashboard edited as a whole in this drawer. */
export type DefinitionPart = 'settings' | 'variables' | 'datasources' | 'json';

const TITLES: Readonly<Record<DefinitionPart, string>> = { settings: 'Dashboard settings', variables: 'Variables', datasources: 'Datasources', json: 'JSON model' };

/** What the drawer asks of the editor it holds (`<prom-dashboard-settings>`, `<prom-variables-editor>`, `<prom-datasource-editor>`, `<prom-dashboard-json>`). */
interface PartEditor extends HTMLElement {
  /** The edited definition, or undefined while something in it is invalid. */
  readonly value: Dashboard | undefined;
  readonly problems: readonly { path: string; message: string }[];
}

interface Session {
  part: DefinitionPart;
  definition: Dashboard;
  source: PanelEditorSource;
}

/**
 * The dashboard editor's drawer for the dashboard's own settings, its variables or its JSON
 * (rendered by `<prom-dashboard-editor>`).
 *
 * @tagname prom-definition-drawer
 * @summary A modal `<dialog>` docked to the right holding one of the dashboard-part editors, with
 * Apply and Cancel. `open()` resolves with the edited definition on Apply (only when it is valid:
 * otherwise the problems are named and the drawer stays open), or `undefined` on Cancel or Escape.
 * @csspart drawer - The dialog.
 * @csspart footer - The row with the status, Cancel and Apply.
 */
export class PromDefinitionDrawer extends EditDrawer<Session, Dashboard> {
  static override styles = [
    formControlStyles,
    drawerStyles,
    css`
      dialog[open] {
        display: flex;
        flex-direction: column;
      }
      .body {
        flex: 1 1 auto;
        overflow: auto;
        padding: 12px 16px;
      }
      .body > * {
        display: block;
      }
      [part='footer'] {
        position: sticky;
        bottom: 0;
        display: flex;
        align-items: center;
        gap: 8px;
        padding: 10px 16px;
        border-top: 1px solid var(--_color-border);
        background: var(--_color-background);
      }
      .blocked {
        flex: 1 1 0;
        color: var(--_color-red);
      }
      .spacer {
        flex: 1 1 0;
      }
      [part='footer'] button {
        min-height: 30px;
        padding: 4px 16px;
      }
      button.primary {
        color: #fff;
        background: var(--_color-focus);
        border-color: var(--_color-focus);
        font-weight: 600;
      }
    `,
  ];
  /** @internal Lit's reactive property table. */
  static override properties = { ...EditDrawer.properties, _blocked: { state: true } };

  /** @internal Why Apply did nothing (the editor holds problems). */
  declare _blocked: string | undefined;

  /** Opens the drawer on a part of `definition`; resolves with the edited definition, or undefined when canceled. */
  open(part: DefinitionPart, definition: Dashboard, source: PanelEditorSource): Promise<Dashboard | undefined> {
    this._blocked = undefined;
    return this.openOn({ part, definition, source });
  }

  override render(): TemplateResult {
    return this.renderDialog(
      (s) => html`<div class="body">${this.#renderEditor(s)}</div>
        <div part="footer">
          ${this._blocked ? html`<span class="blocked" role="alert">${this._blocked}</span>` : html`<span class="spacer"></span>`}
          <button class="cancel" @click=${() => this.finish(undefined)}>Cancel</button>
          <button class="apply primary" @click=${() => this.#apply()}>Apply</button>
        </div>`,
      (s) => TITLES[s.part],
    );
  }

  #renderEditor(s: Session): TemplateResult {
    const theme = this.theme ?? nothing;
    const clear = () => (this._blocked = undefined);
    switch (s.part) {
      case 'settings':
        return html`<prom-dashboard-settings data-part-editor .dashboard=${s.definition} theme=${theme} @prom-definition-change=${clear}></prom-dashboard-settings>`;
      case 'variables':
        return html`<prom-variables-editor
          data-part-editor
          .dashboard=${s.definition}
          url=${s.source.url ?? nothing}
          .resolveAuth=${s.source.resolveAuth}
          .clientOptions=${s.source.clientOptions}
          range=${rangeOf(s.definition, s.source)}
          theme=${theme}
          @prom-definition-change=${clear}
        ></prom-variables-editor>`;
      case 'datasources':
        return html`<prom-datasource-editor
          data-part-editor
          .dashboard=${s.definition}
          .resolveAuth=${s.source.resolveAuth}
          .clientOptions=${s.source.clientOptions}
          theme=${theme}
          @prom-definition-change=${clear}
        ></prom-datasource-editor>`;
      case 'json':
        return html`<prom-dashboard-json data-part-editor .dashboard=${s.definition} theme=${theme} @prom-definition-change=${clear}></prom-dashboard-json>`;
    }
  }

  /** Apply: the editor's definition when it is valid; else the drawer stays open and says why. */
  #apply(): void {
    const editor = this.renderRoot.querySelector<PartEditor>('[data-part-editor]');
    if (!editor) return;
    const value = editor.value;
    if (value) return this.finish(value);
    const [first, ...rest] = editor.problems;
    this._blocked = first
      ? `Not applied: ${first.path ? `${first.path}: ` : ''}${first.message}${rest.length ? ` (and ${rest.length} more)` : ''}. Fix it, or Cancel.`
      : 'Not applied: a field holds a value that is not valid yet. Fix it, or Cancel.';
  }
}
