/**
 * The README's React (```tsx) and Vue (```js) blocks, each bundled as written (the test Prometheus
 * instead of /api/prom) and run in Chromium: their panels chart live data and their event
 * handlers fire.
 */
import { expect } from 'chai';
import { PrometheusClient } from '@promkit/core';
import { panelsIn } from './panel-probes.js';

/**
 * Waits until the live test series has had a rate for a step (15 s): panels query up to the step
 * grid's last point, so on a Prometheus started seconds ago their first query could find nothing.
 */
async function liveRate(): Promise<void> {
  const prom = new PrometheusClient({ url: window.__PROMKIT_TEST__.prometheusUrl });
  for (let tries = 0; tries < 100; tries++) {
    const answer = await prom.query({ query: 'sum(rate(promkit_live_requests_total[1m]))', time: Date.now() / 1000 - 31 });
    if (answer.resultType === 'vector' && answer.result.length > 0) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

interface Snippet {
  file: string;
  lang: string;
  source: string;
}


describe('README framework blocks', () => {
  it('the React and Vue blocks render panels with live data and their handlers receive events', async function () {
    this.timeout(60_000);
    await liveRate();
    const snippets = (await (await fetch('/test-output/readme-snippets/index.json')).json()) as Snippet[];
    expect(snippets.map((s) => s.lang).sort()).to.deep.equal(['js', 'tsx']);
    for (const snippet of snippets) {
      const app = document.createElement('div');
      app.id = 'app';
      document.body.append(app);
      const logged: unknown[][] = [];
      const log = console.log;
      console.log = (...args: unknown[]) => logged.push(args);
      try {
        await import(`/test-output/readme-snippets/${snippet.file}`);
        const deadline = Date.now() + 20_000;
        const ready = () => {
          const panels = panelsIn(app);
          return panels.length > 0 && panels.every((p) => p.results.some((r) => r.frames.length > 0) || p.shadowRoot!.querySelector('[role="alert"]'));
        };
        while (!ready() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
        const panels = panelsIn(app);
        expect(panels.length, snippet.lang).to.equal(snippet.lang === 'tsx' ? 2 : 1);
        for (const p of panels) {
          expect(p.shadowRoot!.querySelector('[role="alert"]')?.textContent ?? null, snippet.lang).to.equal(null);
          expect(p.results[0]!.frames.length, `${snippet.lang}: ${JSON.stringify(p.results.map((r) => [r.expr, r.timing, r.frames.length]))}`).to.be.greaterThan(0);
        }
        // The onPromData / @prom-data handler logged the targets of the stat panel.
        expect(logged.some((args) => Array.isArray(args[0]) && (args[0] as { refId?: string }[])[0]?.refId === 'A'), snippet.lang).to.equal(true);
      } finally {
        console.log = log;
        app.remove();
      }
    }
  });
});
