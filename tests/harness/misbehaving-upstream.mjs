// @ts-check
/**
 * An upstream that misbehaves on purpose, for client, element and browser tests: it stalls before
 * or after the headers, answers 500/503, resets the connection, answers slowly, or passes requests
 * through to a real Prometheus. Listens on 127.0.0.1 only and forwards only to its one upstream.
 *
 * Which behaviour a request gets, first match wins:
 * - a path prefix: `<url>/mode/<mode>/api/v1/query` (usable as a client's base URL, `<url>/mode/<mode>`);
 * - a query parameter: `?__mode=<mode>` (removed before passing through);
 * - the current mode, set with `setMode(…)` or, from a browser too, `POST /__mode` with
 *   `{"mode": "...", "delayMs": 2000}` (JSON) or the bare mode name; `GET /__mode` reads it.
 * Every answer carries `Access-Control-Allow-Origin: *`, and preflights are answered.
 */
import { createServer } from 'node:http';
import { listenOnLoopback } from './listen.mjs';

/**
 * @typedef {'proxy' | 'slow' | 'stall-before-headers' | 'stall-after-headers' | 'stall-error-body'
 *   | 'error-500' | 'unavailable-503' | 'reset'} Mode
 * @typedef {{ mode: Mode, delayMs?: number }} Behaviour
 * @typedef {{ method: string, path: string, mode: Mode, closed: boolean }} SeenRequest
 */

/** @type {readonly Mode[]} */
export const MODES = [
  'proxy', // pass through to the upstream unchanged
  'slow', // pass through, the body trickling out over delayMs (default 1000)
  'stall-before-headers', // accept the request, never answer
  'stall-after-headers', // 200 + JSON headers + the start of a JSON body, then nothing
  'stall-error-body', // 500 + text headers + the start of a body, then nothing
  'error-500', // 500 with a plain-text body
  'unavailable-503', // 503 with a plain-text body (no Retry-After)
  'reset', // destroy the connection without answering
];

/** Start of a query answer, cut off where a stalled stream stops. */
const PARTIAL_JSON = '{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"up"},"values":[[1700000000,"1"],';
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-max-age': '600',
};

/** @param {unknown} value @returns {value is Mode} */
function isMode(value) {
  return typeof value === 'string' && /** @type {readonly string[]} */ (MODES).includes(value);
}

/** @param {import('node:http').IncomingMessage} req */
async function readBody(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return body;
}

/** @param {string} text @returns {Behaviour | undefined} */
function parseBehaviour(text) {
  const trimmed = text.trim();
  if (isMode(trimmed)) return { mode: trimmed };
  try {
    const value = JSON.parse(trimmed);
    if (isMode(value?.mode) && (value.delayMs === undefined || Number.isFinite(value.delayMs))) {
      return { mode: value.mode, ...(value.delayMs === undefined ? {} : { delayMs: value.delayMs }) };
    }
  } catch {
    // not JSON: refused below
  }
  return undefined;
}

/**
 * Starts the server. `upstream` is the real Prometheus that `proxy` and `slow` pass through to.
 * @param {{ upstream: string, mode?: Mode | Behaviour }} options
 */
