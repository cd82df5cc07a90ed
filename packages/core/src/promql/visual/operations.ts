/**
 * The catalogue of operations the builder can add, for an "add operation" menu: each entry names
 * the operation for people, says what it takes, and makes the operation with default values.
 */
import { AGGREGATIONS, BINARY_OPERATORS, PARAM_AGGREGATIONS, RANGE_FUNCTIONS, VECTOR_FUNCTIONS } from './model.js';
import type { BinaryOperator, Operation } from './model.js';

/** Menu groups, in menu order. */
export const VISUAL_OPERATION_GROUPS = ['Range functions', 'Aggregations', 'Functions', 'Binary'] as const;
export type VisualOperationGroup = (typeof VISUAL_OPERATION_GROUPS)[number];

/** One entry of the "add operation" menu. */
export interface VisualOperationInfo {
  /** Unique: `range:rate`, `aggregate:sum`, `scalar:*`… */
  id: string;
  kind: Operation['kind'];
  /** The PromQL function, aggregation or operator. */
  fn: string;
  /** Human name, e.g. "Rate". */
  label: string;
  group: VisualOperationGroup;
  /** What the operation takes, for a hint ("range, e.g. 5m or $__rate_interval"); empty when nothing. */
  params: string;
  /** A new operation of this entry with default values. */
  make(): Operation;
}

const RANGE_LABELS: Record<(typeof RANGE_FUNCTIONS)[number], string> = {
  rate: 'Rate',
  irate: 'Instant rate',
  increase: 'Increase',
  delta: 'Delta',
  idelta: 'Instant delta',
  deriv: 'Derivative',
  changes: 'Changes',
  resets: 'Counter resets',
  avg_over_time: 'Average over time',
  min_over_time: 'Minimum over time',
  max_over_time: 'Maximum over time',
  sum_over_time: 'Sum over time',
  count_over_time: 'Count over time',
  last_over_time: 'Last over time',
  stddev_over_time: 'Standard deviation over time',
  stdvar_over_time: 'Variance over time',
  present_over_time: 'Present over time',
};

const AGGREGATION_LABELS: Record<(typeof AGGREGATIONS)[number] | (typeof PARAM_AGGREGATIONS)[number], string> = {
  sum: 'Sum',
  avg: 'Average',
  min: 'Minimum',
  max: 'Maximum',
  count: 'Count',
  group: 'Group',
  stddev: 'Standard deviation',
  stdvar: 'Variance',
  topk: 'Top K',
  bottomk: 'Bottom K',
  quantile: 'Quantile',
};

const FUNCTION_LABELS: Record<(typeof VECTOR_FUNCTIONS)[number], string> = {
  abs: 'Absolute value',
  ceil: 'Round up',
  floor: 'Round down',
  exp: 'Exponential',
  ln: 'Natural logarithm',
  log2: 'Logarithm base 2',
  log10: 'Logarithm base 10',
  sqrt: 'Square root',
  sgn: 'Sign',
  round: 'Round',
  timestamp: 'Timestamp',
  absent: 'Absent',
  sort: 'Sort ascending',
  sort_desc: 'Sort descending',
};

const OPERATOR_LABELS: Record<BinaryOperator, string> = {
  '+': 'Add a number',
  '-': 'Subtract a number',
  '*': 'Multiply by a number',
  '/': 'Divide by a number',
  '%': 'Modulo a number',
  '^': 'Power of a number',
  '==': 'Equal to a number',
  '!=': 'Not equal to a number',
  '>': 'Greater than a number',
  '<': 'Less than a number',
  '>=': 'Greater than or equal to a number',
  '<=': 'Less than or equal to a number',
};

const PARAM_DEFAULTS: Record<(typeof PARAM_AGGREGATIONS)[number], { param: number; params: string }> = {
  topk: { param: 5, params: 'k, how many series to keep; optional by/without labels' },
  bottomk: { param: 5, params: 'k, how many series to keep; optional by/without labels' },
  quantile: { param: 0.95, params: 'quantile φ between 0 and 1; optional by/without labels' },
};

/** Every operation the builder can add, grouped for a menu. */
export const VISUAL_OPERATIONS: readonly VisualOperationInfo[] = [
  ...RANGE_FUNCTIONS.map((fn): VisualOperationInfo => ({
    id: `range:${fn}`,
    kind: 'range',
    fn,
    label: RANGE_LABELS[fn],
    group: 'Range functions',
    params: 'range, e.g. 5m or $__rate_interval',
    make: () => ({ kind: 'range', fn, range: '$__rate_interval' }),
  })),
  ...AGGREGATIONS.map((fn): VisualOperationInfo => ({
    id: `aggregate:${fn}`,
    kind: 'aggregate',
    fn,
    label: AGGREGATION_LABELS[fn],
    group: 'Aggregations',
    params: 'optional by/without labels',
    make: () => ({ kind: 'aggregate', fn }),
  })),
  ...PARAM_AGGREGATIONS.map((fn): VisualOperationInfo => ({
    id: `aggregate-param:${fn}`,
    kind: 'aggregate-param',
    fn,
    label: AGGREGATION_LABELS[fn],
    group: 'Aggregations',
    params: PARAM_DEFAULTS[fn].params,
    make: () => ({ kind: 'aggregate-param', fn, param: PARAM_DEFAULTS[fn].param }),
  })),
  {
    id: 'histogram_quantile',
    kind: 'histogram_quantile',
    fn: 'histogram_quantile',
    label: 'Histogram quantile',
    group: 'Functions',
    params: 'quantile φ between 0 and 1, over rates of _bucket series summed by le',
    make: () => ({ kind: 'histogram_quantile', quantile: 0.95 }),
  },
  ...VECTOR_FUNCTIONS.map((fn): VisualOperationInfo => ({
    id: `function:${fn}`,
    kind: 'function',
    fn,
    label: FUNCTION_LABELS[fn],
    group: 'Functions',
    params: '',
    make: () => ({ kind: 'function', fn }),
  })),
  ...BINARY_OPERATORS.map((op): VisualOperationInfo => ({
    id: `scalar:${op}`,
    kind: 'scalar',
    fn: op,
    label: OPERATOR_LABELS[op],
    group: 'Binary',
    params: /[=<>]/.test(op) ? 'number; bool to return 0/1 instead of filtering' : 'number',
    make: () => ({ kind: 'scalar', op, value: op === '*' || op === '/' ? 100 : op === '^' ? 2 : 0 }),
  })),
];
