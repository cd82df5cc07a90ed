/**
 * Runs a dashboard: builds its datasource clients and query engine, resolves its variables
 * against them, and publishes the context every panel inside queries on (Lit context). Each
 * publication is a new revision: panels query again. A range change first re-resolves the
 * variables that refresh with the time; a refresh first retries the variables whose query
 * failed. Events go out on the host: prom-refresh when a refresh starts, prom-error once per
 * variable that cannot be resolved.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ContextProvider } from '@lit/context';
import {
  DatasourceRegistry,
  QueryEngine,
  hostSourceOf,
  isPromkitError,
  resolveRange,
  resolveVariables,
  valuesOf,
  weekStartsOn,
  withDefaultUrl,
  type ClientFactoryOptions,
  type Dashboard,
  type HostDatasource,
  type PromkitError,
  type VariableValues,
  type HostSource,
  type RawTimeRange,
  type ResolvedVariable,
} from '@promkit/core';
import { dashboardContext, type DashboardContext } from '../internal/dashboard-context.js';
import { PromErrorEvent } from '../events/error-event.js';
import { PromRefreshEvent } from '../events/refresh-event.js';
import { PromStreamStateEvent } from '../events/stream-state-event.js';
import { StreamSource } from '../internal/stream-source.js';
import { DashboardAnnotations } from './dashboard-annotations.js';

/** Why panels query again: a refresh tick, a refresh a person asked for, or a changed setting. */
export type RunReason = DashboardContext['reason'];

/** What the controller reads from its host each time it runs. */
export interface DashboardRunSource {
  definition(): Dashboard | undefined;
  range(): RawTimeRange;
  timeZone(): string;
  /** The host's variable selections by name. */
  selections(): Record<string, string | string[]> | undefined;
  /** The Prometheus URL that replaces the default datasource's. */
  url(): string | undefined;
  clientOptions(): ClientFactoryOptions;
  /** Names of annotations the toolbar turned off. */
  hiddenAnnotations(): ReadonlySet<string>;
  /** Where links to Grafana dashboards go (`{uid}`), if anywhere. */
  dashboardUrl(): string | undefined;
  /** The dashboard's own host sources by name (they win over the page's registered ones). */
  sources(): Readonly<Record<string, HostSource>> | undefined;
  /** A new context went out to the panels. */
  onPublished(): void;
}

let dashboardCount = 0;

