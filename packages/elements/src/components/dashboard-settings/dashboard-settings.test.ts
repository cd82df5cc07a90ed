/** <prom-dashboard-settings> in Chromium: each field changes `value` and fires the exact dashboard; refusals keep the text. */
import { expect } from 'chai';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { parseDashboard, type Dashboard } from '@promkit/core';
import type { PromDashboardSettings } from './dashboard-settings.component.js';
import type { PromDefinitionChangeEvent } from '../../events/definition-change-event.js';
import './dashboard-settings.js';

const start: Dashboard = parseDashboard({
  schemaVersion: 1,
  title: 'Service',
  tags: ['prod'],
  panels: [{ id: 1, type: 'timeseries', title: 'Rate', gridPos: { x: 0, y: 0, w: 12, h: 8 }, targets: [{ refId: 'A', expr: 'up' }] }],
  links: [
    { title: 'Runbook', url: 'https://example.com/runbook', targetBlank: true },
    { title: 'Home', url: '/' },
  ],
});

const stage = document.createElement('div');
document.body.append(stage);
afterEach(() => stage.replaceChildren());

async function settings(d: Dashboard = start, width = 600, theme = 'light'): Promise<{ el: PromDashboardSettings; events: Dashboard[] }> {
  const el = document.createElement('prom-dashboard-settings');
  el.dashboard = d;
  el.setAttribute('theme', theme);
  el.style.width = `${width}px`;
  const events: Dashboard[] = [];
  el.addEventListener('prom-definition-change', (e) => events.push((e as PromDefinitionChangeEvent).detail.dashboard));
  stage.append(el);
  await el.updateComplete;
  return { el, events };
}
const $ = <T extends HTMLElement>(el: PromDashboardSettings, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
async function type(el: PromDashboardSettings, sel: string, text: string): Promise<void> {
  const input = $<HTMLInputElement>(el, sel);
  input.value = text;
  input.dispatchEvent(new Event('change'));
  await el.updateComplete;
}
async function pick(el: PromDashboardSettings, sel: string, value: string): Promise<void> {
  const select = $<HTMLSelectElement>(el, sel);
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

describe('<prom-dashboard-settings>', () => {
  it('each field changes value and fires the whole dashboard', async () => {
    const { el, events } = await settings();
    await type(el, '#title', 'API');
    expect(events.at(-1)).to.deep.equal({ ...start, title: 'API' });
    const desc = $<HTMLTextAreaElement>(el, '#description');
    desc.value = 'Latency';
    desc.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await type(el, '#time\\.from', 'now-24h');
    await pick(el, '#refresh', '1h');
    await pick(el, '#week-start', 'sunday');
    await type(el, '#timezone', 'Europe/Berlin');
    const expected = { ...start, title: 'API', description: 'Latency', time: { from: 'now-24h', to: 'now' }, refresh: '1h', weekStart: 'sunday' as const, timezone: 'Europe/Berlin' };
    expect(events.length).to.equal(6);
    expect(events.at(-1)).to.deep.equal(expected);
    expect(el.value).to.deep.equal(expected);
    await pick(el, '#time-preset', '3');
    expect(el.value!.time).to.deep.equal({ from: 'now-1h', to: 'now' });
    expect(el.value!.panels).to.equal(start.panels);
  });

  for (const [sel, text, path] of [
    ['#title', '', 'title'],
    ['#time\\.from', 'now-banana', 'time.from'],
    ['#timezone', 'Mars/Olympus', 'timezone'],
    ['#link-2-url', '', 'links[1].url'],
  ] as const) {
    it(`refuses ${JSON.stringify(text)} in ${path}: problem shown, text kept, value undefined, no event`, async () => {
      const { el, events } = await settings();
      const id = $<HTMLInputElement>(el, '.links li:nth-child(2) input[id$="-url"]').id;
      const target = sel.startsWith('#link') ? `#${id}` : sel;
      await type(el, target, text);
      expect(events).to.deep.equal([]);
      expect(el.value).to.equal(undefined);
      expect(el.problems.map((p) => p.path)).to.deep.equal([path]);
      const input = $<HTMLInputElement>(el, target);
      expect(input.value).to.equal(text);
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      const problem = el.shadowRoot!.getElementById(input.getAttribute('aria-describedby')!)!;
      expect(problem.getAttribute('role')).to.equal('alert');
      expect(problem.textContent).to.contain(el.problems[0]!.message);
      await type(el, target, path === 'timezone' ? 'utc' : path === 'title' ? 'Fixed' : path === 'time.from' ? 'now-2h' : '/fixed');
      expect(el.value).to.not.equal(undefined);
      expect(events.length).to.equal(1);
      expect(el.problems).to.deep.equal([]);
    });
  }

  it('adds tags with Enter and comma, removes with Backspace and the chip buttons', async () => {
    const { el, events } = await settings();
    $<HTMLInputElement>(el, '#tags').focus();
    await sendKeys({ type: 'api' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: 'team,' });
    await el.updateComplete;
    expect(el.value!.tags).to.deep.equal(['prod', 'api', 'team']);
    await sendKeys({ press: 'Backspace' });
    await el.updateComplete;
    expect(events.at(-1)!.tags).to.deep.equal(['prod', 'api']);
    $<HTMLButtonElement>(el, 'button[aria-label="Remove tag prod"]').click();
    await el.updateComplete;
    expect(events.at(-1)).to.deep.equal({ ...start, tags: ['api'] });
  });

  it('adds, moves and removes links', async () => {
    const { el, events } = await settings();
    $<HTMLButtonElement>(el, '#add-link').click();
    await el.updateComplete;
    expect(events.at(-1)!.links).to.deep.equal([...start.links, { title: 'New link', url: '/' }]);
    $<HTMLButtonElement>(el, 'button[aria-label="Move New link up"]').click();
    await el.updateComplete;
    expect(el.value!.links.map((l) => l.title)).to.deep.equal(['Runbook', 'New link', 'Home']);
    $<HTMLButtonElement>(el, 'button[aria-label="Remove Runbook"]').click();
    await el.updateComplete;
    expect(events.at(-1)).to.deep.equal({ ...start, links: [{ title: 'New link', url: '/' }, { title: 'Home', url: '/' }] });
  });

  it('adds a link to dashboards by tag and edits its tags (no URL field for it)', async () => {
    const { el, events } = await settings();
    $<HTMLButtonElement>(el, '#add-tag-link').click();
    await el.updateComplete;
    expect(events.at(-1)!.links.at(-1)).to.deep.equal({ type: 'dashboards', title: 'Related dashboards', tags: [] });
    const tags = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input')].find((i) => i.id.endsWith('-tags'))!;
    expect(el.shadowRoot!.querySelector(`#${tags.id.replace(/-tags$/, '-url')}`), 'no URL field').to.equal(null);
    await type(el, `#${tags.id}`, ' kafka , prod ,');
    expect(events.at(-1)!.links.at(-1)).to.deep.equal({ type: 'dashboards', title: 'Related dashboards', tags: ['kafka', 'prod'] });
  });

  it('fixing the last refused field fires the edits made meanwhile, even when the fixed value is the old one', async () => {
    const { el, events } = await settings();
    await type(el, '#title', '');
    await type(el, '#time\\.from', 'now-1h');
    expect(events).to.have.length(0); // the title is still refused
    expect(el.value).to.equal(undefined);
    await type(el, '#title', 'Service');
    expect(events).to.have.length(1);
    expect(events[0]).to.include({ title: 'Service' });
    expect(events[0]!.time).to.deep.equal({ from: 'now-1h', to: 'now' });
  });

  it('setting dashboard resets the form', async () => {
    const { el } = await settings();
    await type(el, '#title', '');
    expect(el.value).to.equal(undefined);
    el.dashboard = { ...start, title: 'Other' };
    await el.updateComplete;
    expect(el.problems).to.deep.equal([]);
    expect($<HTMLInputElement>(el, '#title').value).to.equal('Other');
    expect(el.value!.title).to.equal('Other');
  });

  it('screenshots: light and dark, 900px and 380px', async () => {
    const full = { ...start, description: 'Latency and errors of the API', tags: ['prod', 'api', 'team-sre'], timezone: 'Europe/Berlin' };
    for (const [theme, width] of [['light', 900], ['dark', 900], ['light', 380], ['dark', 380]] as const) {
      const { el } = await settings(full, width, theme);
      await type(el, '#time\\.from', 'now-banana');
      const name = `dashboard-settings-${theme}-${width}`;
      el.id = name;
      document.body.style.background = theme === 'dark' ? '#0d1117' : '#fff';
      await executeServerCommand('screenshot', { selector: `#${name}`, name });
      stage.replaceChildren();
    }
    document.body.style.background = '';
  });
});
