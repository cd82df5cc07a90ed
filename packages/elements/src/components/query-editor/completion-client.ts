/**
 * codemirror-promql's completion client, answered by promkit's own PrometheusClient: the
 * datasource's authentication, tenant header, backend path prefix and proxy apply to completion
 * as to every query. Answers are cached (metric names and metadata for five minutes, labels,
 * values and series for one) and a request in flight is shared by everyone asking the same.
 * codemirror-promql's own HTTP client is not used: it would bypass all of the above.
 */
import { EqlRegex, EqlSingle, Neq, NeqRegex } from '@prometheus-io/lezer-promql';
import type { PrometheusClient } from '@promkit/core';

/** A label matcher as codemirror-promql hands it over (its `type` is a lezer-promql term id). */
export interface CompletionMatcher {
  type: number;
  name: string;
  value: string;
}

/** The interface codemirror-promql's `remote` option takes (its `PrometheusClient`). */
export interface CompletionClient {
  labelNames(metricName?: string): Promise<string[]>;
  labelValues(labelName: string, metricName?: string, matchers?: CompletionMatcher[]): Promise<string[]>;
  metricMetadata(): Promise<Record<string, { type: string; help: string }[]>>;
  series(metricName: string, matchers?: CompletionMatcher[], labelName?: string): Promise<Map<string, string>[]>;
  metricNames(prefix?: string): Promise<string[]>;
  flags(): Promise<Record<string, string>>;
  destroy(): void;
}

export interface CompletionClientOptions {
  /**
   * The time window label and series lookups cover (a panel's range: what its chart would show).
   * Default: the last 12 hours.
   */
  window?: () => { start: Date; end: Date };
  /** Told of every failed lookup (completion itself then offers what it has). */
  onError?: (error: unknown) => void;
  /** Clock, for tests. */
  now?: () => number;
}

const LONG_LIVED = 5 * 60_000;
const SHORT_LIVED = 60_000;
const MAX_ENTRIES = 500;

const OPERATORS = new Map([
  [EqlSingle, '='],
  [Neq, '!='],
  [EqlRegex, '=~'],
  [NeqRegex, '!~'],
]);

/** `metric{a="x",b=~"y"}` from what the user has typed so far, leaving out the label being completed. */
export function selectorFor(metricName: string | undefined, matchers: readonly CompletionMatcher[] = [], without?: string): string | undefined {
  const parts = matchers
    // A value still holding a dashboard variable ($job, [[job]]) matches nothing on the server.
    .filter((m) => m.name !== without && m.value !== '' && !/\$|\[\[/.test(m.value))
    .map((m) => `${/^[A-Za-z_][A-Za-z0-9_]*$/.test(m.name) ? m.name : quote(m.name)}${OPERATORS.get(m.type) ?? '='}${quote(m.value)}`);
  if (!metricName && parts.length === 0) return undefined;
  return `${metricName ?? ''}{${parts.join(',')}}`;
}

function quote(value: string): string {
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n')}"`;
}

/** A completion client over `client`. Call destroy() to abort what is in flight and drop the cache. */
export function completionClient(client: PrometheusClient, options: CompletionClientOptions = {}): CompletionClient {
  const now = options.now ?? Date.now;
  const cache = new Map<string, { until: number; value: Promise<unknown> }>();
  let aborter = new AbortController();

  /** The cached answer to `key`, or a new lookup kept for `maxAge` (a failed one is not kept). */
  function cached<T>(key: string, maxAge: number, fallback: T, lookup: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const hit = cache.get(key);
    if (hit && hit.until > now()) return hit.value as Promise<T>;
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    const value = lookup(aborter.signal).catch((error: unknown) => {
      cache.delete(key);
      if (!(error instanceof Error && error.name === 'CanceledError')) options.onError?.(error);
      return fallback;
    });
    cache.set(key, { until: now() + maxAge, value });
    return value;
  }
  /** Answers for one window serve another only when both are the same to the minute. */
  const windowKey = () => {
    const { start, end } = lookbackWindow();
    return `${Math.floor(start.getTime() / 60_000)}-${Math.floor(end.getTime() / 60_000)}`;
  };
  const lookbackWindow = options.window ?? (() => ({ start: new Date(now() - 12 * 3600_000), end: new Date(now()) }));

  return {
    labelNames(metricName) {
      const match = selectorFor(metricName);
      return cached(`labels ${windowKey()} ${match ?? ''}`, SHORT_LIVED, [], async (signal) => {
        const answer = await client.labels({ ...(match ? { match: [match] } : {}), ...lookbackWindow() }, { signal });
        return answer.data.filter((name) => name !== '__name__');
      });
    },
    labelValues(labelName, metricName, matchers) {
      const match = selectorFor(metricName, matchers, labelName);
      const maxAge = labelName === '__name__' ? LONG_LIVED : SHORT_LIVED;
      return cached(`values ${windowKey()} ${labelName} ${match ?? ''}`, maxAge, [], async (signal) => {
        const answer = await client.labelValues({ label: labelName, ...(match ? { match: [match] } : {}), ...lookbackWindow() }, { signal });
        return answer.data;
      });
    },
    metricMetadata() {
      return cached('metadata', LONG_LIVED, {}, async (signal) => (await client.metadata({}, { signal })).data);
    },
    series(metricName, matchers, labelName) {
      const match = selectorFor(metricName, matchers, labelName) ?? `{__name__=~".+"}`;
      return cached(`series ${windowKey()} ${match}`, SHORT_LIVED, [], async (signal) => {
        const answer = await client.series({ match: [match], ...lookbackWindow(), limit: 1000 }, { signal });
        return answer.data.map((labels) => new Map(Object.entries(labels)));
      });
    },
    metricNames() {
      return this.labelValues('__name__');
    },
    // Flags decide nothing completion needs here, and many proxies do not pass /status/flags.
    flags: async () => ({}),
    destroy() {
      aborter.abort();
      aborter = new AbortController();
      cache.clear();
    },
  };
}
