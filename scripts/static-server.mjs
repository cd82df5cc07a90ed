// @ts-check
/** Serves the repository's files read-only on a loopback port, for the demo pages. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { listenOnLoopback } from '../tests/harness/listen.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * @param {string} root directory to serve
 * @param {Record<string, import('node:http').RequestListener>} [mounts] path prefix → listener
 *   that answers everything under it instead (e.g. a Prometheus proxy under `/prometheus/`)
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export async function serveStatic(root, mounts = {}) {
  const server = createServer(async (req, res) => {
    const mounted = Object.entries(mounts).find(([prefix]) => req.url?.startsWith(prefix));
    if (mounted) return mounted[1](req, res);
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path));
    if (req.method !== 'GET' || !file.startsWith(root + sep) || file.includes(`${sep}node_modules${sep}`)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      res.writeHead(200, { 'content-type': TYPES[/** @type {keyof TYPES} */ (extname(file))] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
    }
  });
  const port = await listenOnLoopback(server);
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * The demo's site: the repository's files, plus the credentials proxy at /prometheus forwarding to
 * `upstream`, so pages ask their own origin (no CORS), the dashboard service at /api keeping what
 * the Builder page saves in PGlite under `dataDir` (a first start adds the demo datasource, at
 * /prometheus), and the demo's icon at /favicon.ico. Needs the built @promkit/adapters.
 * @param {string} root
 * @param {string} upstream Prometheus base URL
 * @param {{ dataDir: string, mounts?: Record<string, import('node:http').RequestListener> }} options
 *   mounts: more path prefixes answered by a listener of their own (the data-quality example's API)
 */
export async function serveDemoSite(root, upstream, options) {
  const { createPrometheusProxy, toNodeHandler } = await import('@promkit/adapters/proxy');
  const { createDashboardService, pgliteDashboardStore } = await import('@promkit/adapters/dashboards');
  const store = await pgliteDashboardStore({ dataDir: options.dataDir });
  const service = createDashboardService({ store, basePath: '/api' });
  if ((await store.listDatasources()).length === 0) {
    const json = (/** @type {unknown} */ body) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const created = await service(new Request('http://demo.local/api/datasources', json({ datasource: { name: 'demo', url: '/prometheus', scrapeInterval: '5s' } })));
    const { id } = /** @type {{ id: string }} */ (await created.json());
    await service(new Request(`http://demo.local/api/datasources/${id}/default`, { method: 'POST' }));
  }
  const site = await serveStatic(root, {
    ...options.mounts,
    '/prometheus/': toNodeHandler(createPrometheusProxy({ upstream, basePath: '/prometheus' })),
    '/api/': toNodeHandler(service),
    // Browsers ask /favicon.ico of pages that name no icon: the demo's, not a 404.
    '/favicon.ico': (_req, res) => {
      res.writeHead(200, { 'content-type': TYPES['.svg'] });
      createReadStream(join(root, 'examples/favicon.svg')).pipe(res);
    },
  });
  return {
    url: site.url,
    stop: async () => {
      await site.stop();
      await store.close();
    },
  };
}
