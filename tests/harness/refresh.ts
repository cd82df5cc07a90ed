/**
 * The query engine's incremental refresh over the backfilled hour, for any server holding the
 * dataset: a 20-minute live range whose "now" moves on by 2, 7 and 1 minutes, each refresh (a tail
 * fetch merged into the previous answer) equal to a full refetch, sample for sample.
 */
import { expect } from 'vitest';
import { QueryEngine, type PanelQuery, type PrometheusClient } from '@promkit/core';
import { T0 } from './dataset.mjs';
import { plain, targets } from './frames.js';

/** Runs the refreshes against `client` and checks each; returns the engine for its stats. */
export async function refreshBackfilledHour(client: PrometheusClient, overlap?: number): Promise<QueryEngine> {
  let now = (T0 + 30 * 60) * 1000;
  const engine = new QueryEngine({ client: () => client, now: () => now, cacheTtl: 0, ...(overlap === undefined ? {} : { overlap }) });
  const query = (): PanelQuery => ({
    key: 'p',
    datasource: 'main',
    live: true,
    range: { from: now - 20 * 60_000, to: now },
    maxDataPoints: 1000,
    targets: targets(
      { refId: 'A', expr: 'rate(promkit_http_requests_total[$__rate_interval])' },
      { refId: 'B', expr: 'promkit_stopping' },
    ),
  });
  const first = await engine.run(query());
  expect(first.targets.map((t) => t.source)).toEqual(['network', 'network']);
  for (const minutes of [2, 7, 1]) {
    now += minutes * 60_000;
    const refreshed = await engine.run(query());
    const full = await new QueryEngine({ client: () => client, now: () => now }).run(query());
    for (const [i, target] of refreshed.targets.entries()) {
      expect(target.source).toBe('incremental');
      expect(target.fetched!.start).toBeGreaterThan(target.timing.start);
      expect(target.error).toBeUndefined();
      expect(target.frames.length).toBeGreaterThan(0);
      expect(plain(target.frames)).toEqual(plain(full.targets[i]!.frames));
    }
  }
  return engine;
}
