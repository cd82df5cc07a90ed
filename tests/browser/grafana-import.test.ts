/**
 * The Grafana corpus (tests/fixtures/grafana), imported with fromGrafana and shown by
 * <prom-dashboard> against the real Prometheus: every panel renders, with data or as the note
 * the import left in its place, and no panel fails.
 */
import { expect } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { showImported } from './grafana-mount.js';
import { painted, panelsIn } from './panel-probes.js';
import { prometheusUpFor } from './prometheus-age.js';

const url = window.__PROMKIT_TEST__.prometheusUrl;
const CORPUS = ['prometheus-stats-v14', 'shared-export-v18', 'service-v30', 'current-v41', 'api-envelope-absolute'];

describe('Grafana dashboards imported with fromGrafana', function () {
  // The longest step in the corpus: prometheus-stats-v14's resolution 1/2 of 10 s.
  before(async function () {
    this.timeout(70_000);
    await prometheusUpFor(25);
  });

  for (const name of CORPUS) {
    it(`${name}: every panel renders with data or as its note, none fails`, async () => {
      const { d, expected } = await showImported(`/tests/fixtures/grafana/${name}.json`, url);
      const deadline = Date.now() + 20_000;
      const ready = () => {
        const panels = panelsIn(d.shadowRoot!);
        return (
          panels.length >= expected.length &&
          panels.every((p) => p.shadowRoot?.querySelector('[role="alert"]') || p.spec?.type === 'text' || (p.results.some((r) => r.frames.length > 0) && !p.shadowRoot?.querySelector('.spinner, .skeleton')))
        );
      };
      while (!ready() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      // Each panel's update includes loading the chart code it draws with (a gauge's, marks'), then a frame to paint.
      await Promise.all(panelsIn(d.shadowRoot!).map((p) => p.updateComplete));
      await new Promise((r) => setTimeout(r, 300));

      const panels = panelsIn(d.shadowRoot!);
      expect(d.shadowRoot!.querySelector('[part="problems"]')).to.equal(null);
      const titles = panels.map((p) => p.shadowRoot!.querySelector('[part="title"]')?.textContent ?? '');
      for (const panel of expected) {
        const title = panel.title.replace('$job', 'prometheus').replace('$status', '500').replace('$interval', '1m');
        expect(titles, `panel "${panel.title}"`).to.include(title);
      }
      for (const [i, p] of panels.entries()) {
        expect(p.shadowRoot!.querySelector('[role="alert"]')?.textContent ?? null, titles[i]).to.equal(null);
        if (p.spec?.type === 'text') {
          expect(p.shadowRoot!.textContent!.trim().length, titles[i]).to.be.greaterThan(0);
        } else {
          expect(p.results.some((r) => r.frames.length > 0), `${titles[i]} has data`).to.equal(true);
          if (['timeseries', 'gauge', 'heatmap'].includes(p.spec!.type!)) expect(painted(p), `${titles[i]} painted`).to.equal(true);
        }
      }
      await executeServerCommand('screenshot', { selector: 'prom-dashboard', name: `grafana-import-${name}` });
      d.remove();
    });
  }
});
