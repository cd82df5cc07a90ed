/**
 * What the edit drawers share: a modal `<dialog>` opened on a session, answering `open()` once —
 * with the edited result, or `undefined` on Cancel, Escape or removal.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { timeSettings, type Auth, type Dashboard, type Datasource, type PrometheusClientOptions, type ResolvedVariable, type VariableValues } from '@promkit/core';
import { PromElement } from '../../internal/prom-element.js';

/** What a drawer's editor takes from the dashboard: the settings its panels query with. */
export interface PanelEditorSource {
  readonly url?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly resolveAuth?: ((ref: string, datasource: Datasource) => Auth | undefined) | undefined;
  readonly clientOptions?: Omit<PrometheusClientOptions, 'url' | 'backend' | 'auth' | 'tenant'> | undefined;
  /** The dashboard's variables as resolved now (a query's Test fills them in). */
  readonly variables?: ReadonlyMap<string, ResolvedVariable> | undefined;
}

/** A drawer of `Session`s answering with a `Result`. */
export abstract class EditDrawer<Session, Result> extends PromElement {
  /** @internal Lit's reactive property table. */
  static override properties = { theme: { type: String }, _session: { state: true } };

  declare theme: 'light' | 'dark' | 'auto' | undefined;
  /** @internal */
  declare _session: Session | undefined;

  #resolve: ((result: Result | undefined) => void) | undefined;

  /** Shows `session` in the dialog; resolves when it is finished. */
  protected async openOn(session: Session): Promise<Result | undefined> {
    this.finish(undefined);
    this._session = session;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog');
    if (!dialog) return undefined;
    if (!dialog.open) dialog.showModal();
    return new Promise((resolve) => (this.#resolve = resolve));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.finish(undefined);
  }

  /** The dialog, titled, with `body` when a session is open. */
  protected renderDialog(body: (session: Session) => TemplateResult, title: (session: Session) => string): TemplateResult {
    const s = this._session;
    return html`<dialog part="drawer" aria-labelledby="drawer-title" @close=${this.#onClose} @keydown=${stopUndoShortcut}>
      ${s ? html`<h2 id="drawer-title">${title(s)}</h2>${body(s)}` : nothing}
    </dialog>`;
  }

  /**
   * Escape closed the dialog. The close event of an earlier session comes a task after its
   * close(): when the drawer was opened again meanwhile, the dialog is open and that event is old.
   */
  readonly #onClose = (e: Event) => {
    if (!(e.currentTarget as HTMLDialogElement).open) this.finish(undefined);
  };

  /** Closes the drawer and answers `open()` (once). */
  protected finish(result: Result | undefined): void {
    const resolve = this.#resolve;
    this.#resolve = undefined;
    this.renderRoot?.querySelector('dialog')?.close();
    if (this._session) this._session = undefined;
    resolve?.(result);
  }
}

/** The dashboard's time range now, as `<prom-panel range>` takes it. */
export function rangeOf(definition: Dashboard, source: PanelEditorSource): string {
  const { from, to } = timeSettings(definition, source).range;
  return `${from},${to}`;
}

/** Ctrl+Z in a drawer is the form's own, not an undo of the dashboard. */
function stopUndoShortcut(e: KeyboardEvent): void {
  if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') e.stopPropagation();
}

/** What interpolation takes of resolved variables: each one's value. */
export function valuesOf(variables: ReadonlyMap<string, ResolvedVariable> | undefined): VariableValues {
  return Object.fromEntries([...(variables ?? [])].map(([name, v]) => [name, v.value]));
}
