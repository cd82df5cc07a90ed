// @ts-check
/**
 * The data-quality example's server: a service that profiles datasets and keeps its runs,
 * per-column results and drift events in an embedded PostgreSQL (PGlite; memory or a data
 * directory), seeds a day of sample data on an empty install, and serves
 *
 *   GET  {base}/runs?from=&to=     the runs in a range (epoch ms), oldest first
 *   GET  {base}/drift?from=&to=    the drift events in a range
 *   GET  {base}/datasets           the dataset names
 *   GET  {base}/runs/{id}/columns  a run's per-column results (null ratio, distinct values)
 *   POST {base}/runs  { dataset, rows, durationMs, status? }      records a run
 *   POST {base}/drift { dataset, column, score, message }         records a drift event
 *   GET  {base}/events             Server-Sent Events: every new run and drift event, fed by
 *                                  PostgreSQL LISTEN/NOTIFY, resumable with Last-Event-ID
 *
 * and its own metrics for Prometheus (prom-client) on a port of their own. A simulated profiler
 * records a run every few seconds, and now and then a drift.
 */
import { createServer } from 'node:http';
import { PGlite } from '@electric-sql/pglite';
import client from 'prom-client';
import { listenOnLoopback } from '../../tests/harness/listen.mjs';

const DATASETS = ['orders', 'customers', 'payments'];
/** The columns each run profiles. */
const COLUMNS = ['id', 'amount', 'created_at'];

/** Versioned migrations, each run once, in order. */
const MIGRATIONS = [
  `CREATE TABLE runs (id bigserial PRIMARY KEY, dataset text NOT NULL, at timestamptz NOT NULL DEFAULT now(),
     duration_ms integer NOT NULL, rows_profiled bigint NOT NULL, status text NOT NULL DEFAULT 'ok');
   CREATE TABLE column_results (run_id bigint NOT NULL REFERENCES runs(id) ON DELETE CASCADE, column_name text NOT NULL,
     null_ratio double precision NOT NULL, distinct_count bigint NOT NULL, PRIMARY KEY (run_id, column_name));
   CREATE TABLE drift_events (id bigserial PRIMARY KEY, dataset text NOT NULL, column_name text NOT NULL,
     at timestamptz NOT NULL DEFAULT now(), score double precision NOT NULL, message text NOT NULL);
   -- One journal of changes: its ids are the stream's event ids, whichever table changed.
   CREATE TABLE changes (id bigserial PRIMARY KEY, kind text NOT NULL, ref bigint NOT NULL);
   CREATE FUNCTION journal() RETURNS trigger LANGUAGE plpgsql AS $$
   DECLARE change_id bigint;
   BEGIN
     INSERT INTO changes (kind, ref) VALUES (TG_ARGV[0], NEW.id) RETURNING id INTO change_id;
     PERFORM pg_notify('dq_changes', change_id::text);
     RETURN NEW;
   END $$;
   CREATE TRIGGER runs_journal AFTER INSERT ON runs FOR EACH ROW EXECUTE FUNCTION journal('run');
   CREATE TRIGGER drift_journal AFTER INSERT ON drift_events FOR EACH ROW EXECUTE FUNCTION journal('drift');`,
];

/**
 * @param {{ dataDir?: string, basePath?: string, simulate?: boolean, tickMs?: number }} [options]
 *   dataDir: where PGlite keeps the database (memory without); simulate: record runs by itself
 */
