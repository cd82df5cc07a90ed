/**
 * Public dashboards nobody here wrote (tests/fixtures/grafana/corpus), imported with fromGrafana
 * and shown by <prom-dashboard> against the real Prometheus: every panel settles (data, no data,
 * a query error shown, or the note the import left), nothing throws or logs an error. Screenshots
 * go to test-output/screenshots/grafana-corpus-<file>.png, to compare with Grafana by eye.
 */
import { expect } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';
import type { PromPanel } from '@promkit/elements';
import { showImported } from './grafana-mount.js';
import { panelsIn } from './panel-probes.js';

const url = window.__PROMKIT_TEST__.prometheusUrl;
/**
 * Six of the corpus: schemaVersion 14 rows to 42; graph, singlestat, stat, gauge, table, heatmap,
 * logs. The first two query what the test Prometheus has (its own and Go metrics).
 */
const DASHBOARDS = [
  'dotdc-grafana-dashboards-kubernetes--k8s-addons-prometheus',
  'monitoring-mixins--go-runtime--dashboards-go-runtime',
  'dotdc-grafana-dashboards-kubernetes--k8s-views-pods',
  'ingress-nginx--nginx',
  'thanos--receive',
  'loki--loki-retention',
];

/** What a panel shows once it has stopped loading; undefined while it still loads. */
function settled(p: PromPanel): 'invalid' | 'note' | 'error' | 'no data' | 'data' | undefined {
  const root = p.shadowRoot;
  if (!root || !p.spec) return undefined;
  const alert = root.querySelector('[role="alert"]');
  if (alert) return /Invalid panel settings/.test(alert.textContent ?? '') ? 'invalid' : 'error';
  if (p.spec.type === 'text') return 'note';
  if (root.querySelector('[aria-busy="true"], .skeleton')) return undefined;
  return p.results.some((r) => r.frames.length > 0) ? 'data' : 'no data';
}

describe('public Grafana dashboards (the corpus) in <prom-dashboard>', function () {
  this.timeout(90_000);
  const errors: string[] = [];
  const consoleError = console.error;
  const onError = (e: ErrorEvent) => errors.push(`error: ${e.message}`);
  const onRejection = (e: PromiseRejectionEvent) => errors.push(`unhandled rejection: ${String(e.reason)}`);
  beforeEach(() => {
    errors.length = 0;
    console.error = (...args: unknown[]) => {
      errors.push(`console.error: ${args.map(String).join(' ')}`);
      consoleError(...args);
    };
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  afterEach(() => {
    console.error = consoleError;
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });

  for (const name of DASHBOARDS) {
    it(`${name}: every panel settles, nothing fails`, async () => {
      const { d, expected } = await showImported(`/tests/fixtures/grafana/corpus/${name}.json`, url);
      try {
        const deadline = Date.now() + 45_000;
        const ready = () => {
          const panels = panelsIn(d.shadowRoot!);
          return panels.length >= expected.length && panels.every((p) => settled(p) !== undefined);
        };
        while (!ready() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
        await new Promise((r) => setTimeout(r, 500));

        expect(d.shadowRoot!.querySelector('[part="problems"]'), 'dashboard problems').to.equal(null);
        const panels = panelsIn(d.shadowRoot!);
        expect(panels.length, 'panels drawn').to.be.at.least(expected.length);
        const states = panels.map((p) => `${p.spec?.title ?? '?'}: ${settled(p) ?? 'still loading'}`);
        expect(states.filter((s) => s.endsWith('still loading')), 'panels still loading').to.deep.equal([]);
        expect(states.filter((s) => s.endsWith('invalid')), 'panels the import made invalid').to.deep.equal([]);
        for (const p of panels.filter((p) => p.spec?.type === 'text')) expect(p.shadowRoot!.textContent!.trim(), `${p.spec!.title} note`).not.to.equal('');
        expect(errors, 'errors thrown or logged').to.deep.equal([]);
        // Every panel type's state, for the log: what the dashboard shows against this Prometheus.
        console.log(`${name}: ${['data', 'no data', 'error', 'note'].map((s) => `${panels.filter((p) => settled(p) === s).length} ${s}`).join(', ')}`);
        for (const p of panels.filter((p) => settled(p) === 'error')) console.log(`  ${p.spec!.title}: ${p.shadowRoot!.querySelector('[role="alert"]')!.textContent!.replace(/\s+/g, ' ').trim()}`);
        await executeServerCommand('screenshot', { selector: 'prom-dashboard', name: `grafana-corpus-${name}` });
      } finally {
        d.remove();
      }
    });
  }
});
