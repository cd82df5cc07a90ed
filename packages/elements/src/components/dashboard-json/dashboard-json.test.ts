/** <prom-dashboard-json>: text checked as typed, problems located and selectable, valid text fired once. */
import { expect } from 'chai';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { parseDashboard, type Dashboard } from '@promkit/core';
import { dashboardJson } from '@promkit/core/edit';
import type { PromDashboardJson } from './dashboard-json.component.js';
import { PromDefinitionChangeEvent } from '../../events/definition-change-event.js';
import './dashboard-json.js';

const sample: Dashboard = parseDashboard({
  schemaVersion: 1,
  title: 'Service health',
  panels: [
    { id: 1, type: 'stat', title: 'Up', gridPos: { x: 0, y: 0, w: 6, h: 4 }, targets: [{ refId: 'A', expr: 'up' }] },
    { id: 2, type: 'timeseries', title: 'Requests', gridPos: { x: 6, y: 0, w: 18, h: 8 }, targets: [{ refId: 'A', expr: 'sum(rate(http_requests_total[5m]))' }] },
  ],
});

const stage = document.createElement('div');
document.body.append(stage);

async function editor(dashboard: Dashboard | undefined = sample, width = 800, theme: 'light' | 'dark' = 'light'): Promise<PromDashboardJson> {
  const el = document.createElement('prom-dashboard-json');
  el.dashboard = dashboard;
  el.theme = theme;
  stage.style.width = `${width}px`;
  stage.append(el);
  await el.updateComplete;
  return el;
}
const area = (el: PromDashboardJson) => el.shadowRoot!.querySelector('textarea')!;
const problemButtons = (el: PromDashboardJson) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="problem"]')];
const status = (el: PromDashboardJson) => el.shadowRoot!.querySelector('[part="status"]')!.textContent!.trim();
/** Types `text` as the whole content, then leaves the field (which checks at once). */
async function typeText(el: PromDashboardJson, text: string, leave = true): Promise<void> {
  const a = area(el);
  a.value = text;
  a.dispatchEvent(new Event('input', { bubbles: true }));
  if (leave) a.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}
function collect(el: PromDashboardJson): Dashboard[] {
  const seen: Dashboard[] = [];
  el.addEventListener(PromDefinitionChangeEvent.type, (e) => seen.push((e as PromDefinitionChangeEvent).detail.dashboard));
  return seen;
}

afterEach(() => stage.replaceChildren());