export async function startDataQuality(options = {}) {
  const base = (options.basePath ?? '/dq').replace(/\/+$/, '');
  const db = new PGlite(options.dataDir);
  await migrate(db);
  if (Number((await db.query('SELECT count(*)::int AS n FROM runs')).rows[0]?.['n'] ?? 0) === 0) await seed(db);

  const registry = new client.Registry();
  const duration = new client.Histogram({ name: 'dq_profiling_duration_seconds', help: 'Time to profile one dataset.', labelNames: ['dataset'], buckets: [0.5, 1, 2, 5, 10, 20, 60], registers: [registry] });
  const rows = new client.Counter({ name: 'dq_rows_profiled_total', help: 'Rows profiled.', labelNames: ['dataset'], registers: [registry] });
  const drifts = new client.Counter({ name: 'dq_drift_events_total', help: 'Drift events found.', labelNames: ['dataset'], registers: [registry] });

  /** @type {Set<(change: Change) => void>} */
  const listeners = new Set();
  const unlisten = await db.listen('dq_changes', async (payload) => {
    const change = await changeById(db, Number(payload));
    if (change) for (const listen of listeners) listen(change);
  });

  /** @param {{ dataset?: unknown, rows?: unknown, durationMs?: unknown, status?: unknown }} run */
  async function recordRun(run) {
    /** @type {string[]} */
    const problems = [];
    if (typeof run.dataset !== 'string' || run.dataset === '') problems.push('dataset must be a name');
    if (!Number.isInteger(run.rows) || /** @type {number} */ (run.rows) < 0) problems.push('rows must be a whole number of rows');
    if (!Number.isInteger(run.durationMs) || /** @type {number} */ (run.durationMs) < 0) problems.push('durationMs must be whole milliseconds');
    if (problems.length) return { problems };
    const status = run.status === 'failed' ? 'failed' : 'ok';
    const { rows: created } = await db.query('INSERT INTO runs (dataset, duration_ms, rows_profiled, status) VALUES ($1, $2, $3, $4) RETURNING id', [run.dataset, run.durationMs, run.rows, status]);
    await recordColumns(db, Number(created[0]?.['id']), /** @type {number} */ (run.rows));
    duration.observe({ dataset: /** @type {string} */ (run.dataset) }, /** @type {number} */ (run.durationMs) / 1000);
    rows.inc({ dataset: /** @type {string} */ (run.dataset) }, /** @type {number} */ (run.rows));
    return { id: Number(created[0]?.['id']) };
  }

  /** @param {{ dataset?: unknown, column?: unknown, score?: unknown, message?: unknown }} drift */
  async function recordDrift(drift) {
    /** @type {string[]} */
    const problems = [];
    if (typeof drift.dataset !== 'string' || drift.dataset === '') problems.push('dataset must be a name');
    if (typeof drift.column !== 'string' || drift.column === '') problems.push('column must be a name');
    if (typeof drift.score !== 'number' || !Number.isFinite(drift.score)) problems.push('score must be a number');
    if (typeof drift.message !== 'string') problems.push('message must be text');
    if (problems.length) return { problems };
    const { rows: created } = await db.query('INSERT INTO drift_events (dataset, column_name, score, message) VALUES ($1, $2, $3, $4) RETURNING id', [drift.dataset, drift.column, drift.score, drift.message]);
    drifts.inc({ dataset: /** @type {string} */ (drift.dataset) });
    return { id: Number(created[0]?.['id']) };
  }

  /** @type {import('node:http').RequestListener} */
  const handler = async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://dq.local');
    const path = url.pathname.slice(base.length);
    const range = { from: Number(url.searchParams.get('from') ?? Date.now() - 86_400_000), to: Number(url.searchParams.get('to') ?? Date.now()) };
    const json = (/** @type {number} */ status, /** @type {unknown} */ body) => void res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
    try {
      if (req.method === 'GET' && path === '/runs') return json(200, await runsIn(db, range));
      if (req.method === 'GET' && path === '/drift') return json(200, await driftIn(db, range));
      if (req.method === 'GET' && path === '/datasets') return json(200, DATASETS);
      const columns = /^\/runs\/(\d+)\/columns$/.exec(path);
      if (req.method === 'GET' && columns) return json(200, await columnsOf(db, Number(columns[1])));
      if (req.method === 'POST' && (path === '/runs' || path === '/drift')) {
        const body = await readJson(req);
        const result = path === '/runs' ? await recordRun(body) : await recordDrift(body);
        return result.problems ? json(400, { error: `The ${path.slice(1)} has problems: ${result.problems.join('; ')}.` }) : json(201, result);
      }
      if (req.method === 'GET' && path === '/events') return streamChanges(req, res);
      json(404, { error: `No ${req.method} ${url.pathname} here: see examples/data-quality/server.mjs for the API.` });
    } catch (error) {
      json(400, { error: String(/** @type {Error} */ (error)?.message ?? error) });
    }
  };

  /** @type {import('node:http').RequestListener} */
  async function streamChanges(req, res) {
    const after = Number(req.headers['last-event-id'] ?? 0) || 0;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
    res.write('retry: 1000\n\n');
    /** @param {Change} change */
    const send = (change) => change.id > after && res.write(`id: ${change.id}\ndata: ${JSON.stringify(change.message)}\n\n`);
    listeners.add(send);
    // What happened since the client's last event (a reconnect), then live from NOTIFY.
    if (after > 0) for (const change of await changesAfter(db, after)) send(change);
    const heartbeat = setInterval(() => res.write(': still here\n\n'), 15_000);
    req.on('close', () => {
      listeners.delete(send);
      clearInterval(heartbeat);
    });
  }

  const metricsServer = createServer(async (req, res) => {
    if (req.url !== '/metrics') return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': registry.contentType }).end(await registry.metrics());
  });
  const metricsPort = await listenOnLoopback(metricsServer);

  let tick = 0;
  const simulation = options.simulate
    ? setInterval(() => {
        const dataset = DATASETS[tick++ % DATASETS.length] ?? 'orders';
        void recordRun({ dataset, rows: 40_000 + Math.round(Math.random() * 20_000), durationMs: 800 + Math.round(Math.random() * 3000) });
        if (tick % 7 === 0) void recordDrift({ dataset, column: 'amount', score: Math.round(Math.random() * 100) / 100, message: `The distribution of ${dataset}.amount moved.` });
      }, options.tickMs ?? 5000)
    : undefined;

  return {
    handler,
    metricsHost: `127.0.0.1:${metricsPort}`,
    recordRun,
    recordDrift,
    /** Runs SQL on the database, as another client of it would (the tests insert rows this way). */
    query: (/** @type {string} */ sql, /** @type {unknown[]} */ params = []) => db.query(sql, params),
    stop: async () => {
      if (simulation) clearInterval(simulation);
      await unlisten();
      metricsServer.closeAllConnections();
      await new Promise((resolve) => metricsServer.close(() => resolve(undefined)));
      await db.close();
    },
  };
}

