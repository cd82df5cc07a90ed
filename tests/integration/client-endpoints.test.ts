/** Every non-query read endpoint against the real Prometheus (backfilled dataset + live scraping). */
import { execFileSync } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';
import { PrometheusClient, isPromkitError, type RulesResult } from '@promkit/core';
import { EXEMPLAR_TRACE_ID, LIVE_INCREMENT } from '../harness/live-exporter.mjs';
import { ALWAYS_FIRING_ALERT, FAILING_RULE, RECORDING_RULE, freePort } from '../harness/prometheus.mjs';
import { seriesAndLabelsTests } from '../harness/series-labels.js';

const url = inject('prometheusUrl');
const exporterHost = inject('exporterHost');
const prom = new PrometheusClient({ url });

/** Polls `read` until `done` holds (live scraping needs a few seconds to produce data). */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('series and labels', () => seriesAndLabelsTests(prom));

describe('live scraping endpoints', () => {
  it('targets shows both scrape jobs healthy', async () => {
    const { data } = await eventually(
      () => prom.targets({ state: 'active' }),
      (r) => r.data.activeTargets.length === 2 && r.data.activeTargets.every((t) => t.health === 'up'),
    );
    const live = data.activeTargets.find((t) => t.labels['job'] === 'live');
    expect(live).toMatchObject({ health: 'up', scrapeUrl: `http://${exporterHost}/metrics`, lastError: '' });
    expect(data.activeTargets.map((t) => t.labels['job']).sort()).toEqual(['live', 'prometheus']);
  });

  it('metadata and targetsMetadata carry type, help and unit from the exporter', async () => {
    const { data } = await eventually(
      () => prom.metadata({ metric: 'promkit_live_queue_depth_items' }),
      (r) => Object.keys(r.data).length > 0,
    );
    expect(data['promkit_live_queue_depth_items']).toEqual([
      { type: 'gauge', help: 'Items waiting in the live test queue.', unit: 'items' },
    ]);
    const perTarget = await prom.targetsMetadata({ matchTarget: '{job="live"}', metric: 'promkit_live_requests' });
    // Filtered by metric, Prometheus leaves `metric` out of each entry.
    expect(perTarget.data).toEqual([
      {
        target: { instance: exporterHost, job: 'live' },
        type: 'counter',
        help: 'Requests counted by the live test exporter.',
        unit: '',
      },
    ]);
  });

  it('queryExemplars returns the exporter exemplar with its trace id and value', async () => {
    const now = Date.now() / 1000;
    const { data } = await eventually(
      () => prom.queryExemplars({ query: 'promkit_live_requests_total', start: now - 600, end: Date.now() / 1000 + 60 }),
      (r) => r.data.length > 0,
    );
    const exemplar = data[0]!.exemplars[0]!;
    expect(data[0]!.seriesLabels).toMatchObject({ __name__: 'promkit_live_requests_total', job: 'live', path: '/live' });
    expect(exemplar.labels).toEqual({ trace_id: EXEMPLAR_TRACE_ID });
    expect(Number(exemplar.value)).toBe(LIVE_INCREMENT);
  });

  it('rules lists the recording and alerting rule and the failing rule\'s error; alerts shows the alert firing', async () => {
    const live = (r: { data: RulesResult }, name: string) => r.data.groups.find((g) => g.name === name);
    const { data } = await eventually(
      () => prom.rules(),
      (r) => !!live(r, 'promkit-live')?.rules.every((rule) => rule.health === 'ok') && !!live(r, 'promkit-failing')?.rules[0]?.lastError,
    );
    expect(data.groups.map((g) => g.name).sort()).toEqual(['promkit-failing', 'promkit-live']);
    const kinds = live({ data }, 'promkit-live')!.rules.map((r) => [r.type, r.name]);
    expect(kinds).toEqual([
      ['recording', RECORDING_RULE],
      ['alerting', ALWAYS_FIRING_ALERT],
    ]);
    expect(data.groups.find((g) => g.name === 'promkit-failing')!.rules[0]).toMatchObject({ name: FAILING_RULE, health: 'err', lastError: expect.stringContaining('same labelset') });
    const onlyAlerts = await prom.rules({ type: 'alert' });
    expect(onlyAlerts.data.groups.flatMap((g) => g.rules.map((r) => r.name))).toEqual([ALWAYS_FIRING_ALERT]);

    const alerts = await eventually(() => prom.alerts(), (r) => r.data.alerts.some((a) => a.state === 'firing'));
    expect(alerts.data.alerts).toEqual([
      expect.objectContaining({
        labels: { alertname: ALWAYS_FIRING_ALERT, severity: 'info' },
        state: 'firing',
        annotations: { summary: 'Fires on every evaluation, for tests.' },
      }),
    ]);
  });

  it('the recording rule produces the sum of the live counter', async () => {
    const r = await eventually(
      () => prom.query({ query: `${RECORDING_RULE} == bool on() sum(promkit_live_requests_total)` }),
      (q) => q.resultType === 'vector' && q.result[0]?.value?.[1] === '1',
    );
    expect(r.resultType === 'vector' && r.result[0]?.value?.[1]).toBe('1');
  });
});

describe('status endpoints', () => {
  it('buildInfo reports the version of the installed prometheus binary', async () => {
    const banner = execFileSync('prometheus', ['--version'], { encoding: 'utf8' });
    const version = /version (\S+)/.exec(banner)?.[1];
    const { data } = await prom.buildInfo();
    expect(data.version).toBe(version);
    expect(data.goVersion).toMatch(/^go\d/);
  });

  it('runtimeInfo and flags report the retention the harness set', async () => {
    expect((await prom.runtimeInfo()).data.storageRetention).toBe('100y');
    expect((await prom.flags()).data['storage.tsdb.retention.time']).toBe('100y');
  });

  it('formatQuery pretty-prints PromQL on the server', async () => {
    const { data } = await prom.formatQuery('sum(rate(promkit_http_requests_total[5m]))by(instance)');
    expect(data).toBe('sum by (instance) (rate(promkit_http_requests_total[5m]))');
  });

  it('checkConnection reports ready with build info, and a typed error when nothing listens', async () => {
    const ok = await prom.checkConnection();
    expect(ok.ok).toBe(true);
    expect(ok.ok && ok.buildInfo.version).toBe((await prom.buildInfo()).data.version);

    const closed = new PrometheusClient({ url: `http://127.0.0.1:${await freePort()}`, retries: 0 });
    const failed = await closed.checkConnection();
    expect(failed.ok).toBe(false);
    expect(!failed.ok && isPromkitError(failed.error, 'NetworkError')).toBe(true);
  });
});
