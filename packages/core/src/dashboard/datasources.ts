/**
 * From a dashboard's datasource definitions to clients. Credentials never live in dashboard JSON:
 * a datasource names one with `authRef`, and the host application supplies it at run time.
 */
import { PrometheusClient, type Auth, type PrometheusClientOptions } from '../prometheus/client.js';
import { cortex, mimir, prometheus, thanos, victoriaMetrics, type BackendPreset } from '../prometheus/backends.js';
import { InvalidArgumentError } from '../prometheus/errors.js';
import type { Dashboard, Datasource, HostDatasource, PrometheusDatasource } from './schema.js';
import { parseDuration } from '../time/duration.js';

export interface ClientFactoryOptions {
  /** Supplies the credential a datasource names with `authRef`. */
  resolveAuth?: (ref: string, datasource: Datasource) => Auth | undefined;
  /** Options every client gets (fetch, timeout, retries, …); a datasource's own `timeout` wins. */
  clientOptions?: Omit<PrometheusClientOptions, 'url' | 'backend' | 'auth' | 'tenant'>;
}

function presetOf(ds: PrometheusDatasource): BackendPreset {
  switch (ds.backend) {
    case 'thanos':
      return thanos();
    case 'mimir':
      return mimir(ds.tenant === undefined ? {} : { tenant: ds.tenant });
    case 'cortex':
      return cortex(ds.tenant === undefined ? {} : { tenant: ds.tenant });
    case 'victoriametrics':
      return victoriaMetrics(ds.tenant === undefined ? {} : { tenant: ds.tenant });
    case 'prometheus':
      return prometheus();
  }
}

/** A client for one datasource definition. */
export function createClient(ds: PrometheusDatasource, options: ClientFactoryOptions = {}): PrometheusClient {
  let auth: Auth | undefined;
  if (ds.authRef !== undefined) {
    auth = options.resolveAuth?.(ds.authRef, ds);
    if (auth === undefined) {
      throw new InvalidArgumentError(
        `Datasource "${ds.name}" needs the credential "${ds.authRef}", and none was supplied: pass resolveAuth to supply it.`,
      );
    }
  }
  const headers = { ...options.clientOptions?.headers, ...ds.headers };
  const timeout = ds.timeout === undefined ? undefined : parseDuration(ds.timeout);
  return new PrometheusClient({
    ...options.clientOptions,
    url: ds.url,
    backend: presetOf(ds),
    headers,
    ...(timeout !== undefined ? { timeout: Math.round(timeout * 1000) } : {}),
    ...(auth ? { auth } : {}),
    ...(ds.tenant !== undefined && ds.backend === 'prometheus' ? { tenant: ds.tenant } : {}),
  });
}

/**
 * The datasources with the default one (the one marked `default`, else the first) pointed at
 * `url`, as a host's Prometheus URL asks; with no datasources, one default Prometheus datasource
 * at `url`. Without a `url`, the datasources as they are.
 */
export function withDefaultUrl(datasources: readonly Datasource[], url: string | undefined): Datasource[] {
  if (!url) return [...datasources];
  const prometheusOnes = datasources.filter((ds): ds is PrometheusDatasource => ds.type !== 'host');
  const main = prometheusOnes.find((ds) => ds.default) ?? prometheusOnes[0];
  if (!main) return datasources.length ? [...datasources] : [{ name: 'default', type: 'prometheus', url, backend: 'prometheus', scrapeInterval: '15s', default: true }];
  return datasources.map((ds) => (ds === main ? { ...ds, url } : ds));
}

/** Clients by datasource name, created on first use; the default answers for panels naming none. */
export class DatasourceRegistry {
  readonly #clients = new Map<string, PrometheusClient>();
  readonly #byName: Map<string, Datasource>;
  /** Name of the datasource used where none is named. */
  readonly defaultName: string;

  constructor(dashboard: Pick<Dashboard, 'datasources'>, readonly options: ClientFactoryOptions = {}) {
    this.#byName = new Map(dashboard.datasources.map((d) => [d.name, d]));
    this.defaultName = (dashboard.datasources.find((d) => d.default) ?? dashboard.datasources[0])?.name ?? '';
  }

  /** The datasource definition, by name (or the default for undefined/empty). */
  get(name?: string): Datasource {
    const ds = this.#byName.get(name || this.defaultName);
    if (!ds) {
      const known = [...this.#byName.keys()].map((n) => `"${n}"`).join(', ') || 'none';
      throw new InvalidArgumentError(`No datasource named "${name || '(default)'}" (known: ${known}).`);
    }
    return ds;
  }

  /** The client of a datasource, by name; a host datasource has none. */
  client(name?: string): PrometheusClient {
    const ds = this.get(name);
    if (ds.type === 'host') {
      throw new InvalidArgumentError(`Datasource "${ds.name}" is ${hostDescription(ds)}, not a Prometheus: it answers only panels and variables, through its source.`);
    }
    let client = this.#clients.get(ds.name);
    if (!client) this.#clients.set(ds.name, (client = createClient(ds, this.options)));
    return client;
  }

  /** The scrape interval of a datasource, in seconds (15 for a host datasource, which has none). */
  scrapeInterval(name?: string): number {
    const ds = this.get(name);
    return (ds.type === 'host' ? undefined : parseDuration(ds.scrapeInterval)) ?? 15;
  }

  /** A host datasource by name; undefined for a Prometheus one. */
  host(name?: string): HostDatasource | undefined {
    const ds = this.get(name);
    return ds.type === 'host' ? ds : undefined;
  }
}

/** What a host datasource is, for messages: the page's source "x", the stream at y, or both. */
export function hostDescription(ds: HostDatasource): string {
  const parts = [ds.source !== undefined ? `the host app's source "${ds.source}"` : undefined, ds.stream !== undefined ? `the stream at ${ds.stream}` : undefined];
  return parts.filter(Boolean).join(' with ');
}
