import { css, html, nothing, type TemplateResult } from 'lit';
import { timeSettings, type Auth, type Dashboard, type Datasource, type Panel, type PrometheusClientOptions } from '@promkit/core';
import { PromElement } from '../../internal/prom-element.js';
import type { PromPanelApplyEvent } from '../../events/panel-apply-event.js';
import '../panel-editor/panel-editor.js';

/** What the drawer's panel editor takes from the dashboard: the settings its panels query with. */
export interface PanelEditorSource {
  readonly url?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly resolveAuth?: ((ref: string, datasource: Datasource) => Auth | undefined) | undefined;
  readonly clientOptions?: Omit<PrometheusClientOptions, 'url' | 'backend' | 'auth' | 'tenant'> | undefined;
}

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
 * range. `open()` resolves with the applied panel, or `undefined` on Cancel or Escape; the
 * dashboard editor makes Apply one change.
 * @csspart drawer - The dialog.
 * @csspart panel-editor - The `<prom-panel-editor>` in it.
 */
export class PromPanelDrawer extends PromElement {
  // No theme tokens of its own: it inherits the dashboard's resolved ones (`--_color-*`).
  static override styles = css`
    dialog {
      box-sizing: border-box;
      position: fixed;
      inset: 0 0 0 auto;
      margin: 0;
      width: min(1100px, 100vw);
      max-width: 100vw;
      height: 100%;
      max-height: 100%;
      padding: 0;
      border: none;
      border-left: 1px solid var(--_color-border);
      background: var(--_color-background);
      color: var(--_color-text);
      font-family: var(--_font-family);
      font-size: var(--_font-size);
      overflow: auto;
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.35);
    }
    h2 {
      margin: 0;
      padding: 12px 16px;
      font-size: 1.2em;
      font-weight: 600;
      border-bottom: 1px solid var(--_color-border);
    }
    prom-panel-editor {
      display: block;
    }
  `;
  static override properties = { theme: { type: String }, _session: { state: true } };

  declare theme: 'light' | 'dark' | 'auto' | undefined;
  /** @internal */
  declare _session: Session | undefined;

  #resolve: ((panel: Panel | undefined) => void) | undefined;

  /** Opens the drawer on `panel` of `definition`; resolves with the applied panel, or undefined when canceled. */
  async open(panel: Panel, definition: Dashboard, source: PanelEditorSource): Promise<Panel | undefined> {
    this.#finish(undefined);
    this._session = { panel, definition, source };
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog');
    if (!dialog) return undefined;
    if (!dialog.open) dialog.showModal();
    return new Promise((resolve) => (this.#resolve = resolve));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#finish(undefined);
  }

  override render(): TemplateResult {
    const s = this._session;
    const title = s ? s.panel.title || `Panel ${s.panel.id}` : '';
    return html`<dialog part="drawer" aria-labelledby="drawer-title" @close=${() => this.#finish(undefined)} @keydown=${stopUndoShortcut}>
      ${s
        ? html`<h2 id="drawer-title">${title}</h2>
            <prom-panel-editor
              part="panel-editor"
              .panel=${s.panel}
              .datasources=${s.definition.datasources}
              url=${s.source.url ?? nothing}
              .resolveAuth=${s.source.resolveAuth}
              .clientOptions=${s.source.clientOptions}
              range=${rangeOf(s)}
              theme=${this.theme ?? nothing}
              @prom-panel-apply=${(e: PromPanelApplyEvent) => this.#finish(e.detail.panel)}
              @prom-panel-cancel=${() => this.#finish(undefined)}
            ></prom-panel-editor>`
        : nothing}
    </dialog>`;
  }

  /** Closes the drawer and answers `open()` (once). */
  #finish(panel: Panel | undefined): void {
    const resolve = this.#resolve;
    this.#resolve = undefined;
    this.renderRoot?.querySelector('dialog')?.close();
    if (this._session) this._session = undefined;
    resolve?.(panel);
  }
}

/** The dashboard's time range now, as `<prom-panel range>` takes it. */
function rangeOf(s: Session): string {
  const { from, to } = timeSettings(s.definition, s.source).range;
  return `${from},${to}`;
}

/** Ctrl+Z in the drawer is the form's own, not an undo of the dashboard. */
function stopUndoShortcut(e: KeyboardEvent): void {
  if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') e.stopPropagation();
}
