/**
 * An HTTP service's RED view: request rate, error ratio and latency quantiles from a request
 * counter and a duration histogram named by a prefix (`http` → `http_requests_total` and
 * `http_request_duration_seconds`), for one job, with the label that holds the status code.
 */
import { equals, familyDashboard, panelTemplate, rate, resolveParams, selector, type PanelTemplate, type TemplateFamily, type TemplateParams } from './template.js';

const parameters = [
  { name: 'prefix', label: 'Metric prefix', description: 'The metrics are <prefix>_requests_total and <prefix>_request_duration_seconds.', kind: 'metric', default: 'http' },
  { name: 'job', label: 'Job', description: 'The scrape job of the service.', kind: 'value', default: 'api' },
  { name: 'status', label: 'Status label', description: 'The label holding the HTTP status code (status or code).', kind: 'label', default: 'status' },
  { name: 'route', label: 'Route label', description: 'The label holding the route or handler, for the busiest routes.', kind: 'label', default: 'route' },
  { name: 'matchers', label: 'Extra label matchers', description: 'Narrows every query, e.g. route!="/health".', kind: 'matchers', default: '' },
] as const;

/** The request counter and the histogram's buckets, with the job and extra matchers. */
function metrics(p: Record<string, string>, ...more: string[]) {
  const on = (metric: string) => selector(metric, equals('job', p['job']!), p['matchers'], ...more);
  return { requests: on(`${p['prefix']}_requests_total`), buckets: on(`${p['prefix']}_request_duration_seconds_bucket`) };
}


const panel = (id: string, title: string, description: string, type: PanelTemplate['type'], build: Parameters<typeof panelTemplate>[2]) => panelTemplate({ id: 'http', parameters }, { id, title, description, type }, build);

const panels: PanelTemplate[] = [
  panel('request-rate', 'Request rate', 'Requests per second, by status class.', 'timeseries', (p) => ({
    type: 'timeseries',
    title: 'Request rate',
    description: 'Requests served per second, by status class (2xx, 4xx, 5xx).',
    size: { w: 12, h: 8 },
    targets: [{ refId: 'A', expr: `sum by (class) (label_replace(${rate(metrics(p).requests)}, "class", "\${1}xx", ${JSON.stringify(p['status'])}, "([0-9]).."))`, legendFormat: '{{class}}' }],
    fieldConfig: { defaults: { unit: 'reqps', min: 0, custom: { stacking: { mode: 'normal' }, fillOpacity: 20 } }, overrides: [] },
  })),
  panel('error-ratio', 'Error ratio', 'Share of requests answered with a 5xx status.', 'stat', (p) => ({
    type: 'stat',
    title: 'Error ratio',
    description: 'Share of requests answered with a 5xx status, over the dashboard\'s rate window.',
    size: { w: 6, h: 8 },
    targets: [{ refId: 'A', expr: `sum(${rate(metrics(p, `${p['status']}=~"5.."`).requests)}) / sum(${rate(metrics(p).requests)})` }],
    fieldConfig: {
      defaults: {
        unit: 'percentunit',
        decimals: 2,
        thresholds: { mode: 'absolute', steps: [{ value: null, color: 'green' }, { value: 0.01, color: 'orange' }, { value: 0.05, color: 'red' }] },
      },
      overrides: [],
    },
    options: { graphMode: 'area' },
  })),
  panel('latency', 'Latency p50, p95, p99', 'Request duration quantiles from the histogram.', 'timeseries', (p) => ({
    type: 'timeseries',
    title: 'Latency',
    description: 'Median, 95th and 99th percentile request duration, from the histogram\'s buckets.',
    size: { w: 18, h: 8 },
    targets: (['0.5', '0.95', '0.99'] as const).map((q, i) => ({
      refId: String.fromCharCode(65 + i),
      expr: `histogram_quantile(${q}, sum by (le) (${rate(metrics(p).buckets)}))`,
      legendFormat: `p${Number(q) * 100}`,
    })),
    fieldConfig: { defaults: { unit: 's', min: 0 }, overrides: [] },
  })),
  panel('requests-by-route', 'Requests by route', 'The busiest routes, requests per second.', 'bargauge', (p) => ({
    type: 'bargauge',
    title: 'Busiest routes',
    description: 'Requests per second of the ten busiest routes.',
    size: { w: 12, h: 8 },
    targets: [{ refId: 'A', expr: `topk(10, sum by (${p['route']}) (${rate(metrics(p).requests)}))`, legendFormat: `{{${p['route']}}}`, instant: true }],
    fieldConfig: { defaults: { unit: 'reqps', min: 0 }, overrides: [] },
  })),
];

/** An HTTP service's rate, errors and duration. */
export const httpTemplates: TemplateFamily = {
  id: 'http',
  title: 'HTTP service (RED)',
  description: 'Request rate, error ratio and latency of an HTTP service, from a request counter and a duration histogram.',
  parameters,
  panels,
  variables: () => [],
  dashboard(params?: TemplateParams) {
    const p = resolveParams(httpTemplates, params);
    return familyDashboard(httpTemplates, params, {
      uid: `http-${p['prefix']!.replace(/[^a-zA-Z0-9_-]/g, '-')}`.slice(0, 40),
      title: `HTTP: ${p['job']}`,
      description: `Rate, errors and duration of job ${p['job']}, from ${p['prefix']}_* metrics.`,
      tags: ['http', 'red', 'template'],
    });
  },
};
