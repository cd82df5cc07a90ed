// @ts-check
/**
 * Browser tests in Debian's Chromium (never a downloaded browser), against a real Prometheus that
 * this config starts for the run. Packages resolve to their built `dist/` output, so the browser
 * runs what npm users get.
 */
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { build } from 'esbuild';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPrometheus } from './tests/harness/prometheus.mjs';
import { CLUSTER_FAMILIES } from './tests/harness/cluster-dataset.mjs';
import { startMisbehavingUpstream } from './tests/harness/misbehaving-upstream.mjs';
import { startStreamServer } from './tests/harness/stream-server.mjs';
import { startDataQuality } from './examples/data-quality/server.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from './scripts/chromium.mjs';
import { bundleReadmeSnippets } from './tests/harness/readme-snippets.mjs';

const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), 'test-output', 'screenshots');

/** @type {import('./tests/harness/prometheus.mjs').RunningPrometheus | undefined} */
let prometheus;
/** A second Prometheus holding a Kubernetes cluster's hour (tests/harness/cluster-dataset.mjs), for public Kubernetes dashboards. */
/** @type {import('./tests/harness/prometheus.mjs').RunningPrometheus | undefined} */
let cluster;
/** An upstream in front of that Prometheus that misbehaves on request (stalls, 500s, resets). */
/** @type {Awaited<ReturnType<typeof startMisbehavingUpstream>> | undefined} */
let misbehaving;
/** A host stream (SSE and WebSocket) over rows in a file, in a process the tests can kill. */
/** @type {import('./tests/harness/stream-server.mjs').RunningStreamServer | undefined} */
let streams;
/** The data-quality example's service (memory PGlite), at /dq/ as npm start serves it. */
/** @type {Awaited<ReturnType<typeof startDataQuality>> | undefined} */
let quality;

/** @type {import('koa').Middleware} */
async function dataQualityRoute(ctx, next) {
  if (!ctx.path.startsWith('/dq/') || !quality) return next();
  ctx.respond = false;
  await quality.handler(ctx.req, ctx.res);
}


/** The strict policy tests/browser/csp.test.ts holds the elements to (README: "Strict CSP and Trusted Types"). */
const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "require-trusted-types-for 'script'; trusted-types promkit dompurify lit-html";
const CSP_PAGE = '/tests/browser/fixtures/csp/index.html';

/**
 * Serves the CSP test page with the strict policy: enforced, or report-only with `?report-only`
 * (to list every violation without blocking anything).
 * @type {import('koa').Middleware}
 */
async function strictCspHeader(ctx, next) {
  await next();
  if (ctx.path !== CSP_PAGE) return;
  ctx.set('Cache-Control', 'no-store');
  ctx.set('report-only' in ctx.query ? 'Content-Security-Policy-Report-Only' : 'Content-Security-Policy', STRICT_CSP);
}

/**
 * The chunked build's CodeMirror chunk comes 300 ms late, as over a slow connection: the chunked
 * script test sees what a query editor shows while its code is on the way.
 * @type {import('koa').Middleware}
 */
async function slowEditorChunk(ctx, next) {
  if (/^\/packages\/elements\/dist\/cdn\/chunks\/editor-code\.[^/]+\.js$/.test(ctx.path)) await new Promise((resolve) => setTimeout(resolve, 300));
  await next();
}

/**
 * `connect-src 'self'` lets the CSP page reach only its own origin: `/csp-prometheus/*` is the
 * real Prometheus, forwarded with method, query string, body and content type.
 * @type {import('koa').Middleware}
 */
async function cspPrometheusProxy(ctx, next) {
  // `/prometheus/` too: the example pages ask it, as npm start serves them.
  const prefix = ['/csp-prometheus/', '/prometheus/'].find((p) => ctx.path.startsWith(p));
  if (!prefix || !prometheus) return next();
  const target = `${prometheus.url.replace(/\/+$/, '')}/${ctx.path.slice(prefix.length)}${ctx.search}`;
  const chunks = [];
  for await (const chunk of ctx.req) chunks.push(chunk);
  const type = ctx.get('content-type');
  const response = await fetch(target, {
    method: ctx.method,
    headers: type ? { 'content-type': type } : {},
    body: ctx.method === 'GET' || ctx.method === 'HEAD' ? undefined : Buffer.concat(chunks),
  });
  ctx.status = response.status;
  ctx.type = response.headers.get('content-type') ?? 'application/octet-stream';
  ctx.body = Buffer.from(await response.arrayBuffer());
}

/** The token the bearer-protected routes require (a test credential, not a secret). */
const BEARER_TOKEN = 'promkit-test-token';

