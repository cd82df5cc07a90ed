/**
 * The visual query builder's model of a PromQL query: one metric with label filters, a chain of
 * operations applied in order, and binary operations with a scalar or another query. The model
 * is plain data (JSON-safe), so an editor keeps it as state and prints it with `printVisualQuery`.
 * Code → model parses and refuses what the model cannot show exactly (see parse.ts).
 */

/** How a label filter compares: Prometheus' four matchers. */
export type LabelMatchOp = '=' | '!=' | '=~' | '!~';

/** One `label op "value"` filter of the selector. */
export interface LabelFilter {
  label: string;
  op: LabelMatchOp;
  /** The value as PromQL means it (unquoted, unescaped): the printer quotes and escapes it. */
  value: string;
}

/** Range functions: take `metric[range]`. */
export const RANGE_FUNCTIONS = [
  'rate',
  'irate',
  'increase',
  'delta',
  'idelta',
  'deriv',
  'changes',
  'resets',
  'avg_over_time',
  'min_over_time',
  'max_over_time',
  'sum_over_time',
  'count_over_time',
  'last_over_time',
  'stddev_over_time',
  'stdvar_over_time',
  'present_over_time',
] as const;
export type RangeFunction = (typeof RANGE_FUNCTIONS)[number];

/** Aggregations without a parameter. */
export const AGGREGATIONS = ['sum', 'avg', 'min', 'max', 'count', 'group', 'stddev', 'stdvar'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

/** Aggregations whose first argument is a number. */
export const PARAM_AGGREGATIONS = ['topk', 'bottomk', 'quantile'] as const;
export type ParamAggregation = (typeof PARAM_AGGREGATIONS)[number];

/** Functions of one instant vector and nothing else. */
export const VECTOR_FUNCTIONS = ['abs', 'ceil', 'floor', 'exp', 'ln', 'log2', 'log10', 'sqrt', 'sgn', 'round', 'timestamp', 'absent', 'sort', 'sort_desc'] as const;
export type VectorFunction = (typeof VECTOR_FUNCTIONS)[number];

/** Arithmetic and comparison operators of a binary operation. */
export const BINARY_OPERATORS = ['+', '-', '*', '/', '%', '^', '==', '!=', '>', '<', '>=', '<='] as const;
export type BinaryOperator = (typeof BINARY_OPERATORS)[number];

/** Set operators: only between two queries (`a and b`, `a or b`, `a unless b`). */
export const SET_OPERATORS = ['and', 'or', 'unless'] as const;
export type SetOperator = (typeof SET_OPERATORS)[number];

/** `by (…)` / `without (…)` of an aggregation; `first` keeps where the query wrote it. */
export interface Grouping {
  mode: 'by' | 'without';
  labels: string[];
  /** `sum by (job) (x)` (true) or `sum (x) by (job)` (false). */
  first: boolean;
}

/**
 * One step of the chain, applied to everything before it.
 *
 * `numberText`: the number as the query spelled it (`0.50`, `1e3`, `.5`), kept so that reading a
 * query into the builder does not respell it. It is printed only while it still reads as the
 * number (its sign comes from the number); after an edit of the number it is simply ignored.
 *
 * `parens`: keep `( … )` around everything before where precedence does not need them, as the
 * query wrote them: `sum((8 * rate(x[5m])))`, `100 - (x * 100)`. Not on a range right after the
 * selector (`rate((x)[5m])` is not PromQL); a reader sets it only where the query has them.
 */
export type Operation =
  | { kind: 'range'; fn: RangeFunction; range: string; parens?: boolean }
  | { kind: 'aggregate'; fn: Aggregation; grouping?: Grouping; parens?: boolean }
  | { kind: 'aggregate-param'; fn: ParamAggregation; param: number; grouping?: Grouping; numberText?: string; parens?: boolean }
  | { kind: 'function'; fn: VectorFunction; parens?: boolean }
  | { kind: 'histogram_quantile'; quantile: number; numberText?: string; parens?: boolean }
  | {
      kind: 'scalar';
      op: BinaryOperator;
      value: number;
      numberText?: string;
      bool?: boolean;
      /** The number is written first: `100 - <everything before>` (default: after it). */
      left?: boolean;
      parens?: boolean;
    };

/** Vector matching of a binary operation between two queries. */
export interface VectorMatching {
  mode: 'on' | 'ignoring';
  labels: string[];
  group?: { side: 'group_left' | 'group_right'; labels: string[] };
}

/** `<everything before> op <query>`: a binary operation with another query. */
export interface BinaryQuery {
  /** An arithmetic or comparison operator, or a set operator (`bool` and group_left/right do not apply to those). */
  op: BinaryOperator | SetOperator;
  bool?: boolean;
  matching?: VectorMatching;
  query: VisualQuery;
  /** Keep `( … )` around everything before the operator where precedence does not need them: `(a * 100) / b`. */
  parens?: boolean;
  /**
   * Operations with a number then applied to the whole result so far (everything before, this
   * operation and its query): `(a / b) * 100`, `1 - a / b`, `a / b > 0.05 and c`. Usually absent.
   */
  resultOperations?: ScalarOperation[];
}

/** A query the visual builder can show. */
export interface VisualQuery {
  metric: string;
  labels: LabelFilter[];
  /** `offset 5m` on the selector. */
  offset?: string;
  operations: Operation[];
  binaryQueries: BinaryQuery[];
  /** The whole query is written in `( … )` where nothing needs them: `(sum(x) / sum(y))`, `a / (b)`. */
  parens?: boolean;
}

/** An operation with a number: `<everything before> op value` (or `value op <…>`). */
export type ScalarOperation = Extract<Operation, { kind: 'scalar' }>;
