/** <prom-template-gallery> in Chromium against the real Prometheus (it scrapes itself as job "prometheus"; no node_exporter), alone and as edit mode's "From template". */
import { expect } from 'chai';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { Dashboard, DashboardInput } from '@promkit/core';
import type { PromTemplateGallery } from './template-gallery.component.js';
import type { PromTemplateAddEvent } from '../../events/template-add-event.js';
import type { PromDashboard } from '../dashboard/dashboard.component.js';
import type { PromPanel } from '../panel/panel.component.js';
import { httpStore, localStorageStore, type DashboardStoreClient } from '../../stores/dashboard-store.js';
import '../../define.js';
import './template-gallery.js';
import '../dashboard-editor/dashboard-editor.js';

const url = window.__PROMKIT_TEST__.prometheusUrl;

/** Prometheus has scraped itself for a while: range queries over the last 5 minutes find its samples. */
before(async function () {
  this.timeout(60_000);
  const history = async () => {
    const body = await (await fetch(`${url}/api/v1/query?query=${encodeURIComponent('count_over_time(up{job="prometheus"}[5m])')}`)).json();
    return Number(body.data.result[0]?.value[1] ?? 0);
  };
  while ((await history()) < 10) await new Promise((r) => setTimeout(r, 500));
});

const stage = document.createElement('div');
document.body.append(stage);
afterEach(() => stage.replaceChildren());

/** Polls until `ok()` holds, failing after 15 s. */
async function until(ok: () => boolean, what = ok.toString()): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`never came true: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** What `probe` finds once it finds something. */
async function found<T>(probe: () => T | null | undefined): Promise<T> {
  let value: T | null | undefined;
  await until(() => (value = probe()) != null, probe.toString());
  return value!;
}

async function gallery(setup: (g: PromTemplateGallery) => void = () => undefined): Promise<PromTemplateGallery> {
  const g = document.createElement('prom-template-gallery');
  g.url = url;
  g.range = 'now-5m';
  g.style.width = '1000px';
  setup(g);
  stage.append(g);
  await g.updateComplete;
  return g;
}

const $$ = <T extends Element>(root: Element, sel: string) => [...root.shadowRoot!.querySelectorAll<T>(sel)];
const previews = (g: Element) => $$<PromPanel>(g, 'prom-panel');
const exprs = (g: Element) => previews(g).flatMap((p) => (p.spec as { targets?: { expr: string }[] }).targets!.map((t) => t.expr));
const addButtons = (g: Element) => $$<HTMLButtonElement>(g, 'button.add');
const addAll = (g: Element) => g.shadowRoot!.querySelector<HTMLButtonElement>('[part="add-all"]')!;

async function chooseFamily(g: PromTemplateGallery, id: string): Promise<void> {
  $$<HTMLInputElement>(g, 'input[name="family"]').find((r) => r.value === id)!.click();
  await g.updateComplete;
}

async function typeParam(g: PromTemplateGallery, name: string, text: string): Promise<void> {
  const input = g.shadowRoot!.querySelector<HTMLInputElement>(`#param-${name}`)!;
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await g.updateComplete;
}

/** Every preview has answered (data or No data), drawn. */
async function previewsSettled(g: Element): Promise<void> {
  await until(() => previews(g).length > 0 && previews(g).every((p) => p.results.length > 0 && !p.shadowRoot!.querySelector('.spinner, .skeleton')), 'previews settled');
}

const hasData = (p: PromPanel) => p.results.some((r) => r.frames.length > 0);

/** Every preview shows series; one without (a rate needs two samples in its window, and Prometheus is young) asks again each second. */
async function everyPreviewHasData(g: Element): Promise<void> {
  const deadline = Date.now() + 20_000;
  await previewsSettled(g);
  while (!previews(g).every(hasData)) {
    const missing = previews(g).filter((p) => !hasData(p)).map((p) => (p.spec as { title: string }).title);
    if (Date.now() > deadline) throw new Error(`no data in ${missing.join(', ')}`);
    await new Promise((r) => setTimeout(r, 1000));
    await Promise.all(previews(g).filter((p) => !hasData(p)).map((p) => p.refreshNow()));
  }
}

