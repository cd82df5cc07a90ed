/**
 * Prometheus' own health, from the metrics it exposes about itself: targets up, samples ingested,
 * series in the head block, rule evaluation failures, scrape durations and whether the last
 * configuration reload worked.
 */
import { equals, familyDashboard, panelTemplate, rate, resolveParams, selector, type PanelTemplate, type TemplateFamily, type TemplateParams } from './template.js';

const parameters = [
  { name: 'job', label: 'Job', description: 'The scrape job of Prometheus itself.', kind: 'value', default: 'prometheus' },
] as const;


const panel = (id: string, title: string, description: string, type: PanelTemplate['type'], build: Parameters<typeof panelTemplate>[2]) => panelTemplate({ id: 'prometheus', parameters }, { id, title, description, type }, build);

const self = (metric: string, p: Record<string, string>) => selector(metric, equals('job', p['job']!));

const panels: PanelTemplate[] = [
  panel('targets-up', 'Targets up', 'Targets that answered their last scrape, of all targets.', 'stat', () => ({
    type: 'stat',
    title: 'Targets up',
    description: 'Share of all scrape targets that answered their last scrape.',
    size: { w: 6, h: 6 },
    targets: [{ refId: 'A', expr: 'sum(up) / count(up)' }],
    fieldConfig: {
      defaults: { unit: 'percentunit', thresholds: { mode: 'absolute', steps: [{ value: null, color: 'red' }, { value: 0.9, color: 'orange' }, { value: 1, color: 'green' }] } },
      overrides: [],
    },
    options: { graphMode: 'none' },
  })),
  panel('config-reload', 'Config reload', 'Whether the last configuration reload worked.', 'stat', (p) => ({
    type: 'stat',
    title: 'Last config reload',
    description: 'Whether Prometheus could load its configuration the last time it tried.',
    size: { w: 6, h: 6 },
    targets: [{ refId: 'A', expr: self('prometheus_config_last_reload_successful', p) }],
    fieldConfig: {
      defaults: {
        mappings: [{ type: 'value', options: { '0': { text: 'Failed', color: 'red' }, '1': { text: 'OK', color: 'green' } } }],
        thresholds: { mode: 'absolute', steps: [{ value: null, color: 'red' }, { value: 1, color: 'green' }] },
      },
      overrides: [],
    },
    options: { graphMode: 'none' },
  })),
  panel('head-series', 'Series in memory', 'Series in the head block.', 'stat', (p) => ({
    type: 'stat',
    title: 'Series in memory',
    description: 'Series in the TSDB head block: what Prometheus holds in memory now.',
    size: { w: 6, h: 6 },
    targets: [{ refId: 'A', expr: self('prometheus_tsdb_head_series', p) }],
    fieldConfig: { defaults: { unit: 'short' }, overrides: [] },
    options: { graphMode: 'area' },
  })),
  panel('rule-failures', 'Rule evaluation failures', 'Failed rule evaluations per second.', 'stat', (p) => ({
    type: 'stat',
    title: 'Rule failures',
    description: 'Rule evaluations that failed, per second.',
    size: { w: 6, h: 6 },
    // `or vector(0)`: the counter exists per rule group, so a server without rules has none (0 failures, not No data).
    targets: [{ refId: 'A', expr: `sum(${rate(self('prometheus_rule_evaluation_failures_total', p))}) or vector(0)` }],
    fieldConfig: { defaults: { unit: 'short', decimals: 2, thresholds: { mode: 'absolute', steps: [{ value: null, color: 'green' }, { value: 0.001, color: 'red' }] } }, overrides: [] },
    options: { graphMode: 'area' },
  })),
  panel('ingestion', 'Samples ingested', 'Samples appended to the head block per second.', 'timeseries', (p) => ({
    type: 'timeseries',
    title: 'Samples ingested',
    description: 'Samples appended to the TSDB head block per second.',
    size: { w: 12, h: 8 },
    targets: [{ refId: 'A', expr: rate(self('prometheus_tsdb_head_samples_appended_total', p)), legendFormat: '{{instance}}' }],
    fieldConfig: { defaults: { unit: 'short', min: 0 }, overrides: [] },
  })),
  panel('scrape-duration', 'Scrape duration', 'The slowest scrape of each job.', 'timeseries', () => ({
    type: 'timeseries',
    title: 'Scrape duration',
    description: 'How long the slowest target of each job took to scrape.',
    size: { w: 12, h: 8 },
    targets: [{ refId: 'A', expr: 'max by (job) (scrape_duration_seconds)', legendFormat: '{{job}}' }],
    fieldConfig: { defaults: { unit: 's', min: 0 }, overrides: [] },
  })),
];

/** Prometheus watching itself. */
export const prometheusTemplates: TemplateFamily = {
  id: 'prometheus',
  title: 'Prometheus health',
  description: 'Targets, ingestion, memory, rule failures and configuration of a Prometheus server, from its own metrics.',
  parameters,
  panels,
  variables: () => [],
  dashboard(params?: TemplateParams) {
    return familyDashboard(prometheusTemplates, params, {
      uid: 'prometheus-health',
      title: 'Prometheus health',
      description: 'Targets, ingestion, memory, rule failures and configuration of Prometheus.',
      tags: ['prometheus', 'template'],
    });
  },
};
