import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { PANEL_TYPES, validateDashboard, type Dashboard, type PanelType } from '@promkit/core';
import { addPanel, addRow, addTemplatePanels, duplicatePanel, movePanelToRow, panelJson, removePanel, updatePanel } from '@promkit/core/edit';
import { PromElement } from '../../internal/prom-element.js';
import { themeTokens } from '../../theme/theme.js';
import { formControlStyles } from '../../theme/form-controls.js';
import { PromDashboardChangeEvent } from '../../events/dashboard-change-event.js';
import { PromDashboardSaveEvent } from '../../events/dashboard-save-event.js';
import { PromPanelEditEvent } from '../../events/panel-edit-event.js';
import { PANEL_TYPE_LABELS } from '../../internal/panel-type-labels.js';
import { controlOf, describePos, moveTargets, nameOf, panelById } from './layout.js';
import { LabelledHistory } from './labelled-history.js';
import { PanelGestures } from './panel-gestures.js';
import { menuAt, renderPanelMenu, type MoveTarget, type OpenMenu, type PanelAction } from './panel-menu.js';
import { editorStyles, gridGuideStyles } from './dashboard-editor.styles.js';
import type { PanelEditorSource } from './edit-drawer.js';
import './edit-frame.js';
import './panel-drawer.js';
import './definition-drawer.js';
import './template-drawer.js';
import type { DefinitionPart } from './definition-drawer.component.js';
import { saveToStore, type StoredDashboard } from './store-save.js';
import { DashboardConflictError } from '../../stores/dashboard-store.js';

/** Why the last Save failed; `current`: the store's newer version, which Save over may replace. */
interface SaveProblem {
  message: string;
  current?: number;
}

/** What the editor needs of the dashboard it edits. */
export interface EditedDashboard extends StoredDashboard, PanelEditorSource {
  editing: boolean;
  readonly dirty: boolean;
  readonly updateComplete: Promise<boolean>;
  readonly shadowRoot: ShadowRoot | null;
  applyEditedDefinition(dashboard: Dashboard, dirty: boolean): void;
}

/**
 * Edit mode of a `<prom-dashboard>` (rendered by it while `editing`; registered by the builder).
 *
 * @tagname prom-dashboard-editor
 * @summary The edit toolbar (add a panel of a type, panels from a template, add a row, undo, redo, discard, save, done),
 * the panels' handles (pointer and keyboard moves and resizes on the 24-column grid, Grafana's
 * layout), each panel's menu (edit, duplicate, copy JSON, remove), the undo history and an
 * `aria-live` region announcing every change. Each change becomes the dashboard's definition at
 * once; the dashboard fires the events.
 *
 * @csspart toolbar - The edit toolbar.
 * @csspart menu - A panel's menu.
 * @csspart save-problem - Why the last Save into the dashboard's store failed (with Save over for a newer version).
 * @csspart live - The region that announces changes (visually hidden).
 * @cssprop --prom-font-family - Font of the edit toolbar and menus.
 * @cssprop --prom-font-size - Base font size (default 12px).
 * @cssprop --prom-color-text - Text colour.
 * @cssprop --prom-color-text-muted - Hints and the status line.
 * @cssprop --prom-color-background - Background of the toolbar, menus and buttons.
 * @cssprop --prom-color-surface - Hovered buttons and menu items.
 * @cssprop --prom-color-border - Borders of the toolbar, buttons and frames.
 * @cssprop --prom-color-focus - Focus ring, the picked-up panel and Save.
 * @cssprop --prom-color-red - The Remove item.
 * @cssprop --prom-dashboard-gap - Gap between grid cells (as the dashboard).
 * @cssprop --prom-panel-radius - Corner radius of the panel frames.
 */
export class PromDashboardEditor extends PromElement {
  static override styles = [themeTokens, formControlStyles, editorStyles];
  /** @internal Lit's reactive property table. */
  static override properties = {
    dashboard: { attribute: false },
    definition: { attribute: false },
    theme: { type: String, reflect: true },
    _announcement: { state: true },
    _menu: { state: true },
    _addType: { state: true },
    _hint: { state: true },
    _saving: { state: true },
    _saveProblem: { state: true },
  };

