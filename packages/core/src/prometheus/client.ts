/**
 * PrometheusClient: every read endpoint of the Prometheus HTTP API (and of Thanos, Mimir/Cortex
 * and VictoriaMetrics through presets), typed, checked at the boundary, failing with typed errors.
 */
import {
  fields,
  formatTime,
  durationSeconds,
  requireQuery,
  selectorFields,
  timeSeconds,
  timeoutField,
  type AlertsResult,
  type ApiResponse,
  type BuildInfo,
  type CallOptions,
  type ExemplarsResult,
  type FormFields,
  type LabelValuesParams,
  type MetadataParams,
  type MetadataResult,
  type QueryExemplarsParams,
  type QueryParams,
  type QueryRangeParams,
  type QueryResult,
  type RangeQueryResult,
  type RangeFramesResult,
  type RulesParams,
  type RulesResult,
  type RuntimeInfo,
  type SelectorParams,
  type SeriesParams,
  type TargetMetadataResult,
  type TargetsMetadataParams,
  type TargetsParams,
  type TargetsResult,
  type Labels,
} from './endpoints.js';
import { InvalidArgumentError, PromkitError, SchemaError, TooManyPointsError, isPromkitError } from './errors.js';
import { prometheus, tenantHeaders, type BackendPreset } from './backends.js';
import {
  alertsSchema,
  buildInfoSchema,
  exemplarsSchema,
  flagsSchema,
  formattedQuerySchema,
  metadataSchema,
  queryDataSchema,
  queryStatsSchema,
  rulesSchema,
  runtimeInfoSchema,
  seriesListSchema,
  stringListSchema,
  targetMetadataSchema,
  targetsSchema,
} from './schemas.js';
import { Transport, type ApiRequest } from './transport.js';
import { checkTimeout } from './deadline.js';
import { toFrames } from './decode.js';
import { authorizationHeader, type Auth } from './auth.js';
import * as z from 'zod/mini';

export type { Auth };

export interface PrometheusClientOptions {
  /** Base URL, optionally with a path prefix: `http://host:9090`, `https://host/prom`, `/api/prom-proxy`. */
  url: string;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  auth?: Auth;
  /** Tenant id sent as `X-Scope-OrgID` (Mimir, Cortex, Loki-style multi-tenant proxies). */
  tenant?: string;
  /** A fetch implementation to use instead of the global one (tests, recorded responses, SSR). */
  fetch?: typeof globalThis.fetch;
  /**
   * Deadline for each call, in milliseconds: from sending the request to the last byte of the
   * answer, retries and their waits included. A server that stalls (before the headers or
   * mid-body) ends the call in a client-side TimeoutError. Default 30,000.
   */
  timeout?: number;
  /** Retries for network errors and 429/503 answers that are not Prometheus errors. Default 2. */
  retries?: number;
  /** Longest Retry-After wait honoured, in milliseconds. Default 30,000. */
  maxRetryAfter?: number;
  /**
   * `POST` (default) sends form-encoded bodies to endpoints that accept them, so long queries fit;
   * a 405 answer switches this client to GET for good. `GET` always uses query strings.
   */
  method?: 'POST' | 'GET';
  /** Backend quirks: `thanos()`, `mimir()`, `cortex()`, `victoriaMetrics()`. Default `prometheus()`. */
  backend?: BackendPreset;
}

/** What a "test connection" button needs to show. */
export type ConnectionCheck =
  | { ok: true; ready: true; buildInfo: BuildInfo; latencyMs: number }
  | { ok: false; error: PromkitError };

