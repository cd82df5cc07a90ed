/**
 * The Grafana corpus (tests/fixtures/grafana), imported with fromGrafana and shown by
 * <prom-dashboard> against the real Prometheus: every panel renders, with data or as the note
 * the import left in its place, and no panel fails.
 */
import { expect } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { fromGrafana } from '@promkit/core/grafana';
import type { PromDashboard } from '@promkit/elements';
import '@promkit/elements/define.js';
import { painted, panelsIn } from './panel-probes.js';

const url = window.__PROMKIT_TEST__.prometheusUrl;
const CORPUS = ['prometheus-stats-v14', 'shared-export-v18', 'service-v30', 'current-v41', 'api-envelope-absolute'];

/** Clicks every collapsed row open (once the rows are drawn), so their panels render too. */
async function expandRows(d: PromDashboard, rows: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (d.shadowRoot!.querySelectorAll('[part="row"]').length < rows && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  for (const button of d.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="row"] button[aria-expanded="false"]')) button.click();
  await d.updateComplete;
}

describe('Grafana dashboards imported with fromGrafana', () => {
  for (const name of CORPUS) {
    it(`${name}: every panel renders with data or as its note, none fails`, async () => {
      const json = await (await fetch(`/tests/fixtures/grafana/${name}.json`)).json();
      const { dashboard } = fromGrafana(json);
      const expected = dashboard.panels.flatMap((p) => (p.type === 'row' ? p.panels : [p]));

      const d = document.createElement('prom-dashboard');
      d.style.width = '1200px';
      d.url = url;
      d.dashboard = dashboard;
      document.body.append(d);
      await d.updateComplete;
      await expandRows(d, dashboard.panels.filter((p) => p.type === 'row').length);

      const deadline = Date.now() + 20_000;
      const ready = () => {
        const panels = panelsIn(d.shadowRoot!);
        return (
          panels.length >= expected.length &&
          panels.every((p) => p.shadowRoot?.querySelector('[role="alert"]') || p.spec?.type === 'text' || (p.results.some((r) => r.frames.length > 0) && !p.shadowRoot?.querySelector('.spinner, .skeleton')))
        );
      };
      while (!ready() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
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
