/**
 * Sources of the host app's own data: a page registers one by name (`registerSource`) and a
 * dashboard's datasource of type `host` names it. A source answers a panel's targets for a range
 * with frames; the request's AbortSignal is aborted when a newer run supersedes it.
 */
import type { VariableValues } from '../promql/interpolate.js';
import { InvalidArgumentError } from '../prometheus/errors.js';
import type { HostFrames } from './frames.js';
import type { HostDatasource } from '../dashboard/schema.js';
import type { StreamStatus } from './stream.js';
import type { AnnotationInput } from '../annotations/events.js';

/** Variable selections as a source reads them: a value, or the values of a multi-value variable. */
export type SelectedValues = Readonly<Record<string, string | readonly string[]>>;

/** The selected values of interpolation values (their display texts and flags left out). */
export function selectedValues(values: VariableValues | undefined): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(values ?? {}).map(([name, v]) => [name, typeof v === 'string' ? v : Array.isArray(v.value) ? [...v.value] : v.value]));
}

/** What a source is asked: one panel's targets (variables filled in) over a range. */
export interface HostQuery {
  /** The host datasource's name in the dashboard. */
  datasource: string;
  /** The panel's visible targets; `expr` is the source's own query text, variables filled in. */
  targets: readonly { refId: string; expr: string }[];
  /** Epoch ms. */
  range: { from: number; to: number };
  /** The step the chart's width calls for, in seconds (a source may ignore it). */
  step: number;
  /** The dashboard's variables: each selected value, or the list of a multi-value one. */
  variables: SelectedValues;
  /** Aborted when a newer run for the same panel supersedes this one, or the panel goes away. */
  signal: AbortSignal;
}

/** What a source is asked for a query variable's values: its query text, variables filled in. */
export interface HostValuesQuery {
  datasource: string;
  /** The variable's name, without `$`. */
  variable: string;
  query: string;
  /** Epoch ms. */
  range: { from: number; to: number };
  /** The variables resolved before this one, and the built-ins. */
  variables: SelectedValues;
  signal?: AbortSignal;
}

/** What a source is asked for a host annotation's events over a range. */
export interface HostAnnotationQuery {
  datasource: string;
  /** The annotation's name. */
  annotation: string;
  /** The annotation's query, variables filled in. */
  query: string;
  /** Epoch ms. */
  range: { from: number; to: number };
  variables: SelectedValues;
  signal: AbortSignal;
}

/** New samples a source pushes: frames per refId (or a list for target A), added to what the panel shows. */
export type StreamPush = (frames: HostFrames) => void;

/**
 * The host's data for panels: frames per refId (or a list for target A). A source that also
 * offers `values` can feed a dashboard's query variables, `annotations` its host annotations, and one with `subscribe` pushes new
 * samples after each answer until the request's signal is aborted (a newer run, the panel gone)
 * or the function it returns is called; `report` shows a connection's state on the panel.
 */
export interface HostSource {
  query(request: HostQuery): HostFrames | Promise<HostFrames>;
  values?(request: HostValuesQuery): readonly string[] | Promise<readonly string[]>;
  annotations?(request: HostAnnotationQuery): readonly AnnotationInput[] | Promise<readonly AnnotationInput[]>;
  subscribe?(request: HostQuery, push: StreamPush, report?: (status: StreamStatus) => void): (() => void) | void;
}

const registered = new Map<string, HostSource>();

/**
 * Makes `source` answer the datasources of type `host` whose `source` is `name`, on every
 * dashboard of the page (a dashboard's own `sources` property wins). Registering a name again
 * replaces its source.
 */
export function registerSource(name: string, source: HostSource): void {
  if (typeof name !== 'string' || name.trim() === '') throw new InvalidArgumentError(`registerSource needs a name, got ${JSON.stringify(name)}.`);
  if (typeof source?.query !== 'function') throw new InvalidArgumentError(`registerSource("${name}") needs a source with a query(request) function.`);
  registered.set(name, source);
}

/** Forgets the source registered as `name`. */
export function unregisterSource(name: string): void {
  registered.delete(name);
}

/** The source registered as `name`, if any. */
export function registeredSource(name: string): HostSource | undefined {
  return registered.get(name);
}

/** A source that refuses every query, saying what to register: what a datasource names when nothing is registered. */
export function missingSource(name: string): HostSource {
  return {
    query() {
      throw missing();
    },
    values() {
      throw missing();
    },
    annotations() {
      throw missing();
    },
  };
  function missing(): InvalidArgumentError {
    return new InvalidArgumentError(`No host source is registered as "${name}": call registerSource("${name}", { query }) before the dashboard loads, or give the dashboard a sources property with it.`);
  }
}

/** Asks a host source for a query variable's values; a source without `values` is a clear error. */
export async function hostValues(source: HostSource, request: HostValuesQuery): Promise<string[]> {
  if (typeof source.values !== 'function') {
    throw new InvalidArgumentError(`Variable $${request.variable}: the host source of datasource "${request.datasource}" has no values(request) function, so it cannot list values. Add one to the source, or use a custom variable.`);
  }
  const values = await source.values(request);
  if (!Array.isArray(values)) throw new InvalidArgumentError(`Variable $${request.variable}: the host source of datasource "${request.datasource}" answered values() with ${typeof values}, not a list of strings.`);
  return values.map((v) => String(v));
}

/**
 * The host source of each datasource name, for the query engine and variables. A datasource's
 * `source` is the dashboard's own (`own`) first, then the page's registered one, else one that
 * says what to register; its `stream` is what `streamOf` makes of it (none: nothing streams).
 * With both, answers come from the source and new samples from the stream. Undefined for a
 * Prometheus datasource (or an unknown name, which the Prometheus path reports).
 */
export function hostSourceOf(
  registry: { host(name?: string): HostDatasource | undefined },
  own?: Readonly<Record<string, HostSource>>,
  streamOf?: (datasource: HostDatasource) => HostSource | undefined,
): (datasource: string) => HostSource | undefined {
  return (datasource) => {
    let ds: HostDatasource | undefined;
    try {
      ds = registry.host(datasource);
    } catch {
      return undefined;
    }
    if (!ds) return undefined;
    const name = ds.source;
    const base = name === undefined ? undefined : ((own && Object.hasOwn(own, name) ? own[name] : undefined) ?? registered.get(name) ?? missingSource(name));
    const stream = ds.stream === undefined ? undefined : streamOf?.(ds);
    if (!stream) return base ?? NOTHING;
    if (!base) return stream;
    return {
      query: (request) => base.query(request),
      ...(base.values ? { values: (request: HostValuesQuery) => base.values!(request) } : {}),
      ...(base.annotations ? { annotations: (request: HostAnnotationQuery) => base.annotations!(request) } : {}),
      ...(stream.subscribe ? { subscribe: stream.subscribe.bind(stream) } : {}),
    };
  };
}

/** A stream-only datasource where nothing streams (an editor's preview): no data, no error. */
const NOTHING: HostSource = { query: () => [] };
