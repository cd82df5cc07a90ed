/**
 * <prom-dashboard> links by tag: the dashboards of its store with the link's tags, listed in the
 * links menu (the one shown left out) and opened in place, the page URL carrying the time range
 * with `sync-url` and `keepTime`. Over the real dashboard service (PGlite, /dashboard-service)
 * and localStorage, with the real Prometheus; and what the menu says without a store.
 */
import { expect } from 'chai';
import type { DashboardInput } from '@promkit/core';
import { httpStore, localStorageStore, type DashboardStoreClient } from '../../stores/dashboard-store.js';
import type { PromDashboard } from './dashboard.component.js';
import '../../define.js';

const url = window.__PROMKIT_TEST__.prometheusUrl;
const stage = document.createElement('div');
document.body.append(stage);
afterEach(() => {
  stage.replaceChildren();
  history.replaceState(null, '', location.pathname);
});

const run = Date.now().toString(36);
let serial = 0;
const freshTag = () => `tl-${run}-${serial++}`;

const board = (title: string, uid: string, tags: string[], links: DashboardInput['links'] = []): DashboardInput & { uid: string } =>
  ({ schemaVersion: 1, uid, title, tags, links, panels: [{ id: 1, type: 'stat', title: 'Up', gridPos: { x: 0, y: 0, w: 8, h: 4 }, targets: [{ refId: 'A', expr: 'vector(1)' }] }] }) as DashboardInput & { uid: string };

async function until<T>(probe: () => T | undefined | null | false, what: string): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const value = probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const menu = (d: PromDashboard) => d.shadowRoot!.querySelector<HTMLElement>('[part="links-menu"]');
const entries = (d: PromDashboard) => [...(menu(d)?.querySelectorAll('li') ?? [])].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
const titleOf = (d: PromDashboard) => d.shadowRoot!.querySelector('.title')?.textContent;

describe('<prom-dashboard> links by tag', () => {
  for (const [name, makeStore] of [
    ['the dashboard service', () => httpStore('/dashboard-service')],
    ['localStorage', () => localStorageStore(`promkit-tags-${run}:`)],
  ] as [string, () => DashboardStoreClient][]) {
    it(`lists the ${name}'s other dashboards with every tag of the link and opens one in place, carrying the time range in the URL`, async () => {
      const store = makeStore();
      const [tag, other] = [freshTag(), freshTag()];
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
