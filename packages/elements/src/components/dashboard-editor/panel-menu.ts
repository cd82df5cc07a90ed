/** A panel's menu in edit mode (Edit, Duplicate, Copy JSON, Save to library, Move to another row, Remove), opened from its frame's menu button; arrow keys move, Escape and Tab close. */
import { html, type TemplateResult } from 'lit';
import { cssProps } from '../../internal/css-props.js';

/** The open menu: which panel, and where (under its button). */
export interface OpenMenu {
  id: number;
  top: number;
  left: number;
}

export type PanelAction = 'edit' | 'duplicate' | 'copy' | 'library' | 'remove' | { moveTo: MoveTarget };

/** Another section a panel can move to: a row, or (`rowId` null) the panels above the first row. */
export interface MoveTarget {
  rowId: number | null;
  /** How the menu names it: the row's title, or "the top". */
  name: string;
}

interface Item {
  action: PanelAction;
  label: string;
  danger?: boolean;
}

const FIRST: readonly Item[] = [
  { action: 'edit', label: 'Edit' },
  { action: 'duplicate', label: 'Duplicate' },
  { action: 'copy', label: 'Copy JSON' },
];
const LIBRARY: Item = { action: 'library', label: 'Save to library' };
const REMOVE: Item = { action: 'remove', label: 'Remove', danger: true };

/** Where the menu of the button `button` opens. */
export function menuAt(id: number, button: HTMLElement): OpenMenu {
  const box = button.getBoundingClientRect();
  return { id, top: box.bottom + 4, left: Math.max(4, box.right - 160) };
}

/** The menu, with a "Move to …" item for each section the panel can move to, and Save to library when the store keeps one. */
export function renderPanelMenu(
  menu: OpenMenu,
  offer: { targets: readonly MoveTarget[]; library: boolean },
  act: (action: PanelAction) => void,
  close: () => void,
): TemplateResult {
  const items = [...FIRST, ...(offer.library ? [LIBRARY] : []), ...offer.targets.map((t): Item => ({ action: { moveTo: t }, label: `Move to ${t.name}` })), REMOVE];
  return html`<div part="menu" class="menu" role="menu" aria-label="Panel menu" ${cssProps({ top: `${menu.top}px`, left: `${menu.left}px` })} @keydown=${(e: KeyboardEvent) => onMenuKey(e, close)}>
    ${items.map((item) => html`<button role="menuitem" class=${item.danger ? 'danger' : ''} @click=${() => act(item.action)}>${item.label}</button>`)}
  </div>`;
}

function onMenuKey(e: KeyboardEvent, close: () => void): void {
  const menu = e.currentTarget as HTMLElement;
  const items = [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  const at = items.indexOf((menu.getRootNode() as ShadowRoot).activeElement as HTMLElement);
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
  } else if (e.key === 'Escape' || e.key === 'Tab') {
    e.preventDefault();
    e.stopPropagation();
    close();
  }
}
