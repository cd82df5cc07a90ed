/**
 * The query editor's Test: the query as typed, with the dashboard's variables and the built-ins
 * of the range (`$__interval`, `$__rate_interval`, …) filled in, run once as a range query; what
 * came back summed up for a person: series, samples, the first series' labels, time taken and
 * the server's warnings — or the typed error.
 */
import {
  PromkitError,
  builtinVariables,
  computeTiming,
  interpolate,
  type Labels,
  type PrometheusClient,
  type QueryTiming,
  type TimeRange,
  type VariableValues,
} from '@promkit/core';

export interface QueryTestOptions {
  range: TimeRange;
  /** The dashboard's variables, as resolved now. */
  values?: VariableValues;
  /** Points the chart would ask for (its width). Default 500, about a drawer's preview. */
  maxDataPoints?: number;
  scrapeInterval?: number;
  minInterval?: number;
  signal?: AbortSignal;
  /** Clock, for tests. */
  now?: () => number;
}

/** What a test run found. `sent` is the query as the server got it. */
export type QueryTestResult =
  | { ok: true; sent: string; step: number; tookMs: number; series: number; samples: number; first: Labels | undefined; warnings: string[] }
  | { ok: false; sent: string; tookMs: number; error: PromkitError };

/** The query as the server gets it (variables, then the range's built-ins filled in), and the range query's timing. */
export function preparedQuery(template: string, options: Omit<QueryTestOptions, 'signal' | 'now'>): { sent: string; timing: QueryTiming } {
  const timing = computeTiming({
    range: options.range,
    maxDataPoints: options.maxDataPoints ?? 500,
    ...(options.scrapeInterval ? { scrapeInterval: options.scrapeInterval } : {}),
    ...(options.minInterval ? { minInterval: options.minInterval } : {}),
  });
  return { sent: interpolate(interpolate(template, options.values ?? {}), builtinVariables(timing)), timing };
}

/** Runs `template` over the range on `client`; never throws a promkit error (it comes back as `ok: false`). */
export async function testQuery(client: PrometheusClient, template: string, options: QueryTestOptions): Promise<QueryTestResult> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  let sent = template;
  try {
    const prepared = preparedQuery(template, options);
    const { timing } = prepared;
    sent = prepared.sent;
    const answer = await client.queryRangeFrames(
      { query: sent, start: timing.start, end: timing.end, step: timing.step },
      options.signal ? { signal: options.signal } : {},
    );
    const samples = answer.frames.reduce((sum, frame) => sum + frame.timestamps.length, 0);
    return {
      ok: true,
      sent,
      step: timing.step,
      tookMs: now() - started,
      series: answer.frames.length,
      samples,
      first: answer.frames[0]?.labels,
      warnings: [...answer.warnings, ...answer.infos],
    };
  } catch (error) {
    if (!(error instanceof PromkitError)) throw error;
    return { ok: false, sent, tookMs: now() - started, error };
  }
}
