/**
 * The client's timeout is a deadline for the whole call, checked here with fetches that never
 * finish: one whose body never ends and ignores the abort signal, and one that sends a Retry-After
 * longer than the time left. (tests/integration/client-deadline.test.ts does it over real HTTP.)
 */
import { describe, expect, it } from 'vitest';
import { DatasourceRegistry, PrometheusClient, isPromkitError, parseDashboard, validateDashboard, type PrometheusDatasource, type PromkitErrorName } from '@promkit/core';

async function failure<N extends PromkitErrorName>(call: Promise<unknown>, name: N) {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isPromkitError(error, name)) throw new Error(`expected ${name}, got ${String(error)}`, { cause: error });
  return error;
}

/** Answers 200 with the start of a JSON body and then nothing, deaf to the abort signal. */
function stallingFetch() {
  let calls = 0;
  const fetch = async () => {
    calls += 1;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"status":"success","data":['));
      },
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { fetch: fetch as typeof globalThis.fetch, calls: () => calls };
}

describe('the client timeout covers the whole answer', () => {
  it('a body that never ends is a client-side TimeoutError naming the URL and the time', async () => {
    const client = new PrometheusClient({ url: 'http://prom.test', fetch: stallingFetch().fetch, timeout: 50 });
    const error = await failure(client.labels(), 'TimeoutError');
    expect(error.side).toBe('client');
    expect(error.message).toMatch(/^No complete answer from POST http:\/\/prom\.test\/api\/v1\/labels within 50 ms: .*raise `timeout`/);
  });

  it("the caller's abort during the body is a CanceledError", async () => {
    const client = new PrometheusClient({ url: 'http://prom.test', fetch: stallingFetch().fetch, timeout: 60_000 });
    const controller = new AbortController();
    const call = client.query({ query: 'up' }, { signal: controller.signal });
    controller.abort();
    await failure(call, 'CanceledError');
  });

  it('a Retry-After beyond the deadline is reported at once, not waited out into a timeout', async () => {
    let calls = 0;
    const fetch = (async () => {
      calls += 1;
      return new Response('Service Unavailable', { status: 503, headers: { 'content-type': 'text/plain', 'retry-after': '20' } });
    }) as typeof globalThis.fetch;
    const client = new PrometheusClient({ url: 'http://prom.test', fetch, timeout: 5_000, retries: 2 });
    await failure(client.labels(), 'NotReadyError');
    expect(calls).toBe(1);
  });

  it('a timeout that cannot work is refused', async () => {
    expect(() => new PrometheusClient({ url: 'http://prom.test', timeout: 0 })).toThrow(/timeout must be a number of milliseconds from 1/);
    const client = new PrometheusClient({ url: 'http://prom.test', fetch: stallingFetch().fetch });
    await failure(client.labels({}, { timeout: Number.NaN }), 'InvalidArgumentError');
  });
});

describe('a datasource timeout', () => {
  it('is a duration passed on to its client, winning over the host-wide one', async () => {
    const dashboard = parseDashboard({
      schemaVersion: 1,
      title: 't',
      datasources: [{ name: 'slow', url: 'http://prom.test', timeout: '40ms' }],
    });
    expect((dashboard.datasources[0] as PrometheusDatasource).timeout).toBe('40ms');
    const registry = new DatasourceRegistry(dashboard, { clientOptions: { fetch: stallingFetch().fetch, timeout: 60_000 } });
    const error = await failure(registry.client().labels(), 'TimeoutError');
    expect(error.message).toContain('within 40 ms');
  });

  it('must be a positive duration a timer can hold', () => {
    const check = validateDashboard({
      schemaVersion: 1,
      title: 't',
      datasources: [
        { name: 'a', url: 'http://a', timeout: '0s' },
        { name: 'b', url: 'http://b', timeout: '30 seconds' },
        { name: 'c', url: 'http://c', timeout: '1y' },
      ],
    });
    expect(check.ok).toBe(false);
    const messages = check.ok ? [] : check.problems.map((p) => `${p.path}: ${p.message}`);
    expect(messages).toEqual([
      'datasources[0].timeout: must be from 1ms to 24d, got "0s"',
      'datasources[1].timeout: must be a duration such as "15s", "5m" or "1h", got "30 seconds"',
      'datasources[2].timeout: must be from 1ms to 24d, got "1y"',
    ]);
  });
});