export async function startMisbehavingUpstream({ upstream, mode = 'proxy' }) {
  const base = upstream.replace(/\/+$/, '');
  /** @type {Behaviour} */
  let current = typeof mode === 'string' ? { mode } : mode;
  /** @type {SeenRequest[]} */
  const requests = [];
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set();
  /** @type {Set<ReturnType<typeof setTimeout>>} */
  const timers = new Set();
  /** @param {number} ms */
  const sleep = (ms) =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve(undefined);
      }, ms);
      timers.add(timer);
    });

  const server = createServer(async (req, res) => {
    try {
      await handle(req, res);
    } catch (error) {
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(502, { ...CORS, 'content-type': 'text/plain' }).end(`misbehaving upstream: ${String(error)}\n`);
      } else {
        res.destroy();
      }
    }
  });
  server.on('connection', (socket) => {
    // Loopback only, even if someone binds it elsewhere by mistake.
    if (!['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(socket.remoteAddress ?? '')) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://loopback');
    if (req.method === 'OPTIONS') {
      const asked = req.headers['access-control-request-headers'];
      res.writeHead(204, { ...CORS, 'access-control-allow-headers': asked ?? '*' }).end();
      return;
    }
    if (url.pathname === '/__mode') {
      if (req.method === 'POST') {
        const next = parseBehaviour(await readBody(req));
        if (!next) {
          res.writeHead(400, { ...CORS, 'content-type': 'text/plain' }).end(`unknown mode; one of: ${MODES.join(', ')}\n`);
          return;
        }
        current = next;
      }
      res.writeHead(200, { ...CORS, 'content-type': 'application/json' }).end(JSON.stringify(current));
      return;
    }

    let behaviour = current;
    const prefixed = /^\/mode\/([^/]+)(\/.*)?$/.exec(url.pathname);
    if (prefixed && isMode(prefixed[1])) {
      behaviour = { mode: prefixed[1] };
      url.pathname = prefixed[2] ?? '/';
    }
    const asked = url.searchParams.get('__mode');
    if (isMode(asked)) behaviour = { mode: asked };
    url.searchParams.delete('__mode');
    /** @type {SeenRequest} */
    const seen = { method: req.method ?? '', path: url.pathname + url.search, mode: behaviour.mode, closed: false };
    requests.push(seen);
    res.on('close', () => (seen.closed = true));
    const body = await readBody(req);

    switch (behaviour.mode) {
      case 'stall-before-headers':
        return; // the socket stays open until the client gives up or stop()
      case 'stall-after-headers':
        res.writeHead(200, { ...CORS, 'content-type': 'application/json' });
        res.write(PARTIAL_JSON);
        return;
      case 'stall-error-body':
        res.writeHead(500, { ...CORS, 'content-type': 'text/plain' });
        res.write('500 Internal Server Error: upstream ');
        return;
      case 'error-500':
        res.writeHead(500, { ...CORS, 'content-type': 'text/plain' }).end('500 Internal Server Error: misbehaving upstream\n');
        return;
      case 'unavailable-503':
        res.writeHead(503, { ...CORS, 'content-type': 'text/plain' }).end('503 Service Unavailable: no healthy upstream\n');
        return;
      case 'reset':
        req.socket.resetAndDestroy();
        return;
      case 'proxy':
      case 'slow': {
        const answer = await fetch(base + url.pathname + url.search, {
          method: req.method,
          headers: req.headers['content-type'] ? { 'content-type': req.headers['content-type'] } : {},
          ...(req.method === 'POST' || req.method === 'PUT' ? { body } : {}),
        });
        const text = await answer.text();
        if (res.destroyed) return;
        res.writeHead(answer.status, { ...CORS, 'content-type': answer.headers.get('content-type') ?? 'text/plain' });
        if (behaviour.mode === 'proxy') {
          res.end(text);
          return;
        }
        const pieces = 10;
        const size = Math.ceil(text.length / pieces);
        for (let i = 0; i < pieces; i++) {
          res.write(text.slice(i * size, (i + 1) * size));
          await sleep((behaviour.delayMs ?? 1000) / pieces);
          if (res.destroyed) return;
        }
        res.end();
      }
    }
  }

  const port = await listenOnLoopback(server);
  return {
    url: `http://127.0.0.1:${port}`,
    /** What reached the server, with the mode each request got and whether its connection has closed. */
    requests,
    /**
     * Sets the mode for requests that do not choose one by path or query.
     * @param {Mode | Behaviour} next
     */
    setMode(next) {
      const behaviour = typeof next === 'string' ? { mode: next } : next;
      if (!isMode(behaviour.mode)) throw new Error(`unknown mode ${JSON.stringify(behaviour.mode)}; one of: ${MODES.join(', ')}`);
      current = behaviour;
    },
    /** Closes the server, every open (stalled) connection and pending timer. */
    stop: () =>
      /** @type {Promise<void>} */ (
        new Promise((resolve) => {
          for (const timer of timers) clearTimeout(timer);
          for (const socket of sockets) socket.destroy();
          server.close(() => resolve());
        })
      ),
  };
}
