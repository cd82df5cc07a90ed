/**
 * One HTTP exchange with a Prometheus-compatible API: ky does the request and retries; a Deadline
 * bounds the whole call, body included; this module turns whatever comes back (or does not) into
 * data or a typed PromkitError.
 */
import ky, { isHTTPError, type KyInstance, type Options as KyOptions } from 'ky';
import type * as z from 'zod/mini';
import {
  CanceledError,
  HttpError,
  InvalidResponseError,
  NotReadyError,
  PrometheusApiError,
  PromkitError,
  QueryParseError,
  SchemaError,
  TimeoutError,
  TooManyPointsError,
  type ApiErrorBody,
  type RequestTarget,
} from './errors.js';
import { envelopeSchema } from './schemas.js';
import { Deadline } from './deadline.js';
import { scanMatrixSliced } from './matrix-scan.js';
import { isVictoriaMetricsErrorType, victoriaMetricsApiError } from './victoria-errors.js';
import type { Frame } from './decode.js';
import type { ApiResponse, CallOptions, FormFields } from './endpoints.js';
import { schemaProblems, summarizeProblems } from '../internal/schema-problems.js';
import { causeText, withinDeadline, type FailureReading } from '../internal/ky-errors.js';

/** How the transport reaches the server. */
export interface TransportOptions {
  /** Base URL, without a trailing slash. */
  baseUrl: string;
  headers: Record<string, string>;
  fetch?: typeof globalThis.fetch;
  /** Deadline for a whole call in milliseconds: retries, waits and reading the full body included. */
  timeout: number;
  /** Retries after the first attempt, for network errors and 429/503 answers that are not API errors. */
  retries: number;
  /** Longest wait a Retry-After header may impose, in milliseconds. */
  maxRetryAfter: number;
}

/** An API request: path below the base URL and its form fields. */
export interface ApiRequest {
  path: string;
  fields: FormFields;
  /** Whether the endpoint also accepts a form-encoded POST. */
  postable: boolean;
}

const EXCERPT_LENGTH = 500;
/** Decodes bodies as Response.text() would: UTF-8, a byte-order mark dropped, bad bytes replaced. */
const utf8 = new TextDecoder();
/** Retry backoff (ky's default curve, spelled out so a retry's wait can be known in advance). */
const backoff = (attempt: number) => 300 * 2 ** (attempt - 1);
const BACKOFF_LIMIT = 10_000;

export class Transport {
  readonly #http: KyInstance;
  readonly #options: TransportOptions;
  /** Set once a server (or proxy) answers 405 to a POST; later requests go as GET. */
  #postRefused = false;

  constructor(options: TransportOptions, readonly preferPost: boolean) {
    this.#options = options;
    this.#http = ky.create({
      headers: options.headers,
      // ky's timeout stops at the headers; each call's Deadline covers the whole answer instead.
      timeout: false,
      throwHttpErrors: true,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  }

