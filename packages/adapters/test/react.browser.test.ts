/** The React wrappers rendered by React 19 in Chromium against the real Prometheus. */
import { expect } from 'chai';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import type { PromDataEvent, PromVariableChangeEvent } from '@promkit/elements';
import { PromDashboard, PromPanel, PromVariable } from '../src/react/index.js';
import { T0, T_END, valueOf } from '../../../tests/harness/dataset.mjs';

const url = window.__PROMKIT_TEST__.prometheusUrl;
const range = `${new Date(T0 * 1000).toISOString()},${new Date(T_END * 1000).toISOString()}`;

/** Polls until `read` returns something (React commits renders asynchronously). */
async function until<T>(read: () => T | null | undefined | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

function mount() {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  return {
    host,
    root,
    unmount: () => {
      root.unmount();
      host.remove();
    },
  };
}

describe('React wrappers', () => {
  it('<PromPanel> takes props as attributes and properties and calls onPromData with the typed event', async () => {
    const { host, root, unmount } = mount();
    const received: PromDataEvent[] = [];
    const data = new Promise<void>((resolve) => {
      root.render(
          createElement(PromPanel, {
            url,
            type: 'stat',
            query: 'promkit_combo{a="a2",b="b7"}',
            range,
            title: 'From React',
            style: { height: '200px', display: 'block' },
            onPromData: (event: PromDataEvent) => {
              received.push(event);
              resolve();
            },
          }),
        );
    });
    await data;
    const panel = host.querySelector('prom-panel')!;
    await panel.updateComplete;
    expect(received[0]!.detail.targets[0]!.frames[0]!.values[0]).to.equal(valueOf('promkit_combo', { a: 'a2', b: 'b7' }, 0));
    expect(panel.shadowRoot!.querySelector('.stat-value')!.textContent!.trim()).to.equal('27');
    expect(panel.shadowRoot!.querySelector('[part="title"]')!.textContent).to.equal('From React');
    unmount();
  });

  it('<PromDashboard> takes a dashboard object; <PromVariable> reports changes through onPromVariableChange', async () => {
    const { host, root, unmount } = mount();
    const dashboard = {
      schemaVersion: 1 as const,
      title: 'React dashboard',
      time: { from: new Date(T0 * 1000).toISOString(), to: new Date(T_END * 1000).toISOString() },
      panels: [{ id: 1, type: 'stat' as const, title: 'Lab', gridPos: { x: 0, y: 0, w: 6, h: 4 }, targets: [{ refId: 'A', expr: 'promkit_temperature_celsius{room="lab"}' }] }],
    };
    const changes: PromVariableChangeEvent['detail'][] = [];
    root.render(
        createElement('div', null,
          createElement(PromDashboard, { url, dashboard }),
          createElement(PromVariable, {
            name: 'room',
            options: [{ text: 'lab', value: 'lab' }, { text: 'office', value: 'office' }],
            value: ['lab'],
            onPromVariableChange: (e: PromVariableChangeEvent) => changes.push(e.detail),
          }),
        ),
    );
    const d = await until(() => host.querySelector('prom-dashboard'));
    const panel = await until(() => {
      const p = d.shadowRoot?.querySelector('prom-panel');
      return p && p.results.length > 0 && p;
    });
    expect(panel.results[0]!.frames[0]!.values.at(-1)).to.equal(valueOf('promkit_temperature_celsius', { room: 'lab' }, (T_END - T0) / 15));
    const select = await until(() => host.querySelector('prom-variable')?.shadowRoot?.querySelector('select'));
    select.value = 'office';
    select.dispatchEvent(new Event('change'));
    expect(changes).to.deep.equal([{ name: 'room', value: 'office' }]);
    unmount();
  });
});
