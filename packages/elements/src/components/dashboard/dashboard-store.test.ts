/**
 * <prom-dashboard> with a `store`: loading by uid, Save into the store (version-checked, with Save
 * over on a conflict), Share, and links by tag (the store's dashboards with the link's tags, opened
 * in place, the time range carried in the URL with `sync-url` and `keepTime`). In Chromium over the real dashboard service (PGlite, served by
 * the test runner at /dashboard-service) and this browser's localStorage, with the real Prometheus.
 */
import { expect } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';
import type { DashboardInput } from '@promkit/core';
import { httpStore, localStorageStore, type DashboardStoreClient } from '../../stores/dashboard-store.js';
import type { PromDashboard } from './dashboard.component.js';
import type { PromDashboardEditor } from '../dashboard-editor/dashboard-editor.component.js';
import type { PromDashboardSavedEvent } from '../../events/dashboard-saved-event.js';
import type { PromDashboardShareEvent } from '../../events/dashboard-share-event.js';
import '../../define.js';
import '../dashboard-editor/dashboard-editor.js';

const url = window.__PROMKIT_TEST__.prometheusUrl;
const SERVICE = '/dashboard-service';
const stage = document.createElement('div');
document.body.append(stage);
afterEach(() => {
  stage.replaceChildren();
  history.replaceState(null, '', location.pathname);
});

const run = Date.now().toString(36);
let serial = 0;
/** A uid of this run's own. */
const freshUid = () => `st-${run}-${serial++}`;

const definition = (title: string, uid?: string): DashboardInput =>
  ({
    schemaVersion: 1,
    ...(uid ? { uid } : {}),
    title,
    variables: [{ type: 'custom', name: 'env', query: 'prod,staging', current: { value: 'prod' } }],
    panels: [{ id: 1, type: 'stat', title: 'Up', gridPos: { x: 0, y: 0, w: 8, h: 4 }, targets: [{ refId: 'A', expr: 'vector(1)' }] }],
  }) as DashboardInput;

async function until<T>(probe: () => T | undefined | null | false, what: string): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const value = probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function mount(setup: (d: PromDashboard) => void): Promise<PromDashboard> {
  const d = document.createElement('prom-dashboard');
  d.url = url;
  d.style.width = '1000px';
  setup(d);
  stage.append(d);
  await d.updateComplete;
  return d;
}

const titleOf = (d: PromDashboard) => d.shadowRoot!.querySelector('.title')?.textContent;
const editor = (d: PromDashboard): PromDashboardEditor => d.shadowRoot!.querySelector('prom-dashboard-editor')!;
const editorButton = (d: PromDashboard, name: string) =>
  [...editor(d).shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === name || b.getAttribute('aria-label') === name)!;
const saveProblem = (d: PromDashboard) => editor(d)?.shadowRoot!.querySelector('[part="save-problem"]')?.textContent?.replace(/\s+/g, ' ').trim();

/** An edit as a person makes it: Add row in the edit bar. */
async function addRow(d: PromDashboard): Promise<void> {
  const before = d.definition!.panels.length;
  editorButton(d, 'Add row').click();
  await until(() => d.definition!.panels.length === before + 1 && d.dirty, 'the new row');
}
const rows = (d: DashboardInput | undefined) => (d?.panels ?? []).filter((p) => p.type === 'row').length;

