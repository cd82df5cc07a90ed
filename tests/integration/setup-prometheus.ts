/**
 * Starts the real servers of the integration run, side by side: one Prometheus (backfilled
 * dataset + live scraping) and one VictoriaMetrics (the same dataset, imported).
 */
import type { TestProject } from 'vitest/node';
import { startPrometheus } from '../harness/prometheus.mjs';
import { startVictoriaMetrics } from '../harness/victoria-metrics.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    prometheusUrl: string;
    exporterHost: string;
    victoriaMetricsUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const started = await Promise.allSettled([startPrometheus({ live: true }), startVictoriaMetrics()]);
  const stopAll = () => Promise.all(started.map((s) => (s.status === 'fulfilled' ? s.value.stop() : undefined)));
  const [prometheus, victoriaMetrics] = started;
  if (prometheus.status === 'rejected' || victoriaMetrics.status === 'rejected') {
    await stopAll();
    throw prometheus.status === 'rejected' ? prometheus.reason : (victoriaMetrics as PromiseRejectedResult).reason;
  }
  project.provide('prometheusUrl', prometheus.value.url);
  project.provide('exporterHost', prometheus.value.exporterHost ?? '');
  project.provide('victoriaMetricsUrl', victoriaMetrics.value.url);
  return stopAll;
}