/** @typedef {{ id: number, message: Record<string, unknown> }} Change */

/** @param {PGlite} db */
async function migrate(db) {
  await db.exec('CREATE TABLE IF NOT EXISTS dq_schema (version integer NOT NULL)');
  const version = Number((await db.query('SELECT coalesce(max(version), 0)::int AS v FROM dq_schema')).rows[0]?.['v'] ?? 0);
  for (let v = version; v < MIGRATIONS.length; v++) {
    await db.transaction(async (tx) => {
      await tx.exec(/** @type {string} */ (MIGRATIONS[v]));
      await tx.query('INSERT INTO dq_schema (version) VALUES ($1)', [v + 1]);
    });
  }
}

/** A day of runs every 20 minutes per dataset, with a few drift events. @param {PGlite} db */
async function seed(db) {
  const now = Date.now();
  await db.transaction(async (tx) => {
    for (let i = 72; i > 0; i--) {
      const dataset = DATASETS[i % DATASETS.length] ?? 'orders';
      const at = new Date(now - i * 20 * 60_000).toISOString();
      const rows = 40_000 + ((i * 7919) % 20_000);
      const { rows: created } = await tx.query('INSERT INTO runs (dataset, at, duration_ms, rows_profiled, status) VALUES ($1, $2, $3, $4, $5) RETURNING id', [dataset, at, 900 + ((i * 337) % 2500), rows, i % 17 === 0 ? 'failed' : 'ok']);
      await recordColumns(tx, Number(created[0]?.['id']), rows);
      if (i % 7 === 3) await tx.query('INSERT INTO drift_events (dataset, column_name, at, score, message) VALUES ($1, $2, $3, $4, $5)', [dataset, 'amount', at, 0.4 + (i % 5) / 10, `The distribution of ${dataset}.amount moved.`]);
    }
  });
}

/**
 * A run's per-column results: how many values are missing and how many differ, per column.
 * @param {Pick<PGlite, 'query'>} db @param {number} runId @param {number} rows
 */