const API = '/api/v1';
/** The client's `timeout` when none is given, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 30_000;

export class PrometheusClient {
  /** The backend preset in use. */
  readonly backend: BackendPreset;
  readonly #transport: Transport;

  constructor(options: PrometheusClientOptions) {
    if (typeof options?.url !== 'string' || options.url.trim() === '') {
      throw new InvalidArgumentError('PrometheusClient needs a url, e.g. { url: "http://localhost:9090" }.');
    }
    if (options.timeout !== undefined) checkTimeout(options.timeout, 'PrometheusClient timeout');
    this.backend = options.backend ?? prometheus();
    this.#transport = new Transport(
      {
        baseUrl: options.url.replace(/\/+$/, ''),
        headers: { ...this.backend.headers, ...authHeaders(options), ...options.headers },
        ...(options.fetch ? { fetch: options.fetch } : {}),
        timeout: options.timeout ?? DEFAULT_TIMEOUT_MS,
        retries: options.retries ?? 2,
        maxRetryAfter: options.maxRetryAfter ?? 30_000,
      },
      (options.method ?? 'POST') === 'POST',
    );
  }

  /** Instant query at one point in time (`/api/v1/query`). */
  async query(params: QueryParams, call?: CallOptions): Promise<QueryResult> {
    const response = await this.#api(
      this.#queryRequest('query', fields([
        ['query', requireQuery(params.query)],
        ['time', params.time === undefined ? undefined : formatTime(params.time, 'time')],
        ['timeout', timeoutField(params.timeout)],
        ['stats', params.stats ? 'all' : undefined],
        ['limit', params.limit],
      ])),
      queryResponseSchema,
      call,
    );
    return flattenQuery(response);
  }

  /**
   * Range query (`/api/v1/query_range`). Refuses, before sending, a range that would exceed the
   * backend's points-per-series limit (11,000 for Prometheus).
   */
  async queryRange(params: QueryRangeParams, call?: CallOptions): Promise<RangeQueryResult> {
    const result = flattenQuery(await this.#api(this.#rangeRequest(params).request, queryResponseSchema, call));
    return requireMatrix(result);
  }

  /**
   * Range query answered as frames: the samples are read from the response bytes straight into
   * Float64Arrays sized for the range's points, without building the wire arrays `queryRange`
   * returns (several times faster on large answers; see bench/).
   */
  async queryRangeFrames(params: QueryRangeParams, call?: CallOptions): Promise<RangeFramesResult> {
    const { request, points } = this.#rangeRequest(params);
    const response = await this.#transport.apiFrames(request, queryResponseSchema, call, points);
    const { frames, ...rest } = response;
    const result = requireMatrix(flattenQuery(rest));
    const { resultType: _matrix, result: _series, ...meta } = result;
    return { ...meta, frames: frames ?? toFrames(result) } as RangeFramesResult;
  }

  /** The range request, and the points per series it asks for. */
  #rangeRequest(params: QueryRangeParams): { request: ApiRequest; points: number } {
    const start = timeSeconds(params.start, 'start');
    const end = timeSeconds(params.end, 'end');
    const step = durationSeconds(params.step, 'step');
    if (end < start) throw new InvalidArgumentError(`end (${end}) is before start (${start}): swap them.`);
    const points = Math.floor((end - start) / step) + 1;
    const limit = this.backend.maxPointsPerSeries;
    if (points > limit) {
      throw new TooManyPointsError(
        `The range ${end - start} s at step ${step} s asks for ${points} points per series; the ${this.backend.kind} limit is ${limit}. Use a step of at least ${Math.ceil((end - start) / (limit - 1))} s.`,
        points,
        limit,
      );
    }
    const request = this.#queryRequest('query_range', fields([
      ['query', requireQuery(params.query)],
      ['start', formatTime(params.start, 'start')],
      ['end', formatTime(params.end, 'end')],
      ['step', String(step)],
      ['timeout', timeoutField(params.timeout)],
      ['stats', params.stats ? 'all' : undefined],
      ['limit', params.limit],
    ]));
    return { request, points };
  }

  /** Exemplars of the series a query selects (`/api/v1/query_exemplars`). */
  async queryExemplars(params: QueryExemplarsParams, call?: CallOptions): Promise<ApiResponse<ExemplarsResult>> {
    const request = this.#queryRequest('query_exemplars', fields([
      ['query', requireQuery(params.query)],
      ['start', formatTime(params.start, 'start')],
      ['end', formatTime(params.end, 'end')],
    ]));
    return this.#api(request, exemplarsSchema, call);
  }

  /** Label sets of the series matching the selectors (`/api/v1/series`). */
  async series(params: SeriesParams, call?: CallOptions): Promise<ApiResponse<Labels[]>> {
    if (!params.match?.length) {
      throw new InvalidArgumentError('series needs at least one selector in match, e.g. { match: [\'up\'] }.');
    }
    return this.#api(this.#queryRequest('series', selectorFields(params)), seriesListSchema, call);
  }

  /** Label names (`/api/v1/labels`). */
  async labels(params: SelectorParams = {}, call?: CallOptions): Promise<ApiResponse<string[]>> {
    return this.#api(this.#queryRequest('labels', selectorFields(params)), stringListSchema, call);
  }

  /** Values of one label (`/api/v1/label/<name>/values`). */
  async labelValues(params: LabelValuesParams, call?: CallOptions): Promise<ApiResponse<string[]>> {
    if (typeof params.label !== 'string' || params.label === '') {
      throw new InvalidArgumentError('labelValues needs a label name, e.g. { label: \'job\' }.');
    }
    const path = `label/${encodeURIComponent(params.label)}/values`;
    return this.#api({ ...this.#queryRequest(path, selectorFields(params)), postable: false }, stringListSchema, call);
  }

  /** Metric metadata from scrape targets (`/api/v1/metadata`). */
  async metadata(params: MetadataParams = {}, call?: CallOptions): Promise<ApiResponse<MetadataResult>> {
    const request = this.#request('metadata', fields([
      ['metric', params.metric],
      ['limit', params.limit],
      ['limit_per_metric', params.limitPerMetric],
    ]));
    return this.#api(request, metadataSchema, call);
  }

  /** Scrape targets and their health (`/api/v1/targets`). */
  async targets(params: TargetsParams = {}, call?: CallOptions): Promise<ApiResponse<TargetsResult>> {
    const request = this.#request('targets', fields([
      ['state', params.state],
      ['scrapePool', params.scrapePool],
    ]));
    return this.#api(request, targetsSchema, call);
  }

  /** Metric metadata per target (`/api/v1/targets/metadata`). */
  async targetsMetadata(params: TargetsMetadataParams = {}, call?: CallOptions): Promise<ApiResponse<TargetMetadataResult>> {
    const request = this.#request('targets/metadata', fields([
      ['match_target', params.matchTarget],
      ['metric', params.metric],
      ['limit', params.limit],
    ]));
    return this.#api(request, targetMetadataSchema, call);
  }

  /** Recording and alerting rules with their state (`/api/v1/rules`). */
  async rules(params: RulesParams = {}, call?: CallOptions): Promise<ApiResponse<RulesResult>> {
    const request = this.#request('rules', fields([
      ['type', params.type],
      ['rule_name[]', params.ruleName],
      ['rule_group[]', params.ruleGroup],
      ['file[]', params.file],
    ]));
    return this.#api(request, rulesSchema, call);
  }

  /** Active alerts (`/api/v1/alerts`). */
  async alerts(call?: CallOptions): Promise<ApiResponse<AlertsResult>> {
    return this.#api(this.#request('alerts', []), alertsSchema, call);
  }

  /** Version and build of the server (`/api/v1/status/buildinfo`). */
  async buildInfo(call?: CallOptions): Promise<ApiResponse<BuildInfo>> {
    return this.#api(this.#request('status/buildinfo', []), buildInfoSchema, call);
  }

  /** Runtime state of the server (`/api/v1/status/runtimeinfo`). */
  async runtimeInfo(call?: CallOptions): Promise<ApiResponse<RuntimeInfo>> {
    return this.#api(this.#request('status/runtimeinfo', []), runtimeInfoSchema, call);
  }

  /** Command-line flags of the server (`/api/v1/status/flags`). */
  async flags(call?: CallOptions): Promise<ApiResponse<Record<string, string>>> {
    return this.#api(this.#request('status/flags', []), flagsSchema, call);
  }

  /** A PromQL expression pretty-printed by the server (`/api/v1/format_query`, Prometheus 2.38+). */
  async formatQuery(query: string, call?: CallOptions): Promise<ApiResponse<string>> {
    const request = { ...this.#request('format_query', [['query', requireQuery(query)]]), postable: true };
    return this.#api(request, formattedQuerySchema, call);
  }

  /**
   * For "test connection" buttons: is the server ready, and what is it? Never throws for a server
   * problem; the failure comes back as `{ ok: false, error }` with a typed error.
   */
  async checkConnection(call?: CallOptions): Promise<ConnectionCheck> {
    const started = Date.now();
    try {
      try {
        await this.#transport.text(this.backend.readyPath, call);
      } catch (error) {
        // Prometheus sends CORS headers under /api/v1 only: a page on another origin cannot read
        // the readiness endpoint. The API answering then stands for ready (Prometheus serves it
        // only once ready); when it does not answer either, the first error says it best.
        if (!isPromkitError(error, 'NetworkError') || call?.signal?.aborted) throw error;
        const info = await this.buildInfo(call).catch(() => undefined);
        if (!info) throw error;
        return { ok: true, ready: true, buildInfo: info.data, latencyMs: Date.now() - started };
      }
      const { data } = await this.buildInfo(call);
      return { ok: true, ready: true, buildInfo: data, latencyMs: Date.now() - started };
    } catch (error) {
      if (error instanceof PromkitError) return { ok: false, error };
      throw error;
    }
  }

  #api<S extends z.ZodMiniType>(request: ApiRequest, schema: S, call?: CallOptions) {
    return this.#transport.api(request, schema, call);
  }

  /** A GET-only request for status-like endpoints. */
  #request(endpoint: string, form: FormFields): ApiRequest {
    return { path: `${this.backend.apiPrefix}${API}/${endpoint}`, fields: form, postable: false };
  }

  /** A data request: takes the backend's extra query fields and may be sent as a form POST. */
  #queryRequest(endpoint: string, form: FormFields): ApiRequest {
    return { ...this.#request(endpoint, [...form, ...this.backend.queryFields]), postable: true };
  }
}

/** `data` of a query answer, with optional stats beside the result. */
const queryResponseSchema = z.intersection(queryDataSchema, z.object({ stats: z.optional(queryStatsSchema) }));

function requireMatrix(result: QueryResult): RangeQueryResult {
  if (result.resultType !== 'matrix') {
    throw new SchemaError(`query_range answered a ${result.resultType} where Prometheus always sends a matrix.`, [
      { path: 'data.resultType', message: `expected matrix, got ${result.resultType}` },
    ]);
  }
  return result as RangeQueryResult;
}

function flattenQuery(response: ApiResponse<z.infer<typeof queryResponseSchema>>): QueryResult {
  const { data, warnings, infos, partial } = response;
  return { ...data, warnings, infos, partial } as QueryResult;
}

function authHeaders(options: PrometheusClientOptions): Record<string, string> {
  const headers: Record<string, string> = tenantHeaders(options.tenant);
  if (options.auth) headers['Authorization'] = authorizationHeader(options.auth);
  return headers;
}
