/**
 * Moving and resizing panels in edit mode, by keyboard (Enter picks a handle up, arrows step a
 * cell, Shift+arrows resize, Enter drops, Escape restores) and by pointer (drag, snapped to the
 * grid, with touch). Every step is computed from the definition the gesture began with, shown as a
 * preview, and only the drop becomes a change.
 */
import type { Dashboard, GridPos } from '@promkit/core';
import { placePanel } from '@promkit/core/edit';
import { controlOf, describePos, nameOf, panelById, samePos } from './layout.js';

/** What the gestures need of the editor. */
export interface GestureEditor {
  /** The definition now. */
  current(): Dashboard | undefined;
  /** Shows a step of a gesture (not a change); resolves when the dashboard has drawn it. */
  preview(d: Dashboard): Promise<unknown>;
  /** Shows `d` again without a change (a gesture that moved nothing, or was canceled). */
  revert(d: Dashboard): void;
  /** A finished gesture: one change, labelled for undo. */
  commit(d: Dashboard, label: string): void;
  announce(message: string): void;
  /** The keys of a keyboard gesture under way, for the toolbar; undefined when none. */
  hint(text: string | undefined): void;
  /** A panel's `<prom-edit-frame>`. */
  frame(id: number): HTMLElement | null | undefined;
  /** Focuses a panel's handle once the dashboard has drawn it. */
  focusHandle(id: number, kind: 'move' | 'resize'): Promise<void>;
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

export class PanelGestures {
  #gesture: Gesture | undefined;

  constructor(private readonly editor: GestureEditor) {}

  /** The definition the gesture under way began with (what leaving edit mode restores). */
  get before(): Dashboard | undefined {
    return this.#gesture?.before;
  }

  /** Forgets the gesture under way (undo and redo take over from it). */
  end(): void {
    if (this.#gesture) this.#mark(this.#gesture.id, false);
    this.#gesture = undefined;
    this.editor.hint(undefined);
  }

  /** Keys on a handle. */
  readonly onKey = (e: KeyboardEvent) => {
    const handle = controlOf(e);
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
    this.#step(picked, picked.kind === 'resize' || e.shiftKey, arrow[0], arrow[1]);
  };

  readonly onPointerDown = (e: PointerEvent) => {
    const handle = controlOf(e);
    if (!handle || (handle.kind !== 'move' && handle.kind !== 'resize') || e.button !== 0) return;
    const d = this.editor.current();
    const panel = d && panelById(d, handle.id);
    const grid = handle.frame.parentElement;
    if (!d || !panel || !grid) return;
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
      before: d,
      shown: d,
      start: panel.gridPos,
      pointer: { id: e.pointerId, x0: e.clientX, y0: e.clientY, colPitch, rowPitch: rowHeight + rowGap, dx: 0, dy: 0 },
    };
    this.#mark(handle.id, true);
    handle.element.focus();
  };

  readonly onPointerMove = (e: PointerEvent) => {
    const g = this.#gesture;
    const p = g?.pointer;
    if (!g || !p || e.pointerId !== p.id) return;
    const dx = Math.round((e.clientX - p.x0) / p.colPitch);
    const dy = Math.round((e.clientY - p.y0) / p.rowPitch);
    if (dx === p.dx && dy === p.dy) return;
    p.dx = dx;
    p.dy = dy;
    const { x, y, w, h } = g.start;
    this.#show(g, placePanel(g.before, g.id, g.kind === 'move' ? { x: x + dx, y: y + dy, w, h } : { x, y, w: Math.max(1, w + dx), h: Math.max(1, h + dy) }));
  };

  readonly onPointerUp = (e: PointerEvent) => {
    if (this.#gesture?.pointer?.id === e.pointerId) this.#drop();
  };

  readonly onPointerCancel = (e: PointerEvent) => {
    if (this.#gesture?.pointer?.id === e.pointerId) this.#restore();
  };

  #pickUp(id: number, kind: 'move' | 'resize'): void {
    const d = this.editor.current();
    const panel = d && panelById(d, id);
    if (!d || !panel) return;
    if (this.#gesture) this.#drop();
    this.#gesture = { kind, id, before: d, shown: d, start: panel.gridPos };
    this.#mark(id, true);
    const name = nameOf(panel.title, id);
    const keys = kind === 'move' ? 'Arrow keys move, Shift+arrow keys resize' : 'Arrow keys resize';
    this.editor.hint(`${kind === 'move' ? 'Moving' : 'Resizing'} ${name}: ←↑→↓ ${kind === 'move' ? 'move, Shift resizes' : 'resize'}, Enter drops, Esc cancels`);
    this.editor.announce(`Picked up ${name}: ${describePos(panel.gridPos)}. ${keys}; Enter drops, Escape cancels.`);
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
    const name = nameOf(now.title, g.id);
    if (next === g.shown || samePos(now.gridPos, pos)) {
      this.editor.announce(resize ? `${name} cannot be resized that way: ${describePos(pos)}.` : `${name} cannot move further that way: ${describePos(pos)}.`);
      return;
    }
    this.#show(g, next);
    this.editor.announce(`${name}: ${describePos(now.gridPos)}.`);
    void this.editor.focusHandle(g.id, g.kind);
  }

  /** Shows a step of `g`, keeping its frame marked as the placeholder once the dashboard has drawn it. */
  #show(g: Gesture, next: Dashboard): void {
    if (next === g.shown) return;
    g.shown = next;
    void this.editor.preview(next).then(() => this.#mark(g.id, this.#gesture === g));
  }

  /** Ends the gesture, keeping where the panel is. */
  #drop(): void {
    const g = this.#gesture;
    if (!g) return;
    this.end();
    const panel = panelById(g.shown, g.id)!;
    const name = nameOf(panel.title, g.id);
    if (samePos(panel.gridPos, g.start)) {
      this.editor.revert(g.before);
      this.editor.announce(`Dropped ${name}: nothing changed, ${describePos(panel.gridPos)}.`);
      return;
    }
    const resized = panel.gridPos.w !== g.start.w || panel.gridPos.h !== g.start.h;
    this.editor.commit(g.shown, `${resized ? 'Resize' : 'Move'} ${name}`);
    this.editor.announce(`Dropped ${name}: ${describePos(panel.gridPos)}.`);
  }

  /** Ends the gesture, putting everything back as it was when it began. */
  #restore(): void {
    const g = this.#gesture;
    if (!g) return;
    this.end();
    this.editor.revert(g.before);
    const panel = panelById(g.before, g.id)!;
    this.editor.announce(`Canceled: ${nameOf(panel.title, g.id)} is back at ${describePos(panel.gridPos)}.`);
    void this.editor.focusHandle(g.id, g.kind);
  }

  /** Marks the frame of the panel being moved as the placeholder of where it lands. */
  #mark(id: number, on: boolean): void {
    this.editor.frame(id)?.toggleAttribute('data-active', on);
  }
}
