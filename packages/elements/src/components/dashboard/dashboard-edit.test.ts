/** <prom-dashboard editable>: edit mode (the builder's <prom-dashboard-editor>) in Chromium against the real Prometheus. */
import { expect } from 'chai';
import { executeServerCommand, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { Dashboard, DashboardInput, GridPos } from '@promkit/core';
import type { PromDashboard } from './dashboard.component.js';
import type { PromPanel } from '../panel/panel.component.js';
import type { PromDashboardEditor } from '../dashboard-editor/dashboard-editor.component.js';
import type { PromDashboardChangeEvent } from '../../events/dashboard-change-event.js';
import type { PromDashboardSaveEvent } from '../../events/dashboard-save-event.js';
import type { PromPanelEditEvent } from '../../events/panel-edit-event.js';
import type { PromPanelDrawer } from '../dashboard-editor/panel-drawer.component.js';
import type { PromPanelEditor } from '../panel-editor/panel-editor.component.js';
import '../../define.js';
import '../dashboard-editor/dashboard-editor.js';

const url = window.__PROMKIT_TEST__.prometheusUrl;

const stat = (id: number, title: string, gridPos: GridPos) => ({ id, type: 'stat' as const, title, gridPos, targets: [{ refId: 'A', expr: `vector(${id})` }] });

/** A, B side by side with room between them, C below A. */
const DEFINITION: DashboardInput = {
  schemaVersion: 1,
  title: 'Editable',
  panels: [stat(1, 'A', { x: 0, y: 0, w: 6, h: 4 }), stat(2, 'B', { x: 12, y: 0, w: 6, h: 4 }), stat(3, 'C', { x: 0, y: 4, w: 12, h: 4 })],
} as DashboardInput;

function panels(d: PromDashboard): PromPanel[] {
  return [...d.shadowRoot!.querySelectorAll('prom-panel')];
}

async function settled(d: PromDashboard): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    await d.updateComplete;
    const all = panels(d);
    if (all.length > 0 && all.every((p) => p.results.length > 0 && !p.shadowRoot!.querySelector('.spinner, .skeleton'))) return;
    if (Date.now() > deadline) throw new Error('panels did not settle');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function mount(setup: (d: PromDashboard) => void = () => undefined): Promise<PromDashboard> {
  const d = document.createElement('prom-dashboard');
  d.style.width = '1200px';
  d.dashboard = structuredClone(DEFINITION);
  d.url = url;
  d.editable = true;
  setup(d);
  document.body.append(d);
  await settled(d);
  return d;
}

function editor(d: PromDashboard): PromDashboardEditor {
  const e = d.shadowRoot!.querySelector('prom-dashboard-editor');
  if (!e) throw new Error('not in edit mode: no <prom-dashboard-editor>');
  return e;
}

function live(d: PromDashboard): string {
  return editor(d).shadowRoot!.querySelector('[aria-live]')!.textContent!.trim();
}

function frame(d: PromDashboard, id: number): HTMLElement {
  const f = d.shadowRoot!.querySelector<HTMLElement>(`prom-edit-frame[data-panel-id="${id}"]`);
  if (!f) throw new Error(`no edit frame for panel ${id}`);
  return f;
}

/** Every edit control of the dashboard's frames with this part. */
function parts(d: PromDashboard, part: string): Element[] {
  return [...d.shadowRoot!.querySelectorAll('prom-edit-frame')].flatMap((f) => [...f.shadowRoot!.querySelectorAll(`[part="${part}"]`)]);
}

function handle(d: PromDashboard, id: number, kind: 'move' | 'resize' | 'menu'): HTMLElement {
  const h = frame(d, id).shadowRoot!.querySelector<HTMLElement>(`[data-edit="${kind}"]`);
  if (!h) throw new Error(`no ${kind} handle for panel ${id}`);
  return h;
}

function toolbarButton(d: PromDashboard, name: string): HTMLButtonElement {
  const b = [...editor(d).shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="toolbar"] button')].find((x) => x.textContent!.trim() === name);
  if (!b) throw new Error(`no ${name} button in the edit toolbar`);
  return b;
}

async function enterEditing(d: PromDashboard): Promise<void> {
  d.shadowRoot!.querySelector<HTMLButtonElement>('[part="edit-button"]')!.click();
  await d.updateComplete;
  await editor(d).updateComplete;
}

/** Every prom-dashboard-change detail from now on. */
function changes(d: PromDashboard): Dashboard[] {
  const seen: Dashboard[] = [];
  d.addEventListener('prom-dashboard-change', (e: PromDashboardChangeEvent) => seen.push(JSON.parse(JSON.stringify(e.detail.dashboard))));
  return seen;
}

const posOf = (d: Dashboard | DashboardInput | undefined, id: number) => d!.panels!.find((p) => p.id === id)!.gridPos;

/** Presses each key in turn; `Shift+ArrowUp` holds the modifiers down around the key. */
async function press(...keys: string[]): Promise<void> {
  for (const combo of keys) {
    const parts = combo.split('+');
    const key = parts.pop()!;
    for (const m of parts) await sendKeys({ down: m });
    await sendKeys({ press: key });
    for (const m of parts.reverse()) await sendKeys({ up: m });
  }
}

/** The centre of an element in page coordinates (what sendMouse takes). */
function centre(el: Element): [number, number] {
  const r = el.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2 + scrollX), Math.round(r.top + r.height / 2 + scrollY)];
}

