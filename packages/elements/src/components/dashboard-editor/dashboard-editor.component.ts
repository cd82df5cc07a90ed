import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { PANEL_TYPES, validateDashboard, type Dashboard, type GridPos, type PanelType } from '@promkit/core';
import { addPanel, addRow, canRedo, canUndo, duplicatePanel, isDirty, panelJson, placePanel, pushHistory, redo, removePanel, startHistory, undo, updatePanel, type History } from '@promkit/core/edit';
import { PromElement } from '../../internal/prom-element.js';
import { cssProps } from '../../internal/css-props.js';
import { themeTokens } from '../../theme/theme.js';
import { formControlStyles } from '../../theme/form-controls.js';
import { PromDashboardChangeEvent } from '../../events/dashboard-change-event.js';
import { PromDashboardSaveEvent } from '../../events/dashboard-save-event.js';
import { PromPanelEditEvent } from '../../events/panel-edit-event.js';
import { describePos, panelById } from './layout.js';
import { editorStyles, gridGuideStyles } from './dashboard-editor.styles.js';
import './edit-frame.js';
import './panel-drawer.js';
import type { PanelEditorSource } from './panel-drawer.component.js';
import { PANEL_TYPE_LABELS } from '../../internal/panel-type-labels.js';

/** What the editor needs of the dashboard it edits. */
export interface EditedDashboard extends HTMLElement, PanelEditorSource {
  editing: boolean;
  readonly dirty: boolean;
  readonly updateComplete: Promise<boolean>;
  readonly shadowRoot: ShadowRoot | null;
  applyEditedDefinition(dashboard: Dashboard, dirty: boolean): void;
}

/** A move or resize under way: by keyboard (picked up) or by pointer (dragging). */
interface Gesture {
  kind: 'move' | 'resize';
  id: number;
  /** The definition when it began: Escape goes back to it; every step is computed from it. */
  before: Dashboard;
  /** The definition shown now. */
  shown: Dashboard;
  start: GridPos;
  pointer?: { id: number; x0: number; y0: number; colPitch: number; rowPitch: number; dx: number; dy: number };
}

const ARROWS: Readonly<Record<string, readonly [number, number]>> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