describe('<prom-dashboard> with a store', () => {
  for (const [name, makeStore] of [
    ['the dashboard service', () => httpStore(SERVICE)],
    ['localStorage', () => localStorageStore(`promkit-test-${run}:`)],
  ] as [string, () => DashboardStoreClient][]) {
    it(`loads a dashboard by uid from ${name}, saves edits into it as the next version, and fires prom-dashboard-saved`, async () => {
      const store = makeStore();
      const uid = freshUid();
      await store.save({ ...definition('Stored board', uid), uid }, undefined);
      const d = await mount((el) => {
        el.store = store;
        el.uid = uid;
        el.editable = true;
      });
      await until(() => titleOf(d) === 'Stored board', 'the stored dashboard');
      expect(d.storedVersion).to.equal(1);
      d.editing = true;
      await d.updateComplete;
      await addRow(d);
      const saved: PromDashboardSavedEvent[] = [];
      d.addEventListener('prom-dashboard-saved', (e) => saved.push(e));
      editorButton(d, 'Save').click();
      await until(() => !d.editing, 'edit mode to end');
      expect(saved.map((e) => [e.detail.uid, e.detail.version, rows(e.detail.dashboard)])).to.deep.equal([[uid, 2, 1]]);
      expect(d.storedVersion).to.equal(2);
      expect(d.dirty).to.equal(false);
      const reread = await store.load(uid);
      expect([reread?.version, rows(reread?.dashboard)]).to.deep.equal([2, 1]);
    });
  }

  it('saves a dashboard without a uid under a new one, then updates that one on the next save', async () => {
    const store = httpStore(SERVICE);
    const d = await mount((el) => {
      el.store = store;
      el.dashboard = definition('Brand new');
      el.editable = true;
      el.editing = true;
    });
    await until(() => editor(d), 'edit mode');
    editorButton(d, 'Save').click();
    await until(() => !d.editing, 'the first save');
    const uid = d.definition!.uid!;
    expect(uid).to.match(/^[a-z2-9]{12}$/);
    expect(d.storedVersion).to.equal(1);
    d.editing = true;
    await until(() => editor(d), 'edit mode again');
    await addRow(d);
    editorButton(d, 'Save').click();
    await until(() => !d.editing, 'the second save');
    const stored = await store.load(uid);
    expect([stored?.version, rows(stored?.dashboard)]).to.deep.equal([2, 1]);
    expect((await store.list({ search: 'Brand new' })).filter((e) => e.uid === uid)).to.have.length(1);
  });

  it('a save over a newer version stays in edit mode, names both versions, and Save over replaces it', async () => {
    const store = httpStore(SERVICE);
    const uid = freshUid();
    await store.save({ ...definition('Contested', uid), uid }, undefined);
    const d = await mount((el) => {
      el.store = store;
      el.uid = uid;
      el.editable = true;
    });
    await until(() => titleOf(d) === 'Contested', 'the stored dashboard');
    d.editing = true;
    await d.updateComplete;
    await addRow(d);
    // Someone else saves version 2 meanwhile.
    await httpStore(SERVICE).save({ ...definition('Contested, theirs', uid), uid }, 1);
    editorButton(d, 'Save').click();
    const problem = await until(() => saveProblem(d), 'the save problem');
    expect(problem).to.contain('saved by someone else (version 2)').and.contain('(1)');
    expect(d.editing).to.equal(true);
    expect(d.dirty).to.equal(true);
    expect((await store.load(uid))?.dashboard.title).to.equal('Contested, theirs');
    editorButton(d, 'Save over version 2').click();
    await until(() => !d.editing, 'the save over');
    const stored = await store.load(uid);
    expect([stored?.version, stored?.dashboard.title, rows(stored?.dashboard)]).to.deep.equal([3, 'Contested', 1]);
  });

  it('a store that fails keeps the changes in edit mode and says why', async () => {
    const failing = httpStore('/no-such-service');
    const d = await mount((el) => {
      el.store = failing;
      el.dashboard = definition('Nowhere to go', freshUid());
      el.editable = true;
      el.editing = true;
    });
    await until(() => editor(d), 'edit mode');
    await addRow(d);
    editorButton(d, 'Save').click();
    const problem = await until(() => saveProblem(d), 'the save problem');
    expect(problem).to.match(/^Not saved: Saving dashboard st-[\w-]+ failed \(404\)/);
    expect(d.editing).to.equal(true);
    expect(d.dirty).to.equal(true);
    expect(editorButton(d, 'Save').disabled).to.equal(false);
  });

  it('a uid the store does not have is a problem naming it', async () => {
    const d = await mount((el) => {
      el.store = httpStore(SERVICE);
      el.uid = 'never-saved';
    });
    const text = await until(() => d.shadowRoot!.querySelector('[part="problems"]')?.textContent, 'the problem');
    expect(text.replace(/\s+/g, ' ')).to.contain('could not be loaded from the store (uid "never-saved"): the store has no dashboard with this uid');
  });

  it('with sync-url, a uid in the page URL opens that stored dashboard', async () => {
    const store = localStorageStore(`promkit-test-${run}:`);
    const uid = freshUid();
    await store.save({ ...definition('From the link', uid), uid }, undefined);
    history.replaceState(null, '', `${location.pathname}?board.uid=${uid}&board.var-env=staging`);
    const d = await mount((el) => {
      el.store = store;
      el.uid = 'some-other-board';
      el.syncUrl = true;
      el.urlKey = 'board';
    });
    await until(() => titleOf(d) === 'From the link', 'the dashboard the URL names');
    await until(() => d.variables.get('env')?.selected[0] === 'staging', 'the selection from the URL');
  });

  it('Share copies a link with the uid, time range and variables, or shows it when copying is not allowed', async () => {
    const store = localStorageStore(`promkit-test-${run}:`);
    const uid = freshUid();
    await store.save({ ...definition('Shared', uid), uid }, undefined);
    const d = await mount((el) => {
      el.store = store;
      el.uid = uid;
      el.shareable = true;
      el.from = 'now-2h';
    });
    await until(() => titleOf(d) === 'Shared' && d.variables.size === 1, 'the dashboard');
    const shared: string[] = [];
    d.addEventListener('prom-dashboard-share', (e: PromDashboardShareEvent) => shared.push(e.detail.url));
    const clipboard = navigator.clipboard;
    const copied: string[] = [];
    const realWrite = clipboard.writeText;
    try {
      clipboard.writeText = async (text: string) => void copied.push(text);
      d.shadowRoot!.querySelector<HTMLButtonElement>('[part="share-button"]')!.click();
      await until(() => copied.length === 1, 'the copy');
      const link = new URL(copied[0]!);
      expect(shared).to.deep.equal([copied[0]]);
      expect([link.pathname, link.searchParams.get('uid'), link.searchParams.get('from'), link.searchParams.get('to'), link.searchParams.getAll('var-env')]).to.deep.equal([
        location.pathname,
        uid,
        'now-2h',
        'now',
        ['prod'],
      ]);
      const note = await until(() => d.shadowRoot!.querySelector('[part="share-note"]')?.textContent, 'the note');
      expect(note).to.contain('Link copied');
      d.id = 'shared-dashboard';
      await executeServerCommand('screenshot', { selector: '#shared-dashboard', name: 'dashboard-share-copied' });
      // A page that may not write to the clipboard: the link, to copy by hand.
      clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
      d.shadowRoot!.querySelector<HTMLButtonElement>('[part="share-button"]')!.click();
      const input = await until(() => d.shadowRoot!.querySelector<HTMLInputElement>('[part="share-note"] input'), 'the link to copy by hand');
      expect(input.value).to.equal(copied[0]);
      expect(d.shadowRoot!.querySelector('[part="share-note"]')!.textContent).to.contain('did not allow copying');
      d.setAttribute('theme', 'dark');
      await d.updateComplete;
      await executeServerCommand('screenshot', { selector: '#shared-dashboard', name: 'dashboard-share-by-hand-dark' });
      // A host that shares its own way cancels the event: nothing is copied.
      d.addEventListener('prom-dashboard-share', (e) => e.preventDefault(), { once: true });
      d.shadowRoot!.querySelector<HTMLButtonElement>('[part="share-button"]')!.click();
      await d.updateComplete;
      expect(copied).to.have.length(1);
      expect(shared).to.have.length(3);
    } finally {
      clipboard.writeText = realWrite;
    }
  });
});

