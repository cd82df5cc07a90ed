/**
 * examples/builder: starts empty in edit mode, Add panel and Save keep the dashboard in
 * localStorage (the dashboard's `store`), a reload shows it again (in view mode, with Edit), and a
 * corrupted saved value says so and starts empty instead of breaking; with a dashboard service
 * (the real one, on PGlite, served by the test runner), Save keeps it there, a reload finds it,
 * and a save over someone else's newer version is refused with the edits kept, until Save over.
 * Against the real Prometheus (?prometheus=…).
 */
import { expect } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';

const url = window.__PROMKIT_TEST__.prometheusUrl;
/** Where localStorageStore('promkit-builder:') keeps the page's dashboard (uid `builder`). */
const KEY = 'promkit-builder:builder';

type Board = HTMLElement & { editing: boolean; dashboard: { panels: unknown[] } | undefined; updateComplete: Promise<boolean> };
type PageWindow = Window & { confirm: (message?: string) => boolean };

async function until<T>(probe: () => T | undefined | null | false, what: string, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = probe();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Opens the builder page in a new iframe (the same origin as this page, so the same localStorage); `store` names a dashboard service. */
async function open(store?: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.id = 'builder-page';
  frame.style.cssText = 'width:1200px;height:700px;border:0';
  frame.src = `/examples/builder/index.html?prometheus=${encodeURIComponent(url)}${store ? `&store=${encodeURIComponent(store)}` : ''}`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return frame;
}

const board = (frame: HTMLIFrameElement) => until(() => frame.contentDocument!.querySelector<Board>('main prom-dashboard'), 'the dashboard');
const panels = (d: Board) => [...d.shadowRoot!.querySelectorAll('prom-panel')];
const editor = (d: Board) => d.shadowRoot!.querySelector('prom-dashboard-editor');
const notice = (frame: HTMLIFrameElement, id: 'saved' | 'problem') => frame.contentDocument!.getElementById(id)!.textContent!.trim();

/** A button of the edit toolbar, by its text. */
function toolbarButton(d: Board, name: string): HTMLButtonElement {
  const button = [...editor(d)!.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="toolbar"] button')].find((b) => b.textContent!.trim() === name);
  if (!button) throw new Error(`no ${name} button in the edit toolbar`);
  return button;
}

describe('examples/builder', () => {
  beforeEach(() => localStorage.removeItem(KEY));
  afterEach(() => {
    document.querySelectorAll('#builder-page').forEach((f) => f.remove());
    localStorage.removeItem(KEY);
  });

  it('starts empty in edit mode; Add panel and Save keep it in the browser; a reload shows it again with Edit', async function () {
    this.timeout(60_000);
    const first = await open();
    const d = await board(first);
    await until(() => editor(d)?.shadowRoot?.querySelector('[part="toolbar"]'), 'the edit toolbar');
    expect(d.editing).to.equal(true);
    expect(panels(d)).to.have.length(0);
    expect(notice(first, 'problem')).to.equal('');
    const hint = first.contentDocument!.getElementById('empty-hint')!;
    expect(hint.hidden, 'the empty-dashboard hint shows').to.equal(false);

    toolbarButton(d, 'Add panel').click();
    await until(() => panels(d).length === 1, 'one panel');
    expect(hint.hidden, 'the hint goes once there is a panel').to.equal(true);
    toolbarButton(d, 'Save').click();
    await until(() => !d.editing, 'edit mode to end');
    const stored = JSON.parse(localStorage.getItem(KEY)!) as { version: number; dashboard: { title: string; panels: unknown[] } };
    expect(stored.dashboard.title).to.equal('Untitled dashboard');
    expect(stored.dashboard.panels).to.have.length(1);
    expect(notice(first, 'saved')).to.contain('Saved in this browser (version 1)');
    first.remove();

    const again = await open();
    const shown = await board(again);
    await until(() => panels(shown).length === 1, 'the saved panel');
    expect(shown.editing).to.equal(false);
    expect(shown.shadowRoot!.querySelector('[part~="edit-button"]')).to.not.equal(null);
    expect(notice(again, 'problem')).to.equal('');
    await new Promise((r) => setTimeout(r, 300));
    await executeServerCommand('screenshot', { selector: '#builder-page', name: 'builder-page-saved' });

    // Start over asks first (something is saved): No keeps everything, Yes clears the storage and starts empty in edit mode.
    let asked = 0;
    (again.contentWindow as PageWindow).confirm = () => (asked++, false);
    again.contentDocument!.getElementById('start-over')!.click();
    await until(() => asked === 1, 'the question');
    expect(localStorage.getItem(KEY)).to.not.equal(null);
    expect(await board(again)).to.equal(shown);
    (again.contentWindow as PageWindow).confirm = () => true;
    again.contentDocument!.getElementById('start-over')!.click();
    const fresh = await until(() => {
      const b = again.contentDocument!.querySelector<Board>('main prom-dashboard');
      return b !== shown && editor(b!)?.shadowRoot?.querySelector('[part="toolbar"]') && b;
    }, 'a new board in edit mode');
    expect(panels(fresh)).to.have.length(0);
    expect(localStorage.getItem(KEY)).to.equal(null);
    await executeServerCommand('screenshot', { selector: '#builder-page', name: 'builder-page-empty' });
  });

  for (const [what, value, why] of [
    ['not JSON', '{"schemaVersion": 1, "panels": [', 'is not JSON'],
    ['not a dashboard', JSON.stringify({ uid: 'builder', version: 1, dashboard: { schemaVersion: 1, title: 'Old', panels: [{ id: 1, type: 'nope' }] } }), 'panels[0]'],
  ] as const) {
    it(`says when the saved dashboard is ${what} and starts empty`, async function () {
      this.timeout(30_000);
      localStorage.setItem(KEY, value);
      const frame = await open();
      const d = await board(frame);
      await until(() => editor(d)?.shadowRoot?.querySelector('[part="toolbar"]'), 'the edit toolbar');
      const problem = frame.contentDocument!.getElementById('problem')!;
      expect(problem.getAttribute('role')).to.equal('alert');
      expect(problem.textContent).to.contain('The saved dashboard could not be read: ');
      expect(problem.textContent).to.contain(why);
      expect(problem.textContent).to.contain('starting empty');
      expect(d.editing).to.equal(true);
      expect(panels(d)).to.have.length(0);
      if (what === 'not a dashboard') await executeServerCommand('screenshot', { selector: '#builder-page', name: 'builder-page-corrupted' });
    });
  }
});

describe('examples/builder with the dashboard service', () => {
  const SERVICE = '/dashboard-service';
  const stored = async () => {
    const answer = await fetch(`${SERVICE}/dashboards/builder`);
    return answer.status === 404 ? undefined : ((await answer.json()) as { version: number; dashboard: { title: string; panels: unknown[] } });
  };
  beforeEach(async () => {
    localStorage.removeItem(KEY);
    await fetch(`${SERVICE}/dashboards/builder`, { method: 'DELETE' });
  });
  afterEach(() => document.querySelectorAll('#builder-page').forEach((f) => f.remove()));

  it('builds, saves to the service, finds it after a reload, and refuses a save over a newer version keeping the edits', async function () {
    this.timeout(60_000);
    const first = await open(SERVICE);
    const d = await board(first);
    await until(() => editor(d)?.shadowRoot?.querySelector('[part="toolbar"]'), 'the edit toolbar');
    expect(first.contentDocument!.querySelector('header .where')!.textContent).to.contain('dashboard service');
    toolbarButton(d, 'Add panel').click();
    await until(() => panels(d).length === 1, 'one panel');
    toolbarButton(d, 'Save').click();
    const viewing = await until(() => {
      const b = first.contentDocument!.querySelector<Board>('main prom-dashboard');
      return b && !b.editing && b;
    }, 'the saved dashboard in view mode');
    expect(notice(first, 'saved')).to.contain('version 1');
    expect((await stored())!.dashboard.panels).to.have.length(1);
    expect(localStorage.getItem(KEY), 'nothing in localStorage').to.equal(null);
    first.remove();

    const again = await open(SERVICE);
    const shown = await board(again);
    await until(() => panels(shown).length === 1, 'the saved panel after a reload');
    expect(shown.editing).to.equal(false);

    // Someone else saves version 2 meanwhile; this page's save starts from version 1.
    const theirs = (await stored())!.dashboard;
    const other = await fetch(`${SERVICE}/dashboards/builder`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ dashboard: { ...theirs, title: 'Theirs' }, version: 1 }) });
    expect(other.status).to.equal(200);
    shown.editing = true;
    await until(() => editor(shown)?.shadowRoot?.querySelector('[part="toolbar"]'), 'edit mode');
    toolbarButton(shown, 'Add panel').click();
    await until(() => panels(shown).length === 2, 'a second panel');
    toolbarButton(shown, 'Save').click();
    const saveProblem = () => editor(shown)!.shadowRoot!.querySelector('[part="save-problem"]');
    await until(() => saveProblem()?.textContent!.includes('Not saved'), 'the conflict');
    expect(saveProblem()!.getAttribute('role')).to.equal('alert');
    expect(saveProblem()!.textContent).to.contain('version 2');
    expect(shown.editing, 'still editing, the edits kept').to.equal(true);
    expect(panels(shown)).to.have.length(2);
    expect((await stored())!.dashboard.title).to.equal('Theirs');
    void viewing;
    await executeServerCommand('screenshot', { selector: '#builder-page', name: 'builder-page-conflict' });
    // Save over replaces their version with this one.
    [...saveProblem()!.querySelectorAll('button')].find((b) => b.textContent === 'Save over version 2')!.click();
    await until(() => !shown.editing, 'the save over');
    const kept = (await stored())!;
    expect([kept.version, kept.dashboard.title, kept.dashboard.panels.length]).to.deep.equal([3, 'Untitled dashboard', 2]);
    expect(notice(again, 'saved')).to.contain('version 3');
  });
});