/**
 * Edit mode of a `<prom-dashboard>` (rendered by it while `editing`; registered by the builder).
 *
 * @tagname prom-dashboard-editor
 * @summary The edit toolbar (add a panel of a type, add a row, undo, redo, discard, save, done),
 * the panels' handles (pointer and keyboard moves and resizes on the 24-column grid, Grafana's
 * layout), each panel's menu (edit, duplicate, copy JSON, remove), the undo history and an
 * `aria-live` region announcing every change. Each change becomes the dashboard's definition at
 * once; the dashboard fires the events.
 *
 * @csspart toolbar - The edit toolbar.
 * @csspart menu - A panel's menu.
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
  static override properties = {
    dashboard: { attribute: false },
    definition: { attribute: false },
    theme: { type: String, reflect: true },
    _announcement: { state: true },
    _menu: { state: true },
    _addType: { state: true },
    _hint: { state: true },
  };

  /** The dashboard being edited. */
  declare dashboard: EditedDashboard | undefined;
  /** Its definition now. */
  declare definition: Dashboard | undefined;
  declare theme: 'light' | 'dark' | 'auto' | undefined;
  declare _announcement: string;
  declare _menu: { id: number; top: number; left: number } | undefined;
  declare _addType: PanelType;
  /** The keys of a keyboard move under way, shown while a panel is picked up. */
  declare _hint: string | undefined;

  #history: History<Dashboard> | undefined;
  /** Whether the dashboard had unsaved changes when this edit session began. */
  #dirtyAtStart = false;
  /** What each definition in the history was made by ("Move CPU"), for undo and redo announcements. */
  readonly #labels = new WeakMap<Dashboard, string>();
  /** The definition this editor last gave the dashboard (so its own changes are not taken as the host's). */
  #applied: Dashboard | undefined;
  #gesture: Gesture | undefined;
  #root: ShadowRoot | undefined;
  #host: EditedDashboard | undefined;

  constructor() {
    super();
    this._announcement = '';
    this._addType = 'timeseries';
  }

  /** Whether the definition differs from the one last saved. */
  get dirty(): boolean {
    return this.#history ? this.#dirtyAtStart || isDirty(this.#history) : false;
  }

  get canUndo(): boolean {
    return this.#history ? canUndo(this.#history) : false;
  }

  get canRedo(): boolean {
    return this.#history ? canRedo(this.#history) : false;
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
    return [
      ['keydown', this.#onHandleKey as EventListener],
      ['click', this.#onClick as EventListener],
      ['pointerdown', this.#onPointerDown as EventListener],
      ['pointermove', this.#onPointerMove as EventListener],
      ['pointerup', this.#onPointerUp as EventListener],
      ['pointercancel', this.#onPointerCancel as EventListener],
    ];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Edit mode ended with a panel still picked up: it goes back where it was.
    const g = this.#gesture;
    if (g && this.#history) this.dashboard?.applyEditedDefinition(g.before, this.dirty);
    const root = this.#root;
    if (root) {
      const sheet = gridGuideStyles.styleSheet;
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
      for (const [type, listener] of this.#rootListeners()) root.removeEventListener(type, listener);
    }
    this.#root = undefined;
    this.#host?.removeEventListener('keydown', this.#onShortcut);
    this.#host = undefined;
    this.#gesture = undefined;
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
      this.#history = startHistory(d);
      this.#dirtyAtStart = this.dashboard?.dirty ?? false;
    } else if (changed.has('definition') && d !== this.#applied && d !== this.#history.current && !this.#gesture) {
      // The host set another definition while editing: it is one more step to undo.
      this.#history = pushHistory(this.#history, d);
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
          <button class="add-row" @click=${() => this.#addRow()}>Add row</button>
        </span>
        <span class="group">
          <button class="undo" aria-label="Undo" title="Undo (Ctrl+Z)" ?disabled=${!this.canUndo} @click=${() => this.undo()}>${undoIcon} Undo</button>
          <button class="redo" aria-label="Redo" title="Redo (Shift+Ctrl+Z)" ?disabled=${!this.canRedo} @click=${() => this.redo()}>${redoIcon} Redo</button>
        </span>
        <span class=${this._hint ? 'status hint' : 'status'} aria-hidden="true">${this._hint ?? (dirty ? 'Unsaved changes' : 'No changes')}</span>
        <button class="discard" @click=${() => this.discard()}>Discard</button>
        <button class="save primary" @click=${() => this.save()}>Save</button>
        <button class="done" @click=${() => this.done()}>Done</button>
      </div>
      <div part="live" class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this._announcement}</div>
      ${this._menu ? this.#renderMenu(this._menu) : nothing}
      <prom-panel-drawer theme=${this.theme ?? nothing}></prom-panel-drawer>
    `;
  }

  /** Back one change. */
  undo(): void {
    const h = this.#history;
    if (!h || !canUndo(h)) return this.#announce('Nothing to undo.');
    this.#endGesture();
    const label = this.#labels.get(h.current);
    this.#history = undo(h);
    this.#show(this.#history.current, true);
    this.#announce(label ? `Undid: ${label}.` : 'Undid the last change.');
  }

  /** Forward one undone change. */
  redo(): void {
    const h = this.#history;
    if (!h || !canRedo(h)) return this.#announce('Nothing to redo.');
    this.#endGesture();
    this.#history = redo(h);
    const label = this.#labels.get(this.#history.current);
    this.#show(this.#history.current, true);
    this.#announce(label ? `Redid: ${label}.` : 'Redid the change.');
  }

  /** Restores the definition as it was when editing began and leaves edit mode. */
  discard(): void {
    const h = this.#history;
    const host = this.dashboard;
    if (!h || !host) return;
    this.#gesture = undefined;
    const changed = h.current !== h.initial;
    this.#history = startHistory(h.initial);
    this.#applied = h.initial;
    host.applyEditedDefinition(h.initial, this.#dirtyAtStart);
    if (changed) host.dispatchEvent(new PromDashboardChangeEvent({ dashboard: h.initial }));
    host.editing = false;
  }

  /** Fires prom-dashboard-save with the validated definition; unless canceled, it is the saved one and edit mode ends. */
  save(): void {
    const h = this.#history;
    const host = this.dashboard;
    if (!h || !host) return;
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
    this.#dirtyAtStart = false;
    this.#history = startHistory(h.current);
    host.applyEditedDefinition(h.current, false);
    this.#announce('Saved.');
    host.editing = false;
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
    if (next === h.current) {
      this.#show(next, false);
      return;
    }
    this.#labels.set(next, label);
    this.#history = pushHistory(h, next);
    this.#show(next, true);
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

  #addPanel(): void {
    const h = this.#history;
    if (!h) return;
    const { dashboard, id } = addPanel(h.current, this._addType);
    this.#commit(dashboard, `Add ${PANEL_TYPE_LABELS[this._addType]} panel`);
    this.#announce(`Added a ${PANEL_TYPE_LABELS[this._addType]} panel at the top.`);
    void this.#focusHandle(id, 'move');
  }

  #addRow(): void {
    const h = this.#history;
    if (!h) return;
    this.#commit(addRow(h.current).dashboard, 'Add row');
    this.#announce('Added a row at the bottom.');
  }

  // —— keyboard ——

  readonly #onShortcut = (e: KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey || e.key.toLowerCase() !== 'z') return;
    const origin = e.composedPath()[0];
    if (origin instanceof HTMLElement && (origin.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(origin.tagName))) return;
    e.preventDefault();
    if (e.shiftKey) this.redo();
    else this.undo();
  };

  readonly #onHandleKey = (e: KeyboardEvent) => {
    const handle = handleOf(e);
    if (!handle || (handle.kind !== 'move' && handle.kind !== 'resize')) return;
    const g = this.#gesture;
    const picked = g && !g.pointer && g.id === handle.id ? g : undefined;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      if (picked) this.#drop();
      else this.#pickUp(handle.id, handle.kind);
      return;
    }
    if (!picked) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.#restore();
      return;
    }
    const arrow = ARROWS[e.key];
    if (!arrow) return;
    e.preventDefault();
    const resize = picked.kind === 'resize' || e.shiftKey;
    this.#step(picked, resize, arrow[0], arrow[1]);
  };

  #pickUp(id: number, kind: 'move' | 'resize'): void {
    const h = this.#history;
    const panel = h && panelById(h.current, id);
    if (!h || !panel) return;
    if (this.#gesture) this.#drop();
    this.#gesture = { kind, id, before: h.current, shown: h.current, start: panel.gridPos };
    this.#mark(id, true);
    const keys = kind === 'move' ? 'Arrow keys move, Shift+arrow keys resize' : 'Arrow keys resize';
    this._hint = `${kind === 'move' ? 'Moving' : 'Resizing'} ${nameOf(panel.title, id)}: ←↑→↓ ${kind === 'move' ? 'move, Shift resizes' : 'resize'}, Enter drops, Esc cancels`;
    this.#announce(`Picked up ${nameOf(panel.title, id)}: ${describePos(panel.gridPos)}. ${keys}; Enter drops, Escape cancels.`);
  }

  /** One arrow key: move by a cell (past an item that would not let it, as far as needed) or resize by a cell. */
  #step(g: Gesture, resize: boolean, dx: number, dy: number): void {
    const pos = panelById(g.shown, g.id)?.gridPos;
    if (!pos) return;
    let next = g.shown;
    if (resize) {
      next = placePanel(g.before, g.id, { ...pos, w: pos.w + dx, h: pos.h + dy });
    } else {
      for (let n = 1; n <= 64; n++) {
        const x = pos.x + dx * n;
        const y = pos.y + dy * n;
        if (y < 0 || x < 0 || x + pos.w > 24) break;
        const tried = placePanel(g.before, g.id, { ...pos, x, y });
        const at = panelById(tried, g.id)!.gridPos;
        if (at.x !== pos.x || at.y !== pos.y) {
          next = tried;
          break;
        }
      }
    }
    const now = panelById(next, g.id)!;
    if (next === g.shown || samePos(now.gridPos, pos)) {
      this.#announce(resize ? `${nameOf(now.title, g.id)} cannot be resized that way: ${describePos(pos)}.` : `${nameOf(now.title, g.id)} cannot move further that way: ${describePos(pos)}.`);
      return;
    }
    g.shown = next;
    this.#preview(next);
    this.#announce(`${nameOf(now.title, g.id)}: ${describePos(now.gridPos)}.`);
    void this.#focusHandle(g.id, g.kind);
  }

  /** Forgets a gesture under way (undo and redo take over from it). */
  #endGesture(): void {
    if (this.#gesture) this.#mark(this.#gesture.id, false);
    this.#gesture = undefined;
    this._hint = undefined;
  }

  /** Ends the gesture, keeping where the panel is. */
  #drop(): void {
    const g = this.#gesture;
    if (!g) return;
    this.#endGesture();
    const panel = panelById(g.shown, g.id)!;
    const name = nameOf(panel.title, g.id);
    const moved = !samePos(panel.gridPos, g.start);
    if (!moved) {
      this.#show(g.before, false);
      this.#announce(`Dropped ${name}: nothing changed, ${describePos(panel.gridPos)}.`);
      return;
    }
    const resized = panel.gridPos.w !== g.start.w || panel.gridPos.h !== g.start.h;
    this.#commit(g.shown, `${resized ? 'Resize' : 'Move'} ${name}`);
    this.#announce(`Dropped ${name}: ${describePos(panel.gridPos)}.`);
  }

  /** Ends the gesture, putting everything back as it was when it began. */
  #restore(): void {
    const g = this.#gesture;
    if (!g) return;
    this.#endGesture();
    this.#show(g.before, false);
    const panel = panelById(g.before, g.id)!;
    this.#announce(`Canceled: ${nameOf(panel.title, g.id)} is back at ${describePos(panel.gridPos)}.`);
    void this.#focusHandle(g.id, g.kind);
  }

  /** Shows a step of a gesture (not a change yet: nothing goes into the history or out as an event). */
  #preview(d: Dashboard): void {
    const host = this.dashboard;
    if (!host) return;
    this.#applied = d;
    host.applyEditedDefinition(d, this.dirty);
    const g = this.#gesture;
    if (g) void host.updateComplete.then(() => this.#mark(g.id, this.#gesture === g));
  }

  /** Marks the frame of the panel being moved as the placeholder of where it lands. */
  #mark(id: number, on: boolean): void {
    this.#frame(id)?.toggleAttribute('data-active', on);
  }

  #frame(id: number): HTMLElement | null | undefined {
    return this.#root?.querySelector<HTMLElement>(`prom-edit-frame[data-panel-id="${id}"]`);
  }

  /** A panel's handle (`move`, `resize`) or menu button, inside its frame. */
  #control(id: number, kind: string): HTMLElement | null | undefined {
    return this.#frame(id)?.shadowRoot?.querySelector<HTMLElement>(`[data-edit="${kind}"]`);
  }

  /** Keeps the focus on a panel's handle after the dashboard drew it again (it may be a new node in another row). */
  async #focusHandle(id: number, kind: 'move' | 'resize'): Promise<void> {
    await this.dashboard?.updateComplete;
    const handle = this.#control(id, kind);
    if (handle && handle.getRootNode() instanceof ShadowRoot && (handle.getRootNode() as ShadowRoot).activeElement !== handle) handle.focus();
  }

  // —— pointer ——

  readonly #onPointerDown = (e: PointerEvent) => {
    const handle = handleOf(e);
    if (this._menu && !(e.composedPath() as Element[]).some((n) => n instanceof HTMLElement && n.classList.contains('menu'))) this._menu = undefined;
    if (!handle || (handle.kind !== 'move' && handle.kind !== 'resize') || e.button !== 0) return;
    const h = this.#history;
    const panel = h && panelById(h.current, handle.id);
    const grid = handle.frame.parentElement;
    if (!h || !panel || !grid) return;
    e.preventDefault();
    if (this.#gesture) this.#drop();
    try {
      handle.element.setPointerCapture(e.pointerId);
    } catch {
      // An event that no pointer is behind (a synthetic one) cannot be captured; the moves still come to the root.
    }
    const style = getComputedStyle(grid);
    const colGap = parseFloat(style.columnGap) || 0;
    const rowGap = parseFloat(style.rowGap) || 0;
    const rowHeight = parseFloat(style.gridAutoRows) || 30;
    const colPitch = (grid.getBoundingClientRect().width + colGap) / 24;
    this.#gesture = {
      kind: handle.kind,
      id: handle.id,
      before: h.current,
      shown: h.current,
      start: panel.gridPos,
      pointer: { id: e.pointerId, x0: e.clientX, y0: e.clientY, colPitch, rowPitch: rowHeight + rowGap, dx: 0, dy: 0 },
    };
    this.#mark(handle.id, true);
    handle.element.focus();
  };

  readonly #onPointerMove = (e: PointerEvent) => {
    const g = this.#gesture;
    const p = g?.pointer;
    if (!g || !p || e.pointerId !== p.id) return;
    const dx = Math.round((e.clientX - p.x0) / p.colPitch);
    const dy = Math.round((e.clientY - p.y0) / p.rowPitch);
    if (dx === p.dx && dy === p.dy) return;
    p.dx = dx;
    p.dy = dy;
    const { x, y, w, h } = g.start;
    const next = placePanel(g.before, g.id, g.kind === 'move' ? { x: x + dx, y: y + dy, w, h } : { x, y, w: Math.max(1, w + dx), h: Math.max(1, h + dy) });
    if (next === g.shown) return;
    g.shown = next;
    this.#preview(next);
  };

  readonly #onPointerUp = (e: PointerEvent) => {
    const g = this.#gesture;
    if (g?.pointer && e.pointerId === g.pointer.id) this.#drop();
  };

  readonly #onPointerCancel = (e: PointerEvent) => {
    const g = this.#gesture;
    if (g?.pointer && e.pointerId === g.pointer.id) this.#restore();
  };

  // —— panel menu ——

  readonly #onClick = (e: MouseEvent) => {
    const handle = handleOf(e);
    if (handle?.kind !== 'menu') return;
    if (this._menu?.id === handle.id) {
      this._menu = undefined;
      return;
    }
    const box = handle.element.getBoundingClientRect();
    this._menu = { id: handle.id, top: box.bottom + 4, left: Math.max(4, box.right - 160) };
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[role="menuitem"]')?.focus());
  };

  #renderMenu(menu: { id: number; top: number; left: number }): TemplateResult {
    const item = (label: string, action: () => void, danger = false) =>
      html`<button role="menuitem" class=${danger ? 'danger' : ''} @click=${() => this.#menuAction(menu.id, action)}>${label}</button>`;
    return html`<div part="menu" class="menu" role="menu" aria-label="Panel menu" ${cssProps({ top: `${menu.top}px`, left: `${menu.left}px` })} @keydown=${(e: KeyboardEvent) => this.#onMenuKey(e, menu.id)}>
      ${item('Edit', () => void this.#edit(menu.id))}
      ${item('Duplicate', () => this.#duplicate(menu.id))}
      ${item('Copy JSON', () => void this.#copy(menu.id))}
      ${item('Remove', () => this.#remove(menu.id), true)}
    </div>`;
  }

  #menuAction(id: number, action: () => void): void {
    this._menu = undefined;
    action();
    if (this.#history && panelById(this.#history.current, id)) void this.#focusMenuButton(id);
  }

  #onMenuKey(e: KeyboardEvent, id: number): void {
    const items = [...this.renderRoot.querySelectorAll<HTMLElement>('[role="menuitem"]')];
    const at = items.indexOf((this.renderRoot as ShadowRoot).activeElement as HTMLElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
    } else if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      e.stopPropagation();
      this._menu = undefined;
      void this.#focusMenuButton(id);
    }
  }

  async #focusMenuButton(id: number): Promise<void> {
    await this.dashboard?.updateComplete;
    this.#control(id, 'menu')?.focus();
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
    void this.#focusMenuButton(edited?.id ?? id);
  }

  #duplicate(id: number): void {
    const h = this.#history;
    const panel = h && panelById(h.current, id);
    if (!h || !panel) return;
    const { dashboard, id: copy } = duplicatePanel(h.current, id);
    this.#commit(dashboard, `Duplicate ${nameOf(panel.title, id)}`);
    this.#announce(`Duplicated ${nameOf(panel.title, id)}: the copy is at ${describePos(panelById(dashboard, copy)!.gridPos)}.`);
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

/** The edit control an event came from (a button in a `<prom-edit-frame>`): which one, for which panel, and its frame. */
function handleOf(e: Event): { kind: string; id: number; element: HTMLElement; frame: HTMLElement } | undefined {
  let control: HTMLElement | undefined;
  for (const node of e.composedPath()) {
    if (!(node instanceof HTMLElement)) continue;
    if (node.localName === 'prom-edit-frame') {
      const id = Number(node.dataset['panelId']);
      const kind = control?.dataset['edit'];
      return control && kind && Number.isInteger(id) ? { kind, id, element: control, frame: node } : undefined;
    }
    if (!control && node.dataset['edit']) control = node;
  }
  return undefined;
}

function samePos(a: GridPos, b: GridPos): boolean {
  return a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;
}

function nameOf(title: string, id: number): string {
  return title ? `“${title}”` : `panel ${id}`;
}

const undoIcon = html`<svg class="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true"><path d="M5.5 3.5 2.5 6.5l3 3"></path><path d="M2.5 6.5h7a4 4 0 0 1 0 8h-2"></path></svg>`;
const redoIcon = html`<svg class="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true"><path d="m10.5 3.5 3 3-3 3"></path><path d="M13.5 6.5h-7a4 4 0 0 0 0 8h2"></path></svg>`;