describe('<prom-dashboard-json>', () => {
  it('shows the dashboard as two-space JSON and is valid', async () => {
    const el = await editor();
    expect(area(el).value).to.equal(JSON.stringify(sample, null, 2));
    expect(status(el)).to.equal('Valid');
    expect(el.value).to.deep.equal(sample);
    expect(el.problems).to.deep.equal([]);
  });

  it('invalid JSON: a problem with line and column, no value, no event; fixing it fires the exact dashboard once', async () => {
    const el = await editor();
    const seen = collect(el);
    const broken = dashboardJson(sample).replace('"title": "Service health",', '"title": "Service health"');
    await typeText(el, broken);
    expect(el.value).to.equal(undefined);
    expect(seen).to.deep.equal([]);
    expect(status(el)).to.equal('1 problem');
    const [button] = problemButtons(el);
    expect(button!.textContent).to.match(/^\s*4:3\s+title\s+expected a comma or \} after the property "title"\s*$/);

    const fixed = { ...sample, title: 'Fixed' };
    const fired = new Promise<Dashboard>((resolve) => el.addEventListener(PromDefinitionChangeEvent.type, (e) => resolve((e as PromDefinitionChangeEvent).detail.dashboard), { once: true }));
    await typeText(el, dashboardJson(fixed), false); // no change event: the pause after typing fires it
    expect(await fired).to.deep.equal(fixed);
    await el.updateComplete;
    expect(status(el)).to.equal('Valid');
    expect(el.value).to.deep.equal(fixed);
    // The same definition again (reformatted) is not a change.
    await typeText(el, JSON.stringify(fixed));
    expect(seen).to.deep.equal([fixed]);
  });

  it('schema problems are listed with their paths; clicking one selects its value in the text', async () => {
    const el = await editor();
    const text = dashboardJson(sample).replace('"title": "Service health"', '"title": ""').replace('"refId": "A",\n          "expr": "sum', '"refId": "9x",\n          "expr": "sum');
    await typeText(el, text);
    expect(el.problems.map((p) => p.path)).to.deep.equal(['title', 'panels[1].targets[0].refId']);
    expect(status(el)).to.equal('2 problems');
    const buttons = problemButtons(el);
    expect(buttons.map((b) => b.querySelector('.path')!.textContent)).to.deep.equal(['title', 'panels[1].targets[0].refId']);
    buttons[1]!.click();
    const a = area(el);
    expect(el.shadowRoot!.activeElement).to.equal(a);
    expect(a.value.slice(a.selectionStart, a.selectionEnd)).to.equal('"9x"');
    buttons[0]!.click();
    expect(a.value.slice(a.selectionStart, a.selectionEnd)).to.equal('""');
    expect(el.shadowRoot!.querySelector('[aria-live="polite"]')!.contains(buttons[0]!)).to.equal(true);
  });

  it('setting dashboard from outside resets the text and the problems', async () => {
    const el = await editor();
    await typeText(el, '{ nope');
    expect(el.problems).to.have.length(1);
    const other = { ...sample, title: 'Other' };
    el.dashboard = other;
    await el.updateComplete;
    expect(area(el).value).to.equal(dashboardJson(other));
    expect(el.problems).to.deep.equal([]);
    expect(status(el)).to.equal('Valid');
  });

  it('Tab inserts two spaces; Escape then Tab moves focus on (no keyboard trap)', async () => {
    const el = await editor();
    const after = document.createElement('button');
    after.textContent = 'after';
    stage.append(after);
    const a = area(el);
    a.focus();
    a.setSelectionRange(1, 1);
    await sendKeys({ press: 'Tab' });
    expect(a.value.slice(0, 5)).to.equal('{  \n ');
    expect(el.shadowRoot!.activeElement).to.equal(a);
    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.not.equal(el);
    expect(el.shadowRoot!.activeElement).to.not.equal(a);
  });

  it('Format pretty-prints valid JSON, schema problems or not', async () => {
    const el = await editor();
    await typeText(el, JSON.stringify({ ...sample, title: '' }));
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="format-button"]')!.click();
    await el.updateComplete;
    expect(area(el).value).to.equal(JSON.stringify({ ...sample, title: '' }, null, 2));
    await typeText(el, '{');
    expect(el.shadowRoot!.querySelector<HTMLButtonElement>('[part="format-button"]')!.disabled).to.equal(true);
  });

  it('hostile strings are text, never markup', async () => {
    const hostile = '</textarea><img src=x onerror="window.__pwned=1">';
    const el = await editor({ ...sample, title: hostile });
    expect(area(el).value).to.contain(JSON.stringify(hostile));
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    await typeText(el, dashboardJson(sample).replace('"title": "Up"', `"title": ${JSON.stringify(hostile)}, "${hostile}": 1`));
    expect(el.problems.some((p) => p.message.includes('</textarea>'))).to.equal(true);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('screenshots: light and dark, 1000px and 380px', async () => {
    const text = dashboardJson(sample).replace('"title": "Service health"', '"title": ""').replace('"type": "timeseries"', '"type": "timeserie"').replace('"refId": "A",\n          "expr": "up"', '"refId": "1",\n          "expr": "up"');
    for (const [name, theme, width] of [
      ['dashboard-json-light', 'light', 1000],
      ['dashboard-json-dark', 'dark', 1000],
      ['dashboard-json-narrow-light', 'light', 380],
      ['dashboard-json-narrow-dark', 'dark', 380],
    ] as const) {
      const el = await editor(sample, width, theme);
      el.id = name;
      await typeText(el, text);
      problemButtons(el)[0]!.click();
      document.body.style.background = theme === 'dark' ? '#0d1117' : '#fff';
      await executeServerCommand('screenshot', { selector: `#${name}`, name });
      stage.replaceChildren();
    }
    document.body.style.background = '';
  });
});