async function recordColumns(db, runId, rows) {
  for (const [k, column] of COLUMNS.entries()) {
    const nullRatio = column === 'id' ? 0 : Math.round(((runId * (k + 3)) % 50) / 10) / 100;
    await db.query('INSERT INTO column_results (run_id, column_name, null_ratio, distinct_count) VALUES ($1, $2, $3, $4)', [runId, column, nullRatio, column === 'id' ? rows : Math.round(rows / (k + 2))]);
  }
}

/** @param {PGlite} db @param {number} runId */
async function columnsOf(db, runId) {
  const { rows } = await db.query('SELECT column_name, null_ratio, distinct_count FROM column_results WHERE run_id = $1 ORDER BY column_name', [runId]);
  return rows.map((r) => ({ column: r['column_name'], nullRatio: r['null_ratio'], distinct: Number(r['distinct_count']) }));
}

/** @param {PGlite} db @param {{ from: number, to: number }} range */
async function runsIn(db, range) {
  const { rows } = await db.query(
    `SELECT id, dataset, (extract(epoch FROM at) * 1000)::bigint AS at, duration_ms, rows_profiled, status FROM runs
     WHERE at BETWEEN to_timestamp($1 / 1000.0) AND to_timestamp($2 / 1000.0) ORDER BY at, id`,
    [range.from, range.to],
  );
  return rows.map((r) => ({ id: Number(r['id']), dataset: r['dataset'], at: Number(r['at']), durationMs: r['duration_ms'], rows: Number(r['rows_profiled']), status: r['status'] }));
}

/** @param {PGlite} db @param {{ from: number, to: number }} range */
async function driftIn(db, range) {
  const { rows } = await db.query(
    `SELECT id, dataset, column_name, (extract(epoch FROM at) * 1000)::bigint AS at, score, message FROM drift_events
     WHERE at BETWEEN to_timestamp($1 / 1000.0) AND to_timestamp($2 / 1000.0) ORDER BY at, id`,
    [range.from, range.to],
  );
  return rows.map(driftOf);
}

/** @param {Record<string, unknown>} r */
const driftOf = (r) => ({ id: Number(r['id']), dataset: r['dataset'], column: r['column_name'], at: Number(r['at']), score: r['score'], message: r['message'] });

/** The stream message of a change: a run's rows as a sample on channel `runs`, a drift as an event on channel `drift`. @param {PGlite} db @param {number} id @returns {Promise<Change | undefined>} */
async function changeById(db, id) {
  return (await changesAfter(db, id - 1, id))[0];
}

/** @param {PGlite} db @param {number} after @param {number} [upTo] @returns {Promise<Change[]>} */
async function changesAfter(db, after, upTo = Number.MAX_SAFE_INTEGER) {
  const { rows } = await db.query(
    `SELECT c.id, c.kind, r.dataset AS run_dataset, (extract(epoch FROM r.at) * 1000)::bigint AS run_at, r.rows_profiled,
            d.dataset AS drift_dataset, d.column_name, (extract(epoch FROM d.at) * 1000)::bigint AS drift_at, d.score, d.message
     FROM changes c LEFT JOIN runs r ON c.kind = 'run' AND r.id = c.ref LEFT JOIN drift_events d ON c.kind = 'drift' AND d.id = c.ref
     WHERE c.id > $1 AND c.id <= $2 ORDER BY c.id`,
    [after, upTo],
  );
  return rows.map((r) => ({
    id: Number(r['id']),
    message:
      r['kind'] === 'run'
        ? { channel: 'runs', frames: [{ labels: { dataset: r['run_dataset'] }, timestamps: [Number(r['run_at'])], values: [Number(r['rows_profiled'])] }] }
        : { channel: 'drift', annotations: [{ time: Number(r['drift_at']), title: `Drift in ${r['drift_dataset']}.${r['column_name']}`, text: `${r['message']} (score ${r['score']})`, tags: [String(r['drift_dataset'])] }] },
  }));
}

/** @param {import('node:http').IncomingMessage} req */
async function readJson(req) {
  let size = 0;
  const chunks = [];
  for await (const chunk of req) {
    size += chunk.length;
    if (size > 64 * 1024) throw new Error('The body is over 64 KB.');
    chunks.push(chunk);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}
