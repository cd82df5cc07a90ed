/** The README's Vue recipe: Vue 3 renders the elements, binds properties and hears their events. */
import { expect } from 'chai';
import { createApp, h, ref } from 'vue';
import type { PromDataEvent } from '@promkit/elements';
import '@promkit/elements/define.js';
import { T0, T_END, valueOf } from '../harness/dataset.mjs';

const url = window.__PROMKIT_TEST__.prometheusUrl;

describe('Vue', () => {
  it('renders <prom-panel>, passes props and receives prom-data', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const received: PromDataEvent[] = [];
    const query = ref('promkit_combo{a="a3",b="b1"}');
    const app = createApp({
      render: () =>
        h('prom-panel', {
          url,
          type: 'stat',
          query: query.value,
          range: `${new Date(T0 * 1000).toISOString()},${new Date(T_END * 1000).toISOString()}`,
          style: 'display:block;height:200px',
          'onProm-data': (event: PromDataEvent) => received.push(event),
        }),
    });
    // The recipe: tell Vue's template compiler that prom-* tags are custom elements.
    app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('prom-');
    app.mount(host);
    const deadline = Date.now() + 10_000;
    while (received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(received[0]!.detail.targets[0]!.frames[0]!.values[0]).to.equal(valueOf('promkit_combo', { a: 'a3', b: 'b1' }, 0));

    // A reactive prop change re-queries.
    query.value = 'promkit_combo{a="a3",b="b9"}';
    while (received.length < 2 && Date.now() < deadline + 10_000) await new Promise((r) => setTimeout(r, 50));
    expect(received[1]!.detail.targets[0]!.frames[0]!.values[0]).to.equal(39);
    app.unmount();
    host.remove();
  });
});
