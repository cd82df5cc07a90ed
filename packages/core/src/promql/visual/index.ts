/** The visual PromQL builder's pure core: model, printer, reader, patterns and operation catalogue. */
export { AGGREGATIONS, BINARY_OPERATORS, PARAM_AGGREGATIONS, RANGE_FUNCTIONS, SET_OPERATORS, VECTOR_FUNCTIONS } from './model.js';
export type {
  Aggregation,
  BinaryOperator,
  BinaryQuery,
  Grouping,
  LabelFilter,
  LabelMatchOp,
  Operation,
  ParamAggregation,
  RangeFunction,
  ScalarOperation,
  SetOperator,
  VectorFunction,
  VectorMatching,
  VisualQuery,
} from './model.js';
export { isComparison, isVisualOffset, isVisualRange, printVisualQuery, visualQueryProblems } from './print.js';
export { queryTokens, toVisualQuery } from './parse.js';
export type { QueryToken, VisualParseResult, VisualRefusal } from './parse.js';
export { VISUAL_PATTERNS } from './patterns.js';
export type { VisualPattern } from './patterns.js';
export { VISUAL_OPERATIONS, VISUAL_OPERATION_GROUPS } from './operations.js';
export type { VisualOperationGroup, VisualOperationInfo } from './operations.js';