/** fetch to the real Prometheus that answers 401 unless the request carries the bearer token, as a protected Prometheus would. */
async function bearerGatedFetch(input, init) {
  const request = new Request(input, init);
  if (request.headers.get('authorization') !== `Bearer ${BEARER_TOKEN}`) {
    return new Response(JSON.stringify({ status: 'error', errorType: 'unauthorized', error: 'missing or wrong bearer token' }), { status: 401, headers: { 'content-type': 'application/json' } });
  }
  const target = new URL(request.url);
  const upstream = new URL(prometheus?.url ?? 'http://127.0.0.1:9');
  target.protocol = upstream.protocol;
  target.host = upstream.host;
  return fetch(target, { method: request.method, headers: { 'content-type': request.headers.get('content-type') ?? 'text/plain' }, body: request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer() });
}

/**
 * Two routes with credentials, for tests that completion and queries carry them:
 * `/bearer-prometheus/*` is the real Prometheus behind a bearer-token check (a client with
 * `auth: { type: 'bearer', token: 'promkit-test-token' }` gets through), and `/proxy-prometheus/*`
 * is promkit's credentials proxy (`createPrometheusProxy`) adding that token upstream, so the
 * browser sends none.
 * @type {import('koa').Middleware}
 */
async function credentialRoutes(ctx, next) {
  const gate = '/bearer-prometheus/';
  const proxied = '/proxy-prometheus';
  if (!prometheus || !(ctx.path.startsWith(gate) || ctx.path.startsWith(`${proxied}/`))) return next();
  const chunks = [];
  for await (const chunk of ctx.req) chunks.push(chunk);
  const body = ctx.method === 'GET' || ctx.method === 'HEAD' ? undefined : Buffer.concat(chunks);
  const headers = new Headers();
  for (const name of ['authorization', 'content-type']) if (ctx.get(name)) headers.set(name, ctx.get(name));
  const url = `http://${ctx.host}${ctx.url}`;
  let response;
  if (ctx.path.startsWith(gate)) {
    response = await bearerGatedFetch(`${prometheus.url.replace(/\/+$/, '')}/${ctx.url.slice(gate.length)}`, { method: ctx.method, headers, body });
  } else {
    const { createPrometheusProxy } = await import('./packages/adapters/dist/proxy/index.js');
    const proxy = createPrometheusProxy({ upstream: prometheus.url, basePath: proxied, auth: { type: 'bearer', token: BEARER_TOKEN }, fetch: bearerGatedFetch });
    response = await proxy(new Request(url, { method: ctx.method, headers, body }));
  }
  ctx.status = response.status;
  ctx.type = response.headers.get('content-type') ?? 'application/octet-stream';
  ctx.body = Buffer.from(await response.arrayBuffer());
}

/** The dashboard service of the run (PGlite in memory), made on first use. */
let dashboardService;

/**
 * `/dashboard-service/*` is @promkit/adapters' dashboard service on an in-memory PGlite, for the
 * page-side stores and the builder's Save.
 * @type {import('koa').Middleware}
 */
