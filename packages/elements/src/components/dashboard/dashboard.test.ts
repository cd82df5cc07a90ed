/** <prom-dashboard> and its controls in Chromium against the real Prometheus. */
import { expect } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { T0, T_END, STEP, valueOf, storedSeries } from '../../../../../tests/harness/dataset.mjs';
import type { PromDashboard } from './dashboard.component.js';
import type { PromPanel } from '../panel/panel.component.js';
import type { PromVariable } from '../variable/variable.component.js';
import type { PromTimeRange } from '../time-range/time-range.component.js';
import { getInstanceByDom } from '../../charts/echarts.js';
import '../../define.js';

const url = window.__PROMKIT_TEST__.prometheusUrl;
const FIXTURE = '/tests/browser/fixtures/dataset-dashboard.json';
const END = (T_END - T0) / STEP;

function panels(d: PromDashboard): PromPanel[] {
  return [...d.shadowRoot!.querySelectorAll('prom-panel')];
}

/** Waits until every panel has finished its latest query. */
async function settled(d: PromDashboard, check: () => boolean = () => true): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    await d.updateComplete;
    const all = panels(d);
    const done = all.length > 0 && all.every((p) => p.shadowRoot && (p.results.length > 0 || p.shadowRoot.querySelector('[role="alert"], .message')));
    const busy = all.some((p) => p.shadowRoot?.querySelector('.spinner, .skeleton'));
    if (done && !busy && check()) return;
    if (Date.now() > deadline) throw new Error('panels did not settle');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function mount(setup: (d: PromDashboard) => void): Promise<PromDashboard> {
  const d = document.createElement('prom-dashboard');
  d.style.width = '1200px';
  setup(d);
  document.body.append(d);
  await settled(d);
  return d;
}

function byTitle(d: PromDashboard, title: string): PromPanel {
  const found = panels(d).find((p) => p.shadowRoot!.querySelector('[part="title"]')?.textContent === title);
  if (!found) throw new Error(`no panel titled ${title}; have ${panels(d).map((p) => p.shadowRoot!.querySelector('[part="title"]')?.textContent)}`);
  return found;
}

function statText(p: PromPanel): string {
  return p.shadowRoot!.querySelector('.stat-value')!.textContent!.replace(/\s+/g, '');
}

function sumRequests(instance: string, methods?: string[]): number {
  return storedSeries()
    .filter((s) => s.name === 'promkit_http_requests_total' && s.labels['instance'] === instance && (!methods || methods.includes(s.labels['method']!)))
    .reduce((sum, s) => sum + valueOf(s.name, s.labels, END)!, 0);
}

afterEach(() => {
  document.querySelectorAll('prom-dashboard, prom-time-range, prom-variable, prom-refresh-picker').forEach((e) => e.remove());
  history.replaceState(null, '', location.pathname);
});

