/** The built @promkit/core in real Chromium, cross-origin to the real Prometheus (CORS included). */
import { expect } from 'chai';
import { PrometheusClient, isPromkitError, toFrames } from '@promkit/core';
import { STEP, T0, TRICKY_LABEL_VALUES, valueOf } from '../harness/dataset.mjs';

const url = window.__PROMKIT_TEST__.prometheusUrl;

describe('PrometheusClient in the browser', () => {
  it('runs a range query cross-origin and decodes exact columnar frames', async () => {
    const prom = new PrometheusClient({ url, timeout: 10_000 });
    const r = await prom.queryRange({ query: 'promkit_temperature_celsius{room="lab"}', start: T0, end: T0 + 300, step: STEP });
    const [frame] = toFrames(r);
    expect(frame!.timestamps).to.be.instanceOf(Float64Array);
    expect([...frame!.values]).to.deep.equal(
      Array.from({ length: 21 }, (_, i) => valueOf('promkit_temperature_celsius', { room: 'lab' }, i)),
    );
  });

  it('decodes special values and keeps tricky label values as text', async () => {
    const prom = new PrometheusClient({ url });
    const special = toFrames(await prom.query({ query: 'promkit_special_value', time: T0 }));
    const byKind = Object.fromEntries(special.map((f) => [f.labels['kind'], f.values[0]]));
    expect(byKind['pos_inf']).to.equal(Number.POSITIVE_INFINITY);
    expect(byKind['neg_inf']).to.equal(Number.NEGATIVE_INFINITY);
    expect(Number.isNaN(byKind['nan'])).to.equal(true);
    const labels = await prom.labelValues({ label: 'text', start: T0, end: T0 + 60 });
    expect(labels.data).to.deep.equal([...TRICKY_LABEL_VALUES].sort());
  });

  it('checkConnection answers ready cross-origin (Prometheus has no CORS on /-/ready), and fails for a closed port', async () => {
    const ok = await new PrometheusClient({ url }).checkConnection();
    expect(ok.ok && ok.ready && typeof ok.buildInfo.version).to.equal('string');
    const closed = await new PrometheusClient({ url: 'http://127.0.0.1:9', timeout: 2_000 }).checkConnection();
    expect(!closed.ok && isPromkitError(closed.error, 'NetworkError')).to.equal(true);
  });

  it('reports a parse error with its position, and an unreachable server as a NetworkError', async () => {
    const prom = new PrometheusClient({ url });
    const parse = await prom.query({ query: 'sum(' }).catch((e: unknown) => e);
    expect(isPromkitError(parse, 'QueryParseError')).to.equal(true);
    expect(isPromkitError(parse, 'QueryParseError') && parse.position).to.deep.equal({ line: 1, column: 5 });

    const closed = new PrometheusClient({ url: 'http://127.0.0.1:9', retries: 0 });
    const network = await closed.labels().catch((e: unknown) => e);
    expect(isPromkitError(network, 'NetworkError')).to.equal(true);
  });
});