export class DashboardRunController implements ReactiveController {
  readonly #group = `prom-dashboard-${++dashboardCount}`;
  readonly #provider: ContextProvider<typeof dashboardContext>;
  #engine: QueryEngine | undefined;
  #registry: DatasourceRegistry | undefined;
  #revision = 0;
  #variables = new Map<string, ResolvedVariable>();
  /** One stream per host datasource that has one, made when a panel first asks. */
  readonly #streams = new Map<string, StreamSource>();
  readonly #annotations = new DashboardAnnotations(() => this.showAnnotations());
  /** Stream subscriptions that keep a host annotation's stream open with no panel on it. */
  #annotationStreams: (() => void)[] = [];

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly source: DashboardRunSource,
  ) {
    this.#provider = new ContextProvider(host, { context: dashboardContext });
    host.addController(this);
  }

  /** Resolved variables: options and current selection. */
  get variables(): ReadonlyMap<string, ResolvedVariable> {
    return this.#variables;
  }

  /** The current selection of each variable: a list for a multi-value variable, else one value. */
  get selections(): Record<string, string | string[]> {
    return Object.fromEntries([...this.#variables].map(([name, v]) => [name, v.multi ? v.selected : (v.selected[0] ?? '')]));
  }

  /** Whether a context went out yet (panels wait for it, or they would start on their own). */
  get published(): boolean {
    return this.#revision > 0;
  }

  hostConnected(): void {
    if (this.source.definition() && !this.#engine) this.start();
  }

  hostDisconnected(): void {
    this.#engine?.dispose();
    this.#engine = undefined;
    this.#closeStreams();
  }

  #closeStreams(): void {
    for (const stop of this.#annotationStreams) stop();
    this.#annotationStreams = [];
    for (const stream of this.#streams.values()) stream.dispose();
    this.#streams.clear();
    this.#annotations.dispose();
  }

  /** What went wrong per annotation name (shown at its toolbar toggle). */
  get annotationProblems(): ReadonlyMap<string, PromkitError> {
    return this.#annotations.problems;
  }

  /** Gives the panels the annotation events again (new ones arrived, or the toolbar turned one off or on). */
  showAnnotations(): void {
    const current = this.#provider.value;
    const hidden = this.source.hiddenAnnotations();
    if (current) this.#provider.setValue({ ...current, annotations: this.#annotations.events.filter((e) => !hidden.has(e.annotation)) });
    this.host.requestUpdate();
  }

  /** Resolves the annotations for the range of the revision just published. */
  #resolveAnnotations(d: Dashboard, registry: DatasourceRegistry, variables: VariableValues): void {
    if (d.annotations.length === 0) return;
    const range = resolveRange(this.source.range(), { timeZone: this.source.timeZone(), weekStartsOn: weekStartsOn(d.weekStart) });
    if (this.#annotationStreams.length === 0) {
      for (const a of d.annotations) {
        const ds = a.type === 'host' && a.enabled ? hostOrUndefined(registry, a.datasource) : undefined;
        if (ds?.stream === undefined) continue;
        const request = { datasource: ds.name, targets: [], range, step: 0, variables: {}, signal: new AbortController().signal };
        this.#annotationStreams.push(this.#streamOf(ds).subscribe(request, () => undefined));
      }
    }
    void this.#annotations.resolve(d, range, variables, {
      client: (name) => registry.client(name),
      source: (name) => this.#sourceOf(name),
      defaultDatasource: registry.defaultName,
    });
  }

  /** The stream of a host datasource: its connection is shared by every panel that shows it. */
  #streamOf(ds: HostDatasource): StreamSource {
    let stream = this.#streams.get(ds.name);
    if (!stream) {
      const fetch = this.source.clientOptions().clientOptions?.fetch;
      stream = new StreamSource({
        url: ds.stream!,
        ...(fetch ? { fetch } : {}),
        onState: (status) => this.host.dispatchEvent(new PromStreamStateEvent({ ...status, datasource: ds.name })),
        onProblem: (error) => this.host.dispatchEvent(new PromErrorEvent({ error })),
        onAnnotations: (channel, events) => this.#annotations.push(ds.name, channel, events),
      });
      this.#streams.set(ds.name, stream);
    }
    return stream;
  }

  /** Builds clients and engine, then resolves every variable and tells the panels. */
  start(): void {
    const d = this.source.definition();
    if (!d) return;
    this.#engine?.dispose();
    this.#closeStreams();
    const registry = new DatasourceRegistry({ datasources: withDefaultUrl(d.datasources, this.source.url()) }, this.source.clientOptions());
    this.#registry = registry;
    this.#engine = new QueryEngine({ client: (name) => registry.client(name), source: (name) => this.#sourceOf(name) });
    void this.resolve(undefined);
  }

  /** The host source of a datasource: read each run, so a new `sources` property applies on the next one. */
  #sourceOf(name: string): HostSource | undefined {
    return this.#registry ? hostSourceOf(this.#registry, this.source.sources(), (ds) => this.#streamOf(ds))(name) : undefined;
  }

  /** Resolves variables (all, or those `changed` and their dependents), then re-queries the panels. */
  async resolve(changed: readonly string[] | undefined, reason: RunReason = 'change'): Promise<void> {
    const d = this.source.definition();
    const registry = this.#registry;
    if (!d || !registry) return;
    try {
      const range = resolveRange(this.source.range(), { timeZone: this.source.timeZone(), weekStartsOn: weekStartsOn(d.weekStart) });
      const before = this.#variables;
      const selections = this.source.selections();
      this.#variables = await resolveVariables(d, {
        client: (name) => registry.client(name),
        source: (name) => this.#sourceOf(name),
        defaultDatasource: registry.defaultName,
        range,
        builtins: { __range: `${Math.round((range.to - range.from) / 1000)}s` },
        ...(selections ? { selections } : {}),
        ...(changed ? { previous: before, refresh: new Set(changed) } : {}),
      });
      this.host.requestUpdate();
      // Each variable that could not be resolved shows it in its control; listeners hear of it once.
      for (const v of this.#variables.values()) {
        if (v.problem && before.get(v.name)?.problem !== v.problem) this.host.dispatchEvent(new PromErrorEvent({ error: v.problem.error }));
      }
    } catch (error) {
      if (isPromkitError(error)) this.host.dispatchEvent(new PromErrorEvent({ error }));
    }
    this.publish(reason, false, true);
  }

  /**
   * Publishes a new context revision: every panel queries again. `rangeChanged` first re-resolves
   * the variables that refresh with the time; a refresh (not a `change`) first retries the
   * variables that failed, unless they were just resolved (`variablesResolved`).
   */
  publish(reason: RunReason, rangeChanged = false, variablesResolved = false): void {
    const d = this.source.definition();
    if (!d || !this.#engine || !this.#registry) return;
    const timeVariables = d.variables.filter((v) => v.type === 'query' && v.refresh === 'time').map((v) => v.name);
    if (rangeChanged && timeVariables.length > 0) {
      void this.resolve(timeVariables);
      return;
    }
    if (reason !== 'change') this.host.dispatchEvent(new PromRefreshEvent({ reason }));
    // A refresh first retries the variables whose query failed, so panels get their values back.
    const failed = [...this.#variables.values()].filter((v) => v.problem?.kind === 'failed').map((v) => v.name);
    if (reason !== 'change' && !variablesResolved && failed.length > 0) {
      void this.resolve(failed, reason);
      return;
    }
    const hidden = this.source.hiddenAnnotations();
    const variables = valuesOf(this.#variables);
    this.#provider.setValue({
      engine: this.#engine,
      datasources: this.#registry,
      range: this.source.range(),
      timeZone: this.source.timeZone(),
      weekStartsOn: weekStartsOn(d.weekStart),
      variables,
      revision: ++this.#revision,
      reason,
      group: this.#group,
      dashboardUrl: this.source.dashboardUrl(),
      annotations: this.#annotations.events.filter((e) => !hidden.has(e.annotation)),
    });
    this.#resolveAnnotations(d, this.#registry, variables);
    this.source.onPublished();
  }
}

/** A host datasource by name; undefined for a Prometheus one or a name the dashboard lacks (the annotation then names the problem). */
function hostOrUndefined(registry: DatasourceRegistry, name: string): HostDatasource | undefined {
  try {
    return registry.host(name);
  } catch {
    return undefined;
  }
}
