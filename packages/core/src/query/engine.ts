/**
 * The query engine: panel targets + time range + variables → frames per target.
 *
 * - Identical requests in flight are shared across panels; finished ones are reused briefly.
 * - Live ranges (ending at now) refresh incrementally: only the tail is fetched and merged.
 * - A newer run for the same panel key aborts the older one.
 * - Requests per datasource are limited; waiting ones can be aborted.
 * - A failing target gets its own error; the other targets keep their data.
 * - A host datasource's targets go to its source in one request, which a newer run aborts.
 */
import { CanceledError, PromkitError, QueryParseError, isPromkitError } from '../prometheus/errors.js';
import type { PrometheusClient } from '../prometheus/client.js';
import { toFrames, type Frame } from '../prometheus/decode.js';
import type { Target } from '../dashboard/schema.js';
import type { checkPromQL } from '../promql/parse.js';
import { interpolate, type VariableValues } from '../promql/interpolate.js';
import { resolveInterval } from '../time/interval-setting.js';
import type { TimeRange } from '../time/range.js';
import type { Alert } from '../prometheus/schemas.js';
import { builtinVariables, computeTiming, type QueryTiming } from '../time/step.js';
import { Limiter } from './limiter.js';
import { mergeTail } from './merge.js';
import { hostTargetResults } from '../host/frames.js';
import { selectedValues, type HostQuery, type HostSource, type StreamPush } from '../host/source.js';
import type { HostFrames } from '../host/frames.js';
import type { StreamStatus } from '../host/stream.js';

export interface QueryEngineOptions {
  /** The client of a datasource, by name. */
  client: (datasource: string) => PrometheusClient;
  /** The host source of a datasource, by name: undefined for a Prometheus one. */
  source?: (datasource: string) => HostSource | undefined;
  /** How long a finished request's answer is reused, in ms. Default 5,000. */
  cacheTtl?: number;
  /** Requests in flight per datasource. Default 6. */
  concurrency?: number;
  /**
   * Seconds of the previous result fetched again on an incremental refresh (at least two steps,
   * and a step more than the backend preset's `provisionalSeconds`).
   * Default: the backend preset's `refreshOverlap`, else two scrape intervals.
   */
  overlap?: number;
  /** The clock, in epoch ms. Default Date.now. */
  now?: () => number;
}

/** One panel's worth of querying. */
export interface PanelQuery {
  /** Identifies the panel: a newer run with the same key aborts the older one. */
  key: string;
  datasource: string;
  targets: readonly Target[];
  /** Resolved range, epoch ms. */
  range: TimeRange;
  /** The range ends at now and moves with the clock: refreshes fetch only the tail. */
  live?: boolean;
  /** Dashboard variables; built-ins (`$__interval`, …) are added per target. */
  variables?: VariableValues;
  /** Points the chart can show (its width in pixels). */
  maxDataPoints?: number;
  /** Panel-level minimum step, in seconds. */
  minInterval?: number;
  /** The datasource's scrape interval, in seconds. */
  scrapeInterval?: number;
  /** Ask the server even if a fresh answer is cached (a refresh a person asked for); identical requests in flight are still shared. */
  fresh?: boolean;
  signal?: AbortSignal;
  /**
   * For a host source that streams: new samples after this run's answer, as the source pushes
   * them, until a newer run for the key, `unsubscribe(key)` or `dispose()`.
   */
  onPush?: StreamPush;
  /** For a host source that streams: its connection's state. */
  onStreamState?: (status: StreamStatus) => void;
}

/** Where a result came from: a request, a tail added to a cached range, a shared request, the cache, or the host app. */
export type ResultSource = 'network' | 'incremental' | 'shared' | 'cache' | 'host';

export interface TargetResult {
  refId: string;
  /** The query as sent, variables replaced. */
  expr: string;
  instant: boolean;
  timing: QueryTiming;
  frames: Frame[];
  warnings: string[];
  infos: string[];
  /** Set when this target failed; the panel's other targets are unaffected. */
  error?: PromkitError;
  source?: ResultSource;
  /** The range actually requested, Unix seconds (smaller than `timing` for incremental refreshes). */
  fetched?: { start: number; end: number };
  /** With `exemplar` on a range target: the exemplars of the series it reads, over the whole range. */
  exemplars?: Exemplar[];
}

