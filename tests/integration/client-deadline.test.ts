/**
 * The client's `timeout` is a deadline for the whole answer, body included: an upstream that
 * stalls anywhere ends in a TimeoutError, the caller's abort stays a CanceledError, and a real
 * Prometheus behind the same misbehaving server still answers.
 */
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { PrometheusClient, isPromkitError, type PromkitErrorName } from '@promkit/core';
import { T0 } from '../harness/dataset.mjs';
import { startMisbehavingUpstream } from '../harness/misbehaving-upstream.mjs';

const prometheusUrl = inject('prometheusUrl');
let upstream: Awaited<ReturnType<typeof startMisbehavingUpstream>>;
beforeAll(async () => {
  upstream = await startMisbehavingUpstream({ upstream: prometheusUrl });
});
afterAll(() => upstream.stop());

/** A client whose requests get `mode`, with a short deadline and no retries. */
function client(mode: string, options: Partial<ConstructorParameters<typeof PrometheusClient>[0]> = {}) {
  return new PrometheusClient({ url: `${upstream.url}/mode/${mode}`, timeout: 300, retries: 0, ...options });
}

/** Awaits a call that must fail and checks the error's class by name. */
async function failure<N extends PromkitErrorName>(call: Promise<unknown>, name: N) {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isPromkitError(error, name)) throw new Error(`expected ${name}, got ${String(error)}`, { cause: error });
  return error;
}

const range = { query: 'promkit_combo', start: T0, end: T0 + 600, step: 60 };

describe('a stalled upstream ends in a TimeoutError', () => {
  it('stalling after the headers, mid-body', async () => {
    const error = await failure(client('stall-after-headers').query({ query: 'up' }), 'TimeoutError');
    expect(error.side).toBe('client');
    expect(error.message).toContain(`/mode/stall-after-headers/api/v1/query within 300 ms`);
    expect(error.message).toContain('raise `timeout`');
    expect(error.request?.url).toBe(`${upstream.url}/mode/stall-after-headers/api/v1/query`);
    // The client hung up rather than leaving the stalled connection open.
    const seen = upstream.requests.at(-1)!;
    expect(seen.path).toBe('/api/v1/query');
    await vi.waitFor(() => expect(seen.closed).toBe(true));
  });

  it('stalling mid-body on the matrix scanner path (queryRangeFrames)', async () => {
    const error = await failure(client('stall-after-headers').queryRangeFrames(range), 'TimeoutError');
    expect(error.request?.url).toContain('/api/v1/query_range');
  });

  it('stalling mid-body on a GET', async () => {
    await failure(client('stall-after-headers', { method: 'GET' }).labels(), 'TimeoutError');
  });

  it('stalling before the headers', async () => {
    const error = await failure(client('stall-before-headers').queryRange(range), 'TimeoutError');
    expect(error.message).toContain('within 300 ms');
  });

  it('stalling in the body of an error answer', async () => {
    await failure(client('stall-error-body', { retries: 2 }).query({ query: 'up' }), 'TimeoutError');
  });

  it('a readiness check against a stalled server reports the timeout instead of hanging', async () => {
    const check = await client('stall-after-headers').checkConnection();
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(isPromkitError(check.error, 'TimeoutError')).toBe(true);
    expect(check.error.request?.url).toContain('/-/ready');
  });

  it("a call's own timeout overrides the client's", async () => {
    const error = await failure(client('stall-after-headers', { timeout: 60_000 }).labels({}, { timeout: 250 }), 'TimeoutError');
    expect(error.message).toContain('within 250 ms');
  });
});

describe("the caller's abort is a cancel, not a timeout", () => {
  it('aborting mid-body is a CanceledError', async () => {
    const controller = new AbortController();
    // Abort only once the headers are in, so the abort lands while the body is being read.
    const fetchThenAbort: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      setTimeout(() => controller.abort(), 20);
      return response;
    };
    const slowDeadline = client('stall-after-headers', { timeout: 60_000, fetch: fetchThenAbort });
    const error = await failure(slowDeadline.query({ query: 'up' }, { signal: controller.signal }), 'CanceledError');
    expect(error.message).toContain('/api/v1/query');
  });

  it('aborting before the headers is a CanceledError', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    await failure(client('stall-before-headers', { timeout: 60_000 }).labels({}, { signal: controller.signal }), 'CanceledError');
  });
});

describe('other misbehaviour keeps its own error', () => {
  it('a 500 with a body is an HttpError quoting the body', async () => {
    const error = await failure(client('error-500').query({ query: 'up' }), 'HttpError');
    expect(error.status).toBe(500);
    expect(error.bodyExcerpt).toContain('misbehaving upstream');
  });

  it('a 503 is retried, then a NotReadyError', async () => {
    const before = upstream.requests.length;
    await failure(client('unavailable-503', { retries: 1, timeout: 10_000 }).labels(), 'NotReadyError');
    expect(upstream.requests.length - before).toBe(2);
  });

  it('a reset connection is a NetworkError', async () => {
    await failure(client('reset').labels(), 'NetworkError');
  });
});

describe('passing through to the real Prometheus', () => {
  it('answers queries, range frames and readiness', async () => {
    const prom = client('proxy', { timeout: 10_000 });
    const frames = await prom.queryRangeFrames(range);
    const direct = await new PrometheusClient({ url: prometheusUrl }).queryRangeFrames(range);
    expect(frames.frames.length).toBeGreaterThan(0);
    expect(frames.frames).toEqual(direct.frames);
    expect((await prom.checkConnection()).ok).toBe(true);
  });

  it('a slow answer that completes within the deadline succeeds', async () => {
    const { data } = await client('slow', { timeout: 10_000 }).labels();
    expect(data).toContain('__name__');
  });

  it('switches mode at run time over HTTP, as a browser test would', async () => {
    const prom = new PrometheusClient({ url: upstream.url, timeout: 300, retries: 0 });
    const set = async (body: unknown) => {
      const response = await fetch(`${upstream.url}/__mode`, { method: 'POST', body: JSON.stringify(body) });
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      return response.status;
    };
    try {
      expect(await set({ mode: 'stall-after-headers' })).toBe(200);
      await failure(prom.labels(), 'TimeoutError');
      expect(await set({ mode: 'proxy' })).toBe(200);
      expect((await prom.labels()).data).toContain('__name__');
      expect(await set({ mode: 'nonsense' })).toBe(400);
    } finally {
      upstream.setMode('proxy');
    }
  });
});