const board = (title: string, uid: string, tags: string[], links: DashboardInput['links'] = []): DashboardInput & { uid: string } =>
  ({ schemaVersion: 1, uid, title, tags, links, panels: [{ id: 1, type: 'stat', title: 'Up', gridPos: { x: 0, y: 0, w: 8, h: 4 }, targets: [{ refId: 'A', expr: 'vector(1)' }] }] }) as DashboardInput & { uid: string };

const menu = (d: PromDashboard) => d.shadowRoot!.querySelector<HTMLElement>('[part="links-menu"]');
const entries = (d: PromDashboard) => [...(menu(d)?.querySelectorAll('li') ?? [])].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());

describe('<prom-dashboard> links by tag', () => {
  for (const [name, makeStore] of [
    ['the dashboard service', () => httpStore('/dashboard-service')],
    ['localStorage', () => localStorageStore(`promkit-tags-${run}:`)],
  ] as [string, () => DashboardStoreClient][]) {
    it(`lists the ${name}'s other dashboards with every tag of the link and opens one in place, carrying the time range in the URL`, async () => {
      const store = makeStore();
      const [tag, other] = [freshUid(), freshUid()];
      const uid = (n: string) => `${tag}-${n}`;
      await store.save(board('Overview', uid('home'), [tag], [{ type: 'dashboards', title: 'Related', tags: [tag], keepTime: true }, { title: 'Runbook', url: '/runbook' }]), undefined);
      await store.save(board('Kafka brokers', uid('kafka'), [tag, other]), undefined);
      await store.save(board('Kafka consumers', uid('consumers'), [tag]), undefined);
      await store.save(board('Unrelated', uid('x'), [other]), undefined);
      history.replaceState(null, '', `${location.pathname}?uid=${uid('home')}&from=now-3h&to=now`);
      const d = document.createElement('prom-dashboard');
      d.url = url;
      d.syncUrl = true;
      d.store = store;
      stage.append(d);
      await until(() => titleOf(d) === 'Overview', 'the stored dashboard');
      await until(() => entries(d).some((e) => e.startsWith('Kafka')), 'the tagged dashboards in the menu');
      expect(entries(d)).to.deep.equal(['Related', 'Kafka brokers', 'Kafka consumers', 'Runbook']);
      const link = [...menu(d)!.querySelectorAll('a')].find((a) => a.textContent === 'Kafka brokers')!;
      const href = new URL(link.href);
      expect([href.searchParams.get('uid'), href.searchParams.get('from')]).to.deep.equal([uid('kafka'), 'now-3h']);
      link.click();
      await until(() => titleOf(d) === 'Kafka brokers', 'the linked dashboard, opened in place');
      expect(new URLSearchParams(location.search).get('uid')).to.equal(uid('kafka'));
      expect(new URLSearchParams(location.search).get('from')).to.equal('now-3h');
    });
  }

  it('without a store, the link says there is nothing to list; a failing store is named', async () => {
    const d = document.createElement('prom-dashboard');
    d.url = url;
    d.dashboard = board('Alone', 'alone', [], [{ type: 'dashboards', title: 'Related', tags: ['kafka'] }]);
    stage.append(d);
    await until(() => titleOf(d) === 'Alone', 'the dashboard');
    expect(entries(d)).to.deep.equal(['Related', 'Dashboards tagged kafka (no dashboard store on this page to list them from)']);
    const failing: DashboardStoreClient = { ...localStorageStore(`promkit-tags-fail-${run}:`), list: () => Promise.reject(new Error('the service is down')) };
    d.store = failing;
    await until(() => entries(d).some((e) => e.includes('could not')), 'the failure');
    expect(entries(d)[1]).to.equal('Dashboards tagged kafka (the store could not list them: the service is down)');
  });
});
