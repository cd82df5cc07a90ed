import type { GrafanaApiError, GrafanaConflictError } from '../grafana/errors.js';

/**
 * Every failure the client reports is a PromkitError subclass with a `name` set explicitly (so
 * checks survive minification and work across bundles), a message a person can act on, and the
 * underlying error as `cause`.
 */

/** Where a failed request was going. */
export interface RequestTarget {
  /** Full URL of the request, without credentials. */
  url: string;
  /** HTTP method actually used. */
  method: string;
}

/** Base class of every error promkit throws. */
export class PromkitError extends Error {
  override name: PromkitErrorName = 'PromkitError';
  /** The request that failed, when the error came from one. */
  readonly request: RequestTarget | undefined;

  constructor(message: string, options: { cause?: unknown; request?: RequestTarget } = {}) {
    super(message, { cause: options.cause });
    this.request = options.request;
  }
}

/** The server answered with a non-2xx status and a body that is not a Prometheus API answer. */
export class HttpError extends PromkitError {
  override name: PromkitErrorName = 'HttpError';
  constructor(
    message: string,
    readonly status: number,
    /** Start of the response body, for diagnosis (at most 500 characters). */
    readonly bodyExcerpt: string,
    options: { cause?: unknown; request?: RequestTarget } = {},
  ) {
    super(message, options);
  }
}

/** The server (or a proxy) answered 503 without a Prometheus API body: it is starting or overloaded. */
export class NotReadyError extends HttpError {
  override name: PromkitErrorName = 'NotReadyError';
}

/** The server was never reached: connection refused, DNS failure, CORS refusal, offline. */
export class NetworkError extends PromkitError {
  override name: PromkitErrorName = 'NetworkError';
}

/** The request took longer than the client's timeout, or Prometheus's query timeout fired. */
export class TimeoutError extends PromkitError {
  override name: PromkitErrorName = 'TimeoutError';
  constructor(
    message: string,
    /** `client`: no answer in time; `server`: Prometheus stopped evaluating (errorType timeout). */
    readonly side: 'client' | 'server',
    options: { cause?: unknown; request?: RequestTarget } = {},
  ) {
    super(message, options);
  }
}

/** The request was aborted through its AbortSignal, or Prometheus reports it canceled. */
export class CanceledError extends PromkitError {
  override name: PromkitErrorName = 'CanceledError';
}

/** What a Prometheus-compatible API said when it answered `"status": "error"`. */
export interface ApiErrorBody {
  errorType: string;
  error: string;
  warnings: string[];
  infos: string[];
}

/** Prometheus answered with `"status": "error"`: bad parameters, execution failure and the like. */
export class PrometheusApiError extends PromkitError {
  override name: PromkitErrorName = 'PrometheusApiError';
  /** `bad_data`, `execution`, `internal`, `unavailable`, … (VictoriaMetrics sends the status as a string). */
  readonly errorType: string;
  /** The server's own error text. */
  readonly error: string;
  readonly warnings: string[];
  readonly infos: string[];

  constructor(
    message: string,
    readonly status: number,
    body: ApiErrorBody,
    options: { cause?: unknown; request?: RequestTarget } = {},
  ) {
    super(message, options);
    this.errorType = body.errorType;
    this.error = body.error;
    this.warnings = body.warnings;
    this.infos = body.infos;
  }
}

/** Position of a PromQL parse error, as Prometheus reports it (1-based). */
export interface QueryPosition {
  line: number;
  column: number;
}

/** The PromQL expression does not parse. */
export class QueryParseError extends PrometheusApiError {
  override name: PromkitErrorName = 'QueryParseError';
  /** Where in the query the parser stopped, when the server said. */
  position: QueryPosition | undefined;
}

/** A range query would return more points per series than the server allows (11,000 in Prometheus). */
export class TooManyPointsError extends PromkitError {
  override name: PromkitErrorName = 'TooManyPointsError';
  constructor(
    message: string,
    /** Points per series the request asked for, when known. */
    readonly points: number | undefined,
    readonly limit: number,
    options: { cause?: unknown; request?: RequestTarget } = {},
  ) {
    super(message, options);
  }
}

