/**
 * One `…Params` / result pair per endpoint, and how params become the form fields Prometheus
 * reads. Times are `Date`s, RFC 3339 strings or Unix seconds; durations are seconds or
 * Prometheus duration strings ("15s").
 */
import { InvalidArgumentError } from './errors.js';
import type * as z from 'zod/mini';
import type { Frame } from './decode.js';
import type {
  Labels,
  QueryStats,
  alertsSchema,
  buildInfoSchema,
  exemplarsSchema,
  instantSampleSchema,
  metadataSchema,
  rangeSeriesSchema,
  rulesSchema,
  runtimeInfoSchema,
  targetMetadataSchema,
  targetsSchema,
  WireSample,
} from './schemas.js';
import { parseDuration } from '../time/duration.js';

/**
 * A point in time as the Prometheus API takes it: a Date, an RFC 3339 string, or Unix time in
 * **seconds**. (Dashboards write times as a `TimeExpression`, whose numbers are milliseconds.)
 */
export type ApiTime = Date | string | number;
/** A duration: seconds, or a Prometheus duration string such as "15s" or "1m30s". */
export type DurationInput = number | string;

/** Per-call options every endpoint accepts. */
export interface CallOptions {
  /** Aborts the request; the call then rejects with a CanceledError. */
  signal?: AbortSignal;
  /** Overrides the client's timeout for this call, in milliseconds. */
  timeout?: number;
  /** Extra headers for this call. */
  headers?: Record<string, string>;
}

/** Warnings and notes that come with any successful answer. */
export interface ResponseMeta {
  /** Problems that did not stop the query (e.g. Thanos partial responses). */
  warnings: string[];
  /** Informational notes (Prometheus 2.50+; absent from older servers). */
  infos: string[];
  /** True when the backend says the answer may be incomplete (VictoriaMetrics `isPartial`). */
  partial: boolean;
}

/** A successful answer whose payload is `data`. */
export interface ApiResponse<T> extends ResponseMeta {
  data: T;
}

export interface QueryParams {
  query: string;
  /** Evaluation time; the server's "now" when omitted. */
  time?: ApiTime;
  /** Server-side evaluation timeout. */
  timeout?: DurationInput;
  /** Ask for query statistics (`stats=all`). */
  stats?: boolean;
  /** Maximum number of series returned (servers that support it). */
  limit?: number;
}

export interface QueryRangeParams {
  query: string;
  start: ApiTime;
  end: ApiTime;
  /** Resolution: seconds between points. */
  step: DurationInput;
  timeout?: DurationInput;
  stats?: boolean;
  limit?: number;
}

export type MatrixResult = { resultType: 'matrix'; result: z.infer<typeof rangeSeriesSchema>[] };
export type VectorResult = { resultType: 'vector'; result: z.infer<typeof instantSampleSchema>[] };
export type ScalarResult = { resultType: 'scalar'; result: WireSample };
export type StringResult = { resultType: 'string'; result: WireSample };

/** What /query and /query_range answer: a union on `resultType`, with warnings, infos and stats. */
export type QueryResult = (MatrixResult | VectorResult | ScalarResult | StringResult) &
  ResponseMeta & { stats?: QueryStats };
/** A range query always answers with a matrix. */
export type RangeQueryResult = MatrixResult & ResponseMeta & { stats?: QueryStats };
/** A range query's answer as frames (`queryRangeFrames`). */
export type RangeFramesResult = { frames: Frame[] } & ResponseMeta & { stats?: QueryStats };

export interface QueryExemplarsParams {
  query: string;
  start: ApiTime;
  end: ApiTime;
}
export type ExemplarsResult = z.infer<typeof exemplarsSchema>;

/** Shared by series, labels and label values. */
export interface SelectorParams {
  /** Series selectors; `match[]` on the wire. */
  match?: string[];
  start?: ApiTime;
  end?: ApiTime;
  limit?: number;
}
export interface SeriesParams extends SelectorParams {
  match: string[];
}
export interface LabelValuesParams extends SelectorParams {
  label: string;
}

