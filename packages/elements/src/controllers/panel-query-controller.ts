/**
 * Runs a panel's queries: the load state, the last results and error, the refreshing flag, the
 * abort of a run that a newer one supersedes, and the panel's own query engine when it stands
 * alone (inside a dashboard the dashboard's engine, range and variables apply). Frames the host
 * gives are shown instead, with no request. An alert list asks for the datasource's active alerts
 * instead of running targets. Several triggers in one task (attributes, context,
 * connection) make one run. Events go out on the host:
 * prom-refresh when a run starts, prom-error per failure, prom-data with the results.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  computeTiming,
  hostTargetResults,
  PrometheusClient,
  PromkitError,
  QueryEngine,
  SchemaError,
  isPromkitError,
  isRelative,
  panelRange,
  parseDuration,
  resolveInterval,
  resolveDatasourceRef,
  resolveRange,
  appendFrames,
  CanceledError,
  alertLabelFilter,
  alertRows,
  interpolateText,
  framesByRefId,
  type AlertRuleRow,
  type Frame,
  type HostFrames,
  type LiveWindow,
  type Panel,
  type StreamPush,
  type StreamStatus,
  type RawTimeRange,
  type PanelType,
  type TargetResult,
  type TimeRange,
  type VariableValues,
} from '@promkit/core';
import type { DashboardContext } from '../internal/dashboard-context.js';
import { PromDataEvent } from '../events/data-event.js';
import { PromErrorEvent } from '../events/error-event.js';
import { PromRefreshEvent } from '../events/refresh-event.js';
import { PushedSamples } from './pushed-samples.js';

/** `invalid`: the settings cannot work (no query is sent); `error`: a query failed. */
export type LoadState = 'idle' | 'loading' | 'ready' | 'error' | 'invalid';
/** Why a run started; `manual` and `retry` bypass the engine's cache. */
export type LoadReason = 'interval' | 'retry' | 'manual' | 'change';

/** A standalone panel's own settings (and a repeated panel's scoped variables). */
export interface PanelQuerySettings {
  url: string | undefined;
  client: PrometheusClient | undefined;
  /** Query timeout as a duration such as `10s`. */
  timeout: string | undefined;
  /** Date math `from` or `from,to`. */
  range: string;
  timeZone: string | undefined;
  /** Scrape interval as a duration, for `$__rate_interval`. */
  scrapeInterval: string | undefined;
  scopedVars: VariableValues | undefined;
}

/** What the controller reads from its host at each run. */
export interface PanelQuerySource {
  /** The effective spec; throws when the settings are invalid. */
  spec(): Panel;
  /** The dashboard's context when inside one. */
  context(): DashboardContext | undefined;
  settings(): PanelQuerySettings;
  /** Frames the host gives, shown instead of querying. */
  frames(): HostFrames | undefined;
  /** The chart's width in pixels: about one point per pixel is asked for. */
  width(): number;
  /** The samples kept of pushed series (`max-points`, `max-age`). */
  window(): LiveWindow;
}

/** What a query run needs besides the spec. */
interface PanelSetup {
  engine: QueryEngine;
  datasource: string;
  range: TimeRange;
  live: boolean;
  variables: DashboardContext['variables'];
  scrapeInterval: number;
}

/** The element properties a run depends on: a change to one of them runs the queries again. */
export const QUERY_PROPERTIES = ['frames', 'url', 'query', 'type', 'range', 'spec', 'client', 'datasource', 'instant', 'legendFormat', 'timeZone', 'scopedVars', 'scrapeInterval', 'timeout'] as const;

const CHART_TYPES: ReadonlySet<PanelType> = new Set(['timeseries', 'gauge', 'heatmap']);
let panelCount = 0;