  /** GETs a path (outside the API envelope, e.g. `/-/ready`) and returns the response text. */
  async text(path: string, call: CallOptions = {}): Promise<string> {
    const url = this.#options.baseUrl + path;
    return this.#within(call, () => ({ url, method: 'GET' }), async (deadline) => {
      const response = await this.#http.get(url, this.#kyOptions(call, deadline));
      return response.text();
    });
  }

  /** Performs an API request, checks the envelope and parses `data` with `schema`. */
  async api<S extends z.ZodMiniType>(request: ApiRequest, schema: S, call: CallOptions = {}): Promise<ApiResponse<z.infer<S>>> {
    const body = await this.#send(request, call);
    return this.#checked({ json: parseJson(utf8.decode(body.bytes), body.response, body.target), status: body.response.status, target: body.target }, schema);
  }

  /**
   * Like api, for answers that may be a matrix: its samples are read from the bytes straight into
   * frames (see scanMatrix; columns sized for `expectedPoints` when given), in slices that give
   * the page its main thread back between them, and `data` keeps an empty `result`. `frames` is
   * undefined when the answer took the general path, and `data.result` holds the samples.
   */
  async apiFrames<S extends z.ZodMiniType>(request: ApiRequest, schema: S, call: CallOptions = {}, expectedPoints?: number): Promise<ApiResponse<z.infer<S>> & { frames: Frame[] | undefined }> {
    const body = await this.#send(request, call);
    const scanned = body.response.ok
      ? await scanMatrixSliced(body.bytes, { ...(call.signal ? { signal: call.signal } : {}), ...(expectedPoints ? { expectedPoints } : {}) })
      : undefined;
    const json = parseJson(scanned ? scanned.envelope : utf8.decode(body.bytes), body.response, body.target);
    return { ...this.#checked({ json, status: body.response.status, target: body.target }, schema), frames: scanned?.frames };
  }

  #checked<S extends z.ZodMiniType>(body: { json: unknown; status: number; target: RequestTarget }, schema: S): ApiResponse<z.infer<S>> {
    const envelope = parseEnvelope(body.json, body.target);
    if (envelope.status === 'error') throw apiError(body.status, errorBody(envelope), body.target);
    const parsed = schema.safeParse(envelope.data);
    if (!parsed.success) {
      const problems = schemaProblems(parsed.error, ['data']);
      throw new SchemaError(
        `Unexpected answer from ${body.target.url}: ${summarizeProblems(problems)}. Is this a Prometheus-compatible API?`,
        problems,
        { request: body.target, cause: parsed.error },
      );
    }
    return {
      data: parsed.data,
      warnings: envelope.warnings ?? [],
      infos: envelope.infos ?? [],
      partial: envelope.isPartial ?? false,
    };
  }

  #send(request: ApiRequest, call: CallOptions): Promise<{ bytes: Uint8Array; response: Response; target: RequestTarget }> {
    return this.#within(call, () => this.#target(request), (deadline) => this.#exchange(request, call, deadline));
  }

  /** One request; the body comes back as bytes (a matrix is read from them without a string). */
  async #exchange(request: ApiRequest, call: CallOptions, deadline: Deadline): Promise<{ bytes: Uint8Array; response: Response; target: RequestTarget }> {
    const target = this.#target(request);
    const form = new URLSearchParams(request.fields);
    try {
      const response = target.method === 'POST'
        ? await this.#http.post(target.url, { ...this.#kyOptions(call, deadline), body: form })
        : await this.#http.get(target.url, { ...this.#kyOptions(call, deadline), searchParams: form });
      return { bytes: new Uint8Array(await response.arrayBuffer()), response, target };
    } catch (error) {
      if (target.method === 'POST' && isHTTPError(error) && error.response.status === 405) {
        // Some proxies only let GET through: remember it and ask again, within the same deadline.
        this.#postRefused = true;
        return this.#exchange(request, call, deadline);
      }
      throw error;
    }
  }

  #target(request: ApiRequest): RequestTarget {
    const usePost = request.postable && this.preferPost && !this.#postRefused;
    return { url: this.#options.baseUrl + request.path, method: usePost ? 'POST' : 'GET' };
  }

  /** Runs one call under its Deadline (see withinDeadline): every failure becomes a PromkitError. */
  #within<T>(call: CallOptions, target: () => RequestTarget, work: (deadline: Deadline) => Promise<T>): Promise<T> {
    return withinDeadline({ timeout: call.timeout ?? this.#options.timeout, signal: call.signal }, target, PROMETHEUS_FAILURES, work);
  }

  #kyOptions(call: CallOptions, deadline: Deadline): KyOptions {
    return {
      signal: deadline.signal,
      ...(call.headers ? { headers: call.headers } : {}),
      retry: {
        limit: this.#options.retries,
        // Every endpoint the client calls is a read, so POST is as safe to repeat as GET.
        methods: ['get', 'post', 'head'],
        statusCodes: [429, 503],
        afterStatusCodes: [429, 503],
        maxRetryAfter: this.#options.maxRetryAfter,
        delay: backoff,
        backoffLimit: BACKOFF_LIMIT,
        shouldRetry: ({ error, retryCount }) => {
          // A JSON answer is Prometheus itself speaking (e.g. its query timeout): repeating won't help.
          if (isHTTPError(error) && isJson(error.response)) return false;
          // Only refusals and network failures are worth repeating (not aborts, not bugs).
          if (!isHTTPError(error) && !(error instanceof TypeError)) return false;
          // A retry that could only start after the deadline cannot help: report this failure now.
          return retryWait(error, retryCount, this.#options.maxRetryAfter) >= deadline.remaining() ? false : undefined;
        },
      },
    };
  }
}

/** How Prometheus failures read: refusals may be API errors; a slow answer may need a narrower query. */
const PROMETHEUS_FAILURES: FailureReading = {
  refusal: httpFailure,
  timeoutAdvice: 'narrow the query or check the server',
};

function parseJson(text: string, response: Response, target: RequestTarget): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const what = looksLikeHtml(text, response)
      ? `an HTML page${htmlTitle(text)} instead of JSON: a proxy or login page may be in the way`
      : text.trim() === ''
        ? 'an empty body instead of JSON'
        : `a body that is not valid JSON (${causeText(error)}): it may be truncated or not from a Prometheus API`;
    throw new InvalidResponseError(`${target.url} answered ${response.status} with ${what}. Body starts: ${excerpt(text)}`, {
      cause: error,
      request: target,
    });
  }
}

function parseEnvelope(json: unknown, target: RequestTarget) {
  const parsed = envelopeSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const problems = schemaProblems(parsed.error, []);
  throw new SchemaError(
    `${target.url} answered JSON that is not a Prometheus API answer: ${summarizeProblems(problems)}.`,
    problems,
    { request: target, cause: parsed.error },
  );
}