  /** The dashboard being edited. */
  declare dashboard: EditedDashboard | undefined;
  /** Its definition now. */
  declare definition: Dashboard | undefined;
  declare theme: 'light' | 'dark' | 'auto' | undefined;
  /** @internal */
  declare _announcement: string;
  /** @internal */
  declare _menu: OpenMenu | undefined;
  /** @internal */
  declare _addType: PanelType;
  /** @internal The keys of a keyboard move under way, shown while a panel is picked up. */
  declare _hint: string | undefined;
  /** @internal Whether a save into the store is under way. */
  declare _saving: boolean;
  /** @internal Why the last save into the store failed. */
  declare _saveProblem: SaveProblem | undefined;

  #history: LabelledHistory | undefined;
  /** Whether the dashboard had unsaved changes when this edit session began. */
  #dirtyAtStart = false;
  /** The definition this editor last gave the dashboard (so its own changes are not taken as the host's). */
  #applied: Dashboard | undefined;
  #root: ShadowRoot | undefined;
  #host: EditedDashboard | undefined;
  readonly #gestures = new PanelGestures({
    current: () => this.#history?.current,
    preview: (d) => this.#preview(d),
    revert: (d) => this.#show(d, false),
    commit: (d, label) => this.#commit(d, label),
    announce: (message) => this.#announce(message),
    hint: (text) => (this._hint = text),
    frame: (id) => this.#frame(id),
    focusHandle: (id, kind) => this.#focusControl(id, kind),
  });

  constructor() {
    super();
    this._announcement = '';
    this._addType = 'timeseries';
    this._saving = false;
  }

  /** Whether the definition differs from the one last saved. */
  get dirty(): boolean {
    return this.#history ? this.#dirtyAtStart || this.#history.changed : false;
  }

  get canUndo(): boolean {
    return this.#history?.canUndo ?? false;
  }

  get canRedo(): boolean {
    return this.#history?.canRedo ?? false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const root = this.getRootNode();
    if (root instanceof ShadowRoot) {
      this.#root = root;
      // The panels' frames live in the dashboard's shadow root (over its grids): hear their handles there, and draw column guides.
      const sheet = gridGuideStyles.styleSheet;
      if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      for (const [type, listener] of this.#rootListeners()) root.addEventListener(type, listener);
    }
  }

  /** The handles' listeners on the dashboard's shadow root, added on connect and removed on disconnect. */
  #rootListeners(): [string, EventListener][] {
    const g = this.#gestures;
    return [
      ['keydown', g.onKey as EventListener],
      ['click', this.#onClick as EventListener],
      ['pointerdown', this.#onPointerDown as EventListener],
      ['pointermove', g.onPointerMove as EventListener],
      ['pointerup', g.onPointerUp as EventListener],
      ['pointercancel', g.onPointerCancel as EventListener],
    ];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Edit mode ended with a panel still picked up: it goes back where it was.
    const before = this.#gestures.before;
    if (before && this.#history) this.dashboard?.applyEditedDefinition(before, this.dirty);
    const root = this.#root;
    if (root) {
      const sheet = gridGuideStyles.styleSheet;
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
      for (const [type, listener] of this.#rootListeners()) root.removeEventListener(type, listener);
    }
    this.#root = undefined;
    this.#host?.removeEventListener('keydown', this.#onShortcut);
    this.#host = undefined;
    this.#gestures.end();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('dashboard') && this.dashboard !== this.#host) {
      this.#host?.removeEventListener('keydown', this.#onShortcut);
      this.#host = this.dashboard;
      this.#host?.addEventListener('keydown', this.#onShortcut);
    }
    const d = this.definition;
    if (!d) return;
    if (!this.#history) {
      this.#history = new LabelledHistory(d);
      this.#dirtyAtStart = this.dashboard?.dirty ?? false;
    } else if (changed.has('definition') && d !== this.#applied && d !== this.#history.current && !this.#gestures.before) {
      // The host set another definition while editing: it is one more step to undo.
      this.#history.push(d);
    }
  }

  override render(): TemplateResult {
    const dirty = this.dirty;
    return html`
      <div part="toolbar" class="toolbar" role="toolbar" aria-label="Edit dashboard">
        <span class="badge">Editing</span>
        <span class="group">
          <select aria-label="Type of the new panel" .value=${this._addType} @change=${(e: Event) => (this._addType = (e.target as HTMLSelectElement).value as PanelType)}>
            ${PANEL_TYPES.map((t) => html`<option value=${t} ?selected=${t === this._addType}>${PANEL_TYPE_LABELS[t]}</option>`)}
          </select>
          <button class="add-panel" @click=${() => this.#addPanel()}>Add panel</button>
          <button class="from-template" aria-haspopup="dialog" @click=${() => void this.#fromTemplate()}>From template</button>
          <button class="add-row" @click=${() => this.#addRow()}>Add row</button>
        </span>
        <span class="group">
          <button class="settings" aria-haspopup="dialog" @click=${() => void this.#editPart('settings')}>Settings</button>
          <button class="variables" aria-haspopup="dialog" @click=${() => void this.#editPart('variables')}>Variables</button>
          <button class="datasources" aria-haspopup="dialog" @click=${() => void this.#editPart('datasources')}>Datasources</button>
          <button class="json" aria-haspopup="dialog" @click=${() => void this.#editPart('json')}>JSON</button>
        </span>
        <span class="group">
          <button class="undo" aria-label="Undo" title="Undo (Ctrl+Z)" ?disabled=${!this.canUndo} @click=${() => this.undo()}>${undoIcon} Undo</button>
          <button class="redo" aria-label="Redo" title="Redo (Shift+Ctrl+Z)" ?disabled=${!this.canRedo} @click=${() => this.redo()}>${redoIcon} Redo</button>
        </span>
        <span class=${this._hint ? 'status hint' : 'status'} aria-hidden="true">${this._hint ?? (dirty ? 'Unsaved changes' : 'No changes')}</span>
        <button class="discard" @click=${() => this.discard()}>Discard</button>
        <button class="save primary" ?disabled=${this._saving} @click=${() => void this.save()}>${this._saving ? 'Saving…' : 'Save'}</button>
        <button class="done" @click=${() => this.done()}>Done</button>
      </div>
      ${this._saveProblem ? this.#renderSaveProblem(this._saveProblem) : nothing}
      <div part="live" class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this._announcement}</div>
      ${this._menu && this.#history
        ? renderPanelMenu(
            this._menu,
            { targets: moveTargets(this.#history.current, this._menu.id), library: this.dashboard?.store?.library !== undefined },
            (action) => this.#menuAction(this._menu!.id, action),
            () => this.#closeMenu(),
          )
        : nothing}
      <prom-panel-drawer theme=${this.theme ?? nothing}></prom-panel-drawer>
      <prom-definition-drawer theme=${this.theme ?? nothing}></prom-definition-drawer>
      <prom-template-drawer theme=${this.theme ?? nothing}></prom-template-drawer>
    `;
  }

  /** Back one change. */
  undo(): void {
    const h = this.#history;
    if (!h?.canUndo) return this.#announce('Nothing to undo.');
    this.#gestures.end();
    const label = h.undo();
    this.#show(h.current, true);
    this.#announce(label ? `Undid: ${label}.` : 'Undid the last change.');
  }

  /** Forward one undone change. */
  redo(): void {
    const h = this.#history;
    if (!h?.canRedo) return this.#announce('Nothing to redo.');
    this.#gestures.end();
    const label = h.redo();
    this.#show(h.current, true);
    this.#announce(label ? `Redid: ${label}.` : 'Redid the change.');
  }

  /** Restores the definition as it was when editing began and leaves edit mode. */
  discard(): void {
    const h = this.#history;
    const host = this.dashboard;
    if (!h || !host) return;
    this.#gestures.end();
    const initial = h.initial;
    const changed = h.current !== initial;
    h.restart(initial);
    this.#applied = initial;
    host.applyEditedDefinition(initial, this.#dirtyAtStart);
    if (changed) host.dispatchEvent(new PromDashboardChangeEvent({ dashboard: initial }));
    host.editing = false;
  }

  /**
   * Fires prom-dashboard-save with the validated definition; unless canceled, saves it into the
   * dashboard's `store` when it has one; then it is the saved one and edit mode ends. A failed
   * save keeps the changes in edit mode and says why (a newer version in the store can be saved over).
   * `overwrite`: the store's version to save over.
   */
  async save(overwrite?: number): Promise<void> {
    const h = this.#history;
    const host = this.dashboard;
    if (!h || !host || this._saving) return;
    const check = validateDashboard(h.current);
    if (!check.ok) {
      this.#announce(`Cannot save: ${check.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
      return;
    }
    const event = new PromDashboardSaveEvent({ dashboard: check.dashboard });
    host.dispatchEvent(event);
    if (event.defaultPrevented) {
      this.#announce('Not saved: the page kept the changes unsaved.');
      return;
    }
    const store = host.store;
    let saved = h.current;
    let said = 'Saved.';
    if (store) {
      const saving = h.current;
      this._saving = true;
      this._saveProblem = undefined;
      try {
        const kept = await saveToStore(host, store, check.dashboard, overwrite ?? host.storedVersion);
        saved = kept.dashboard;
        said = `Saved as version ${kept.version}.`;
      } catch (error) {
        this._saveProblem = { message: `Not saved: ${(error as Error).message}`, ...(error instanceof DashboardConflictError ? { current: error.current } : {}) };
        this.#announce(this._saveProblem.message);
        return;
      } finally {
        this._saving = false;
      }
      if (h.current !== saving) {
        this.#announce(`${said} The changes made while it was saving are not saved yet.`);
        return;
      }
    }
    this.#dirtyAtStart = false;
    h.restart(saved);
    this.#applied = saved;
    host.applyEditedDefinition(saved, false);
    this.#announce(said);
    host.editing = false;
  }

  /** Why the last save failed, with Save over for a newer version in the store. */
  #renderSaveProblem(problem: SaveProblem): TemplateResult {
    return html`<div part="save-problem" class="save-problem" role="alert">
      <span>${problem.message}</span>
      ${problem.current === undefined ? nothing : html`<button class="overwrite" @click=${() => void this.save(problem.current)}>Save over version ${problem.current}</button>`}
      <button class="icon" aria-label="Dismiss" title="Dismiss" @click=${() => (this._saveProblem = undefined)}>×</button>
    </div>`;
  }

  /** Leaves edit mode keeping the changes (still unsaved when they were). */
  done(): void {
    if (this.dashboard) this.dashboard.editing = false;
  }

  // —— changes ——

  /** A finished change: into the history, onto the dashboard, out as prom-dashboard-change. */
  #commit(next: Dashboard, label: string): void {
    const h = this.#history;
    if (!h) return;
    this.#show(next, h.push(next, label));
  }

  /** Shows `d` on the dashboard; `changed`: it is a new current definition (listeners hear of it). */
  #show(d: Dashboard, changed: boolean): void {
    const host = this.dashboard;
    if (!host) return;
    this.#applied = d;
    host.applyEditedDefinition(d, this.dirty);
    if (changed) host.dispatchEvent(new PromDashboardChangeEvent({ dashboard: d }));
    this.requestUpdate();
  }

  /** Shows a step of a gesture (not a change yet: nothing goes into the history or out as an event). */
  #preview(d: Dashboard): Promise<unknown> {
    const host = this.dashboard;
    if (!host) return Promise.resolve();
    this.#applied = d;
    host.applyEditedDefinition(d, this.dirty);
    return host.updateComplete;
  }

  #addPanel(): void {
    const h = this.#history;
    if (!h) return;
    const label = PANEL_TYPE_LABELS[this._addType];
    const { dashboard, id } = addPanel(h.current, this._addType);
    this.#commit(dashboard, `Add ${label} panel`);
    this.#announce(`Added a ${label} panel at the top.`);
    void this.#focusControl(id, 'move');
  }

  /** Opens the settings, variables or JSON editor in a drawer; Apply is one change. */
  async #editPart(part: DefinitionPart): Promise<void> {
    const h = this.#history;
    const host = this.dashboard;
    if (!h || !host) return;
    this.#gestures.end();
    const edited = await this.renderRoot.querySelector('prom-definition-drawer')?.open(part, h.current, host);
    if (edited && this.#history === h) {
      // Applied as it was opened (the JSON only reformatted, say): no step to undo.
      const same = JSON.stringify(edited) === JSON.stringify(h.current);
      if (!same) this.#commit(edited, PART_LABELS[part]);
      this.#announce(same ? `${PART_LABELS[part]}: nothing changed.` : `Applied: ${PART_LABELS[part]}.`);
    }
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`.toolbar .${part}`)?.focus());
  }

  /** Opens the template gallery in a drawer; its Add is one change (the panels at the top, the variables they need). */
  async #fromTemplate(): Promise<void> {
    const h = this.#history;
    const host = this.dashboard;
    if (!h || !host) return;
    this.#gestures.end();
    const asked = await this.renderRoot.querySelector('prom-template-drawer')?.open(h.current, host, host.store?.library);
    if (asked && this.#history === h) {
      try {
        const { dashboard, ids } = addTemplatePanels(h.current, asked.panels, asked.variables);
        const added = dashboard.variables.slice(h.current.variables.length).map((v) => `$${v.name}`);
        this.#commit(dashboard, asked.label);
        this.#announce(`${asked.label.replace(/^Add/, 'Added')} at the top${added.length ? `, with the variable${added.length > 1 ? 's' : ''} ${added.join(', ')}` : ''}.`);
        if (ids[0] !== undefined) return void this.#focusControl(ids[0], 'move');
      } catch (error) {
        this.#announce(`Could not add the panels: ${(error as Error).message}`);
      }
    }
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.toolbar .from-template')?.focus());
  }

  #addRow(): void {
    const h = this.#history;
    if (!h) return;
    this.#commit(addRow(h.current).dashboard, 'Add row');
    this.#announce('Added a row at the bottom.');
  }

  readonly #onShortcut = (e: KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey || e.key.toLowerCase() !== 'z') return;
    const origin = e.composedPath()[0];
    if (origin instanceof HTMLElement && (origin.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(origin.tagName))) return;
    e.preventDefault();
    if (e.shiftKey) this.redo();
    else this.undo();
  };

  readonly #onPointerDown = (e: PointerEvent) => {
    if (this._menu && !(e.composedPath() as Element[]).some((n) => n instanceof HTMLElement && n.classList.contains('menu'))) this._menu = undefined;
    this.#gestures.onPointerDown(e);
  };

  #frame(id: number): HTMLElement | null | undefined {
    return this.#root?.querySelector<HTMLElement>(`prom-edit-frame[data-panel-id="${id}"]`);
  }

  /** Focuses a panel's handle or menu button once the dashboard has drawn it (it may be a new node in another row). */
  async #focusControl(id: number, kind: 'move' | 'resize' | 'menu'): Promise<void> {
    await this.dashboard?.updateComplete;
    const control = this.#frame(id)?.shadowRoot?.querySelector<HTMLElement>(`[data-edit="${kind}"]`);
    const root = control?.getRootNode();
    if (control && root instanceof ShadowRoot && root.activeElement !== control) control.focus();
  }

  // —— panel menu ——

  readonly #onClick = (e: MouseEvent) => {
    const control = controlOf(e);
    if (control?.kind !== 'menu') return;
    if (this._menu?.id === control.id) {
      this._menu = undefined;
      return;
    }
    this._menu = menuAt(control.id, control.element);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[role="menuitem"]')?.focus());
  };

  #closeMenu(): void {
    const id = this._menu?.id;
    this._menu = undefined;
    if (id !== undefined) void this.#focusControl(id, 'menu');
  }

  #menuAction(id: number, action: PanelAction): void {
    this._menu = undefined;
    if (action === 'edit') void this.#edit(id);
    else if (action === 'duplicate') this.#duplicate(id);
    else if (action === 'copy') void this.#copy(id);
    else if (action === 'library') void this.#saveToLibrary(id);
    else if (action === 'remove') this.#remove(id);
    else this.#moveTo(id, action.moveTo);
    if (action !== 'edit' && this.#history && panelById(this.#history.current, id)) void this.#focusControl(id, 'menu');
  }

  /** Keeps a copy of the panel in the dashboard store's library, for any dashboard's From template. */
  async #saveToLibrary(id: number): Promise<void> {
    const panel = this.#history && panelById(this.#history.current, id);
    const library = this.dashboard?.store?.library;
    if (!panel || !library) return;
    const name = nameOf(panel.title, id);
    try {
      await library.save(panel);
      this.#announce(`Saved ${name} to the library: From template offers it under Saved panels.`);
    } catch (error) {
      this.#announce(`Could not save ${name} to the library: ${(error as Error).message}`);
    }
  }

  /** Fires a cancelable prom-panel-edit; unless canceled, edits the panel in the drawer, Apply being one change. */
  async #edit(id: number): Promise<void> {
    const panel = this.#history && panelById(this.#history.current, id);
    const host = this.dashboard;
    const event = panel && new PromPanelEditEvent({ panel });
    if (!panel || !host || !event || !host.dispatchEvent(event)) return;
    const edited = await this.renderRoot.querySelector('prom-panel-drawer')?.open(panel, this.#history!.current, host);
    const h = this.#history;
    if (edited && h && panelById(h.current, id)) {
      try {
        this.#commit(updatePanel(h.current, id, edited), `Edit ${nameOf(edited.title, id)}`);
        this.#announce(`Applied the edits to ${nameOf(edited.title, id)}.`);
      } catch (error) {
        this.#announce(`Could not apply the edits: ${(error as Error).message}`);
      }
    }
    void this.#focusControl(edited?.id ?? id, 'menu');
  }

  #duplicate(id: number): void {
    const h = this.#history;
    const panel = h && panelById(h.current, id);
    if (!h || !panel) return;
    const { dashboard, id: copy } = duplicatePanel(h.current, id);
    this.#commit(dashboard, `Duplicate ${nameOf(panel.title, id)}`);
    this.#announce(`Duplicated ${nameOf(panel.title, id)}: the copy is at ${describePos(panelById(dashboard, copy)!.gridPos)}.`);
  }

  #moveTo(id: number, target: MoveTarget): void {
    const h = this.#history;
    const panel = h && panelById(h.current, id);
    if (!h || !panel) return;
    const next = movePanelToRow(h.current, id, target.rowId);
    this.#commit(next, `Move ${nameOf(panel.title, id)} to ${target.name}`);
    this.#announce(`Moved ${nameOf(panel.title, id)} to ${target.name}: ${describePos(panelById(next, id)!.gridPos)}.`);
  }

  #remove(id: number): void {
    const h = this.#history;
    const panel = h && panelById(h.current, id);
    if (!h || !panel) return;
    this.#commit(removePanel(h.current, id), `Remove ${nameOf(panel.title, id)}`);
    this.#announce(`Removed ${nameOf(panel.title, id)}. Undo with Ctrl+Z.`);
  }

  async #copy(id: number): Promise<void> {
    const h = this.#history;
    const panel = h && panelById(h.current, id);
    if (!h || !panel) return;
    try {
      await navigator.clipboard.writeText(panelJson(h.current, id));
      this.#announce(`Copied the JSON of ${nameOf(panel.title, id)}.`);
    } catch (error) {
      this.#announce(`Could not copy to the clipboard (${(error as Error).message}); the page may not allow it.`);
    }
  }

  #announce(message: string): void {
    this._announcement = message;
  }
}

/** What Apply in each part's drawer is called in the undo history and the announcements. */
const PART_LABELS: Readonly<Record<DefinitionPart, string>> = { settings: 'Edit dashboard settings', variables: 'Edit variables', datasources: 'Edit datasources', json: 'Edit the JSON model' };

const undoIcon = html`<svg class="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true"><path d="M5.5 3.5 2.5 6.5l3 3"></path><path d="M2.5 6.5h7a4 4 0 0 1 0 8h-2"></path></svg>`;
const redoIcon = html`<svg class="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true"><path d="m10.5 3.5 3 3-3 3"></path><path d="M13.5 6.5h-7a4 4 0 0 0 0 8h2"></path></svg>`;