/** One exemplar: a sample's trace (its labels, such as `trace_id`) at its time and value. */
export interface Exemplar {
  /** The labels of the series it was recorded on (`le` and all, for a histogram bucket). */
  seriesLabels: Record<string, string>;
  labels: Record<string, string>;
  value: number;
  /** Epoch ms. */
  time: number;
}

export interface PanelResult {
  key: string;
  targets: TargetResult[];
}

/** Counters, for tests and benchmarks. */
export interface EngineStats {
  /** Requests sent to a server. */
  requests: number;
  /** Answers shared with a request already in flight. */
  shared: number;
  /** Answers reused from the short-lived cache. */
  cached: number;
  /** Range results built from a tail fetch and the previous result. */
  incremental: number;
}

interface Answer {
  frames: Frame[];
  warnings: string[];
  infos: string[];
}

interface InFlight<T = unknown> {
  promise: Promise<T>;
  controller: AbortController;
  users: number;
}

interface Tail {
  startMs: number;
  endMs: number;
  frames: Frame[];
}

const MAX_CACHED = 256;

/** What a target's query is filled in with: the built-ins of its timing (`$__interval`…), the range's `$__from`/`$__to`, then the dashboard's variables. */
function interpolationValues(timing: QueryTiming, query: Pick<PanelQuery, 'range' | 'variables'>): VariableValues {
  return { ...builtinVariables(timing), __from: String(query.range.from), __to: String(query.range.to), ...query.variables };
}

export class QueryEngine {
  readonly stats: EngineStats = { requests: 0, shared: 0, cached: 0, incremental: 0 };
  readonly #options: Required<Omit<QueryEngineOptions, 'client' | 'overlap' | 'source'>> & Pick<QueryEngineOptions, 'client' | 'overlap' | 'source'>;
  readonly #limiters = new Map<string, Limiter>();
  readonly #inFlight = new Map<string, InFlight>();
  readonly #cache = new Map<string, { at: number; answer: unknown }>();
  readonly #tails = new Map<string, Tail>();
  readonly #active = new Map<string, AbortController>();
  readonly #subscriptions = new Map<string, AbortController>();

  constructor(options: QueryEngineOptions) {
    this.#options = { cacheTtl: 5_000, concurrency: 6, now: Date.now, ...options };
  }