export class PanelQueryController implements ReactiveController {
  state: LoadState = 'idle';
  results: TargetResult[] = [];
  /** An alert list's rules, as its options filter and sort them. */
  alertRows: AlertRuleRow[] = [];
  error: PromkitError | undefined;
  /** A run is under way while data is shown. */
  refreshing = false;
  /** The resolved range of the data shown (the x axis spans it). */
  range: TimeRange | undefined;
  /** The key of this panel's queries in the engine. */
  readonly key = `prom-panel-${++panelCount}`;
  /** A streaming host source's connection state, while one pushes to this panel. */
  streamStatus: StreamStatus | undefined;
  #ownEngine: QueryEngine | undefined;
  #abort: AbortController | undefined;
  #queued = false;
  /** The range of the last run ends at now. */
  #live = false;
  /** The engine this panel's stream is subscribed on. */
  #streaming: QueryEngine | undefined;
  readonly #pushed = new PushedSamples(
    (pushed) => this.#addPushed(pushed),
    () => this.source.window(),
  );
  /** Counts runs: a stream's pushes meant for an earlier run are dropped. */
  #pushRun = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly source: PanelQuerySource,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.state !== 'idle') this.schedule('change');
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.#stopStream();
    this.resetEngine();
  }

  #stopStream(): void {
    this.#streaming?.unsubscribe(this.key);
    this.#streaming = undefined;
    this.#pushRun++;
    this.#pushed.clear();
    this.#set({ streamStatus: undefined });
  }

  /** The push handler of a new run: what it pushes is checked, then added at the next frame; earlier runs' pushes stop counting. */
  #pushHandler(): StreamPush {
    const run = ++this.#pushRun;
    this.#pushed.clear();
    return (frames) => {
      if (run !== this.#pushRun) return;
      let incoming: Record<string, Frame[]>;
      try {
        incoming = framesByRefId(frames, 'push');
      } catch (error) {
        this.host.dispatchEvent(new PromErrorEvent({ error: asError(error) }));
        return;
      }
      for (const [refId, list] of Object.entries(incoming)) this.#pushed.add(refId, list);
    };
  }

  /**
   * Adds pushed samples to the results shown. With a range that ends at now, the range moves on to
   * the newest sample, so the chart scrolls as data arrives.
   */
  #addPushed(pushed: ReadonlyMap<string, readonly Frame[]>): void {
    const window = this.source.window();
    const results = this.results.map((t) => (pushed.has(t.refId) ? { ...t, frames: appendFrames(t.frames, pushed.get(t.refId)!, window) } : t));
    const newest = Math.max(...[...pushed.values()].flat().map((f) => f.timestamps[f.timestamps.length - 1] ?? 0));
    if (this.range && this.#live && newest > this.range.to) this.range = { from: this.range.from + (newest - this.range.to), to: newest };
    this.#set({ results });
  }

  /** Drops the standalone engine (its url, client or timeout changed); the next run makes one. */
  resetEngine(): void {
    this.#ownEngine?.dispose();
    this.#ownEngine = undefined;
  }

  /** Several triggers in one task make one run. */
  schedule(reason: LoadReason): void {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      void this.load(reason);
    });
  }

  /** Runs the panel's queries now, aborting a run still under way. */
  async load(reason: LoadReason): Promise<void> {
    if (!this.host.isConnected) return;
    let spec: Panel;
    let setup: PanelSetup | undefined;
    try {
      spec = this.source.spec();
      if (spec.type === 'text') {
        this.#set({ state: 'ready' });
        return;
      }
      const frames = this.source.frames();
      if (frames) return this.#showHostFrames(spec, frames);
      setup = this.#setup(spec);
    } catch (error) {
      this.#fail(asError(error), 'invalid');
      return;
    }
    if (!setup) return;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    if (this.#streaming && this.#streaming !== setup.engine) this.#stopStream();
    this.#streaming = setup.engine;
    this.#live = setup.live;
    this.#set({ streamStatus: undefined });
    this.host.dispatchEvent(new PromRefreshEvent({ reason }));
    if (this.state === 'ready') this.#set({ refreshing: true });
    else this.#set({ state: 'loading' });
    try {
      if (spec.type === 'alertlist') {
        this.#set({ alertRows: await this.#alertRows(spec, setup, reason, abort.signal), error: undefined, state: 'ready' });
        this.host.dispatchEvent(new PromDataEvent({ targets: [] }));
        return;
      }
      const result = await setup.engine.run({
        key: this.key,
        datasource: setup.datasource,
        targets: spec.targets.map((t) => targetFor(spec.type, t)),
        range: setup.range,
        live: setup.live,
        variables: setup.variables,
        maxDataPoints: spec.maxDataPoints ?? Math.max(100, Math.round(this.source.width())),
        ...minIntervalOf(spec.interval, setup.variables),
        scrapeInterval: setup.scrapeInterval,
        fresh: reason === 'manual' || reason === 'retry',
        signal: abort.signal,
        onPush: this.#pushHandler(),
        onStreamState: (status) => this.#set({ streamStatus: status }),
      });
      this.#set({ results: result.targets });
      this.range = setup.range;
      const failures = result.targets.filter((t) => t.error);
      for (const t of failures) this.host.dispatchEvent(new PromErrorEvent({ error: t.error!, refId: t.refId }));
      if (failures.length > 0 && failures.length === result.targets.length) this.#set({ error: failures[0]!.error, state: 'error' });
      else this.#set({ error: undefined, state: 'ready' });
      this.host.dispatchEvent(new PromDataEvent({ targets: result.targets }));
    } catch (error) {
      if (isPromkitError(error, 'CanceledError')) return;
      // Only an alert list's label filter is read here: a filter that cannot work is a setting to fix, not a failure to retry.
      this.#fail(asError(error), error instanceof SchemaError ? 'invalid' : 'error');
    } finally {
      if (this.#abort === abort) {
        this.#abort = undefined;
        this.#set({ refreshing: false });
      }
    }
  }

  /** An alert list's rules: the datasource's active alerts, filtered (variables filled in) and sorted by the panel's options. */
  async #alertRows(spec: Panel, setup: PanelSetup, reason: LoadReason, signal: AbortSignal): Promise<AlertRuleRow[]> {
    const o = spec.options;
    const labelFilter = await alertLabelFilter(interpolateText(o.alertInstanceLabelFilter ?? '', setup.variables));
    const alerts = await setup.engine.alerts({ datasource: setup.datasource, fresh: reason === 'manual' || reason === 'retry', signal });
    if (signal.aborted) throw new CanceledError('A newer run of the alert list superseded this one.');
    return alertRows(alerts, { alertName: interpolateText(o.alertName ?? '', setup.variables), labelFilter, stateFilter: o.stateFilter, sortOrder: o.sortOrder, maxItems: o.maxItems });
  }

  /** Sets fields and asks for an update when one of them changed. */
  #set(patch: Partial<Pick<PanelQueryController, 'state' | 'results' | 'alertRows' | 'error' | 'refreshing' | 'streamStatus'>>): void {
    let changed = false;
    for (const [key, value] of Object.entries(patch) as [keyof typeof patch, never][]) {
      if (this[key] !== value) {
        this[key] = value;
        changed = true;
      }
    }
    if (changed) this.host.requestUpdate();
  }

  #fail(error: PromkitError, state: 'error' | 'invalid' = 'error'): void {
    this.#set({ error, state, refreshing: false });
    this.host.dispatchEvent(new PromErrorEvent({ error }));
  }

  /** Shows the host's frames as the results of a run (no request), with the timing of the panel's range. */
  #showHostFrames(spec: Panel, frames: HostFrames): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.#stopStream();
    const { range } = this.#range(spec);
    const timing = computeTiming({ range, maxDataPoints: spec.maxDataPoints ?? Math.max(100, Math.round(this.source.width())) });
    const results = hostTargetResults(frames, timing, 'targets' in spec ? spec.targets : []);
    this.range = range;
    this.#set({ results, error: undefined, state: 'ready', refreshing: false });
    this.host.dispatchEvent(new PromDataEvent({ targets: results }));
  }

  /** The panel's range as set (the dashboard's inside one, else the `range` setting) and resolved. */
  #range(spec: Panel): { raw: RawTimeRange; range: TimeRange } {
    const ctx = this.source.context();
    if (ctx) {
      const raw = panelRange(ctx.range, spec);
      return { raw, range: resolveRange(raw, { timeZone: ctx.timeZone, weekStartsOn: ctx.weekStartsOn }) };
    }
    const settings = this.source.settings();
    const [from, to = 'now'] = settings.range.split(',').map((s) => s.trim());
    const raw = panelRange({ from: from || 'now-1h', to }, spec);
    return { raw, range: resolveRange(raw, settings.timeZone ? { timeZone: settings.timeZone } : {}) };
  }

  /** Engine, datasource and range: the dashboard's when inside one, else the panel's own. */
  #setup(spec: Panel): PanelSetup | undefined {
    const ctx = this.source.context();
    const settings = this.source.settings();
    if (ctx) {
      const variables = { ...ctx.variables, ...settings.scopedVars };
      const datasource = ctx.datasources.get(resolveDatasourceRef(spec.datasource, variables));
      const { raw, range } = this.#range(spec);
      return {
        engine: ctx.engine,
        datasource: datasource.name,
        range,
        live: isRelative(raw),
        variables,
        scrapeInterval: ctx.datasources.scrapeInterval(datasource.name),
      };
    }
    if (!settings.client && !settings.url) {
      if (spec.targets.length === 0 && spec.type !== 'alertlist') return undefined;
      throw settingsError('url', 'No Prometheus to ask: set the url attribute (or the client property), or place the panel in a <prom-dashboard>.');
    }
    if (!this.#ownEngine) {
      const timeout = timeoutMs(settings.timeout);
      const client = settings.client ?? new PrometheusClient({ url: settings.url!, ...(timeout !== undefined ? { timeout } : {}) });
      this.#ownEngine = new QueryEngine({ client: () => client });
    }
    const { raw, range } = this.#range(spec);
    return {
      engine: this.#ownEngine,
      datasource: 'default',
      range,
      live: isRelative(raw),
      variables: {},
      scrapeInterval: scrapeSeconds(settings.scrapeInterval),
    };
  }
}