/** Width of one grid column plus the gap, and height of one grid row plus the gap, in px. */
function pitch(d: PromDashboard): { col: number; row: number } {
  const grid = d.shadowRoot!.querySelector<HTMLElement>('.grid')!;
  const style = getComputedStyle(grid);
  return { col: (grid.getBoundingClientRect().width + parseFloat(style.columnGap)) / 24, row: parseFloat(style.gridAutoRows) + parseFloat(style.rowGap) };
}

function drawer(d: PromDashboard): PromPanelDrawer {
  return editor(d).shadowRoot!.querySelector('prom-panel-drawer')!;
}

function panelEditor(d: PromDashboard): PromPanelEditor | null {
  return drawer(d).shadowRoot!.querySelector('prom-panel-editor');
}

/** Polls until `ok()` holds (each await lets the elements update), failing after 10 s. */
async function until(ok: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`never came true: ${ok.toString()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Opens a panel's menu and chooses Edit, by keyboard. */
async function chooseEdit(d: PromDashboard, id: number): Promise<void> {
  handle(d, id, 'menu').focus();
  await sendKeys({ press: 'Enter' });
  await editor(d).updateComplete;
  expect(editor(d).shadowRoot!.activeElement?.textContent).to.equal('Edit');
  await sendKeys({ press: 'Enter' });
}

/** The drawer's dialog once it is open with a panel editor in it. */
async function drawerShown(d: PromDashboard): Promise<HTMLDialogElement> {
  const dialog = drawer(d).shadowRoot!.querySelector('dialog')!;
  await until(() => dialog.open && panelEditor(d) !== null);
  await panelEditor(d)!.updateComplete;
  return dialog;
}

/** The dialog's accessible name: the text of the element its aria-labelledby names. */
function labelOf(dialog: HTMLDialogElement): string {
  return (dialog.getRootNode() as ShadowRoot).getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent!.trim();
}

/** Clicks a button of the panel editor (by its part) with the mouse, scrolled into view first. */
async function clickPart(pe: PromPanelEditor, part: string): Promise<void> {
  const button = pe.shadowRoot!.querySelector(`[part="${part}"]`)!;
  button.scrollIntoView({ block: 'center' });
  // The drawer is fixed to the viewport: its place on the page does not move with the page's scroll.
  const r = button.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
}

afterEach(() => {
  document.querySelectorAll('prom-dashboard').forEach((e) => e.remove());
});

describe('<prom-dashboard> edit mode', () => {
  it('outside edit mode nothing can be moved; editable shows an Edit button that enters edit mode', async () => {
    const plain = await mount((el) => (el.editable = false));
    expect(plain.shadowRoot!.querySelector('[part="edit-button"]')).to.equal(null);
    plain.remove();
    const d = await mount();
    expect(d.shadowRoot!.querySelectorAll('prom-edit-frame')).to.have.length(0);
    expect(d.shadowRoot!.querySelector('prom-dashboard-editor')).to.equal(null);
    await enterEditing(d);
    expect(d.editing).to.equal(true);
    expect(d.hasAttribute('editing')).to.equal(true);
    expect(parts(d, 'drag-handle')).to.have.length(3);
    expect(parts(d, 'resize-handle')).to.have.length(3);
    expect(parts(d, 'panel-menu-button')).to.have.length(3);
    expect(frame(d, 1).getAttribute('exportparts')).to.equal('drag-handle, resize-handle, panel-menu-button');
    expect(d.shadowRoot!.querySelector('[part="edit-button"]')).to.equal(null);
    // Leaving from the host takes every handle away.
    d.editing = false;
    await d.updateComplete;
    expect(d.shadowRoot!.querySelectorAll('prom-edit-frame')).to.have.length(0);
    expect(d.dirty).to.equal(false);
  });

  it('keyboard: Enter picks up, arrows move, Shift+arrows resize, Enter drops, Escape restores; each step announced', async () => {
    const d = await mount((el) => (el.editing = true));
    const seen = changes(d);
    const panelA = panels(d)[0]!;
    const resultsA = panelA.results;
    let refreshes = 0;
    d.addEventListener('prom-refresh', () => refreshes++);

    handle(d, 1, 'move').focus();
    await press('Enter');
    expect(live(d)).to.match(/^Picked up “A”: column 1, row 1, 6 wide, 4 high\./);
    await press('ArrowRight', 'ArrowRight');
    expect(live(d)).to.equal('“A”: column 3, row 1, 6 wide, 4 high.');
    expect(seen).to.have.length(0); // a step is not a change until it is dropped
    await press('Enter');
    expect(live(d)).to.equal('Dropped “A”: column 3, row 1, 6 wide, 4 high.');
    expect(seen).to.have.length(1);
    expect(posOf(seen[0], 1)).to.deep.equal({ x: 2, y: 0, w: 6, h: 4 });
    expect(posOf(d.dashboard, 1)).to.deep.equal({ x: 2, y: 0, w: 6, h: 4 });
    expect(d.dirty).to.equal(true);

    // Resize: A grows over C's top row, so C goes below it.
    expect(frame(d, 1).shadowRoot!.activeElement).to.equal(handle(d, 1, 'move'));
    await press('Enter', 'Shift+ArrowRight', 'Shift+ArrowRight', 'Shift+ArrowRight', 'Shift+ArrowDown');
    expect(live(d)).to.equal('“A”: column 3, row 1, 9 wide, 5 high.');
    await press('Enter');
    expect(seen).to.have.length(2);
    expect(posOf(seen[1], 1)).to.deep.equal({ x: 2, y: 0, w: 9, h: 5 });
    expect(posOf(seen[1], 3)).to.deep.equal({ x: 0, y: 5, w: 12, h: 4 });
    expect(posOf(seen[1], 2)).to.deep.equal({ x: 12, y: 0, w: 6, h: 4 });

    // The resize handle: arrows resize.
    handle(d, 2, 'resize').focus();
    await press('Space', 'ArrowLeft', 'ArrowUp', 'Enter');
    expect(posOf(seen[2], 2)).to.deep.equal({ x: 12, y: 0, w: 5, h: 3 });

    // Escape puts everything back and changes nothing.
    handle(d, 3, 'move').focus();
    await press('Enter', 'ArrowRight', 'ArrowUp');
    expect(posOf(d.dashboard, 3)).to.not.deep.equal({ x: 0, y: 5, w: 12, h: 4 });
    await press('Escape');
    expect(live(d)).to.equal('Canceled: “C” is back at column 1, row 6, 12 wide, 4 high.');
    expect(posOf(d.dashboard, 3)).to.deep.equal({ x: 0, y: 5, w: 12, h: 4 });
    expect(seen).to.have.length(3);
    expect(d.editing).to.equal(true);

    // Moving and resizing queried nothing again: the panels kept their data (same elements, same results).
    await d.updateComplete;
    expect(panels(d)[0]).to.equal(panelA);
    expect(panelA.results).to.equal(resultsA);
    expect(refreshes).to.equal(0);
  });

  it('pointer: dragging a handle snaps to the grid with a placeholder, exact gridPos on drop', async () => {
    const d = await mount((el) => (el.editing = true));
    const seen = changes(d);
    const { col, row } = pitch(d);
    // Drag B six columns left (a few pixels down, less than half a row: it stays on row 1).
    const [x0, y0] = centre(handle(d, 2, 'move'));
    await sendMouse({ type: 'move', position: [x0, y0] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [Math.round(x0 - 3 * col), y0 + 5] });
    await sendMouse({ type: 'move', position: [Math.round(x0 - 6 * col), y0 + 5] });
    await d.updateComplete;
    const placeholder = frame(d, 2);
    expect(placeholder.hasAttribute('data-active')).to.equal(true); // the placeholder, at the snapped cell
    expect(getComputedStyle(placeholder).gridColumnStart).to.equal('7');
    expect(seen).to.have.length(0);
    await sendMouse({ type: 'up' });
    expect(seen).to.have.length(1);
    expect(posOf(seen[0], 2)).to.deep.equal({ x: 6, y: 0, w: 6, h: 4 });
    expect(placeholder.hasAttribute('data-active')).to.equal(false);

    // Resize C from its corner: 4 columns wider, 2 rows higher.
    const [rx, ry] = centre(handle(d, 3, 'resize'));
    await sendMouse({ type: 'move', position: [rx, ry] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [Math.round(rx + 4 * col), Math.round(ry + 2 * row)] });
    await sendMouse({ type: 'up' });
    expect(seen).to.have.length(2);
    expect(posOf(seen[1], 3)).to.deep.equal({ x: 0, y: 4, w: 16, h: 6 });
    // Touch drags the handles instead of scrolling the page.
    expect(getComputedStyle(handle(d, 2, 'move')).touchAction).to.equal('none');
    expect(getComputedStyle(handle(d, 2, 'resize')).touchAction).to.equal('none');
  });

  it('the panel menu moves a panel into another row and back; each move one change, undone by Undo', async () => {
    const d = await mount((el) => {
      el.editing = true;
      el.dashboard = { ...structuredClone(DEFINITION), panels: [...structuredClone(DEFINITION).panels!, { id: 10, type: 'row', title: 'Below', gridPos: { x: 0, y: 8, w: 24, h: 1 } }] } as DashboardInput;
    });
    const seen = changes(d);
    handle(d, 2, 'menu').focus();
    await sendKeys({ press: 'Enter' });
    await editor(d).updateComplete;
    const items = () => [...editor(d).shadowRoot!.querySelectorAll<HTMLElement>('[role="menuitem"]')].map((i) => i.textContent!.trim());
    expect(items()).to.deep.equal(['Edit', 'Duplicate', 'Copy JSON', 'Move to “Below”', 'Remove']);
    await press('ArrowDown', 'ArrowDown', 'ArrowDown', 'Enter');
    await until(() => seen.length === 1);
    // Below the row (y 8, h 1): its section starts at y 9; B keeps its column and size.
    expect(posOf(seen[0], 2)).to.deep.equal({ x: 12, y: 9, w: 6, h: 4 });
    expect(seen[0]!.panels.map((p) => p.id)).to.deep.equal([1, 3, 10, 2]);
    expect(live(d)).to.equal('Moved “B” to “Below”: column 13, row 10, 6 wide, 4 high.');
    await until(() => frame(d, 2).shadowRoot!.activeElement === handle(d, 2, 'menu'));
    await sendKeys({ press: 'Enter' });
    await editor(d).updateComplete;
    expect(items()).to.deep.equal(['Edit', 'Duplicate', 'Copy JSON', 'Move to the top', 'Remove']);
    await sendKeys({ press: 'Escape' });
    toolbarButton(d, 'Undo').click();
    await d.updateComplete;
    expect(posOf(d.definition, 2)).to.deep.equal({ x: 12, y: 0, w: 6, h: 4 });
    expect(live(d)).to.equal('Undid: Move “B” to “Below”.');
  });

  it('touch: a finger drags a handle to the snapped cell, and the page does not scroll', async () => {
    const d = await mount((el) => (el.editing = true));
    const seen = changes(d);
    const { col } = pitch(d);
    const [x0, y0] = centre(handle(d, 2, 'move'));
    const scrolled = scrollY;
    // Client coordinates: the touchscreen takes the viewport's.
    const [cx, cy] = [x0 - scrollX, y0 - scrollY];
    await executeServerCommand('touch-drag', { from: [cx, cy], path: [[Math.round(cx - 3 * col), cy + 20], [Math.round(cx - 6 * col), cy + 5]] });
    await until(() => seen.length === 1);
    expect(posOf(seen[0], 2)).to.deep.equal({ x: 6, y: 0, w: 6, h: 4 });
    expect(scrollY).to.equal(scrolled);
  });

  it('undo and redo: buttons and Ctrl+Z / Shift+Ctrl+Z, each a change event', async () => {
    const d = await mount((el) => (el.editing = true));
    const seen = changes(d);
    handle(d, 1, 'move').focus();
    await press('Enter', 'ArrowDown', 'Enter');
    // Moving A down goes past C (C floats up above it): wherever the maths put it, undo brings it back.
    const moved = posOf(d.dashboard, 1);
    expect(moved).to.not.deep.equal({ x: 0, y: 0, w: 6, h: 4 });
    expect(toolbarButton(d, 'Undo').disabled).to.equal(false);
    expect(toolbarButton(d, 'Redo').disabled).to.equal(true);
    toolbarButton(d, 'Undo').click();
    await d.updateComplete;
    expect(posOf(d.dashboard, 1)).to.deep.equal({ x: 0, y: 0, w: 6, h: 4 });
    expect(posOf(seen.at(-1), 1)).to.deep.equal({ x: 0, y: 0, w: 6, h: 4 });
    expect(live(d)).to.equal('Undid: Move “A”.');
    expect(d.dirty).to.equal(false);
    handle(d, 1, 'move').focus();
    await press('Shift+Control+z');
    expect(posOf(d.dashboard, 1)).to.deep.equal(moved);
    expect(live(d)).to.equal('Redid: Move “A”.');
    await press('Control+z');
    expect(posOf(d.dashboard, 1)).to.deep.equal({ x: 0, y: 0, w: 6, h: 4 });
    expect(seen).to.have.length(4);
  });

  it('Discard restores the definition as it was when editing began, deep-equal', async () => {
    const d = await mount();
    const start = structuredClone(d.dashboard);
    await enterEditing(d);
    handle(d, 1, 'move').focus();
    await press('Enter', 'ArrowRight', 'Shift+ArrowDown', 'Enter');
    handle(d, 3, 'menu').click();
    await editor(d).updateComplete;
    [...editor(d).shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')].find((b) => b.textContent === 'Remove')!.click();
    await d.updateComplete;
    expect(d.dashboard!.panels!.map((p) => p.id)).to.deep.equal([1, 2]);
    expect(d.dirty).to.equal(true);
    toolbarButton(d, 'Discard').click();
    await d.updateComplete;
    expect(d.editing).to.equal(false);
    expect(d.dirty).to.equal(false);
    expect(d.dashboard).to.deep.equal(start);
    expect(panels(d)).to.have.length(3);
  });

  it('Save fires the validated dashboard; canceling it keeps editing and dirty', async () => {
    const d = await mount((el) => (el.editing = true));
    handle(d, 2, 'move').focus();
    await press('Enter', 'ArrowLeft', 'Enter');
    const saved: Dashboard[] = [];
    let cancel = true;
    d.addEventListener('prom-dashboard-save', (e: PromDashboardSaveEvent) => {
      saved.push(e.detail.dashboard);
      if (cancel) e.preventDefault();
    });
    toolbarButton(d, 'Save').click();
    await d.updateComplete;
    expect(saved).to.have.length(1);
    expect(posOf(saved[0], 2)).to.deep.equal({ x: 11, y: 0, w: 6, h: 4 });
    expect(d.editing).to.equal(true);
    expect(d.dirty).to.equal(true);
    expect(live(d)).to.equal('Not saved: the page kept the changes unsaved.');
    // Leaving the page now asks first.
    const leave = () => {
      const e = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    };
    expect(leave()).to.equal(true);
    cancel = false;
    toolbarButton(d, 'Save').click();
    await d.updateComplete;
    expect(saved).to.have.length(2);
    expect(d.editing).to.equal(false);
    expect(d.dirty).to.equal(false);
    expect(leave()).to.equal(false);
    expect(posOf(d.dashboard, 2)).to.deep.equal({ x: 11, y: 0, w: 6, h: 4 });
  });

  it('the panel menu duplicates; the toolbar adds panels and rows; a host echoing the definition reloads nothing', async () => {
    const d = await mount((el) => (el.editing = true));
    const seen = changes(d);
    // A host that keeps the definition itself sets each change back.
    d.addEventListener('prom-dashboard-change', (e: PromDashboardChangeEvent) => (d.dashboard = JSON.parse(JSON.stringify(e.detail.dashboard))));
    const before = panels(d);
    let refreshes = 0;
    d.addEventListener('prom-refresh', () => refreshes++);
    handle(d, 1, 'menu').click();
    await editor(d).updateComplete;
    const menu = editor(d).shadowRoot!.querySelector('[part="menu"]')!;
    expect([...menu.querySelectorAll('[role="menuitem"]')].map((b) => b.textContent)).to.deep.equal(['Edit', 'Duplicate', 'Copy JSON', 'Remove']);
    expect(editor(d).shadowRoot!.activeElement?.textContent).to.equal('Edit');
    [...menu.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')].find((b) => b.textContent === 'Duplicate')!.click();
    await d.updateComplete;
    const copy = seen[0]!.panels.find((p) => p.id === 4)!;
    expect(copy.title).to.equal('A');
    expect(copy.gridPos).to.deep.equal({ x: 6, y: 0, w: 6, h: 4 });
    expect(live(d)).to.equal('Duplicated “A”: the copy is at column 7, row 1, 6 wide, 4 high.');
    await d.updateComplete;
    // The three panels already shown are the same elements with no new query.
    expect(panels(d).filter((p) => before.includes(p))).to.have.length(3);
    expect(refreshes).to.equal(1); // only the copy queries
    toolbarButton(d, 'Add row').click();
    await d.updateComplete;
    // A new row goes at the bottom, below everything.
    const withRow = seen.at(-1)!;
    expect(withRow.panels.at(-1)).to.include({ type: 'row', id: 5, title: 'Row title' });
    expect(posOf(withRow, 5)).to.deep.equal({ x: 0, y: 8, w: 24, h: 1 });
    expect(posOf(withRow, 1)).to.deep.equal({ x: 0, y: 0, w: 6, h: 4 });
    const type = editor(d).shadowRoot!.querySelector<HTMLSelectElement>('select')!;
    type.value = 'text';
    type.dispatchEvent(new Event('change'));
    toolbarButton(d, 'Add panel').click();
    await d.updateComplete;
    const added = seen.at(-1)!.panels.find((p) => p.id === 6)!;
    expect(added).to.include({ type: 'text', title: 'New text' });
    expect(added.gridPos).to.deep.equal({ x: 0, y: 0, w: 12, h: 8 });
    // The new panel went in at the top: A and C moved down out of its way, never overlapping.
    expect(posOf(seen.at(-1), 1)).to.deep.equal({ x: 0, y: 8, w: 6, h: 4 });
    expect(d.dirty).to.equal(true);
  });

  it('the panel menu\'s Edit opens the panel editor in a drawer; Apply is one change, undone by Undo', async () => {
    const d = await mount((el) => (el.editing = true));
    const seen = changes(d);
    const edits: PromPanelEditEvent[] = [];
    d.addEventListener('prom-panel-edit', (e: PromPanelEditEvent) => edits.push(e));
    await chooseEdit(d, 2);
    expect(edits.map((e) => e.detail.panel.title)).to.deep.equal(['B']);
    const dialog = await drawerShown(d);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(labelOf(dialog)).to.equal('B');
    const pe = panelEditor(d)!;
    expect(pe.value).to.include({ id: 2, title: 'B' });
    expect(pe.datasources).to.deep.equal(d.definition!.datasources);
    expect(pe.url).to.equal(url);
    expect(pe.range).to.equal('now-6h,now');
    // The drawer opens on the Title field.
    const title = pe.shadowRoot!.querySelector<HTMLInputElement>('#title')!;
    await until(() => pe.shadowRoot!.activeElement === title);
    title.select();
    await sendKeys({ type: 'Edited B' });
    expect(seen).to.have.length(0); // edits in the drawer are not the dashboard's until Apply
    await clickPart(pe, 'apply-button');
    await until(() => !dialog.open);
    expect(live(d)).to.equal('Applied the edits to “Edited B”.');
    expect(seen).to.have.length(1);
    expect(seen[0]!.panels.find((p) => p.id === 2)).to.include({ title: 'Edited B' });
    expect(seen[0]!.panels.find((p) => p.id === 1)).to.include({ title: 'A' });
    expect(posOf(seen[0], 2)).to.deep.equal({ x: 12, y: 0, w: 6, h: 4 });
    expect(d.definition!.panels.find((p) => p.id === 2)!.title).to.equal('Edited B');
    expect(panelEditor(d)).to.equal(null);
    await until(() => frame(d, 2).shadowRoot!.activeElement === handle(d, 2, 'menu'));
    expect(live(d)).to.equal('Applied the edits to “Edited B”.');
    toolbarButton(d, 'Undo').click();
    await d.updateComplete;
    expect(seen).to.have.length(2);
    expect(seen[1]!.panels.find((p) => p.id === 2)).to.include({ title: 'B' });
    expect(live(d)).to.equal('Undid: Edit “Edited B”.');
  });

  it('Cancel and Escape close the drawer changing nothing; a host canceling prom-panel-edit gets no drawer', async () => {
    const d = await mount((el) => (el.editing = true));
    const seen = changes(d);
    await chooseEdit(d, 1);
    const dialog = await drawerShown(d);
    const title = panelEditor(d)!.shadowRoot!.querySelector<HTMLInputElement>('#title')!;
    title.focus();
    title.select();
    await sendKeys({ type: 'Not kept' });
    await clickPart(panelEditor(d)!, 'cancel-button');
    await until(() => !dialog.open && frame(d, 1).shadowRoot!.activeElement === handle(d, 1, 'menu'));
    expect(seen).to.have.length(0);
    expect(d.definition!.panels.find((p) => p.id === 1)!.title).to.equal('A');
    expect(toolbarButton(d, 'Undo').disabled).to.equal(true);
    // Escape closes it too, focus back on the menu button.
    await chooseEdit(d, 3);
    await drawerShown(d);
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog.open && frame(d, 3).shadowRoot!.activeElement === handle(d, 3, 'menu'));
    expect(seen).to.have.length(0);
    expect(panelEditor(d)).to.equal(null);
    // A host with an editor of its own cancels the event: no drawer.
    const asked: number[] = [];
    d.addEventListener('prom-panel-edit', (e: PromPanelEditEvent) => {
      asked.push(e.detail.panel.id);
      e.preventDefault();
    });
    await chooseEdit(d, 1);
    await editor(d).updateComplete;
    await drawer(d).updateComplete;
    expect(asked).to.deep.equal([1]);
    expect(dialog.open).to.equal(false);
    expect(panelEditor(d)).to.equal(null);
    expect(seen).to.have.length(0);
  });

  it('screenshot of the panel editor drawer', async () => {
    const d = await mount((el) => {
      el.editing = true;
      el.id = 'edit-drawer';
    });
    await chooseEdit(d, 2);
    await drawerShown(d);
    await until(() => (panelEditor(d)!.shadowRoot!.querySelector('prom-panel')?.results.length ?? 0) > 0);
    await new Promise((r) => setTimeout(r, 300));
    await executeServerCommand('screenshot', { selector: '#edit-drawer >>> dialog', name: 'dashboard-edit-drawer' });
    await sendKeys({ press: 'Escape' });
  });

  it('screenshots of edit mode in light and dark', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const d = await mount((el) => {
        el.editing = true;
        el.theme = theme;
        el.id = `edit-${theme}`;
      });
      handle(d, 3, 'move').focus();
      await press('Enter', 'ArrowRight', 'ArrowRight');
      if (theme === 'dark') {
        handle(d, 2, 'menu').click();
        await editor(d).updateComplete;
      }
      await new Promise((r) => setTimeout(r, 200));
      await executeServerCommand('screenshot', { selector: `#edit-${theme}`, name: `dashboard-edit-${theme}` });
      d.remove();
    }
  });
});