describe('<prom-dashboard>', () => {
  it('loads from src, resolves variables from Prometheus and shows exact values', async () => {
    const d = await mount((el) => {
      el.src = FIXTURE;
      el.url = url;
    });
    expect(d.variables.get('instance')!.options.map((o) => o.value)).to.deep.equal(['api-1', 'api-2']);
    expect(statText(byTitle(d, 'Requests on api-1'))).to.equal(String(sumRequests('api-1')));
    const rate = byTitle(d, 'Request rate by method');
    expect(rate.results[0]!.frames.map((f) => f.labels['method'])).to.deep.equal(['GET', 'POST']);
    // The repeated gauge: one per selected room, titles interpolated.
    expect(panels(d).filter((p) => p.shadowRoot!.querySelector('[part="title"]')!.textContent!.startsWith('Temperature in'))).to.have.length(2);
    expect(byTitle(d, 'Temperature in office').results[0]!.frames[0]!.values.at(-1)).to.equal(valueOf('promkit_temperature_celsius', { room: 'office' }, END));
  });

  it('the crosshair is shared: hovering one chart shows the same time on the others', async () => {
    const d = await mount((el) => {
      el.src = FIXTURE;
      el.url = url;
    });
    const charts = ['Request rate by method', 'Temperature by room'].map((t) => getInstanceByDom(byTitle(d, t).shadowRoot!.querySelector<HTMLElement>('.canvas')!)!);
    expect(charts[0]!.group).to.equal(charts[1]!.group);
    expect(charts[0]!.group).to.match(/^prom-dashboard-\d+$/);
    const tooltipShown = (i: number) =>
      [...byTitle(d, i === 0 ? 'Request rate by method' : 'Temperature by room').shadowRoot!.querySelectorAll<HTMLElement>('[part="chart"] div')].some(
        (div) => div.style.display !== 'none' && div.style.opacity !== '0' && div.textContent!.includes(i === 0 ? 'GET' : 'office'),
      );
    const point = charts[0]!.convertToPixel({ seriesIndex: 0 }, [(T0 + 1200) * 1000, 1]) as number[];
    charts[0]!.dispatchAction({ type: 'showTip', x: point[0], y: point[1] });
    await new Promise((r) => setTimeout(r, 150));
    expect(tooltipShown(0)).to.equal(true);
    expect(tooltipShown(1), 'the other chart shows its tooltip too').to.equal(true);
  });

  it('changing a variable through its control re-queries the panels that use it', async () => {
    const d = await mount((el) => {
      el.src = FIXTURE;
      el.url = url;
    });
    const instance = d.shadowRoot!.querySelector<PromVariable>('prom-variable')!;
    const select = instance.shadowRoot!.querySelector('select')!;
    select.value = 'api-2';
    select.dispatchEvent(new Event('change'));
    await settled(d, () => panels(d).some((p) => p.shadowRoot!.querySelector('[part="title"]')?.textContent === 'Requests on api-2'));
    expect(statText(byTitle(d, 'Requests on api-2'))).to.equal(String(sumRequests('api-2')));

    // Narrow the multi-value method variable to POST through its checkbox list.
    const method = d.shadowRoot!.querySelectorAll<PromVariable>('prom-variable')[1]!;
    method.shadowRoot!.querySelector<HTMLButtonElement>('[part="trigger"]')!.click();
    await method.updateComplete;
    const boxes = [...method.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    boxes[0]!.click(); // All off
    await method.updateComplete;
    method.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')[2]!.click(); // POST
    await settled(d, () => statText(byTitle(d, 'Requests on api-2')) === String(sumRequests('api-2', ['POST'])));
    expect(byTitle(d, 'Request rate by method').results[0]!.expr).to.contain('method=~"POST"');
  });

  it('a new time range re-queries every panel; a host that cancels the change keeps control', async () => {
    const d = await mount((el) => {
      el.src = FIXTURE;
      el.url = url;
    });
    const mid = new Date((T0 + 1800) * 1000).toISOString();
    d.to = mid;
    await settled(d, () => byTitle(d, 'Request rate by method').results[0]!.timing.end <= T0 + 1800);
    expect(statText(byTitle(d, 'Requests on api-1'))).to.equal(
      String(storedSeries().filter((s) => s.name === 'promkit_http_requests_total' && s.labels['instance'] === 'api-1').reduce((n, s) => n + valueOf(s.name, s.labels, 120)!, 0)),
    );
    d.addEventListener('prom-time-range-change', (e) => e.preventDefault(), { once: true });
    const picker = d.shadowRoot!.querySelector<PromTimeRange>('prom-time-range')!;
    picker.shadowRoot!.querySelector<HTMLButtonElement>('[part="trigger"]')!.click();
    await picker.updateComplete;
    picker.shadowRoot!.querySelector<HTMLButtonElement>('[part="popover"] li button')!.click();
    await new Promise((r) => setTimeout(r, 20));
    expect(d.to).to.equal(mid);
  });

  it('a new time range re-resolves every variable that refreshes on time', async () => {
    const d = await mount((el) => {
      el.url = url;
      el.dashboard = {
        schemaVersion: 1,
        title: 'Time variables',
        time: { from: '2023-11-14T22:00:00Z', to: '2023-11-14T23:00:00Z' },
        variables: [
          { type: 'query', name: 'job', query: 'label_values(promkit_stopping, job)', refresh: 'time' },
          { type: 'query', name: 'room', query: 'label_values(promkit_temperature_celsius, room)', refresh: 'time' },
        ],
        panels: [{ id: 1, type: 'stat', title: 'Lab', gridPos: { x: 0, y: 0, w: 6, h: 4 }, targets: [{ refId: 'A', expr: 'promkit_combo{a="a0",b="b1"}' }] }],
      };
    });
    const options = (name: string) => d.variables.get(name)!.options.map((o) => o.value);
    expect([options('job'), options('room')]).to.deep.equal([['batch'], ['lab', 'office']]);
    // The live hour holds none of the backfilled series.
    d.from = 'now-1h';
    d.to = 'now';
    await settled(d, () => options('job').length === 0 && options('room').length === 0);
    expect([options('job'), options('room')]).to.deep.equal([[], []]);
  });

  it('an invalid dashboard lists its problems with paths', async () => {
    const d = document.createElement('prom-dashboard');
    d.dashboard = { schemaVersion: 1, title: 'Broken', panels: [{ id: 1, type: 'stat', gridPos: { x: 0, y: 0, w: 30, h: 4 } }] } as never;
    document.body.append(d);
    await d.updateComplete;
    await new Promise((r) => setTimeout(r, 20));
    const items = [...d.shadowRoot!.querySelectorAll('[part="problems"] li')].map((li) => li.textContent);
    expect(items).to.deep.equal(['panels[0].gridPos.w: must be 1–24, got 30']);
  });

  it('reads an inline JSON definition, expands a collapsed row on click, and views one panel alone', async () => {
    const definition = await (await fetch(FIXTURE)).text();
    const d = await mount((el) => {
      el.url = url;
      el.innerHTML = `<script type="application/json">${definition}</script>`;
    });
    expect(panels(d).some((p) => p.shadowRoot!.querySelector('[part="title"]')?.textContent === 'Every request series')).to.equal(false);
    const rowButton = [...d.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="row"] button')].find((b) => b.textContent!.includes('Details'))!;
    expect(rowButton.getAttribute('aria-expanded')).to.equal('false');
    let refreshes = 0;
    d.addEventListener('prom-refresh', () => refreshes++);
    rowButton.click();
    await settled(d, () => panels(d).some((p) => p.shadowRoot!.querySelector('[part="title"]')?.textContent === 'Every request series'));
    // Only the panel the row revealed queries; the others keep their data.
    expect(refreshes).to.equal(1);
    expect(byTitle(d, 'Every request series').shadowRoot!.querySelectorAll('tbody tr')).to.have.length(5);

    byTitle(d, 'Requests on api-1').shadowRoot!.querySelector<HTMLButtonElement>('[part="view-button"]')!.click();
    await settled(d);
    expect(panels(d)).to.have.length(1);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await settled(d);
    expect(panels(d).length).to.be.greaterThan(1);
  });

  it('an expanded row that carries its panels (rather than having them follow it) shows them, once per repeat', async () => {
    const d = await mount((el) => {
      el.url = url;
      el.from = '2023-11-14T22:00:00Z';
      el.to = '2023-11-14T23:00:00Z';
      el.dashboard = {
        schemaVersion: 1,
        title: 'Rooms',
        variables: [{ type: 'custom', name: 'room', query: 'lab,office', multi: true, current: { value: ['lab', 'office'] } }],
        panels: [
          {
            id: 1,
            type: 'row',
            title: 'Room $room',
            repeat: 'room',
            gridPos: { x: 0, y: 0, w: 24, h: 1 },
            panels: [{ id: 2, type: 'stat', title: 'Temperature in $room', gridPos: { x: 0, y: 1, w: 6, h: 4 }, targets: [{ refId: 'A', expr: 'promkit_temperature_celsius{room="$room"}' }] }],
          },
        ],
      };
    });
    expect(panels(d).map((p) => p.shadowRoot!.querySelector('[part="title"]')?.textContent)).to.deep.equal(['Temperature in lab', 'Temperature in office']);
  });

  it('URL sync is opt-in: only a dashboard with sync-url writes the page URL', async () => {
    await mount((el) => {
      el.src = FIXTURE;
      el.url = url;
    });
    expect(location.search).to.equal('');
    const synced = await mount((el) => {
      el.src = FIXTURE;
      el.url = url;
      el.syncUrl = true;
      el.urlKey = 'main';
    });
    const params = new URLSearchParams(location.search);
    expect(params.get('main.from')).to.equal('2023-11-14T22:00:00Z');
    expect(params.getAll('main.var-room')).to.deep.equal(['lab', 'office']);
    synced.from = '2023-11-14T22:30:00Z';
    await settled(synced);
    expect(new URLSearchParams(location.search).get('main.from')).to.equal('2023-11-14T22:30:00Z');
  });

  it('screenshots in light and dark', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const d = await mount((el) => {
        el.src = FIXTURE;
        el.url = url;
        el.theme = theme;
        el.id = `dashboard-${theme}`;
      });
      await new Promise((r) => setTimeout(r, 200));
      await executeServerCommand('screenshot', { selector: `#dashboard-${theme}`, name: `dashboard-${theme}` });
      d.remove();
    }
  });
});

