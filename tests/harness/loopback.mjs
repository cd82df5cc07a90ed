// @ts-check
/**
 * Small loopback HTTP servers for client tests: a stub that answers whatever a test scripts
 * (failures the real Prometheus cannot be made to produce on demand), and a forwarding proxy in
 * front of the real Prometheus that records requests, mounts it under a path prefix and can
 * refuse POST like some corporate proxies do.
 */
import { createServer } from 'node:http';
import { listenOnLoopback } from './listen.mjs';

/**
 * @typedef {{ method: string, path: string, headers: import('node:http').IncomingHttpHeaders, body: string }} RecordedRequest
 * @typedef {{ status?: number, headers?: Record<string, string>, body?: string, delayMs?: number, hang?: boolean, drop?: boolean }} StubAnswer
 */

/**
 * @param {import('node:http').RequestListener} listener
 */
async function listen(listener) {
  const server = createServer(listener);
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await listenOnLoopback(server);
  return {
    url: `http://127.0.0.1:${port}`,
    /** Closes the server and any connection a hanging answer left open. */
    stop: () =>
      /** @type {Promise<void>} */ (
        new Promise((resolve) => {
          for (const socket of sockets) socket.destroy();
          server.close(() => resolve());
        })
      ),
  };
}

/** @param {import('node:http').IncomingMessage} req */
async function readBody(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return body;
}

/**
 * A server that answers each request with the next scripted answer (the last one repeats).
 * @param {StubAnswer[]} answers
 */
export async function startStub(answers) {
  /** @type {RecordedRequest[]} */
  const requests = [];
  const server = await listen(async (req, res) => {
    requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: await readBody(req) });
    const answer = answers[Math.min(requests.length - 1, answers.length - 1)] ?? {};
    if (answer.hang) return; // never answers: the client's timeout or abort must end it
    if (answer.drop) {
      req.socket.destroy(); // connection reset: a network error on the client side
      return;
    }
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    res.writeHead(answer.status ?? 200, answer.headers ?? { 'content-type': 'application/json' });
    res.end(answer.body ?? '');
  });
  return { ...server, requests };
}

/**
 * Forwards `<prefix>/…` to `upstream/…`, recording every request and how many were in flight at
 * most. `delayMs` holds each request before forwarding it (to observe sharing and limits).
 * @param {{ upstream: string, prefix?: string, refusePost?: boolean, delayMs?: number }} options
 */
export async function startProxy({ upstream, prefix = '', refusePost = false, delayMs = 0 }) {
  /** @type {RecordedRequest[]} */
  const requests = [];
  const load = { inFlight: 0, maxInFlight: 0 };
  const server = await listen(async (req, res) => {
    load.inFlight += 1;
    load.maxInFlight = Math.max(load.maxInFlight, load.inFlight);
    res.on('close', () => (load.inFlight -= 1));
    const body = await readBody(req);
    const path = req.url ?? '/';
    requests.push({ method: req.method ?? '', path, headers: req.headers, body });
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (res.destroyed) return; // the client gave up while we waited
    if (refusePost && req.method === 'POST') {
      res.writeHead(405, { 'content-type': 'text/plain', allow: 'GET' }).end('405 method not allowed\n');
      return;
    }
    if (!path.startsWith(`${prefix}/`)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('404 not under prefix\n');
      return;
    }
    const upstreamResponse = await fetch(upstream + path.slice(prefix.length), {
      method: req.method,
      headers: req.method === 'POST' ? { 'content-type': String(req.headers['content-type']) } : {},
      body: req.method === 'POST' ? body : undefined,
    });
    res.writeHead(upstreamResponse.status, { 'content-type': upstreamResponse.headers.get('content-type') ?? 'text/plain' });
    res.end(await upstreamResponse.text());
  });
  return { ...server, requests, load };
}