describe('<prom-dashboard> edit mode: settings, variables and JSON drawers', () => {
  const partDrawer = (d: PromDashboard) => editor(d).shadowRoot!.querySelector('prom-definition-drawer')!;
  const footerButton = (d: PromDashboard, name: string) =>
    [...partDrawer(d).shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="footer"] button')].find((b) => b.textContent!.trim() === name)!;

  /** Opens a toolbar part's drawer; resolves with its dialog and the editor in it. */
  async function openPart<T extends HTMLElement & { updateComplete: Promise<boolean> }>(d: PromDashboard, button: string, tag: string): Promise<{ dialog: HTMLDialogElement; part: T }> {
    toolbarButton(d, button).click();
    await until(() => partDrawer(d).shadowRoot!.querySelector('dialog')?.open === true && partDrawer(d).shadowRoot!.querySelector(tag) !== null);
    const part = partDrawer(d).shadowRoot!.querySelector<T>(tag)!;
    await part.updateComplete;
    return { dialog: partDrawer(d).shadowRoot!.querySelector('dialog')!, part };
  }

  afterEach(() => document.querySelectorAll('prom-dashboard').forEach((e) => e.remove()));

  it('Settings: the edit is one change on Apply, focus back on the button; Cancel changes nothing', async () => {
    const d = await mount((el) => (el.editing = true));
    const seen = changes(d);
    const { dialog, part } = await openPart(d, 'Settings', 'prom-dashboard-settings');
    expect(dialog.matches(':modal')).to.equal(true);
    expect(labelOf(dialog)).to.equal('Dashboard settings');
    const title = part.shadowRoot!.querySelector<HTMLInputElement>('#title')!;
    title.value = 'Renamed';
    title.dispatchEvent(new Event('change', { bubbles: true }));
    expect(seen).to.have.length(0); // a draft until Apply
    footerButton(d, 'Apply').click();
    await until(() => !dialog.open && seen.length > 0);
    expect(seen.map((s) => s.title)).to.deep.equal(['Renamed']);
    expect(d.definition!.title).to.equal('Renamed');
    expect(d.dirty).to.equal(true);
    expect(live(d)).to.equal('Applied: Edit dashboard settings.');
    await until(() => editor(d).shadowRoot!.activeElement === toolbarButton(d, 'Settings'));
    // Cancel keeps the definition.
    const again = await openPart(d, 'Settings', 'prom-dashboard-settings');
    const t2 = again.part.shadowRoot!.querySelector<HTMLInputElement>('#title')!;
    expect(t2.value).to.equal('Renamed');
    t2.value = 'Not kept';
    t2.dispatchEvent(new Event('change', { bubbles: true }));
    footerButton(d, 'Cancel').click();
    await until(() => !again.dialog.open && editor(d).shadowRoot!.activeElement === toolbarButton(d, 'Settings'));
    expect(seen).to.have.length(1);
    expect(d.definition!.title).to.equal('Renamed');
  });

  it('JSON: an invalid text is not applied and says why; a valid one is one change, undone by Undo', async () => {
    const d = await mount((el) => (el.editing = true));
    const seen = changes(d);
    const { dialog, part } = await openPart(d, 'JSON', 'prom-dashboard-json');
    expect(labelOf(dialog)).to.equal('JSON model');
    const area = part.shadowRoot!.querySelector('textarea')!;
    expect(JSON.parse(area.value)).to.deep.equal(JSON.parse(JSON.stringify(d.definition)));
    const type = (text: string) => {
      area.value = text;
      area.dispatchEvent(new Event('input', { bubbles: true }));
    };
    type(area.value.replace('"title": "Editable"', '"title": ""'));
    footerButton(d, 'Apply').click();
    await partDrawer(d).updateComplete;
    expect(dialog.open).to.equal(true);
    expect(partDrawer(d).shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('title: must not be empty');
    expect(seen).to.have.length(0);
    type(area.value.replace('"title": ""', '"title": "From JSON"').replace('"title": "B"', '"title": "B from JSON"'));
    footerButton(d, 'Apply').click();
    await until(() => !dialog.open && seen.length > 0);
    expect(seen).to.have.length(1);
    expect(seen[0]!.title).to.equal('From JSON');
    expect(seen[0]!.panels.find((p) => p.id === 2)).to.include({ title: 'B from JSON' });
    expect(posOf(seen[0], 2)).to.deep.equal({ x: 12, y: 0, w: 6, h: 4 });
    // Applying the JSON as it was opened is no step to undo.
    const same = await openPart(d, 'JSON', 'prom-dashboard-json');
    footerButton(d, 'Apply').click();
    await until(() => !same.dialog.open && live(d) === 'Edit the JSON model: nothing changed.');
    expect(seen).to.have.length(1);
    toolbarButton(d, 'Undo').click();
    await d.updateComplete;
    expect(d.definition!.title).to.equal('Editable');
    expect(live(d)).to.equal('Undid: Edit the JSON model.');
  });

  it('Datasources: a datasource added in the drawer is one change; the dashboard keeps drawing', async () => {
    const d = await mount((el) => (el.editing = true));
    const seen = changes(d);
    const { dialog, part } = await openPart(d, 'Datasources', 'prom-datasource-editor');
    expect(labelOf(dialog)).to.equal('Datasources');
    const before = (part as unknown as { value?: Dashboard }).value!.datasources.length;
    [...part.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => /add datasource/i.test(b.textContent!))!.click();
    await until(() => (part as unknown as { value?: Dashboard }).value?.datasources.length === before + 1);
    footerButton(d, 'Apply').click();
    await until(() => !dialog.open && seen.length > 0);
    expect(seen[0]!.datasources).to.have.length(before + 1);
    expect(live(d)).to.equal('Applied: Edit datasources.');
    await settled(d);
  });

  it('screenshots of the Variables drawer in light and dark', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const d = await mount((el) => {
        el.editing = true;
        el.theme = theme;
        el.id = `parts-${theme}`;
        el.dashboard = { ...structuredClone(DEFINITION), variables: [{ type: 'custom', name: 'size', query: 'small,medium,large' }] } as DashboardInput;
      });
      const { part } = await openPart(d, 'Variables', 'prom-variables-editor');
      await until(() => part.shadowRoot!.querySelector('[part="preview"]')?.getAttribute('aria-busy') === 'false');
      await executeServerCommand('screenshot', { selector: `#parts-${theme} >>> prom-dashboard-editor >>> prom-definition-drawer >>> dialog`, name: `dashboard-variables-drawer-${theme}` });
      await sendKeys({ press: 'Escape' });
      d.remove();
    }
  });

  it('Variables: a variable added in the drawer is one change and its control shows on the dashboard', async () => {
    const d = await mount((el) => (el.editing = true));
    const seen = changes(d);
    const { dialog, part } = await openPart(d, 'Variables', 'prom-variables-editor');
    expect(labelOf(dialog)).to.equal('Variables');
    const select = part.shadowRoot!.querySelector<HTMLSelectElement>('#add-type')!;
    select.value = 'custom';
    part.shadowRoot!.querySelector<HTMLButtonElement>('button.add')!.click();
    await until(() => (part as unknown as { value?: Dashboard }).value?.variables.length === 1);
    footerButton(d, 'Apply').click();
    await until(() => !dialog.open && seen.length > 0);
    expect(seen).to.have.length(1);
    expect(seen[0]!.variables).to.have.length(1);
    expect(seen[0]!.variables[0]).to.include({ type: 'custom' });
    await until(() => d.shadowRoot!.querySelector('prom-variable') !== null);
  });
});
