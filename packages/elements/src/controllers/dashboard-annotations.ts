/**
 * A dashboard's annotation events for its range: Prometheus annotations by a range query of their
 * expression, `events` ones as written, host ones from their datasource's source; events a stream
 * pushes for a host annotation are added as they arrive. Each annotation that fails keeps its
 * problem (the toolbar shows it) and the others are drawn.
 */
import {
  PromkitError,
  eventsInRange,
  eventsWithTags,
  hostEvents,
  interpolate,
  isPromkitError,
  parseDuration,
  selectedValues,
  seriesEvents,
  type Annotation,
  type AnnotationEvent,
  type Dashboard,
  type HostSource,
  type PrometheusClient,
  type TimeRange,
  type VariableValues,
} from '@promkit/core';

export interface AnnotationSources {
  client(datasource: string): PrometheusClient;
  source(datasource: string): HostSource | undefined;
  defaultDatasource: string;
}

export class DashboardAnnotations {
  #events: AnnotationEvent[] = [];
  /** Pushed events by annotation name, kept until the dashboard is rebuilt. */
  readonly #pushed = new Map<string, AnnotationEvent[]>();
  #problems = new Map<string, PromkitError>();
  #abort: AbortController | undefined;
  #annotations: readonly Annotation[] = [];
  #range: TimeRange | undefined;

  constructor(private readonly onChange: () => void) {}

  /** Every event of the range, resolved and pushed (those newer than its end too: they arrived live), in time order. */
  get events(): readonly AnnotationEvent[] {
    const from = this.#range?.from ?? Number.NEGATIVE_INFINITY;
    const pushed = [...this.#pushed.values()].flat().filter((e) => (e.timeEnd ?? e.time) >= from);
    return pushed.length ? [...this.#events, ...pushed].sort((a, b) => a.time - b.time) : this.#events;
  }

  /** What went wrong per annotation name. */
  get problems(): ReadonlyMap<string, PromkitError> {
    return this.#problems;
  }

  /** Resolves every enabled annotation for the range (a newer call aborts this one). */
  async resolve(d: Dashboard, range: TimeRange, variables: VariableValues, sources: AnnotationSources): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.#annotations = d.annotations;
    this.#range = range;
    const results = await Promise.all(
      d.annotations.filter((a) => a.enabled).map(async (a) => {
        try {
          return { name: a.name, events: eventsWithTags(await this.#eventsOf(a, range, variables, sources, abort.signal), a.tags, a.matchAny) };
        } catch (error) {
          return { name: a.name, error: isPromkitError(error) ? error : new PromkitError(`Annotation "${a.name}": ${(error as Error)?.message ?? String(error)}`, { cause: error }) };
        }
      }),
    );
    if (abort.signal.aborted) return;
    this.#events = results.flatMap((r) => r.events ?? []).sort((a, b) => a.time - b.time);
    this.#problems = new Map(results.flatMap((r) => (r.error ? [[r.name, r.error] as const] : [])));
    this.onChange();
  }

  /** Events a stream pushed for `datasource`: they go to its host annotations whose query is `channel` (all, without one). */
  push(datasource: string, channel: string | undefined, raw: unknown[]): void {
    const targets = this.#annotations.filter((a) => a.type === 'host' && a.enabled && a.datasource === datasource && (channel === undefined || a.query === channel));
    for (const a of targets) {
      try {
        const events = eventsWithTags(hostEvents(raw, { annotation: a.name, color: a.color }, `stream.annotations`), a.tags, a.matchAny);
        this.#pushed.set(a.name, [...(this.#pushed.get(a.name) ?? []), ...events].slice(-1000));
      } catch (error) {
        this.#problems = new Map([...this.#problems, [a.name, error as PromkitError]]);
      }
    }
    if (targets.length > 0) this.onChange();
  }

  dispose(): void {
    this.#abort?.abort();
    this.#pushed.clear();
    this.#events = [];
  }

  async #eventsOf(a: Annotation, range: TimeRange, variables: VariableValues, sources: AnnotationSources, signal: AbortSignal): Promise<AnnotationEvent[]> {
    const format = { annotation: a.name, color: a.color };
    if (a.type === 'events') return eventsInRange(hostEvents(a.events, format, `annotations.${a.name}`), range);
    if (a.type === 'host') {
      const source = sources.source(a.datasource);
      if (!source) throw new PromkitError(`Annotation "${a.name}": datasource "${a.datasource}" is not a datasource of type host of this dashboard, so it cannot answer a host annotation.`);
      if (typeof source.annotations !== 'function') return [];
      const raw = await source.annotations({ datasource: a.datasource, annotation: a.name, query: interpolate(a.query, variables), range: { from: range.from, to: range.to }, variables: selectedValues(variables), signal });
      return eventsInRange(hostEvents(raw, format, `annotation "${a.name}"`), range);
    }
    const datasource = interpolate(a.datasource ?? sources.defaultDatasource, variables);
    const stepSeconds = (a.step && parseDuration(a.step)) || Math.max(15, Math.ceil((range.to - range.from) / 1000 / 1000));
    const result = await sources.client(datasource).queryRangeFrames(
      { query: interpolate(a.expr, variables), start: new Date(range.from), end: new Date(range.to), step: stepSeconds },
      { signal },
    );
    return seriesEvents(result.frames, stepSeconds * 1000, { ...format, ...(a.titleFormat ? { titleFormat: a.titleFormat } : {}), ...(a.textFormat ? { textFormat: a.textFormat } : {}), ...(a.tagKeys ? { tagKeys: a.tagKeys } : {}) });
  }
}