/** The body is not JSON: truncated, empty, or not from a Prometheus API at all. */
export class InvalidResponseError extends PromkitError {
  override name: PromkitErrorName = 'InvalidResponseError';
}

/** One problem found while checking data against a schema, with a readable path. */
export interface SchemaProblem {
  /** Where the problem is, e.g. `data.result[3].values[17]`. */
  path: string;
  message: string;
}

/** JSON that does not have the expected shape: a response, or (later) a dashboard. */
export class SchemaError extends PromkitError {
  override name: PromkitErrorName = 'SchemaError';
  constructor(
    message: string,
    readonly problems: SchemaProblem[],
    options: { cause?: unknown; request?: RequestTarget } = {},
  ) {
    super(message, options);
  }

  /** A SchemaError whose message lists every problem with its path, after `lead` ("The dashboard has"). */
  static listing(lead: string, problems: SchemaProblem[]): SchemaError {
    const list = problems.map((p) => `  ${p.path}: ${p.message}`).join('\n');
    return new SchemaError(`${lead} ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${list}`, problems);
  }
}

/** A call was made with arguments that cannot work (empty query, end before start, …). */
export class InvalidArgumentError extends PromkitError {
  override name: PromkitErrorName = 'InvalidArgumentError';
}

interface PromkitErrorClasses {
  PromkitError: PromkitError;
  HttpError: HttpError;
  NotReadyError: NotReadyError;
  NetworkError: NetworkError;
  TimeoutError: TimeoutError;
  CanceledError: CanceledError;
  PrometheusApiError: PrometheusApiError;
  QueryParseError: QueryParseError;
  TooManyPointsError: TooManyPointsError;
  InvalidResponseError: InvalidResponseError;
  SchemaError: SchemaError;
  InvalidArgumentError: InvalidArgumentError;
  GrafanaApiError: GrafanaApiError;
  GrafanaConflictError: GrafanaConflictError;
}

/** Names of promkit's error classes. */
export type PromkitErrorName = keyof PromkitErrorClasses;

/** Which classes count as which: a subclass also answers to its parent's name. */
const PARENT: Partial<Record<PromkitErrorName, PromkitErrorName>> = {
  HttpError: 'PromkitError',
  NotReadyError: 'HttpError',
  NetworkError: 'PromkitError',
  TimeoutError: 'PromkitError',
  CanceledError: 'PromkitError',
  PrometheusApiError: 'PromkitError',
  QueryParseError: 'PrometheusApiError',
  TooManyPointsError: 'PromkitError',
  InvalidResponseError: 'PromkitError',
  SchemaError: 'PromkitError',
  InvalidArgumentError: 'PromkitError',
  GrafanaApiError: 'HttpError',
  GrafanaConflictError: 'GrafanaApiError',
};

/**
 * True when `value` is a promkit error of class `name` (default: any), or of a subclass of it.
 * Checks by name rather than `instanceof`, so it also recognises errors thrown by another copy
 * of the library (another bundle, another frame).
 */
export function isPromkitError<N extends PromkitErrorName = 'PromkitError'>(
  value: unknown,
  name?: N,
): value is PromkitErrorClasses[N] {
  if (typeof value !== 'object' || value === null || !('name' in value) || typeof value.name !== 'string') return false;
  const wanted = name ?? 'PromkitError';
  let actual: PromkitErrorName | undefined = value.name in PARENT || value.name === 'PromkitError' ? (value.name as PromkitErrorName) : undefined;
  while (actual !== undefined) {
    if (actual === wanted) return true;
    actual = PARENT[actual];
  }
  return false;
}

/**
 * True when the server could not be asked at all — never reached, no complete answer in time, or
 * a gateway or the server saying it cannot answer now (502, 503, 504) — rather than a problem
 * with the query itself. Every query to that server fails the same way until it is back.
 */
export function isConnectionError(value: unknown): boolean {
  if (isPromkitError(value, 'NetworkError') || isPromkitError(value, 'NotReadyError')) return true;
  if (isPromkitError(value, 'TimeoutError')) return value.side === 'client';
  return isPromkitError(value, 'HttpError') && !isPromkitError(value, 'GrafanaApiError') && [502, 503, 504].includes(value.status);
}
