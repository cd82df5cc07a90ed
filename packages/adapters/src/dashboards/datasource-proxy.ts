/**
 * The credentials proxy for datasources the service stores: `{basePath}/{id}/api/v1/…` is
 * forwarded to that datasource's URL with its credentials opened on the server, through the
 * same read-only proxy as `createPrometheusProxy` (same endpoints, limits and refusals).
 */
import { createPrometheusProxy, type PrometheusProxyOptions } from '../proxy/proxy.js';
import { UID, problem } from './http.js';
import { secretBox } from './secrets.js';
import { serverClient } from './datasource-routes.js';
import type { DashboardStore } from './store.js';

export interface DatasourceProxyOptions {
  store: DashboardStore;
  /** Where it is mounted, e.g. `/api/datasources-proxy`: requests are `{basePath}/{id}/api/v1/…`. */
  basePath?: string;
  /** The service's secret key (default PROMKIT_SECRET_KEY). */
  secretKey?: string;
  limits?: PrometheusProxyOptions['limits'];
  /** fetch for the upstream (tests, custom agents). */
  fetch?: typeof globalThis.fetch;
}

/** Creates the handler. */
export function createDatasourceProxy(options: DatasourceProxyOptions): (request: Request) => Promise<Response> {
  const base = (options.basePath ?? '').replace(/\/+$/, '');
  const key = options.secretKey ?? globalThis.process?.env?.['PROMKIT_SECRET_KEY'];
  const box = key ? secretBox(key) : undefined;
  return async (request) => {
    const path = new URL(request.url).pathname;
    const id = path.startsWith(`${base}/`) ? path.slice(base.length + 1).split('/')[0]! : '';
    if (!UID.test(id)) return problem(404, 'not_found', `requests here are ${base}/{datasource id}/api/v1/…`);
    const stored = await options.store.getDatasource(id);
    if (!stored) return problem(404, 'not_found', `no datasource with id ${id}`);
    const opened = await serverClient(stored, box, { origin: new URL(request.url).origin });
    if ('refused' in opened) return opened.refused;
    const proxy = createPrometheusProxy({
      upstream: opened.definition.url,
      basePath: `${base}/${id}`,
      ...(opened.auth ? { auth: opened.auth } : {}),
      ...(opened.definition.tenant ? { tenant: opened.definition.tenant } : {}),
      ...(options.limits ? { limits: options.limits } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    return proxy(request);
  };
}
