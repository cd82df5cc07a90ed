/**
 * <prom-dashboard-list> in Chromium over the real dashboard service (PGlite, served by the test
 * runner at /dashboard-service): search, Open, Copy and Delete (asked once more), a store that
 * fails with Retry, and screenshots.
 */
import { expect } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { httpStore, type DashboardStoreClient } from '../../stores/dashboard-store.js';
import type { PromDashboardList } from './dashboard-list.component.js';
import type { PromDashboardOpenEvent } from '../../events/dashboard-open-event.js';
import './dashboard-list.js';

const SERVICE = '/dashboard-service';
const stage = document.createElement('div');
document.body.append(stage);
afterEach(() => stage.replaceChildren());

async function until<T>(probe: () => T | undefined | null | false, what: string): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const value = probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Three dashboards with a tag of this run's own, titles starting with `prefix`. */
async function seed(prefix: string): Promise<void> {
  for (const [i, title] of ['Checkout', 'Payments', 'Search'].entries()) {
    const dashboard = { uid: `${prefix}-${i}`, title: `${prefix} ${title}`, schemaVersion: 1, tags: ['list-test', i === 0 ? 'prod' : 'staging'] };
    await fetch(`${SERVICE}/dashboards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ dashboard }) });
  }
}

async function list(store: DashboardStoreClient, search: string, width = 640, theme = 'light'): Promise<PromDashboardList> {
  const el = document.createElement('prom-dashboard-list');
  el.store = store;
  el.search = search;
  el.setAttribute('theme', theme);
  el.style.width = `${width}px`;
  stage.append(el);
  await el.updateComplete;
  return el;
}

const titles = (el: PromDashboardList) => [...el.shadowRoot!.querySelectorAll('[part="item"] .open')].map((b) => b.textContent);
const item = (el: PromDashboardList, title: string) => [...el.shadowRoot!.querySelectorAll('[part="item"]')].find((i) => i.querySelector('.open')!.textContent === title)!;
const button = (scope: Element, text: string) => [...scope.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === text)!;

describe('<prom-dashboard-list>', () => {
  it('lists a store\'s dashboards with tags and versions, searching as you type', async () => {
    const prefix = `l${Date.now().toString(36)}`;
    await seed(prefix);
    const el = await list(httpStore(SERVICE), prefix);
    await until(() => titles(el).length === 3, 'three dashboards');
    expect(titles(el)).to.deep.equal([`${prefix} Checkout`, `${prefix} Payments`, `${prefix} Search`]);
    expect([...item(el, `${prefix} Checkout`).querySelectorAll('.tag')].map((t) => t.textContent)).to.deep.equal(['list-test', 'prod']);
    expect(item(el, `${prefix} Checkout`).querySelector('.meta')!.textContent).to.contain('version 1');
    const box = el.shadowRoot!.querySelector<HTMLInputElement>('#search')!;
    box.value = `${prefix} pay`;
    box.dispatchEvent(new Event('input'));
    await until(() => titles(el).length === 1, 'one match');
    expect(titles(el)).to.deep.equal([`${prefix} Payments`]);
    box.value = `${prefix} nothing like it`;
    box.dispatchEvent(new Event('input'));
    await until(() => el.shadowRoot!.querySelector('.state')?.textContent?.includes('No dashboard'), 'no match');
  });

  it('Open fires prom-dashboard-open; Copy adds a copy; Delete asks, Keep keeps, Delete deletes', async () => {
    const prefix = `o${Date.now().toString(36)}`;
    await seed(prefix);
    const el = await list(httpStore(SERVICE), prefix);
    await until(() => titles(el).length === 3, 'three dashboards');
    const opened: string[] = [];
    el.addEventListener('prom-dashboard-open', (e) => opened.push((e as PromDashboardOpenEvent).detail.uid));
    (item(el, `${prefix} Search`).querySelector('.open') as HTMLButtonElement).click();
    expect(opened).to.deep.equal([`${prefix}-2`]);

    button(item(el, `${prefix} Checkout`), 'Copy').click();
    await until(() => titles(el).includes(`${prefix} Checkout (copy)`), 'the copy');
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal(`Copied “${prefix} Checkout”.`);

    button(item(el, `${prefix} Payments`), 'Delete').click();
    await el.updateComplete;
    expect(item(el, `${prefix} Payments`).querySelector('.ask')!.textContent).to.contain('Delete');
    button(item(el, `${prefix} Payments`), 'Keep').click();
    await el.updateComplete;
    expect(titles(el)).to.include(`${prefix} Payments`);
    button(item(el, `${prefix} Payments`), 'Delete').click();
    await el.updateComplete;
    button(item(el, `${prefix} Payments`), 'Delete').click();
    await until(() => !titles(el).includes(`${prefix} Payments`), 'the deletion');
    expect((await fetch(`${SERVICE}/dashboards/${prefix}-1`)).status).to.equal(404);
  });

  it('a store that fails says so, with Retry', async () => {
    let failing = true;
    const store = httpStore(SERVICE, { fetch: (input, init) => (failing ? Promise.resolve(new Response('{"error":{"message":"the service is restarting"}}', { status: 503 })) : fetch(input, init)) });
    const el = await list(store, '');
    const alert = await until(() => el.shadowRoot!.querySelector('[role="alert"]'), 'the error');
    expect(alert.textContent).to.contain('the service is restarting');
    failing = false;
    button(alert, 'Retry').click();
    await until(() => el.shadowRoot!.querySelector('[part="item"]'), 'the list after Retry');
  });

  it('screenshots: light, dark, narrow', async () => {
    const prefix = `s${Date.now().toString(36)}`;
    await seed(prefix);
    for (const [theme, width] of [['light', 640], ['dark', 640], ['light', 360]] as const) {
      const el = await list(httpStore(SERVICE), prefix, width, theme);
      await until(() => titles(el).length === 3, 'three dashboards');
      button(item(el, `${prefix} Payments`), 'Delete').click();
      await el.updateComplete;
      const name = `dashboard-list-${theme}-${width}`;
      el.id = name;
      document.body.style.background = theme === 'dark' ? '#0d1117' : '#fff';
      await executeServerCommand('screenshot', { selector: `#${name}`, name });
      stage.replaceChildren();
    }
    document.body.style.background = '';
  });
});
