// @ts-check
/**
 * A stream server for the browser tests, in a process of its own so a test can kill it: it serves
 * the rows of an append-only file (one JSON row a line, the tests' stand-in for a database table)
 * as Server-Sent Events at /events and WebSocket messages at /ws, in promkit's stream message
 * format, from after the client's Last-Event-ID (or `?lastEventId=`), then each row appended to
 * the file while it runs, whoever appended it.
 *
 * As a process: `node stream-server.mjs PORT FILE`. From the tests: `startStreamServer()`.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './prometheus.mjs';

/** @typedef {{ id: number, channel: string, labels: Record<string, string>, at: number, value: number, title?: string }} Row */

/** @param {string} file @returns {Row[]} */
function readRows(file) {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

/** A sample row becomes frames; a row with a `title` is an event for the channel's host annotations. @param {Row & { title?: string }} row */
const message = (row) =>
  row.title === undefined
    ? { channel: row.channel, frames: [{ labels: row.labels, timestamps: [row.at], values: [row.value] }] }
    : { channel: row.channel, annotations: [{ time: row.at, title: row.title }] };

/** @param {number} port @param {string} file */
async function serve(port, file) {
  const { WebSocketServer } = await import('ws');
  /** @type {Set<(row: Row) => void>} */
  const listeners = new Set();
  let seen = readRows(file).length;
  // Rows appended to the file reach every open stream: the file is watched like a table with NOTIFY.
  setInterval(() => {
    const rows = readRows(file);
    for (const row of rows.slice(seen)) for (const listen of listeners) listen(row);
    seen = rows.length;
  }, 50);
  const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'Last-Event-ID, Accept, Cache-Control' };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'OPTIONS') return res.writeHead(204, cors).end();
    if (url.pathname !== '/events') return res.writeHead(404, cors).end('no such stream');
    const after = Number(req.headers['last-event-id'] ?? url.searchParams.get('lastEventId') ?? 0);
    process.stdout.write(`resume ${after}\n`);
    res.writeHead(200, { ...cors, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
    res.write('retry: 200\n\n');
    /** @param {Row} row */
    const send = (row) => row.id > after && res.write(`id: ${row.id}\ndata: ${JSON.stringify(message(row))}\n\n`);
    readRows(file).forEach(send);
    listeners.add(send);
    req.on('close', () => listeners.delete(send));
  });
  const sockets = new WebSocketServer({ server, path: '/ws' });
  sockets.on('connection', (socket, req) => {
    const after = Number(new URL(req.url ?? '/', 'http://localhost').searchParams.get('lastEventId') ?? 0);
    process.stdout.write(`resume ${after}\n`);
    /** @param {Row} row */
    const send = (row) => row.id > after && socket.send(JSON.stringify({ id: String(row.id), ...message(row) }));
    readRows(file).forEach(send);
    listeners.add(send);
    socket.on('close', () => listeners.delete(send));
  });
  server.listen(port, '127.0.0.1', () => process.stdout.write('listening\n'));
}

/**
 * @typedef {object} RunningStreamServer
 * @property {string} url http://127.0.0.1:PORT (its streams are /events and /ws)
 * @property {(row: Omit<Row, 'id'>) => Row} insert appends a row to the file, running or not
 * @property {() => Row[]} rows every row in the file
 * @property {() => number[]} resumes the id each connection asked to resume after (0 for the start), oldest first
 * @property {() => Promise<void>} kill kills the process (SIGKILL), keeping the file
 * @property {() => Promise<void>} restart starts it again on the same port and file
 * @property {() => Promise<void>} stop kills it and removes the file
 */

/** @returns {Promise<RunningStreamServer>} */
export async function startStreamServer() {
  const dir = mkdtempSync(join(tmpdir(), 'promkit-stream-'));
  const file = join(dir, 'rows.jsonl');
  writeFileSync(file, '');
  const port = await freePort();
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let child;
  /** @type {number[]} */
  const resumes = [];
  const start = async () => {
    child = spawn(process.execPath, [fileURLToPath(import.meta.url), String(port), file], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise((resolve, reject) => {
      child?.stdout?.on('data', (chunk) => {
        for (const line of String(chunk).split('\n')) {
          if (line === 'listening') resolve(undefined);
          else if (line.startsWith('resume ')) resumes.push(Number(line.slice(7)));
        }
      });
      child?.on('exit', (code) => reject(new Error(`the stream server exited with ${code}`)));
    });
  };
  const kill = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    await new Promise((resolve) => {
      running.on('exit', resolve);
      running.kill('SIGKILL');
    });
  };
  await start();
  return {
    url: `http://127.0.0.1:${port}`,
    insert: (row) => {
      const rows = readRows(file);
      const full = { id: (rows.at(-1)?.id ?? 0) + 1, ...row };
      appendFileSync(file, `${JSON.stringify(full)}\n`);
      return full;
    },
    rows: () => readRows(file),
    resumes: () => [...resumes],
    kill,
    restart: async () => {
      await kill();
      await start();
    },
    stop: async () => {
      await kill();
      if (statSync(dir, { throwIfNoEntry: false })) rmSync(dir, { recursive: true, force: true });
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [port, file] = process.argv.slice(2);
  await serve(Number(port), String(file));
}
