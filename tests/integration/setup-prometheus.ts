/** Starts one real Prometheus (backfilled dataset + live scraping) for the integration run. */
import type { TestProject } from 'vitest/node';
import { startPrometheus } from '../harness/prometheus.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    prometheusUrl: string;
    exporterHost: string;
  }
}

export default async function setup(project: TestProject) {
  const prometheus = await startPrometheus({ live: true });
  project.provide('prometheusUrl', prometheus.url);
  project.provide('exporterHost', prometheus.exporterHost ?? '');
  return () => prometheus.stop();
}
