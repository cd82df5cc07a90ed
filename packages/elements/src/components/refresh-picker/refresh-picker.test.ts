/** <prom-refresh-picker>: the interval list, in order whatever the current value. */
import { expect } from 'chai';
import type { PromRefreshPicker } from './refresh-picker.component.js';
import type { PromRefreshIntervalChangeEvent } from '../../events/refresh-interval-change-event.js';
import '../../define.js';

async function picker(refresh: string): Promise<PromRefreshPicker> {
  const p = document.createElement('prom-refresh-picker');
  p.refresh = refresh;
  document.body.append(p);
  await p.updateComplete;
  return p;
}

function select(p: PromRefreshPicker): HTMLSelectElement {
  return p.shadowRoot!.querySelector('select')!;
}

/** The option labels, in the order the select lists them. */
function listed(p: PromRefreshPicker): string[] {
  return [...select(p).options].map((o) => o.textContent!.trim());
}

afterEach(() => document.querySelectorAll('prom-refresh-picker').forEach((e) => e.remove()));

describe('<prom-refresh-picker> intervals', () => {
  it('lists Off and the presets from shortest to longest', async () => {
    const p = await picker('');
    expect(listed(p)).to.deep.equal(['Off', '5s', '15s', '30s', '1m', '5m']);
    expect(select(p).value).to.equal('');
  });

  for (const [current, expected] of [
    ['10s', ['Off', '5s', '10s', '15s', '30s', '1m', '5m']],
    ['2m', ['Off', '5s', '15s', '30s', '1m', '2m', '5m']],
    ['1s', ['Off', '1s', '5s', '15s', '30s', '1m', '5m']],
    ['1h', ['Off', '5s', '15s', '30s', '1m', '5m', '1h']],
    ['1m30s', ['Off', '5s', '15s', '30s', '1m', '1m30s', '5m']],
  ] as const) {
    it(`puts a current value of ${current}, not a preset, in its place and selects it`, async () => {
      const p = await picker(current);
      expect(listed(p)).to.deep.equal(expected);
      expect(select(p).value).to.equal(current);
      expect(select(p).selectedOptions[0]!.textContent!.trim()).to.equal(current);
    });
  }

  it('keeps a value that is no duration at the end, selected', async () => {
    const p = await picker('soon');
    expect(listed(p)).to.deep.equal(['Off', '5s', '15s', '30s', '1m', '5m', 'soon']);
    expect(select(p).value).to.equal('soon');
  });

  it('drops the extra entry once a preset is current again', async () => {
    const p = await picker('10s');
    p.refresh = '30s';
    await p.updateComplete;
    expect(listed(p)).to.deep.equal(['Off', '5s', '15s', '30s', '1m', '5m']);
    expect(select(p).value).to.equal('30s');
  });

  it('takes a pick from the list, which stays in order', async () => {
    const p = await picker('2m');
    const changes: string[] = [];
    p.addEventListener('prom-refresh-interval-change', (e) => changes.push((e as PromRefreshIntervalChangeEvent).detail.refresh));
    select(p).value = '15s';
    select(p).dispatchEvent(new Event('change'));
    await p.updateComplete;
    expect(changes).to.deep.equal(['15s']);
    expect(p.refresh).to.equal('15s');
    expect(listed(p)).to.deep.equal(['Off', '5s', '15s', '30s', '1m', '5m']);
  });
});
