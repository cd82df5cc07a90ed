/**
 * The read endpoints the proxy forwards, and nothing else: no admin APIs, no remote write, no
 * lifecycle endpoints, no targets or flags (which reveal infrastructure). The active alerts are
 * read (alert lists): what `ALERTS` already answers through `query`, with the rules' annotations.
 */

/** Endpoint names, for the `allow` option. */
export const READ_ENDPOINTS = ['query', 'query_range', 'series', 'labels', 'label_values', 'metadata', 'buildinfo', 'format_query', 'alerts'] as const;
export type ReadEndpoint = (typeof READ_ENDPOINTS)[number];

interface Route {
  endpoint: ReadEndpoint;
  /** Accepts form-encoded POST as well as GET. */
  post: boolean;
}

const FIXED: Record<string, Route> = {
  '/api/v1/query': { endpoint: 'query', post: true },
  '/api/v1/query_range': { endpoint: 'query_range', post: true },
  '/api/v1/series': { endpoint: 'series', post: true },
  '/api/v1/labels': { endpoint: 'labels', post: true },
  '/api/v1/metadata': { endpoint: 'metadata', post: false },
  '/api/v1/status/buildinfo': { endpoint: 'buildinfo', post: false },
  // Only parses and prints the query it is given: the query editor's Format.
  '/api/v1/format_query': { endpoint: 'format_query', post: true },
  '/api/v1/alerts': { endpoint: 'alerts', post: false },
};
const LABEL_VALUES = /^\/api\/v1\/label\/([A-Za-z_][A-Za-z0-9_]*)\/values$/;

/** The route of an API path, or undefined when the proxy does not forward it. */
export function routeOf(path: string): Route | undefined {
  if (FIXED[path]) return FIXED[path];
  if (LABEL_VALUES.test(path)) return { endpoint: 'label_values', post: false };
  return undefined;
}

/**
 * The request path below the proxy's mount point, or undefined when it tries to leave it:
 * dot segments, encoded slashes or dots, backslashes and empty segments are refused outright.
 */
export function apiPath(pathname: string, basePath: string): string | undefined {
  if (/%2f|%5c|%2e|\\/i.test(pathname) || /(^|\/)\.\.?(\/|$)/.test(pathname) || pathname.includes('//')) return undefined;
  const base = basePath.replace(/\/+$/, '');
  if (base && !pathname.startsWith(`${base}/`)) return undefined;
  return pathname.slice(base.length);
}