export interface MetadataParams {
  metric?: string;
  limit?: number;
  limitPerMetric?: number;
}
export type MetadataResult = z.infer<typeof metadataSchema>;

export interface TargetsParams {
  state?: 'active' | 'dropped' | 'any';
  scrapePool?: string;
}
export type TargetsResult = z.infer<typeof targetsSchema>;

export interface TargetsMetadataParams {
  matchTarget?: string;
  metric?: string;
  limit?: number;
}
export type TargetMetadataResult = z.infer<typeof targetMetadataSchema>;

export interface RulesParams {
  type?: 'alert' | 'record';
  ruleName?: string[];
  ruleGroup?: string[];
  file?: string[];
}
export type RulesResult = z.infer<typeof rulesSchema>;
export type AlertsResult = z.infer<typeof alertsSchema>;
export type BuildInfo = z.infer<typeof buildInfoSchema>;
export type RuntimeInfo = z.infer<typeof runtimeInfoSchema>;
export type { Labels };

/** Form fields in wire order; arrays repeat their key (`match[]`). */
export type FormFields = [string, string][];

/** Unix seconds above this are almost certainly milliseconds (year 5138 and later). */
const MAX_PLAUSIBLE_SECONDS = 1e11;

/** A time as the string Prometheus reads. */
export function formatTime(input: ApiTime, field: string): string {
  if (input instanceof Date) {
    const ms = input.getTime();
    if (Number.isNaN(ms)) throw new InvalidArgumentError(`${field} is an invalid Date.`);
    return String(ms / 1000);
  }
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new InvalidArgumentError(`${field} must be a finite number of seconds, got ${input}.`);
    if (Math.abs(input) > MAX_PLAUSIBLE_SECONDS) {
      throw new InvalidArgumentError(
        `${field} ${input} looks like milliseconds; pass Unix time in seconds (ms / 1000) or a Date.`,
      );
    }
    return String(input);
  }
  if (Number.isNaN(Date.parse(input))) {
    throw new InvalidArgumentError(`${field} ${JSON.stringify(input)} is not an RFC 3339 time; pass a Date or Unix seconds.`);
  }
  return input;
}

/** A time as Unix seconds, for client-side checks. */
export function timeSeconds(input: ApiTime, field: string): number {
  const text = formatTime(input, field);
  return typeof input === 'string' ? Date.parse(text) / 1000 : Number(text);
}

/** A duration as seconds; refuses zero, negative and unparsable ones. */
export function durationSeconds(input: DurationInput, field: string): number {
  const seconds = typeof input === 'number' ? input : parseDuration(input);
  if (seconds === undefined || !Number.isFinite(seconds) || seconds <= 0) {
    throw new InvalidArgumentError(
      `${field} must be a positive number of seconds or a duration such as "15s" or "1m", got ${JSON.stringify(input)}.`,
    );
  }
  return seconds;
}

export function requireQuery(query: string): string {
  if (typeof query !== 'string' || query.trim() === '') {
    throw new InvalidArgumentError('query is empty: pass a PromQL expression such as `up`.');
  }
  return query;
}

/** Appends optional fields, skipping undefined ones. */
export function fields(entries: [string, string | number | boolean | string[] | undefined][]): FormFields {
  const out: FormFields = [];
  for (const [key, value] of entries) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) out.push([key, v]);
    else out.push([key, String(value)]);
  }
  return out;
}

/** Form fields shared by series, labels and label values. */
export function selectorFields(params: SelectorParams): FormFields {
  return fields([
    ['match[]', params.match],
    ['start', params.start === undefined ? undefined : formatTime(params.start, 'start')],
    ['end', params.end === undefined ? undefined : formatTime(params.end, 'end')],
    ['limit', params.limit],
  ]);
}

/** Server-side timeout as the duration string Prometheus reads. */
export function timeoutField(timeout: DurationInput | undefined): string | undefined {
  if (timeout === undefined) return undefined;
  const seconds = durationSeconds(timeout, 'timeout');
  return typeof timeout === 'string' ? timeout : `${Math.max(1, Math.round(seconds * 1000))}ms`;
}
