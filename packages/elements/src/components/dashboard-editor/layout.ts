/** Finding a panel of a definition, its edit controls, and saying where it is, for the editor's announcements. */
import type { Dashboard, GridPos, Panel } from '@promkit/core';
import type { MoveTarget } from './panel-menu.js';

/** The top-level panel `id` (not a row), if there is one. */
export function panelById(d: Dashboard, id: number): Panel | undefined {
  return d.panels.find((p): p is Panel => p.id === id && p.type !== 'row');
}

/** "column 3, row 2, 6 wide, 4 high": a position as a person hears it (counted from 1). */
export function describePos(pos: GridPos): string {
  return `column ${pos.x + 1}, row ${pos.y + 1}, ${pos.w} wide, ${pos.h} high`;
}

/** “CPU”, or "panel 3" for a panel without a title. */
export function nameOf(title: string, id: number): string {
  return title ? `“${title}”` : `panel ${id}`;
}

export function samePos(a: GridPos, b: GridPos): boolean {
  return a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;
}

/** An edit control of a panel: which one (`move`, `resize`, `menu`), for which panel, the button and its frame. */
export interface EditControl {
  kind: string;
  id: number;
  element: HTMLElement;
  frame: HTMLElement;
}

/** The edit control an event came from (a button with `data-edit` in a `<prom-edit-frame>`). */
export function controlOf(e: Event): EditControl | undefined {
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

/** The sections panel `id` (shown, so not inside a collapsed row) can move to: the top and every row, but its own. */
export function moveTargets(d: Dashboard, id: number): MoveTarget[] {
  const rows = d.panels.filter((p) => p.type === 'row');
  if (rows.length === 0) return [];
  let own: number | null = null;
  for (const p of d.panels) {
    if (p.type === 'row') own = p.id;
    else if (p.id === id) break;
  }
  return [{ rowId: null, name: 'the top' }, ...rows.map((r) => ({ rowId: r.id, name: r.title ? `“${r.title}”` : `row ${r.id}` }))].filter((t) => t.rowId !== own);
}