describe('controls alone', () => {
  it('<prom-time-range> offers presets and absolute times, keyboard-operable, firing events', async () => {
    const picker = document.createElement('prom-time-range');
    document.body.append(picker);
    await picker.updateComplete;
    const trigger = picker.shadowRoot!.querySelector<HTMLButtonElement>('[part="trigger"]')!;
    expect(trigger.getAttribute('aria-label')).to.equal('Time range: Last 6 hours');
    trigger.click();
    await picker.updateComplete;
    const events: { from: string; to: string }[] = [];
    picker.addEventListener('prom-time-range-change', (e) => events.push((e as CustomEvent).detail));
    const presets = [...picker.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="popover"] li button')];
    presets.find((b) => b.textContent === 'Last 24 hours')!.click();
    expect(events).to.deep.equal([{ from: 'now-24h', to: 'now' }]);
    trigger.click();
    await picker.updateComplete;
    const form = picker.shadowRoot!.querySelector('form')!;
    (form.elements.namedItem('from') as HTMLInputElement).value = 'now-1h';
    (form.elements.namedItem('to') as HTMLInputElement).value = 'now-2h';
    form.requestSubmit();
    await picker.updateComplete;
    expect(picker.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.equal('"From" must be before "To".');
    picker.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await picker.updateComplete;
    expect(picker.shadowRoot!.querySelector('[part="popover"]')).to.equal(null);
  });

  it('<prom-time-range> shows absolute times readably in its timezone, date math as written', async () => {
    const picker = document.createElement('prom-time-range');
    picker.from = '2023-11-14T22:00:00Z';
    picker.to = 'now';
    picker.timeZone = 'Asia/Tokyo';
    document.body.append(picker);
    await picker.updateComplete;
    const expected = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23', timeZone: 'Asia/Tokyo' }).format(Date.UTC(2023, 10, 14, 22));
    expect(expected).to.contain('07:00');
    expect(picker.shadowRoot!.querySelector('[part="trigger"]')!.getAttribute('aria-label')).to.equal(`Time range: ${expected} – now`);
    expect(expected).to.contain('15'); // 22:00 UTC on the 14th is the 15th in Tokyo
  });

  it('<prom-variable> searches its options and selects All', async () => {
    const v = document.createElement('prom-variable');
    v.name = 'host';
    v.multi = true;
    v.includeAll = true;
    v.options = ['alpha', 'beta', 'gamma'].map((x) => ({ text: x, value: x }));
    v.value = ['beta'];
    document.body.append(v);
    await v.updateComplete;
    v.shadowRoot!.querySelector<HTMLButtonElement>('[part="trigger"]')!.click();
    await v.updateComplete;
    const search = v.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
    search.value = 'AL';
    search.dispatchEvent(new Event('input'));
    await v.updateComplete;
    expect([...v.shadowRoot!.querySelectorAll('li label')].map((l) => l.textContent!.trim())).to.deep.equal(['alpha']);
    search.value = '';
    search.dispatchEvent(new Event('input'));
    await v.updateComplete;
    const changes: unknown[] = [];
    v.addEventListener('prom-variable-change', (e) => changes.push((e as CustomEvent).detail));
    v.shadowRoot!.querySelector<HTMLInputElement>('li input[type="checkbox"]')!.click();
    expect(changes).to.deep.equal([{ name: 'host', value: ['$__all'] }]);
  });

  it('<prom-refresh-picker> announces intervals and manual refreshes', async () => {
    const r = document.createElement('prom-refresh-picker');
    document.body.append(r);
    await r.updateComplete;
    const seen: string[] = [];
    r.addEventListener('prom-refresh-interval-change', (e) => seen.push((e as CustomEvent).detail.refresh));
    r.addEventListener('prom-refresh', (e) => seen.push((e as CustomEvent).detail.reason));
    const select = r.shadowRoot!.querySelector('select')!;
    expect([...select.options].map((o) => o.textContent)).to.deep.equal(['Off', '5s', '15s', '30s', '1m', '5m']);
    select.value = '30s';
    select.dispatchEvent(new Event('change'));
    r.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"]')!.click();
    expect(seen).to.deep.equal(['30s', 'manual']);
    expect(r.refresh).to.equal('30s');
  });
});