  /**
   * Runs a panel's visible targets. Resolves with a result per target (failed ones carry their
   * error); rejects with a CanceledError only when the run itself was aborted or superseded.
   */
  async run(query: PanelQuery): Promise<PanelResult> {
    this.#active.get(query.key)?.abort(new CanceledError(`Superseded by a newer query for panel "${query.key}".`));
    this.unsubscribe(query.key);
    const controller = new AbortController();
    this.#active.set(query.key, controller);
    const onAbort = () => controller.abort(query.signal?.reason);
    if (query.signal?.aborted) onAbort();
    query.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const host = this.#options.source?.(query.datasource);
      const targets = host
        ? await this.#hostTargets(host, query, controller.signal)
        : await Promise.all(query.targets.filter((t) => !t.hide).map((t) => this.#target(query, t, controller.signal)));
      if (controller.signal.aborted) throw canceled(controller.signal, query.key);
      return { key: query.key, targets };
    } finally {
      query.signal?.removeEventListener('abort', onAbort);
      if (this.#active.get(query.key) === controller) this.#active.delete(query.key);
    }
  }

  /**
   * The datasource's active alerts (`/api/v1/alerts`), for alert lists: shared with a request in
   * flight and reused briefly like query answers; `fresh` asks again. A host datasource has none
   * to give: that is an error naming it.
   */
  async alerts(query: { datasource: string; fresh?: boolean; signal?: AbortSignal }): Promise<Alert[]> {
    if (this.#options.source?.(query.datasource)) {
      throw new PromkitError(`Datasource "${query.datasource}" is fed by the host app, which has no alerts: point the alert list at a Prometheus datasource.`);
    }
    const client = this.#options.client(query.datasource);
    const signal = query.signal ?? new AbortController().signal;
    const { answer } = await this.#shared(query.datasource, `alerts\n${query.datasource}`, query.fresh === true, signal, async (s) => (await client.alerts({ signal: s })).data.alerts);
    return answer;
  }

  /** Stops the pushes of a host source to panel `key` (the panel went away). */
  unsubscribe(key: string): void {
    this.#subscriptions.get(key)?.abort(new CanceledError(`The stream of panel "${key}" was stopped.`));
    this.#subscriptions.delete(key);
  }

  /** Aborts everything in flight, stops every stream and forgets every cached result. */
  dispose(): void {
    for (const key of [...this.#subscriptions.keys()]) this.unsubscribe(key);
    for (const controller of this.#active.values()) controller.abort(new CanceledError('The query engine was disposed.'));
    for (const flight of this.#inFlight.values()) flight.controller.abort();
    this.#active.clear();
    this.#inFlight.clear();
    this.#cache.clear();
    this.#tails.clear();
  }

  /** A host datasource's targets: one request to its source for all of them, answered with frames. */
  async #hostTargets(host: HostSource, query: PanelQuery, signal: AbortSignal): Promise<TargetResult[]> {
    const visible = query.targets.filter((t) => !t.hide);
    const timing = computeTiming({
      range: query.range,
      ...(query.maxDataPoints !== undefined ? { maxDataPoints: query.maxDataPoints } : {}),
      ...(query.minInterval !== undefined ? { minInterval: query.minInterval } : {}),
    });
    const values = interpolationValues(timing, query);
    const targets = visible.map((t) => ({ refId: t.refId, expr: interpolate(t.expr, values), instant: t.instant }));
    const empty = (t: (typeof targets)[number]): TargetResult => ({ ...t, timing, frames: [], warnings: [], infos: [], source: 'host' });
    const request = {
      datasource: query.datasource,
      targets: targets.map(({ refId, expr }) => ({ refId, expr })),
      range: { from: query.range.from, to: query.range.to },
      step: timing.step,
      variables: selectedValues(query.variables),
      signal,
    };
    // Subscribed before asking, so nothing sent meanwhile is missed; held until the answer is out.
    const stream = this.#subscribe(host, query, request, signal);
    try {
      const answer = await host.query(request);
      if (signal.aborted) throw canceled(signal, query.key);
      const results = hostTargetResults(answer, timing, targets);
      stream?.release();
      return targets.map((t) => results.find((r) => r.refId === t.refId) ?? empty(t));
    } catch (error) {
      stream?.stop();
      if (signal.aborted) throw canceled(signal, query.key);
      const failure = isPromkitError(error) ? error : new PromkitError(`The host source of datasource "${query.datasource}" failed: ${(error as Error)?.message ?? String(error)}`, { cause: error });
      return targets.map((t) => ({ ...empty(t), error: failure }));
    }
  }

  /**
   * Subscribes panel `query.key` to a streaming source: pushes wait until `release` (after the
   * run's answer), then go straight to `onPush`; a superseded run or `stop` ends it.
   */
  #subscribe(host: HostSource, query: PanelQuery, request: HostQuery, run: AbortSignal): { release(): void; stop(): void } | undefined {
    const onPush = query.onPush;
    if (!host.subscribe || !onPush) return undefined;
    const subscription = new AbortController();
    this.#subscriptions.set(query.key, subscription);
    const stopOnRun = () => subscription.abort(run.reason);
    run.addEventListener('abort', stopOnRun, { once: true });
    let held: HostFrames[] | undefined = [];
    const unsubscribe = host.subscribe({ ...request, signal: subscription.signal }, (frames) => {
      if (subscription.signal.aborted) return;
      if (held) held.push(frames);
      else onPush(frames);
    }, query.onStreamState);
    subscription.signal.addEventListener('abort', () => typeof unsubscribe === 'function' && unsubscribe(), { once: true });
    return {
      release: () => {
        run.removeEventListener('abort', stopOnRun);
        const waiting = held ?? [];
        held = undefined;
        for (const frames of waiting) onPush(frames);
      },
      stop: () => {
        subscription.abort();
        if (this.#subscriptions.get(query.key) === subscription) this.#subscriptions.delete(query.key);
      },
    };
  }

  async #target(query: PanelQuery, target: Target, signal: AbortSignal): Promise<TargetResult> {
    const client = this.#options.client(query.datasource);
    const minInterval = resolveInterval(target.minInterval, query.variables) ?? query.minInterval;
    const timing = computeTiming({
      range: query.range,
      maxPointsPerSeries: client.backend.maxPointsPerSeries,
      ...(target.intervalFactor !== undefined ? { intervalFactor: target.intervalFactor } : {}),
      ...(query.maxDataPoints !== undefined ? { maxDataPoints: query.maxDataPoints } : {}),
      ...(minInterval !== undefined ? { minInterval } : {}),
      ...(query.scrapeInterval !== undefined ? { scrapeInterval: query.scrapeInterval } : {}),
    });
    const expr = interpolate(target.expr, interpolationValues(timing, query));
    const result: TargetResult = { refId: target.refId, expr, instant: target.instant, timing, frames: [], warnings: [], infos: [] };
    try {
      // The PromQL parser (about 27 KB) is a chunk of its own in the chunked script-tag build, loaded by the first query that needs it.
      const syntax = client.backend.queryLanguage === 'metricsql' ? undefined : (await import('../promql/parse.js')).checkPromQL(expr);
      if (syntax) throw parseError(expr, syntax);
      const ds = query.datasource;
      if (target.instant) {
        // At the range's end itself, not the step grid's: a stat over 7 days shows now, not 2 h ago.
        const time = Math.floor(query.range.to / 1000);
        const key = `instant\n${ds}\n${expr}\n${time}`;
        const { answer, source } = await this.#shared(ds, key, query.fresh === true, signal, async (s) => answerOf(await client.query({ query: expr, time }, { signal: s })));
        return { ...result, ...answer, source, fetched: { start: time, end: time } };
      }
      const [range, exemplars] = await Promise.all([this.#range(client, query, expr, timing, signal), target.exemplar ? this.#exemplars(client, query.datasource, expr, timing, query.fresh === true, signal) : undefined]);
      return { ...result, ...range, ...(exemplars ? { exemplars: exemplars.exemplars, warnings: [...range.warnings, ...exemplars.warnings] } : {}) };
    } catch (error) {
      if (signal.aborted) throw canceled(signal, query.key);
      return { ...result, error: asPromkitError(error) };
    }
  }

  /** A range query, incremental when the previous result of the same query can be extended. */
  async #range(client: PrometheusClient, query: PanelQuery, expr: string, timing: QueryTiming, signal: AbortSignal) {
    const ds = query.datasource;
    const live = query.live === true;
    const scrapeInterval = query.scrapeInterval ?? 15;
    const stepMs = timing.step * 1000;
    const startMs = Math.round(timing.start * 1000);
    const endMs = Math.round(timing.end * 1000);
    const tailKey = `${ds}\n${expr}\n${timing.step}`;
    const previous = live ? this.#tails.get(tailKey) : undefined;
    const extendable = previous && previous.startMs <= startMs && previous.endMs >= startMs && previous.endMs <= endMs;
    const overlapS = this.#options.overlap ?? client.backend.refreshOverlap ?? 2 * scrapeInterval;
    const provisionalMs = (client.backend.provisionalSeconds ?? 0) * 1000;
    const overlapMs = Math.max(overlapS * 1000, 2 * stepMs, provisionalMs + stepMs);
    const fetchStartMs = extendable ? Math.max(startMs, Math.floor((previous.endMs - overlapMs) / stepMs) * stepMs) : startMs;
    const fetched = { start: fetchStartMs / 1000, end: timing.end };

    const key = `range\n${ds}\n${expr}\n${fetched.start}\n${fetched.end}\n${timing.step}`;
    const { answer, source } = await this.#shared(ds, key, query.fresh === true, signal, async (s) => {
      const { frames, warnings, infos } = await client.queryRangeFrames({ query: expr, start: fetched.start, end: fetched.end, step: timing.step }, { signal: s });
      return { frames, warnings, infos };
    });
    let frames = answer.frames;
    let resultSource: ResultSource = source;
    if (extendable && fetchStartMs > startMs) {
      frames = mergeTail(previous.frames, answer.frames, startMs, fetchStartMs);
      resultSource = 'incremental';
      this.stats.incremental += 1;
    }
    if (live) remember(this.#tails, tailKey, { startMs, endMs, frames });
    return { frames, warnings: answer.warnings, infos: answer.infos, source: resultSource, fetched };
  }

  /**
   * The exemplars of the series `expr` reads over the timing's range, shared and cached like
   * answers. Failing to get them does not fail the target: its chart is drawn without them and a
   * warning says why.
   */
  async #exemplars(client: PrometheusClient, ds: string, expr: string, timing: QueryTiming, fresh: boolean, signal: AbortSignal): Promise<{ exemplars: Exemplar[]; warnings: string[] }> {
    try {
      const key = `exemplars\n${ds}\n${expr}\n${timing.start}\n${timing.end}`;
      const { answer } = await this.#shared(ds, key, fresh, signal, async (s) => (await client.queryExemplars({ query: expr, start: timing.start, end: timing.end }, { signal: s })).data);
      const exemplars = answer.flatMap((series) => series.exemplars.map((e) => ({ seriesLabels: series.seriesLabels, labels: e.labels, value: Number(e.value), time: Math.round(e.timestamp * 1000) })));
      return { exemplars, warnings: [] };
    } catch (error) {
      if (signal.aborted) throw error;
      return { exemplars: [], warnings: [`Exemplars could not be loaded: ${asPromkitError(error).message}`] };
    }
  }

  /** Shares a request with an identical one in flight, or reuses a fresh answer, or sends it; a key's kind (`range`, `alerts`…) fixes its answer's type. */
  async #shared<T>(
    ds: string,
    key: string,
    fresh: boolean,
    signal: AbortSignal,
    send: (signal: AbortSignal) => Promise<T>,
  ): Promise<{ answer: T; source: ResultSource }> {
    const cached = this.#cache.get(key);
    if (cached && !fresh && this.#options.now() - cached.at < this.#options.cacheTtl) {
      this.stats.cached += 1;
      return { answer: cached.answer as T, source: 'cache' };
    }
    let flight = this.#inFlight.get(key) as InFlight<T> | undefined;
    // A request whose every waiter left was aborted; it is not shared, even before it settles.
    if (flight?.controller.signal.aborted) flight = undefined;
    let source: ResultSource = 'shared';
    if (flight) {
      flight.users += 1;
      this.stats.shared += 1;
    } else {
      source = 'network';
      const controller = new AbortController();
      const limiter = this.#limiter(ds);
      const promise = limiter.run(() => {
        this.stats.requests += 1;
        return send(controller.signal);
      }, controller.signal);
      flight = { promise, controller, users: 1 };
      const current = flight;
      this.#inFlight.set(key, current);
      promise.then(
        (answer) => remember(this.#cache, key, { at: this.#options.now(), answer }),
        () => undefined,
      ).finally(() => {
        if (this.#inFlight.get(key) === current) this.#inFlight.delete(key);
      });
    }
    return { answer: await waitFor(flight, signal), source };
  }

  #limiter(ds: string): Limiter {
    let limiter = this.#limiters.get(ds);
    if (!limiter) this.#limiters.set(ds, (limiter = new Limiter(this.#options.concurrency)));
    return limiter;
  }
}

/** Waits for a shared request; leaving aborts it once nobody else waits for it. */
function waitFor<T>(flight: InFlight<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return leave(flight, signal);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => leave(flight, signal).catch(reject);
    signal.addEventListener('abort', onAbort, { once: true });
    flight.promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function leave(flight: InFlight, signal: AbortSignal): Promise<never> {
  flight.users -= 1;
  if (flight.users === 0) flight.controller.abort(signal.reason);
  return Promise.reject(new CanceledError('Query canceled.', { cause: signal.reason }));
}

/** Inserts as the newest entry, dropping the oldest beyond the cap. */
function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > MAX_CACHED) map.delete(map.keys().next().value!);
}

function answerOf(result: Parameters<typeof toFrames>[0]): Answer {
  return { frames: toFrames(result), warnings: result.warnings, infos: result.infos };
}

function canceled(signal: AbortSignal, key: string): PromkitError {
  return isPromkitError(signal.reason, 'CanceledError')
    ? signal.reason
    : new CanceledError(`Query for panel "${key}" canceled.`, { cause: signal.reason });
}

function parseError(expr: string, syntax: NonNullable<ReturnType<typeof checkPromQL>>): QueryParseError {
  const message = `PromQL parse error at line ${syntax.line}, column ${syntax.column}: ${syntax.message} (in ${expr})`;
  const error = new QueryParseError(message, 0, { errorType: 'bad_data', error: syntax.message, warnings: [], infos: [] });
  error.position = { line: syntax.line, column: syntax.column };
  return error;
}

function asPromkitError(error: unknown): PromkitError {
  return isPromkitError(error) ? error : new PromkitError(`Query failed: ${String(error)}`, { cause: error });
}
