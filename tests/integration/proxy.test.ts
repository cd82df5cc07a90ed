/** The credentials proxy in front of the real Prometheus: what passes, what is refused, what leaks. */
import { createServer, request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PrometheusClient, isPromkitError, toFrames } from '@promkit/core';
import { createPrometheusProxy, toNodeHandler, type PrometheusProxyOptions } from '@promkit/adapters/proxy';
import { T0, T_END, valueOf } from '../harness/dataset.mjs';
import { startProxy, startStub } from '../harness/loopback.mjs';
import { listenOnLoopback } from '../harness/listen.mjs';

const prometheusUrl = inject('prometheusUrl');
const servers: { stop(): Promise<void> }[] = [];
afterAll(() => Promise.all(servers.map((s) => s.stop())));

/** Serves the proxy handler on a loopback port under /api/prom. */
async function serve(options: Partial<PrometheusProxyOptions> & { upstream: string }) {
  const server = createServer(toNodeHandler(createPrometheusProxy({ basePath: '/api/prom', ...options })));
  const port = await listenOnLoopback(server);
  servers.push({ stop: () => new Promise((resolve) => server.close(() => resolve())) });
  return `http://127.0.0.1:${port}`;
}

/** A raw request, so paths are sent exactly as written (fetch would normalise `..`). */
function raw(base: string, method: string, path: string, headers: Record<string, string> = {}, body?: string) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const url = new URL(base);
    const req = httpRequest({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

describe('forwarding', () => {
  let watcher: Awaited<ReturnType<typeof startProxy>>;
  let proxyUrl: string;
  beforeAll(async () => {
    // A recording hop between the proxy and Prometheus shows what the upstream receives.
    watcher = await startProxy({ upstream: prometheusUrl });
    servers.push(watcher);
    proxyUrl = await serve({ upstream: watcher.url, auth: { type: 'bearer', token: 'upstream-secret' }, tenant: 'team-a' });
  });

  it('the client through the proxy gets exactly what Prometheus has, with GET and POST', async () => {
    for (const method of ['POST', 'GET'] as const) {
      const prom = new PrometheusClient({ url: `${proxyUrl}/api/prom`, method });
      const r = await prom.queryRange({ query: 'promkit_temperature_celsius{room="lab"}', start: T0, end: T0 + 300, step: 15 });
      expect([...toFrames(r)[0]!.values]).toEqual(Array.from({ length: 21 }, (_, i) => valueOf('promkit_temperature_celsius', { room: 'lab' }, i)));
      expect((await prom.labelValues({ label: 'room', start: T0, end: T_END })).data).toEqual(['lab', 'office']);
      expect((await prom.series({ match: ['promkit_combo{a="a1"}'], start: T0, end: T_END })).data).toHaveLength(10);
      expect((await prom.buildInfo()).data.version).toMatch(/^2\./);
      expect((await prom.formatQuery('sum(rate(x[5m]))by(job)')).data).toBe('sum by (job) (rate(x[5m]))');
      // Alert lists read the active alerts: the same as Prometheus answers directly.
      expect((await prom.alerts()).data).toEqual((await new PrometheusClient({ url: prometheusUrl }).alerts()).data);
    }
  });

  it("adds the upstream's credentials and tenant, and drops the browser's cookies and auth", async () => {
    watcher.requests.length = 0;
    const r = await raw(proxyUrl, 'GET', '/api/prom/api/v1/query?query=up', {
      cookie: 'session=browser-cookie',
      authorization: 'Bearer browser-token',
      'x-scope-orgid': 'other-tenant',
    });
    expect(r.status).toBe(200);
    const seen = watcher.requests[0]!.headers;
    expect(seen['authorization']).toBe('Bearer upstream-secret');
    expect(seen['x-scope-orgid']).toBe('team-a');
    expect(seen['cookie']).toBeUndefined();
    expect(r.headers['set-cookie']).toBeUndefined();
  });
});

describe('refusals', () => {
  let proxyUrl: string;
  beforeAll(async () => {
    proxyUrl = await serve({ upstream: prometheusUrl, limits: { maxRangeSeconds: 86_400, maxPoints: 1000, maxBodyBytes: 1024 } });
  });

  it.each([
    ['POST', '/api/prom/api/v1/admin/tsdb/snapshot'],
    ['POST', '/api/prom/api/v1/admin/tsdb/delete_series?match[]=up'],
    ['POST', '/api/prom/api/v1/write'],
    ['POST', '/api/prom/-/quit'],
    ['POST', '/api/prom/-/reload'],
    ['GET', '/api/prom/api/v1/targets'],
    ['GET', '/api/prom/api/v1/status/flags'],
    ['GET', '/api/prom/api/v1/status/config'],
    ['GET', '/api/prom/api/v1/query/../../-/quit'],
    ['GET', '/api/prom/api/v1/%2e%2e/%2e%2e/-/quit'],
    ['GET', '/api/prom/api/v1/query%2f..%2f..%2fadmin'],
    ['GET', '/api/prom//api/v1/query'],
    ['GET', '/api/v1/query?query=up'],
    ['GET', '/api/prom/api/v1/label/__name__%2F..%2F/values'],
  ])('%s %s → 403', async (method, path) => {
    const r = await raw(proxyUrl, method, path);
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body)).toMatchObject({ status: 'error', errorType: 'forbidden' });
  });

  it('other methods are 405 with Allow', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      const r = await raw(proxyUrl, method, '/api/prom/api/v1/query?query=up');
      expect(r.status).toBe(405);
      expect(r.headers['allow']).toBe('GET, POST');
    }
    expect((await raw(proxyUrl, 'POST', '/api/prom/api/v1/metadata')).headers['allow']).toBe('GET');
  });

  it('ranges, points and bodies over the limits become typed errors in the client', async () => {
    const prom = new PrometheusClient({ url: `${proxyUrl}/api/prom`, retries: 0 });
    const wide = await prom.queryRange({ query: 'up', start: T0, end: T0 + 2 * 86_400, step: 3600 }).catch((e: unknown) => e);
    expect(isPromkitError(wide, 'PrometheusApiError') && wide.message).toContain('longer than this proxy allows (86400 s)');
    const dense = await prom.queryRange({ query: 'up', start: T0, end: T0 + 3600, step: 1 }).catch((e: unknown) => e);
    expect(isPromkitError(dense, 'PrometheusApiError') && dense.message).toContain('3601 points per series is more than this proxy allows (1000)');
    const big = await raw(proxyUrl, 'POST', '/api/prom/api/v1/query', { 'content-type': 'application/x-www-form-urlencoded' }, `query=${'x'.repeat(2000)}`);
    expect(big.status).toBe(413);
  });

  it('a hung upstream times out with 504; an unreachable one is 502 without echoing credentials', async () => {
    const hung = await startStub([{ hang: true }]);
    servers.push(hung);
    const slow = await serve({ upstream: hung.url, limits: { timeoutMs: 200 } });
    const r = await raw(slow, 'GET', '/api/prom/api/v1/query?query=up');
    expect(r.status).toBe(504);
    expect(JSON.parse(r.body)).toMatchObject({ errorType: 'timeout' });

    const dead = await serve({ upstream: 'http://admin:hunter2@127.0.0.1:9', auth: { type: 'bearer', token: 'tok-secret' } });
    const down = await raw(dead, 'GET', '/api/prom/api/v1/query?query=up');
    expect(down.status).toBe(502);
    expect(down.body).not.toMatch(/hunter2|tok-secret|admin/);
    expect(JSON.parse(down.body)).toMatchObject({ errorType: 'unavailable' });
  });
});

describe('straight to Prometheus', () => {
  it('answers a browser that accepts gzip with a body it can read as sent', async () => {
    const proxyUrl = await serve({ upstream: prometheusUrl });
    const query = new URLSearchParams({ query: 'promkit_temperature_celsius', time: String(T_END) });
    const answer = await raw(proxyUrl, 'GET', `/api/prom/api/v1/query?${query}`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(answer.body)).toMatchObject({ status: 'success', data: { resultType: 'vector' } });
  });
});