/** A target as a panel of `type` runs it: tables ask for the instant, and only time series draw (so fetch) exemplars. */
function targetFor(type: PanelType, target: Panel['targets'][number]): Panel['targets'][number] {
  const { exemplar, ...rest } = target;
  const shaped = CHART_TYPES.has(type) && type !== 'gauge' ? rest : { ...rest, instant: rest.instant || type === 'table' };
  return exemplar && type === 'timeseries' ? { ...shaped, exemplar } : shaped;
}

/** The standalone scrape interval in seconds (default 15); a value that is no duration is a settings error. */
function scrapeSeconds(value: string | undefined): number {
  return durationSetting('scrape-interval', value, '15s') ?? 15;
}

/** The `timeout` attribute in milliseconds; a value that is no duration is a settings error. */
function timeoutMs(value: string | undefined): number | undefined {
  const seconds = durationSetting('timeout', value, '10s');
  return seconds === undefined ? undefined : Math.round(seconds * 1000);
}

/** A duration attribute in seconds, undefined when unset; anything but a positive duration is a settings error. */
function durationSetting(attribute: string, value: string | undefined, example: string): number | undefined {
  if (!value) return undefined;
  const seconds = parseDuration(value);
  if (seconds === undefined || seconds <= 0) {
    throw settingsError(attribute, `must be a duration such as ${example} or 1m, got ${JSON.stringify(value)}.`);
  }
  return seconds;
}

/** A setting that cannot work, as the problem at its attribute. */
function settingsError(path: string, message: string): SchemaError {
  return new SchemaError(`${path}: ${message}`, [{ path, message }]);
}

function asError(error: unknown): PromkitError {
  return isPromkitError(error) ? error : new PromkitError(String((error as Error)?.message ?? error), { cause: error });
}

/** The panel's min interval in seconds, its variable filled in; nothing when unset or not a duration once filled in. */
function minIntervalOf(interval: string | undefined, variables: VariableValues | undefined): { minInterval?: number } {
  const seconds = resolveInterval(interval, variables);
  return seconds === undefined ? {} : { minInterval: seconds };
}
