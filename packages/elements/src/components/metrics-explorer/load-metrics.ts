/** Fetches the metric list the explorer and the query builder show: names, then types and help. */
import type { PrometheusClient } from '@promkit/core';
import { metricInfos, type MetricInfo } from './metric-search.js';

/** The metrics of a server; `metadataError` when names came but types and help did not. */
export interface LoadedMetrics {
  metrics: MetricInfo[];
  metadataError?: Error;
}

/**
 * Metric names (`/api/v1/label/__name__/values`) joined with `/api/v1/metadata`. The names are
 * required (their error rejects); metadata is not (many proxies and some backends lack it), so
 * its error comes back beside names of type `unknown`.
 */
export async function loadMetrics(client: PrometheusClient, signal?: AbortSignal): Promise<LoadedMetrics> {
  const [names, metadata] = await Promise.all([
    client.labelValues({ label: '__name__' }, { signal }),
    client.metadata({}, { signal }).then(
      (r) => ({ data: r.data, error: undefined }),
      (error: unknown) => ({ data: {}, error: error instanceof Error ? error : new Error(String(error)) }),
    ),
  ]);
  const metrics = metricInfos(names.data, metadata.data);
  return metadata.error ? { metrics, metadataError: metadata.error } : { metrics };
}