function errorBody(envelope: z.infer<typeof envelopeSchema>): ApiErrorBody {
  return {
    errorType: envelope.errorType ?? 'unknown',
    error: envelope.error ?? '',
    warnings: envelope.warnings ?? [],
    infos: envelope.infos ?? [],
  };
}

/** A non-2xx answer: a Prometheus API error when the body says so, otherwise an HTTP error. */
function httpFailure(response: Response, data: unknown, target: RequestTarget, cause: unknown): PromkitError {
  const envelope = envelopeSchema.safeParse(data);
  if (envelope.success && envelope.data.status === 'error') {
    return apiError(response.status, errorBody(envelope.data), target);
  }
  const text = typeof data === 'string' ? data : data === undefined ? '' : JSON.stringify(data);
  const status = `${response.status} ${response.statusText}`.trim();
  const page = looksLikeHtml(text, response) ? ` (an HTML page${htmlTitle(text)}, likely from a proxy)` : '';
  const options = { cause, request: target };
  if (response.status === 503) {
    return new NotReadyError(
      `${target.url} is not ready (${status})${page}: Prometheus is starting or replaying its WAL, or a proxy has no healthy upstream. Try again shortly.`,
      response.status,
      excerpt(text),
      options,
    );
  }
  const hint =
    response.status === 404
      ? ': the URL or its path prefix is wrong (Mimir serves the API under /prometheus; check the backend preset)'
      : response.status === 401 || response.status === 403
        ? ': the server refused the credentials; check the token, basic auth or tenant'
        : text.includes('unsupported path requested')
          ? ': the server does not implement this endpoint (VictoriaMetrics serves only part of the Prometheus API)'
          : '';
  return new HttpError(`${target.url} answered ${status}${page}${hint}.`, response.status, excerpt(text), options);
}

const PARSE_POSITION = /(\d+):(\d+): parse error: ?(.*)$/s;
const MAX_RESOLUTION = /exceeded maximum resolution of ([\d,]+) points/;

/** A Prometheus `"status": "error"` answer as the most specific error class. */
export function apiError(status: number, body: ApiErrorBody, target: RequestTarget): PromkitError {
  const base = new PrometheusApiError(
    `Prometheus answered ${status} (${body.errorType}): ${body.error}`,
    status,
    body,
    { request: target },
  );
  const options = { cause: base, request: target };
  // Prometheus says `timeout` when evaluation runs out of time, but `execution` with "context
  // deadline exceeded" when the deadline hits while it is still expanding series.
  if (body.errorType === 'timeout' || body.error.includes('context deadline exceeded')) {
    return new TimeoutError(
      `Prometheus stopped evaluating the query at its timeout: ${body.error}. Narrow the range or raise the query timeout.`,
      'server',
      options,
    );
  }
  if (body.errorType === 'canceled') return new CanceledError(`Prometheus canceled the query: ${body.error}`, options);
  if (isVictoriaMetricsErrorType(body.errorType)) return victoriaMetricsApiError(status, body, options);
  const resolution = MAX_RESOLUTION.exec(body.error);
  if (resolution) {
    const limit = Number(resolution[1]!.replaceAll(',', ''));
    return new TooManyPointsError(
      `The range query asks for more than ${limit} points per series: ${body.error}`,
      undefined,
      limit,
      options,
    );
  }
  if (body.error.includes('parse error')) {
    const match = PARSE_POSITION.exec(body.error);
    const position = match ? { line: Number(match[1]), column: Number(match[2]) } : undefined;
    const where = position ? ` at line ${position.line}, column ${position.column}` : '';
    const error = new QueryParseError(`PromQL parse error${where}: ${match?.[3] ?? body.error}`, status, body, options);
    error.position = position;
    return error;
  }
  base.message = `Prometheus could not run the query (${body.errorType}, ${status}): ${body.error}`;
  return base;
}

/** How long ky waits before retry number `attempt`: the server's Retry-After, else the backoff. */
function retryWait(error: unknown, attempt: number, maxRetryAfter: number): number {
  const fallback = Math.min(BACKOFF_LIMIT, backoff(attempt));
  const header = isHTTPError(error) ? error.response.headers.get('retry-after')?.trim() : undefined;
  if (!header) return fallback;
  const ms = /^\d+$/.test(header) ? Number(header) * 1000 : Date.parse(header) - Date.now();
  return Number.isNaN(ms) ? fallback : Math.min(maxRetryAfter, Math.max(0, ms));
}

function isJson(response: Response): boolean {
  return (response.headers.get('content-type') ?? '').includes('json');
}

function looksLikeHtml(text: string, response: Response): boolean {
  return (response.headers.get('content-type') ?? '').includes('html') || /^\s*<(!doctype|html)/i.test(text);
}

function htmlTitle(text: string): string {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
  return title ? ` titled "${title}"` : '';
}

function excerpt(text: string): string {
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text;
}
