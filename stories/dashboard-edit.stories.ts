import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { DashboardInput } from '@promkit/core';
import '@promkit/elements/builder.js';
import appOverview from '../examples/dashboards/app-overview.json';
import { dataSource, type DataMode } from './support/data.js';

/**
 * `<prom-dashboard editable editing>`: edit mode of a dashboard. The panels replay the answers
 * recorded for the dashboard catalog's app overview story (the same definition and range).
 */
interface EditArgs {
  dashboard: DashboardInput;
  from: string;
}

const RECORDED_WITH = 'elements-prom-dashboard--app-overview';
/** The panel the keyboard and drawer stories act on: "Requests by status". */
const PANEL = 8;

const meta = {
  title: 'Builder/prom-dashboard',
  component: 'prom-dashboard',
  render: (args, { globals }) => {
    const source = dataSource((globals['data'] ?? 'recorded') as DataMode, RECORDED_WITH);
    return html`<prom-dashboard
      editable
      editing
      url=${source.url}
      from=${args.from}
      to="now"
      theme=${globals['theme'] ?? 'light'}
      .dashboard=${args.dashboard}
      .clientOptions=${{ fetch: source.fetch, retries: 0 }}
    ></prom-dashboard>`;
  },
  argTypes: {
    dashboard: { control: 'object', description: 'The dashboard definition (JSON)' },
    from: { control: 'select', options: ['now-1h', 'now-6h', 'now-24h'] },
  },
  args: { dashboard: appOverview as DashboardInput, from: 'now-6h' },
  parameters: { layout: 'fullscreen' },
} satisfies Meta<EditArgs>;
export default meta;
type Story = StoryObj<EditArgs>;

/** Polls until `find()` returns something (the elements render asynchronously), failing after 15 s. */
async function waitFor<T>(find: () => T | null | undefined, what: string): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`edit story: ${what} never appeared`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A handle (`move`, `resize`, `menu`) of a panel's edit frame, once the dashboard draws it. */
function handleOf(canvas: HTMLElement, id: number, kind: string): Promise<HTMLElement> {
  return waitFor(() => {
    const frame = canvas.querySelector('prom-dashboard')?.shadowRoot?.querySelector(`prom-edit-frame[data-panel-id="${id}"]`);
    return frame?.shadowRoot?.querySelector<HTMLElement>(`[data-edit="${kind}"]`);
  }, `the ${kind} handle of panel ${id}`);
}

/** A key press on `target` as the keyboard sends it (keydown, bubbling out of shadow roots). */
function press(target: HTMLElement, key: string): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, code: key, bubbles: true, composed: true, cancelable: true }));
}

/** Edit mode: the edit toolbar, and on each panel a drag handle, a resize handle and a menu. */
export const Editing: Story = {};

/**
 * A panel picked up by keyboard: its move handle focused, Enter, then one step right. The live
 * region announces each step; Enter would drop it, Escape put it back.
 */
export const PickedUpByKeyboard: Story = {
  play: async ({ canvasElement }) => {
    const move = await handleOf(canvasElement, PANEL, 'move');
    move.focus();
    press(move, 'Enter');
    await new Promise((r) => setTimeout(r, 50));
    press(move, 'ArrowRight');
  },
};

/** The panel drawer: a panel's menu, Edit, and its `<prom-panel-editor>` in a modal drawer. */
export const PanelDrawer: Story = {
  play: async ({ canvasElement }) => {
    (await handleOf(canvasElement, PANEL, 'menu')).click();
    const editor = () => canvasElement.querySelector('prom-dashboard')?.shadowRoot?.querySelector('prom-dashboard-editor')?.shadowRoot;
    const edit = await waitFor(() => [...(editor()?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])].find((b) => b.textContent?.trim() === 'Edit'), 'the menu item Edit');
    edit.click();
  },
};