describe('<prom-template-gallery>', () => {
  it('lists the three families; the Prometheus previews draw its own data', async () => {
    const g = await gallery();
    const families = $$<HTMLLabelElement>(g, '.family').map((l) => l.querySelector('strong')!.textContent);
    expect(families).to.deep.equal(['Hosts (node_exporter)', 'HTTP service (RED)', 'Prometheus health']);
    expect($$<HTMLInputElement>(g, 'input[name="family"]').find((r) => r.checked)!.value).to.equal('node');
    expect(previews(g)).to.have.length(9);
    await chooseFamily(g, 'prometheus');
    expect($$(g, '.card h3').map((h) => h.textContent)).to.deep.equal(['Targets up', 'Config reload', 'Series in memory', 'Rule evaluation failures', 'Samples ingested', 'Scrape duration']);
    expect(addAll(g).textContent!.trim()).to.equal('Add all 6 panels as a dashboard section');
    await everyPreviewHasData(g);
  });

  it('a parameter changes the previews\' queries', async () => {
    const g = await gallery((el) => (el.family = 'prometheus'));
    expect(exprs(g).filter((e) => e.includes('job="prometheus"'))).to.have.length.greaterThan(2);
    await typeParam(g, 'job', 'other');
    expect(exprs(g).filter((e) => e.includes('job="prometheus"'))).to.deep.equal([]);
    expect(exprs(g).filter((e) => e.includes('job="other"'))).to.have.length.greaterThan(2);
    await chooseFamily(g, 'http');
    await typeParam(g, 'prefix', 'shop_http');
    expect(exprs(g).every((e) => e.includes('shop_http_request'))).to.equal(true);
  });

  it('an invalid parameter blocks every Add and says why, beside the field', async () => {
    const g = await gallery((el) => (el.family = 'http'));
    const seen: PromTemplateAddEvent[] = [];
    g.addEventListener('prom-template-add', (e) => seen.push(e));
    const before = exprs(g);
    await typeParam(g, 'prefix', 'shop-http');
    const input = g.shadowRoot!.querySelector<HTMLInputElement>('#param-prefix')!;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    const problem = g.shadowRoot!.querySelector('#param-prefix-problem')!;
    expect(problem.textContent).to.match(/^must be a metric name .*"shop-http"$/);
    expect(input.getAttribute('aria-describedby')).to.contain('param-prefix-problem');
    expect(g.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('Nothing can be added until Metric prefix is fixed.');
    expect([addAll(g), ...addButtons(g)].every((b) => b.disabled)).to.equal(true);
    addAll(g).click();
    addButtons(g)[0]!.click();
    expect(seen).to.have.length(0);
    // The previews keep the last usable parameters meanwhile; fixed, Add works again.
    expect(exprs(g)).to.deep.equal(before);
    await typeParam(g, 'prefix', 'shop_http');
    expect(problem.textContent).to.equal('');
    addButtons(g)[1]!.click();
    expect(seen).to.have.length(1);
    expect(seen[0]!.detail.label).to.equal('Add Error ratio from HTTP service (RED)');
    expect(seen[0]!.detail.panels[0]!.targets![0]!.expr).to.contain('shop_http_requests_total');
  });

  it('Tab reaches every control: the family choice, each parameter, Add all and each card\'s Add; arrows change the family', async () => {
    const g = await gallery();
    const root = g.shadowRoot!;
    root.querySelector<HTMLInputElement>('input[name="family"]:checked')!.focus();
    const reached: Element[] = [root.activeElement!];
    for (let i = 0; i < 20; i++) {
      await sendKeys({ press: 'Tab' });
      if (!root.activeElement || reached.includes(root.activeElement)) break;
      reached.push(root.activeElement);
    }
    const controls = [root.querySelector('input[name="family"]:checked')!, ...$$(g, '.form input'), addAll(g), ...addButtons(g)];
    expect(reached).to.deep.equal(controls);
    for (const input of $$<HTMLInputElement>(g, '.form input')) expect(root.querySelector(`label[for="${input.id}"]`), input.id).to.not.equal(null);
    expect(addButtons(g).every((b) => root.getElementById(b.getAttribute('aria-describedby')!)?.textContent)).to.equal(true);
    root.querySelector<HTMLInputElement>('input[name="family"]:checked')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await g.updateComplete;
    expect(root.querySelector<HTMLInputElement>('input[name="family"]:checked')!.value).to.equal('http');
    expect(addButtons(g)).to.have.length(4);
  });

  it('screenshot, narrow', async () => {
    const g = await gallery((el) => {
      el.family = 'prometheus';
      el.style.width = '380px';
      el.id = 'gallery-narrow';
    });
    await everyPreviewHasData(g);
    await new Promise((r) => setTimeout(r, 300));
    await executeServerCommand('screenshot', { selector: '#gallery-narrow', name: 'template-gallery-narrow' });
  });
});

describe('edit mode: From template', () => {
  const DEFINITION = {
    schemaVersion: 1,
    title: 'Editable',
    time: { from: 'now-5m', to: 'now' },
    panels: [{ id: 1, type: 'stat', title: 'A', gridPos: { x: 0, y: 0, w: 6, h: 4 }, targets: [{ refId: 'A', expr: 'vector(1)' }] }],
  } as DashboardInput;

  async function editing(setup: (d: PromDashboard) => void = () => undefined): Promise<PromDashboard> {
    const d = document.createElement('prom-dashboard');
    d.style.width = '1200px';
    d.dashboard = structuredClone(DEFINITION);
    d.url = url;
    d.editable = true;
    d.editing = true;
    setup(d);
    stage.append(d);
    await d.updateComplete;
    await until(() => d.shadowRoot!.querySelector('prom-dashboard-editor') !== null);
    return d;
  }
  const editor = (d: PromDashboard) => d.shadowRoot!.querySelector('prom-dashboard-editor')!;
  const drawer = (d: PromDashboard) => editor(d).shadowRoot!.querySelector('prom-template-drawer')!;
  const dialog = (d: PromDashboard) => drawer(d).shadowRoot!.querySelector('dialog')!;
  const galleryIn = (d: PromDashboard) => drawer(d).shadowRoot!.querySelector('prom-template-gallery');
  const live = (d: PromDashboard) => editor(d).shadowRoot!.querySelector('[aria-live]')!.textContent!.trim();
  const button = (d: PromDashboard, name: string) => [...editor(d).shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="toolbar"] button')].find((b) => b.textContent!.trim() === name)!;

  async function open(d: PromDashboard): Promise<PromTemplateGallery> {
    button(d, 'From template').click();
    await until(() => dialog(d)?.open === true && galleryIn(d) !== null);
    const g = galleryIn(d)!;
    await g.updateComplete;
    return g;
  }

  function changes(d: PromDashboard): Dashboard[] {
    const seen: Dashboard[] = [];
    d.addEventListener('prom-dashboard-change', (e) => seen.push(e.detail.dashboard));
    return seen;
  }
  const titles = (d: Dashboard | undefined) => d!.panels.map((p) => p.title);

  it('Add one panel and Add all: each one change, one undo step, the variable added once', async () => {
    const d = await editing();
    const seen = changes(d);
    let g = await open(d);
    expect(dialog(d).matches(':modal')).to.equal(true);
    expect(g.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('Adds the variable $instance too.');
    addButtons(g)[0]!.click();
    await until(() => !dialog(d).open && seen.length === 1);
    // At the top, as Add panel puts one: A moves below it.
    expect(titles(d.definition)).to.deep.equal(['A', 'CPU busy']);
    expect(d.definition!.panels.map((p) => p.gridPos)).to.deep.equal([{ x: 0, y: 8, w: 6, h: 4 }, { x: 0, y: 0, w: 12, h: 8 }]);
    expect(d.definition!.variables.map((v) => v.name)).to.deep.equal(['instance']);
    expect(live(d)).to.equal('Added CPU busy from Hosts (node_exporter) at the top, with the variable $instance.');
    await until(() => d.shadowRoot!.querySelector('prom-variable') !== null);

    g = await open(d);
    // The dashboard has $instance now: nothing more to add.
    expect(g.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('');
    addAll(g).click();
    await until(() => !dialog(d).open && seen.length === 2);
    expect(d.definition!.panels).to.have.length(11);
    expect(d.definition!.variables.map((v) => v.name)).to.deep.equal(['instance']);
    expect(new Set(d.definition!.panels.map((p) => p.id)).size).to.equal(11);
    expect(live(d)).to.equal('Added 9 panels from Hosts (node_exporter) at the top.');

    button(d, 'Undo').click();
    await d.updateComplete;
    expect(titles(d.definition)).to.deep.equal(['A', 'CPU busy']);
    expect(live(d)).to.equal('Undid: Add 9 panels from Hosts (node_exporter).');
    button(d, 'Undo').click();
    await d.updateComplete;
    expect(titles(d.definition)).to.deep.equal(['A']);
    expect(d.definition!.variables).to.deep.equal([]);
    expect(live(d)).to.equal('Undid: Add CPU busy from Hosts (node_exporter).');
    expect(button(d, 'Undo').disabled).to.equal(true);
  });

  it('the drawer\'s previews query the dashboard\'s Prometheus; Close and Escape add nothing', async () => {
    const d = await editing();
    const seen = changes(d);
    const g = await open(d);
    await chooseFamily(g, 'prometheus');
    expect(previews(g)).to.have.length(6);
    await everyPreviewHasData(g);
    drawer(d).shadowRoot!.querySelector<HTMLButtonElement>('button.close')!.click();
    await until(() => !dialog(d).open && editor(d).shadowRoot!.activeElement === button(d, 'From template'));
    await open(d);
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog(d).open);
    expect(seen).to.have.length(0);
  });

  for (const [name, makeStore] of [
    ['the dashboard service', () => httpStore('/dashboard-service')],
    ['localStorage', () => localStorageStore(`promkit-library-${Date.now().toString(36)}:`)],
  ] as [string, () => DashboardStoreClient][]) {
    it(`a panel's Save to library keeps it in ${name}; From template offers it under Saved panels, Add puts a copy, Delete (asked once more) removes it`, async () => {
      const store = makeStore();
      const title = `Saved ${Math.random().toString(36).slice(2, 8)}`;
      const d = await editing((el) => {
        el.id = 'library-drawer';
        el.store = store;
        el.dashboard = { ...structuredClone(DEFINITION), panels: [{ ...DEFINITION.panels![0]!, title }] } as DashboardInput;
      });
      const seen = changes(d);
      const frame = await found(() => d.shadowRoot!.querySelector('prom-edit-frame[data-panel-id="1"]'));
      frame.shadowRoot!.querySelector<HTMLElement>('[data-edit="menu"]')!.click();
      await editor(d).updateComplete;
      const item = (text: string) => [...editor(d).shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')].find((b) => b.textContent === text);
      expect([...editor(d).shadowRoot!.querySelectorAll('[role="menuitem"]')].map((b) => b.textContent)).to.deep.equal(['Edit', 'Duplicate', 'Copy JSON', 'Save to library', 'Remove']);
      item('Save to library')!.click();
      await until(() => live(d) === `Saved “${title}” to the library: From template offers it under Saved panels.`);
      const kept = (await store.library!.list({ search: title }))[0]!;
      expect((kept.panel as { targets: { expr: string }[] }).targets.map((t) => t.expr)).to.deep.equal(['vector(1)']);
      expect(seen, 'saving to the library changes nothing in the dashboard').to.have.length(0);

      const g = await open(d);
      await chooseFamily(g, 'saved-panels');
      await until(() => previews(g).some((p) => (p.spec as { title: string }).title === title));
      const card = [...g.shadowRoot!.querySelectorAll('[part="card"]')].find((c) => c.querySelector('h3')!.textContent === title)!;
      expect(card.querySelector('.hint:not(.card-head .hint)')!.textContent).to.match(/^Saved \d{4}-\d{2}-\d{2}\.$/);
      if (name === 'the dashboard service') {
        await previewsSettled(g);
        await executeServerCommand('screenshot', { selector: '#library-drawer >>> prom-dashboard-editor >>> prom-template-drawer >>> dialog', name: 'template-gallery-saved-panels' });
      }
      card.querySelector<HTMLButtonElement>('button.add')!.click();
      await until(() => !dialog(d).open && seen.length === 1);
      expect(titles(d.definition)).to.deep.equal([title, title]);
      expect(new Set(d.definition!.panels.map((p) => p.id)).size).to.equal(2);

      const again = await open(d);
      await chooseFamily(again, 'saved-panels');
      const cardAgain = await found(() => [...again.shadowRoot!.querySelectorAll('[part="card"]')].find((c) => c.querySelector('h3')!.textContent === title));
      cardAgain.querySelector<HTMLButtonElement>('button.delete')!.click();
      await again.updateComplete;
      const ask = cardAgain.querySelector('.ask')!;
      expect(ask.getAttribute('aria-label')).to.equal(`Delete ${title}?`);
      [...ask.querySelectorAll('button')].find((b) => b.textContent === 'Delete')!.click();
      await until(() => ![...again.shadowRoot!.querySelectorAll('[part="card"] h3')].some((h) => h.textContent === title));
      expect(await store.library!.list({ search: title })).to.deep.equal([]);
      await sendKeys({ press: 'Escape' });
    });
  }

  it('a library that cannot be listed says so with Retry; an empty one says how to fill it', async () => {
    const d = await editing((el) => (el.store = httpStore('/no-such-service')));
    const g = await open(d);
    await chooseFamily(g, 'saved-panels');
    const problem = await found(() => g.shadowRoot!.querySelector('.problem[role="alert"]'));
    expect(problem.textContent).to.contain('The saved panels could not be listed: Listing the saved panels failed (404)');
    expect(previews(g)).to.have.length(0);
    expect(g.shadowRoot!.querySelector<HTMLElement>('.actions')!.hidden).to.equal(true);
    await sendKeys({ press: 'Escape' });
    d.remove();
    const empty = await editing((el) => (el.store = localStorageStore(`promkit-empty-${Date.now().toString(36)}:`)));
    const g2 = await open(empty);
    await chooseFamily(g2, 'saved-panels');
    await until(() => g2.shadowRoot!.querySelector('.family.chosen')!.textContent!.includes('None yet'));
    await sendKeys({ press: 'Escape' });
  });

  it('screenshots of the drawer in light and dark', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const d = await editing((el) => {
        el.theme = theme;
        el.id = `templates-${theme}`;
      });
      const g = await open(d);
      await chooseFamily(g, theme === 'light' ? 'prometheus' : 'node');
      if (theme === 'dark') await typeParam(g, 'matchers', 'env=prod');
      await (theme === 'light' ? everyPreviewHasData(g) : previewsSettled(g));
      await new Promise((r) => setTimeout(r, 300));
      await executeServerCommand('screenshot', { selector: `#templates-${theme} >>> prom-dashboard-editor >>> prom-template-drawer >>> dialog`, name: `template-gallery-drawer-${theme}` });
      await sendKeys({ press: 'Escape' });
      d.remove();
    }
  });
});
