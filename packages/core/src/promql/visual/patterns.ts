/**
 * Starter patterns for the builder ("kick start"): common dashboard queries built around one
 * metric. Each builds a model that prints to PromQL the builder reads back unchanged.
 */
import type { VisualQuery } from './model.js';

/** One starter pattern. */
export interface VisualPattern {
  id: string;
  title: string;
  description: string;
  /** The pattern's query for `metric`. */
  build(metric: string): VisualQuery;
}

const RATE_INTERVAL = '$__rate_interval';

function selector(metric: string, labels: VisualQuery['labels'] = []): VisualQuery {
  return { metric, labels, operations: [], binaryQueries: [] };
}

function sumOfRate(metric: string, labels: VisualQuery['labels'] = []): VisualQuery {
  const q = selector(metric, labels);
  q.operations.push({ kind: 'range', fn: 'rate', range: RATE_INTERVAL }, { kind: 'aggregate', fn: 'sum' });
  return q;
}

/** `x_bucket` for a histogram's name with or without the suffix. */
function bucketOf(metric: string): string {
  return metric.endsWith('_bucket') ? metric : `${metric}_bucket`;
}

/** The builder's starter patterns, in menu order. */
export const VISUAL_PATTERNS: readonly VisualPattern[] = [
  {
    id: 'rate',
    title: 'Rate of a counter',
    description: 'Per-second rate of a counter, summed over all series: sum(rate(x[$__rate_interval])).',
    build: (metric) => sumOfRate(metric),
  },
  {
    id: 'error-ratio',
    title: 'Error ratio',
    description: 'Rate of 5xx responses divided by the rate of all responses (filter on code=~"5..").',
    build: (metric) => {
      const q = sumOfRate(metric, [{ label: 'code', op: '=~', value: '5..' }]);
      q.binaryQueries.push({ op: '/', query: sumOfRate(metric) });
      return q;
    },
  },
  {
    id: 'histogram-p95',
    title: 'Latency p95 from a histogram',
    description: '95th percentile from histogram buckets: histogram_quantile(0.95, sum by (le) (rate(x_bucket[$__rate_interval]))).',
    build: (metric) => {
      const q = selector(bucketOf(metric));
      q.operations.push(
        { kind: 'range', fn: 'rate', range: RATE_INTERVAL },
        { kind: 'aggregate', fn: 'sum', grouping: { mode: 'by', labels: ['le'], first: true } },
        { kind: 'histogram_quantile', quantile: 0.95 },
      );
      return q;
    },
  },
  {
    id: 'increase-range',
    title: 'Increase over the range',
    description: 'How much a counter grew over the whole time range: sum(increase(x[$__range])).',
    build: (metric) => {
      const q = selector(metric);
      q.operations.push({ kind: 'range', fn: 'increase', range: '$__range' }, { kind: 'aggregate', fn: 'sum' });
      return q;
    },
  },
  {
    id: 'top5-rate',
    title: 'Top 5 by rate',
    description: 'The five series with the highest per-second rate: topk(5, rate(x[$__rate_interval])).',
    build: (metric) => {
      const q = selector(metric);
      q.operations.push({ kind: 'range', fn: 'rate', range: RATE_INTERVAL }, { kind: 'aggregate-param', fn: 'topk', param: 5 });
      return q;
    },
  },
];
