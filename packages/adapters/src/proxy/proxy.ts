/**
 * A Prometheus proxy for the browser's side of promkit: the page talks to your server, your
 * server adds the credentials and forwards only read endpoints. A standard `(Request) => Response`
 * handler, so it mounts in Next.js route handlers, Hono, Deno, Bun and, through `toNodeHandler`,
 * node:http and Express.
 */
import { authorizationHeader, tenantHeaders, type Auth } from '@promkit/core';
import { DEFAULT_LIMITS, checkLimits, type ProxyLimits } from './limits.js';
import { READ_ENDPOINTS, apiPath, routeOf, type ReadEndpoint } from './routes.js';
import { readBoundedText } from '../internal/bounded-body.js';

export interface PrometheusProxyOptions {
  /** The Prometheus (or Thanos, Mimir, VictoriaMetrics) API base, e.g. `http://prometheus:9090`. */
  upstream: string;
  /** Credentials the proxy adds; the browser's own Authorization and cookies are never forwarded. */
  auth?: Auth;
  /** Tenant sent upstream as `X-Scope-OrgID`. */
  tenant?: string;
  /** Extra headers for the upstream. */
  headers?: Record<string, string>;
  /** Endpoints to forward (default: all read endpoints). */
  allow?: readonly ReadEndpoint[];
  limits?: ProxyLimits;
  /** Where the proxy is mounted, stripped from request paths (e.g. `/api/prom`). */
  basePath?: string;
  /** fetch for the upstream (tests, custom agents). */
  fetch?: typeof globalThis.fetch;
}

/**
 * Headers from the upstream answer that reach the browser. Not content-encoding: fetch has
 * already decoded the body, so passing a gzip header on would make browsers fail to read it.
 */
const PASSED_BACK = ['content-type', 'cache-control', 'retry-after'];

/** Creates the handler. */
export function createPrometheusProxy(options: PrometheusProxyOptions): (request: Request) => Promise<Response> {
  const upstream = new URL(options.upstream.replace(/\/+$/, '') + '/');
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const allow = new Set<ReadEndpoint>(options.allow ?? READ_ENDPOINTS);
  const fetcher = options.fetch ?? globalThis.fetch;
  const upstreamHeaders = headersFor(options);
  // Credentials in the upstream URL go into headers, never into forwarded URLs or messages.
  const upstreamBase = `${upstream.protocol}//${upstream.host}${upstream.pathname.replace(/\/+$/, '')}`;

  return async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const path = apiPath(url.pathname, options.basePath ?? '');
    const route = path === undefined ? undefined : routeOf(path);
    if (path === undefined || !route || !allow.has(route.endpoint)) {
      return apiError(403, 'forbidden', `this proxy forwards only Prometheus read endpoints (${[...allow].join(', ')}); ${url.pathname} is not one`);
    }
    const method = request.method.toUpperCase();
    if (method !== 'GET' && !(method === 'POST' && route.post)) {
      return apiError(405, 'bad_data', `${method} is not allowed here; use ${route.post ? 'GET or POST' : 'GET'}`, {
        allow: route.post ? 'GET, POST' : 'GET',
      });
    }

    const params = new URLSearchParams(url.search);
    if (method === 'POST') {
      const body = await readBoundedText(request, limits.maxBodyBytes);
      if (body === undefined) return apiError(413, 'bad_data', `the request body is larger than this proxy allows (${limits.maxBodyBytes} bytes)`);
      for (const [k, v] of new URLSearchParams(body)) params.append(k, v);
    }
    const problem = checkLimits(route.endpoint, params, limits);
    if (problem) return apiError(400, 'bad_data', problem);

    const target = `${upstreamBase}${path}`;
    const init: RequestInit = {
      method,
      headers: { ...upstreamHeaders, ...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      signal: AbortSignal.any([AbortSignal.timeout(limits.timeoutMs), request.signal]),
      redirect: 'manual',
    };
    let answer: Response;
    try {
      answer = await fetcher(method === 'POST' ? target : `${target}?${params}`, method === 'POST' ? { ...init, body: params.toString() } : init);
    } catch (error) {
      if ((error as Error)?.name === 'TimeoutError') {
        return apiError(504, 'timeout', `Prometheus did not answer within ${limits.timeoutMs} ms`);
      }
      if (request.signal.aborted) return apiError(499, 'canceled', 'the client went away');
      return apiError(502, 'unavailable', 'Prometheus cannot be reached from the proxy');
    }
    const headers = new Headers();
    for (const name of PASSED_BACK) {
      const value = answer.headers.get(name);
      if (value !== null) headers.set(name, value);
    }
    if (answer.status >= 300 && answer.status < 400) {
      return apiError(502, 'unavailable', 'Prometheus answered with a redirect, which the proxy does not follow');
    }
    return new Response(answer.body, { status: answer.status, headers });
  };
}

function headersFor(options: PrometheusProxyOptions): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  const url = new URL(options.upstream);
  if (url.username || url.password) {
    headers['authorization'] = authorizationHeader({
      type: 'basic',
      username: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
    });
  }
  if (options.auth) headers['authorization'] = authorizationHeader(options.auth);
  for (const [name, value] of Object.entries(tenantHeaders(options.tenant))) headers[name.toLowerCase()] = value;
  return headers;
}


/** An error in Prometheus' own answer format, so promkit's client shows it as a typed error. */
function apiError(status: number, errorType: string, error: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ status: 'error', errorType, error: `promkit proxy: ${error}` }), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}
