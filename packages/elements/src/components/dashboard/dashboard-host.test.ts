/**
 * The host is in control: every host-settable property of <prom-dashboard> takes effect whenever it
 * is set, before or after the dashboard has loaded, the first time included, and two dashboards on
 * one page each follow only their own settings. And sync-url keeps refresh changes.
 */
import { expect } from 'chai';
import type { PromDashboard } from './dashboard.component.js';
import type { PromPanel } from '../panel/panel.component.js';
import type { PromTimeRange } from '../time-range/time-range.component.js';
import type { PromRefreshPicker } from '../refresh-picker/refresh-picker.component.js';
import '../../define.js';

const url = window.__PROMKIT_TEST__.prometheusUrl;
const FIXTURE = '/tests/browser/fixtures/dataset-dashboard.json';

function panels(d: PromDashboard): PromPanel[] {
  return [...d.shadowRoot!.querySelectorAll('prom-panel')];
}

function titles(d: PromDashboard): string[] {
  return panels(d).map((p) => p.shadowRoot?.querySelector('[part="title"]')?.textContent ?? '');
}

/** Waits (bounded) for a condition on the page, then checks it. */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 50));
  expect(condition(), what).to.equal(true);
}

/** The query a panel last sent for its first target. */
function sent(d: PromDashboard, title: string): string {
  const panel = panels(d).find((p) => p.shadowRoot?.querySelector('[part="title"]')?.textContent === title);
  return panel?.results[0]?.expr ?? '';
}

async function mount(setup: (d: PromDashboard) => void = () => undefined): Promise<PromDashboard> {
  const d = document.createElement('prom-dashboard');
  d.style.width = '1000px';
  d.src = FIXTURE;
  d.url = url;
  setup(d);
  document.body.append(d);
  await until(() => panels(d).length > 0 && panels(d).every((p) => p.results.length > 0 || p.shadowRoot?.querySelector('[role="alert"]')), 'dashboard loaded');
  return d;
}

afterEach(() => {
  document.querySelectorAll('prom-dashboard').forEach((e) => e.remove());
  history.replaceState(null, '', location.pathname);
});

describe('<prom-dashboard> follows its host', () => {
  it('two dashboards on one page: each takes every property the host sets, after loading, the first time', async () => {
    const [a, b] = await Promise.all([mount(), mount()]);
    await until(() => sent(a, 'Requests on api-1').includes('api-1') && sent(b, 'Requests on api-1').includes('api-1'), 'both on api-1');

    // The first variableValues assignment after loading re-queries (it used to be ignored).
    a.variableValues = { instance: 'api-2' };
    await until(() => sent(a, 'Requests on api-2').includes('instance="api-2"'), 'a follows its variableValues');
    expect(titles(b)).to.include('Requests on api-1');
    expect(sent(b, 'Requests on api-1')).to.include('instance="api-1"');

    b.from = '2023-11-14T22:30:00Z';
    b.to = '2023-11-14T22:45:00Z';
    const timeRange = (d: PromDashboard) => d.shadowRoot!.querySelector<PromTimeRange>('prom-time-range')!;
    await until(() => timeRange(b).from === '2023-11-14T22:30:00Z', 'b shows its new range');
    await until(() => panels(b).every((p) => (p.results[0]?.timing.end ?? 0) <= Date.parse('2023-11-14T22:45:00Z') / 1000), 'b queried its new range');
    expect(timeRange(a).from).to.equal('2023-11-14T22:00:00Z');

    a.refresh = '5m';
    const picker = (d: PromDashboard) => d.shadowRoot!.querySelector<PromRefreshPicker>('prom-refresh-picker')!;
    await until(() => picker(a).refresh === '5m', 'a shows its refresh');
    expect(picker(b).refresh).to.equal('');

    a.timeZone = 'Asia/Tokyo';
    await until(() => timeRange(a).timeZone === 'Asia/Tokyo', 'a uses its timezone');
    expect(timeRange(b).timeZone).to.equal('UTC');

    b.theme = 'dark';
    await until(() => panels(b).every((p) => p.getAttribute('theme') === 'dark'), 'b is dark');
    expect(panels(a).some((p) => p.getAttribute('theme') === 'dark')).to.equal(false);

    const definition = await (await fetch(FIXTURE)).json();
    a.dashboard = { ...definition, title: 'Swapped by the host', panels: definition.panels.slice(0, 1) };
    await until(() => a.shadowRoot!.querySelector('.title')?.textContent === 'Swapped by the host' && panels(a).length === 1, 'a shows its new definition');
    expect(b.shadowRoot!.querySelector('.title')?.textContent).to.equal('Dataset overview');

    // src: back to a file, replacing the property definition's place only when the property is cleared.
    a.dashboard = undefined;
    a.src = `${FIXTURE}?again`;
    await until(() => a.shadowRoot!.querySelector('.title')?.textContent === 'Dataset overview', 'a loaded its new src');
  });

  it('settings made before the dashboard loads are used when it does', async () => {
    const d = await mount((el) => {
      el.variableValues = { instance: 'api-2' };
      el.refresh = '1m';
      el.timeZone = 'Asia/Tokyo';
    });
    await until(() => sent(d, 'Requests on api-2').includes('instance="api-2"'), 'variable used');
    expect(d.shadowRoot!.querySelector<PromRefreshPicker>('prom-refresh-picker')!.refresh).to.equal('1m');
    expect(d.shadowRoot!.querySelector<PromTimeRange>('prom-time-range')!.timeZone).to.equal('Asia/Tokyo');
  });

  it('the url property set after loading moves every panel to the new Prometheus', async () => {
    const d = await mount((el) => {
      el.url = 'http://127.0.0.1:9';
    });
    await until(() => panels(d).length > 0 && panels(d).every((p) => p.shadowRoot!.querySelector('[role="alert"]') !== null || p.results.length > 0), 'settled on the unreachable one');
    d.url = url;
    await until(() => panels(d).every((p) => p.results.length > 0 && p.results.every((r) => !r.error)), 'every panel has data from the real one');
  });

  it('sync-url keeps a refresh chosen in the picker, and a reload restores it', async () => {
    const d = await mount((el) => {
      el.syncUrl = true;
    });
    const select = d.shadowRoot!.querySelector('prom-refresh-picker')!.shadowRoot!.querySelector('select')!;
    select.value = '30s';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => new URLSearchParams(location.search).get('refresh') === '30s', 'the URL has the new refresh');
    d.remove();
    const reloaded = await mount((el) => {
      el.syncUrl = true;
    });
    expect(reloaded.refresh).to.equal('30s');
    expect(reloaded.shadowRoot!.querySelector<PromRefreshPicker>('prom-refresh-picker')!.refresh).to.equal('30s');
  });
});

describe('<prom-dashboard time-zone>', () => {
  it('a timezone that is none is said above the panels, which still show in the browser timezone', async () => {
    const d = await mount((el) => {
      el.timeZone = 'Mars/Olympus_Mons';
    });
    const notice = d.shadowRoot!.querySelector('[part="notice"]');
    expect(notice?.textContent).to.contain('Unknown timezone "Mars/Olympus_Mons"');
    expect(d.shadowRoot!.querySelector<PromTimeRange>('prom-time-range')!.timeZone).to.equal(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(panels(d).every((p) => p.results.length > 0 && p.results.every((r) => !r.error))).to.equal(true);
    d.timeZone = 'Asia/Tokyo';
    await until(() => d.shadowRoot!.querySelector('[part="notice"]') === null, 'the notice goes once the timezone is right');
  });
});
