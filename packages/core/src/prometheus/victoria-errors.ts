/**
 * VictoriaMetrics words its errors unlike Prometheus: `errorType` is the HTTP status ("422"), the
 * text starts with `error when executing query="…" for (time=…, step=…): ` (or `on the time
 * range (…)`), and a MetricsQL syntax error names what was left unparsed instead of a line and
 * column. This module reads such an answer into the typed error transport.ts throws.
 */
import {
  PrometheusApiError,
  QueryParseError,
  TooManyPointsError,
  type ApiErrorBody,
  type PromkitError,
  type QueryPosition,
  type RequestTarget,
} from './errors.js';
import { lineColumn } from '../internal/line-column.js';
import { escapeRegex } from '../promql/interpolate.js';

/** What a VictoriaMetrics error text says, read. */
interface VictoriaMetricsError {
  /** The reason, without the prefix that repeats the whole query. */
  reason: string;
  /** Set when the query does not parse: the reason in plain words, and where parsing stopped. */
  parse?: { reason: string; position: QueryPosition | undefined };
  /** Set when a range asks for more points per series than `-search.maxPointsPerTimeseries`. */
  points?: { points: number; limit: number; minStep: number };
}

/** True for an `errorType` that is a status code, as VictoriaMetrics sends it (Prometheus sends words). */
export function isVictoriaMetricsErrorType(errorType: string): boolean {
  return /^\d{3}$/.test(errorType);
}

const GO_STRING = String.raw`"(?:[^"\\]|\\.)*"`;
const PREFIX = new RegExp(String.raw`^error when executing query=(${GO_STRING}) (?:for|on the time range) \([^)]*\): `, 's');
const UNPARSED = new RegExp(String.raw`^(.*?);? ?unparsed data(?: left)?: (${GO_STRING})$`, 's');
const UNKNOWN_FUNC = new RegExp(String.raw`(?:^|: )unknown func (${GO_STRING})$`);
const OTHER_PARSE = /^(cannot find the first token|cannot expand WITH expressions): /;
const POINTS = /too many points for the given step=\d+, start=(-?\d+) and end=(-?\d+): (\d+); cannot exceed -search\.maxPointsPerTimeseries=(\d+)/;

/**
 * The typed error for a VictoriaMetrics `"status": "error"` answer: a QueryParseError with the
 * position, a TooManyPointsError with the limit, or a PrometheusApiError without the query echo.
 */
export function victoriaMetricsApiError(status: number, body: ApiErrorBody, options: { cause: unknown; request: RequestTarget }): PromkitError {
  const read = readVictoriaMetricsError(body.error);
  if (read.parse) {
    const { position } = read.parse;
    const where = position ? ` at line ${position.line}, column ${position.column}` : '';
    const error = new QueryParseError(`MetricsQL parse error${where}: ${read.parse.reason}`, status, body, options);
    error.position = position;
    return error;
  }
  if (read.points) {
    const { points, limit, minStep } = read.points;
    return new TooManyPointsError(
      `VictoriaMetrics refuses ${points} points per series, over its limit of ${limit} (-search.maxPointsPerTimeseries). Use a step of at least ${minStep} s.`,
      points,
      limit,
      options,
    );
  }
  return new PrometheusApiError(`VictoriaMetrics could not run the query (${status}): ${read.reason}`, status, body, options);
}

/** Reads a VictoriaMetrics error text. */
function readVictoriaMetricsError(text: string): VictoriaMetricsError {
  const prefix = PREFIX.exec(text);
  const query = prefix ? unquote(prefix[1]!) : undefined;
  const reason = prefix ? text.slice(prefix[0].length) : text;
  const parse = parseFailure(reason, query);
  if (parse) return { reason, parse };
  const points = POINTS.exec(reason);
  if (points) {
    const [start, end, count, limit] = points.slice(1).map(Number) as [number, number, number, number];
    return { reason, points: { points: count, limit, minStep: Math.ceil((end - start) / 1000 / (limit - 1)) } };
  }
  return { reason };
}

/** The parse failure a reason describes, if it is one. */
function parseFailure(reason: string, query: string | undefined): VictoriaMetricsError['parse'] {
  const unparsed = UNPARSED.exec(reason);
  if (unparsed) {
    const rest = unquote(unparsed[2]!);
    const offset = query !== undefined && rest !== undefined && query.endsWith(rest) ? query.length - rest.length : undefined;
    const what = unparsed[1] ? plainWords(unparsed[1]) : `unexpected ${JSON.stringify(rest ?? '')} after the end of the expression`;
    return { reason: what, position: query !== undefined && offset !== undefined ? lineColumn(query, offset) : undefined };
  }
  const unknown = UNKNOWN_FUNC.exec(reason);
  if (unknown) {
    const name = unquote(unknown[1]!) ?? '';
    const at = query === undefined ? -1 : query.search(new RegExp(String.raw`\b${escapeRegex(name)}\s*\(`));
    return { reason: `unknown function ${name}`, position: at >= 0 ? lineColumn(query!, at) : undefined };
  }
  if (OTHER_PARSE.test(reason)) return { reason, position: undefined };
  return undefined;
}

/** MetricsQL's parser words, shorter: no rule name in front, an empty token said as the end. */
function plainWords(text: string): string {
  return text
    .replace(/^[A-Za-z]+: (?=unexpected token)/, '')
    .replace(new RegExp(`unexpected token (${GO_STRING})`), (_, token: string) => (token === '""' ? 'unexpected end of query' : `unexpected ${token}`));
}

/** A Go-quoted string (`%q`) as text; undefined when it uses an escape JSON lacks. */
function unquote(quoted: string): string | undefined {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return undefined;
  }
}
