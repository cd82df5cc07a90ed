/** <prom-datasource-editor> in Chromium against the real Prometheus: edits fire the exact dashboard, refusals keep the text, Test reports the server. */
import { expect } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { parseDashboard, type Dashboard, type PrometheusDatasource } from '@promkit/core';
import type { PromDatasourceEditor } from './datasource-editor.component.js';
import type { PromDefinitionChangeEvent } from '../../events/definition-change-event.js';
import './datasource-editor.js';

const url = window.__PROMKIT_TEST__.prometheusUrl;
const start: Dashboard = parseDashboard({
  schemaVersion: 1,
  title: 'Service',
  datasources: [
    { name: 'main', url, default: true },
    { name: 'spare', url: 'http://127.0.0.1:9' },
  ],
  variables: [{ type: 'query', name: 'job', query: 'label_values(up, job)', datasource: 'main' }],
  panels: [{ id: 1, type: 'timeseries', title: 'Rate', gridPos: { x: 0, y: 0, w: 12, h: 8 }, datasource: 'main', targets: [{ refId: 'A', expr: 'up' }] }],
});

const stage = document.createElement('div');
document.body.append(stage);
afterEach(() => stage.replaceChildren());

async function editor(d: Dashboard = start, width = 900, theme = 'light'): Promise<{ el: PromDatasourceEditor; events: Dashboard[] }> {
  const el = document.createElement('prom-datasource-editor');
  el.dashboard = d;
  el.setAttribute('theme', theme);
  el.style.width = `${width}px`;
  const events: Dashboard[] = [];
  el.addEventListener('prom-definition-change', (e) => events.push((e as PromDefinitionChangeEvent).detail.dashboard));
  stage.append(el);
  await el.updateComplete;
  return { el, events };
}
const $ = <T extends HTMLElement>(el: PromDatasourceEditor, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
/** The control of `field` in card `n` (1-based). */
const field = <T extends HTMLElement>(el: PromDatasourceEditor, n: number, f: string) => $<T>(el, `.datasources > li:nth-child(${n}) [id$="-${f}"]`);
async function type(el: PromDatasourceEditor, n: number, f: string, text: string): Promise<void> {
  const input = field<HTMLInputElement | HTMLSelectElement>(el, n, f);
  input.value = text;
  input.dispatchEvent(new Event('change'));
  await el.updateComplete;
}
/** Waits (within mocha's timeout) until card `n`'s test has finished, then returns its status element. */
async function tested(el: PromDatasourceEditor, n: number): Promise<HTMLElement> {
  for (;;) {
    await el.updateComplete;
    const status = field(el, n, 'status');
    if (status.classList.contains('ok') || status.classList.contains('error')) return status;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('<prom-datasource-editor>', () => {
  it('adds a datasource and edits its url, backend, tenant, scrape interval and authRef', async () => {
    const { el, events } = await editor();
    $<HTMLButtonElement>(el, '#add-datasource').click();
    await el.updateComplete;
    expect(events.at(-1)!.datasources[2]).to.deep.equal({ name: 'prometheus', type: 'prometheus', url: 'http://localhost:9090', backend: 'prometheus', scrapeInterval: '15s' });
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 3, 'name'));
    await type(el, 3, 'url', 'https://mimir.example.com');
    await type(el, 3, 'backend', 'mimir');
    await type(el, 3, 'tenant', 'team-a');
    await type(el, 3, 'scrapeInterval', '30s');
    await type(el, 3, 'authRef', 'mimir-token');
    expect(events.length).to.equal(6);
    const expected = { name: 'prometheus', type: 'prometheus', url: 'https://mimir.example.com', backend: 'mimir', tenant: 'team-a', scrapeInterval: '30s', authRef: 'mimir-token' };
    expect(el.value!.datasources[2]).to.deep.equal(expected);
    expect(events.at(-1)).to.deep.equal({ ...start, datasources: [...start.datasources, expected] });
    expect(field(el, 3, 'tenant-hint').textContent).to.contain('X-Scope-OrgID');
  });

  it('adds a host source: name, source and stream to edit, no URL and no Test; one with neither is refused', async () => {
    const { el, events } = await editor();
    $<HTMLButtonElement>(el, '#add-host-source').click();
    await el.updateComplete;
    expect(events.at(-1)!.datasources[2]).to.deep.equal({ name: 'host', type: 'host', source: 'host' });
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 3, 'name'));
    const card = $(el, '.datasources > li:nth-child(3)');
    expect(card.querySelector('[id$="-url"]')).to.equal(null);
    expect(card.querySelector('[id$="-test"]')).to.equal(null);
    expect(card.textContent).to.contain('host source');
    await type(el, 3, 'source', 'runs');
    await type(el, 3, 'stream', '/events');
    expect(events.at(-1)!.datasources[2]).to.deep.equal({ name: 'host', type: 'host', source: 'runs', stream: '/events' });
    await type(el, 3, 'stream', '');
    expect(events.at(-1)!.datasources[2]).to.deep.equal({ name: 'host', type: 'host', source: 'runs' });
    const before = events.length;
    await type(el, 3, 'source', '');
    expect(events.length).to.equal(before);
    expect(card.textContent).to.contain('needs a source (a name the page registers) or a stream');
  });

  it('refuses a bad scrape interval and an empty url: problem shown, text kept, value undefined, no event', async () => {
    const { el, events } = await editor();
    await type(el, 2, 'scrapeInterval', 'often');
    await type(el, 2, 'url', '');
    expect(events).to.deep.equal([]);
    expect(el.value).to.equal(undefined);
    expect(el.problems.map((p) => p.path)).to.deep.equal(['datasources[1].scrapeInterval', 'datasources[1].url']);
    const input = field<HTMLInputElement>(el, 2, 'scrapeInterval');
    expect(input.value).to.equal('often');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    const problem = el.shadowRoot!.getElementById(input.getAttribute('aria-describedby')!)!;
    expect(problem.getAttribute('role')).to.equal('alert');
    expect(problem.textContent).to.contain('duration such as');
    expect(field<HTMLButtonElement>(el, 2, 'test').disabled).to.equal(true);
    await type(el, 2, 'scrapeInterval', '1m');
    await type(el, 2, 'url', 'http://127.0.0.1:9');
    expect(el.problems).to.deep.equal([]);
    expect(events.length).to.equal(1);
    expect((events[0]!.datasources[1] as PrometheusDatasource).scrapeInterval).to.equal('1m');
  });

  it('sets the default: exactly one', async () => {
    const { el, events } = await editor();
    field<HTMLInputElement>(el, 2, 'default').click();
    await el.updateComplete;
    expect(events.at(-1)!.datasources.map((ds) => ds.default ?? false)).to.deep.equal([false, true]);
    expect($(el, '.datasources > li:nth-child(2) .badge').textContent).to.equal('default');
    expect($(el, '.datasources > li:nth-child(1) .badge')).to.equal(null);
  });

  it('removes an unused datasource and refuses one a panel uses, naming the places', async () => {
    const { el, events } = await editor();
    field<HTMLButtonElement>(el, 1, 'remove').click();
    await el.updateComplete;
    expect(events).to.deep.equal([]);
    const notice = field(el, 1, 'notice');
    expect(notice.getAttribute('role')).to.equal('alert');
    expect(notice.textContent).to.contain('Cannot remove "main"').and.contain('variables[0].datasource').and.contain('panels[0].datasource');
    expect(el.value).to.equal(start);
    field<HTMLButtonElement>(el, 2, 'remove').click();
    await el.updateComplete;
    expect(events.at(-1)).to.deep.equal({ ...start, datasources: [start.datasources[0]] });
    expect(el.shadowRoot!.querySelectorAll('.datasources > li').length).to.equal(1);
  });

  it('a rename rewrites the panel and variable that name it', async () => {
    const { el, events } = await editor();
    await type(el, 1, 'name', 'primary');
    const next = events.at(-1)!;
    expect(next.datasources[0]!.name).to.equal('primary');
    expect(next.panels[0]).to.have.property('datasource', 'primary');
    expect(next.variables[0]).to.have.property('datasource', 'primary');
    await type(el, 2, 'name', 'primary');
    expect(el.problems[0]!.path).to.equal('datasources[1].name');
    expect(el.problems[0]!.message).to.contain('another datasource');
  });

  it('Test reports the real server ready, and a closed port as a network error', async () => {
    const { el } = await editor();
    field<HTMLButtonElement>(el, 1, 'test').click();
    field<HTMLButtonElement>(el, 2, 'test').click();
    const ok = await tested(el, 1);
    expect(ok.getAttribute('aria-live')).to.equal('polite');
    expect(ok.textContent).to.match(/^Prometheus \d+\.\d+\S*, ready \(\d+ ms\)$/);
    const failed = await tested(el, 2);
    expect(failed.classList.contains('error')).to.equal(true);
    expect(failed.textContent).to.contain('127.0.0.1:9');
  });

  it('a change to the datasource aborts its running test and clears its result', async () => {
    const { el } = await editor();
    field<HTMLButtonElement>(el, 2, 'test').click();
    await el.updateComplete;
    expect(field(el, 2, 'status').textContent).to.contain('Testing http://127.0.0.1:9');
    await type(el, 2, 'url', url);
    expect(field(el, 2, 'status').textContent).to.equal('');
    expect(field<HTMLButtonElement>(el, 2, 'test').disabled).to.equal(false);
    field<HTMLButtonElement>(el, 2, 'test').click();
    expect((await tested(el, 2)).classList.contains('ok')).to.equal(true);
  });

  it('screenshots: light and dark at 900px', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const { el } = await editor(start, 900, theme);
      field<HTMLButtonElement>(el, 1, 'test').click();
      field<HTMLButtonElement>(el, 2, 'test').click();
      await tested(el, 1);
      await tested(el, 2);
      await type(el, 2, 'scrapeInterval', 'often');
      const name = `datasource-editor-${theme}-900`;
      el.id = name;
      document.body.style.background = theme === 'dark' ? '#0d1117' : '#fff';
      await executeServerCommand('screenshot', { selector: `#${name}`, name });
      stage.replaceChildren();
    }
    document.body.style.background = '';
  });
});