async function dashboardServiceRoute(ctx, next) {
  const prefix = '/dashboard-service';
  if (!ctx.path.startsWith(`${prefix}/`)) return next();
  dashboardService ??= import('./packages/adapters/dist/dashboards/index.js').then(async ({ createDashboardService, pgliteDashboardStore }) =>
    createDashboardService({ store: await pgliteDashboardStore(), basePath: prefix }),
  );
  const chunks = [];
  for await (const chunk of ctx.req) chunks.push(chunk);
  const body = ctx.method === 'GET' || ctx.method === 'HEAD' || !chunks.length ? undefined : Buffer.concat(chunks);
  const headers = new Headers();
  if (ctx.get('content-type')) headers.set('content-type', ctx.get('content-type'));
  const response = await (await dashboardService)(new Request(`http://${ctx.host}${ctx.url}`, { method: ctx.method, headers, body }));
  ctx.status = response.status;
  for (const name of ['content-type', 'location', 'allow']) if (response.headers.get(name)) ctx.set(name, response.headers.get(name));
  ctx.body = response.status === 204 ? null : Buffer.from(await response.arrayBuffer());
}

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  // Element tests first: page-level tests then find a Prometheus with a minute of its own history.
  files: ['packages/elements/src/**/*.test.ts', 'packages/adapters/test/**/*.browser.test.ts', 'tests/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'production'] },
  concurrency: 1,
  browserStartTimeout: 60_000,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 30_000 } },
  middleware: [strictCspHeader, slowEditorChunk, cspPrometheusProxy, credentialRoutes, dashboardServiceRoute, dataQualityRoute],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022' }),
    {
      // React ships CommonJS only: bundle it once as ES modules (one shared React) and serve that.
      name: 'react-as-esm',
      async serverStart() {
        await build({
          entryPoints: { react: 'tests/browser/vendor/react.mjs', 'react-dom-client': 'tests/browser/vendor/react-dom-client.mjs' },
          bundle: true,
          splitting: true,
          format: 'esm',
          outdir: 'test-output/vendor',
          define: { 'process.env.NODE_ENV': '"production"' },
          logLevel: 'error',
        });
      },
      resolveImport({ source }) {
        if (source === 'react') return '/test-output/vendor/react.js';
        if (source === 'react-dom/client') return '/test-output/vendor/react-dom-client.js';
        return undefined;
      },
    },
    {
      name: 'real-prometheus',
      async serverStart() {
        [prometheus, cluster] = await Promise.all([startPrometheus({ live: true }), startPrometheus({ families: CLUSTER_FAMILIES })]);
        misbehaving = await startMisbehavingUpstream({ upstream: prometheus.url });
        streams = await startStreamServer();
        quality = await startDataQuality({ basePath: '/dq' });
        // The README's React and Vue blocks, bundled against this Prometheus for tests/browser/readme-frameworks.test.ts.
        const root = dirname(fileURLToPath(import.meta.url));
        await bundleReadmeSnippets({ root, outDir: join(root, 'test-output', 'readme-snippets'), prometheusUrl: prometheus.url });
      },
      async serverStop() {
        await misbehaving?.stop();
        await streams?.stop();
        await quality?.stop();
        await prometheus?.stop();
        await cluster?.stop();
      },
      /** Server commands the tests call: an outage of Prometheus, a touch drag, and element screenshots. */
      async executeCommand({ command, payload, session }) {
        if (command === 'prometheus-kill') {
          await prometheus?.kill();
          return true;
        }
        if (command === 'stream-insert') return streams?.insert(/** @type {any} */ (payload));
        if (command === 'stream-rows') return streams?.rows();
        if (command === 'stream-resumes') return streams?.resumes();
        if (command === 'dq-insert') {
          await quality?.query(/** @type {{ sql: string }} */ (payload).sql);
          return true;
        }
        if (command === 'dq-counts') {
          const { rows } = (await quality?.query('SELECT (SELECT count(*) FROM runs)::int AS total, (SELECT count(*) FROM drift_events)::int AS drift')) ?? { rows: [] };
          return rows[0];
        }
        if (command === 'stream-kill') {
          await streams?.kill();
          return true;
        }
        if (command === 'stream-restart') {
          await streams?.restart();
          return true;
        }
        if (command === 'prometheus-restart') {
          await prometheus?.restart();
          return true;
        }
        if (command === 'touch-drag') {
          // A finger on the page (Chromium's touch input, not mouse events): down at `from`, through each of `path`, up.
          const { from, path } = /** @type {{ from: [number, number], path: [number, number][] }} */ (payload);
          const page = /** @type {import('@web/test-runner-chrome').ChromeLauncher} */ (session.browser).getPage(session.id);
          await page.touchscreen.touchStart(from[0], from[1]);
          for (const [x, y] of path) await page.touchscreen.touchMove(x, y);
          await page.touchscreen.touchEnd();
          return true;
        }
        if (command === 'screenshot') {
          const { selector, name } = /** @type {{ selector: string, name: string }} */ (payload);
          const page = /** @type {import('@web/test-runner-chrome').ChromeLauncher} */ (session.browser).getPage(session.id);
          const element = await page.$(selector);
          if (!element) throw new Error(`screenshot: nothing matches ${selector}`);
          await mkdir(SCREENSHOTS, { recursive: true });
          await element.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
          return true;
        }
        return undefined;
      },
    },
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS },
      // High-DPI pages, so screenshots show whether charts stay crisp.
      createPage: async ({ context }) => {
        const page = await context.newPage();
        await page.setViewport({ width: 1280, height: 900, deviceScaleFactor: 2 });
        return page;
      },
    }),
  ],
  testRunnerHtml: (testFramework) => `<!doctype html>
<html>
  <body>
    <script>
      window.process = { env: { NODE_ENV: 'production' } };
      window.__PROMKIT_TEST__ = ${JSON.stringify({ prometheusUrl: prometheus?.url, clusterUrl: cluster?.url, misbehavingUrl: misbehaving?.url, streamUrl: streams?.url })};
    </script>
    <script type="module" src="/tests/browser/readable-failures.ts"></script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
};
