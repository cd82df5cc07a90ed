/**
 * The dashboard service's contract, run the same on both stores: PGlite in this process and a real
 * PostgreSQL server (Debian's, started for the run). Create, read back exactly, search, tags,
 * versions, the 409 of concurrent saves, schema problems, hostile and huge strings stored as they
 * are, clone, delete, the HTTP errors, and a PGlite data directory surviving a restart; datasources
 * with sealed, write-only credentials used by the server's connection test and datasource proxy.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import { parseDashboard } from '@promkit/core';
import { addTemplatePanels } from '@promkit/core/edit';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createDashboardService, createDatasourceProxy, pgliteDashboardStore, postgresDashboardStore, pgliteClient, type DashboardStore } from '@promkit/adapters/dashboards';
import { startPostgres } from '../harness/postgres.mjs';
import { listenOnLoopback } from '../harness/listen.mjs';

const BASE = 'http://promkit.test/api';

/** A valid dashboard with a panel; keys in an order the store must keep. */
function board(title: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title,
    schemaVersion: 1,
    tags: ['team-a'],
    panels: [{ id: 1, type: 'stat', title: 'Up', gridPos: { x: 0, y: 0, w: 6, h: 4 }, targets: [{ refId: 'A', expr: 'sum(up)' }] }],
    ...extra,
  };
}

type Handler = (request: Request) => Promise<Response>;

function client(handler: Handler) {
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const init: RequestInit = { method, headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers } };
    if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
    const response = await handler(new Request(`${BASE}${path}`, init));
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, json: text ? JSON.parse(text) : undefined };
  };
  return call;
}

const postgres = await startPostgres();
const stores: Record<string, () => Promise<DashboardStore>> = {
  PGlite: () => pgliteDashboardStore(),
  PostgreSQL: () => postgresDashboardStore({ connectionString: postgres.connectionString }),
};
afterAll(() => postgres.stop());

for (const [name, open] of Object.entries(stores)) {
  describe(`the dashboard service on ${name}`, () => {
    let store: DashboardStore;
    let call: ReturnType<typeof client>;
    beforeAll(async () => {
      store = await open();
      call = client(createDashboardService({ store, basePath: '/api', maxBodyBytes: 3 * 1024 * 1024 }));
    });
    afterAll(() => store.close());

    it('creates at version 1 and returns the definition exactly as sent, key order and all', async () => {
      const sent = board('Checkout API', { uid: 'checkout', description: 'owned by payments' });
      const created = await call('POST', '/dashboards', { dashboard: sent });
      expect(created.status).toBe(201);
      expect(created.headers.get('location')).toBe('/api/dashboards/checkout');
      expect(created.json).toMatchObject({ uid: 'checkout', title: 'Checkout API', tags: ['team-a'], version: 1 });
      const read = await call('GET', '/dashboards/checkout');
      expect(read.status).toBe(200);
      expect(JSON.stringify(read.json.dashboard)).toBe(JSON.stringify(sent));
      expect((await call('POST', '/dashboards', { dashboard: sent })).status).toBe(409);
      const generated = await call('POST', '/dashboards', { dashboard: board('No uid given') });
      expect(generated.status).toBe(201);
      expect(generated.json.uid).toMatch(/^[a-f0-9]{20}$/);
    });

    it('lists with case-insensitive search and tag filters, paged', async () => {
      await call('POST', '/dashboards', { dashboard: board('Payments overview', { uid: 'payments', tags: ['team-b', 'prod'] }) });
      const titles = async (query: string) => (await call('GET', `/dashboards${query}`)).json.dashboards.map((d: { title: string }) => d.title);
      expect(await titles('?search=PAY')).toEqual(['Payments overview']);
      expect(await titles('?tag=prod')).toEqual(['Payments overview']);
      expect(await titles('?tag=team-a&search=checkout')).toEqual(['Checkout API']);
      expect(await titles('?uid=payments')).toEqual(['Payments overview']);
      expect(await titles('?uid=none-such')).toEqual([]);
      expect((await titles('')).length).toBeGreaterThanOrEqual(3);
      expect(await titles('?limit=1&offset=1')).toHaveLength(1);
      expect((await call('GET', '/dashboards?limit=-1')).status).toBe(400);
    });

    it('saves new versions, lists them and returns each; a save from an old version is a 409 naming both', async () => {
      const v2 = await call('PUT', '/dashboards/checkout', { dashboard: board('Checkout API v2', { uid: 'checkout' }), version: 1 });
      expect(v2.status).toBe(200);
      expect(v2.json.version).toBe(2);
      const stale = await call('PUT', '/dashboards/checkout', { dashboard: board('Stale edit', { uid: 'checkout' }), version: 1 });
      expect(stale.status).toBe(409);
      expect(stale.json.error).toMatchObject({ code: 'version_conflict', yourVersion: 1, currentVersion: 2 });
      expect(stale.json.error.message).toContain('load version 2');
      const versions = await call('GET', '/dashboards/checkout/versions');
      expect(versions.json.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
      expect((await call('GET', '/dashboards/checkout/versions/1')).json.dashboard.title).toBe('Checkout API');
      expect((await call('GET', '/dashboards/checkout/versions/7')).status).toBe(404);
      expect((await call('GET', '/dashboards/checkout')).json.title).toBe('Checkout API v2');
    });

    it('of two saves from the same version at once, one wins and the other gets 409', async () => {
      const current = (await call('GET', '/dashboards/checkout')).json.version as number;
      const saves = await Promise.all(['A', 'B', 'C', 'D'].map((who) => call('PUT', '/dashboards/checkout', { dashboard: board(`Edit by ${who}`, { uid: 'checkout' }), version: current })));
      expect(saves.map((s) => s.status).sort()).toEqual([200, 409, 409, 409]);
      const winner = saves.find((s) => s.status === 200)!.json;
      expect(winner.version).toBe(current + 1);
      for (const loser of saves.filter((s) => s.status === 409)) expect(loser.json.error).toMatchObject({ yourVersion: current, currentVersion: current + 1 });
      expect((await call('GET', '/dashboards/checkout')).json.title).toBe(winner.title);
    });

    it('refuses an invalid dashboard with every problem and its path', async () => {
      const bad = await call('POST', '/dashboards', { dashboard: { schemaVersion: 1, title: '', panels: [{ id: 1, type: 'stat', title: 'x', gridPos: { x: 0, y: 0, w: 30, h: 4 }, targets: [] }] } });
      expect(bad.status).toBe(400);
      expect(bad.json.error.code).toBe('invalid_dashboard');
      const paths = bad.json.error.problems.map((p: { path: string }) => p.path);
      expect(paths).toEqual(expect.arrayContaining(['title', 'panels[0].gridPos.w']));
      const mismatch = await call('PUT', '/dashboards/checkout', { dashboard: board('x', { uid: 'other' }), version: 1 });
      expect(mismatch.status).toBe(400);
      expect(mismatch.json.error.code).toBe('uid_mismatch');
    });

    it('stores quotes, SQL, wildcards, unicode, NUL and a 1 MB string exactly, and never runs them', async () => {
      const hostile = [`'; DROP TABLE promkit_dashboards; --`, `" OR 1=1 --`, '100% _done_', 'naïve 🚀 مرحبا \u202e', 'nul\u0000byte', '\\x00 $1 $$ $tag$'];
      const huge = 'x'.repeat(1024 * 1024);
      for (const [i, text] of hostile.entries()) {
        const sent = board(text, { uid: `hostile-${i}`, tags: [text, 'hostile'], description: i === 0 ? huge : text });
        const created = await call('POST', '/dashboards', { dashboard: sent });
        expect(created.status, text).toBe(201);
        const read = await call('GET', `/dashboards/hostile-${i}`);
        expect(JSON.stringify(read.json.dashboard), text).toBe(JSON.stringify(sent));
      }
      const titles = async (query: Record<string, string>) => (await call('GET', `/dashboards?${new URLSearchParams(query)}`)).json.dashboards.map((d: { uid: string }) => d.uid);
      expect(await titles({ search: '%' })).toEqual(['hostile-2']);
      // Literally: `_` is in the SQL title's table name too, and no wildcard matches anything else.
      expect(await titles({ search: '_' })).toEqual(['hostile-0', 'hostile-2']);
      expect(await titles({ search: `'; DROP` })).toEqual(['hostile-0']);
      expect(await titles({ tag: `" OR 1=1 --` })).toEqual(['hostile-1']);
      expect(await titles({ search: '🚀' })).toEqual(['hostile-3']);
      expect((await titles({ tag: 'hostile' })).length).toBe(hostile.length);
      // The table is still there, with everything in it.
      expect((await call('GET', '/dashboards/checkout')).status).toBe(200);
    });

    it('clones to a new uid at version 1, and deletes with every version', async () => {
      const clone = await call('POST', '/dashboards/payments/clone');
      expect(clone.status).toBe(201);
      expect(clone.json).toMatchObject({ title: 'Payments overview (copy)', version: 1, tags: ['team-b', 'prod'] });
      const named = await call('POST', '/dashboards/payments/clone', { uid: 'payments-eu', title: 'Payments EU' });
      expect(named.json).toMatchObject({ uid: 'payments-eu', title: 'Payments EU' });
      expect((await call('POST', '/dashboards/payments/clone', { uid: 'payments-eu' })).status).toBe(409);
      expect((await call('DELETE', '/dashboards/payments-eu')).status).toBe(204);
      expect((await call('GET', '/dashboards/payments-eu')).status).toBe(404);
      expect((await call('GET', '/dashboards/payments-eu/versions')).status).toBe(404);
      expect((await call('DELETE', '/dashboards/payments-eu')).status).toBe(404);
    });

    it('keeps a library of saved panels: exact, versioned, checked, and added to a dashboard as a copy', async () => {
      const panel = { type: 'stat', title: 'Error ratio', gridPos: { x: 0, y: 0, w: 6, h: 4 }, id: 1, targets: [{ refId: 'A', expr: 'sum(rate(errors_total[5m])) / sum(rate(requests_total[5m]))' }] };
      const created = await call('POST', '/library-panels', { uid: 'error-ratio', panel });
      expect(created.status).toBe(201);
      expect(JSON.stringify(created.json.panel)).toBe(JSON.stringify(panel));
      expect((await call('POST', '/library-panels', { uid: 'error-ratio', panel })).status).toBe(409);
      const listed = (await call('GET', '/library-panels?search=ERROR')).json.panels;
      expect(listed.map((p: { uid: string }) => p.uid)).toEqual(['error-ratio']);
      expect(listed[0].panel, 'the list carries each panel, for previews').toEqual(panel);
      const v2 = await call('PUT', '/library-panels/error-ratio', { panel: { ...panel, title: 'Errors' }, version: 1 });
      expect(v2.json).toMatchObject({ version: 2, title: 'Errors' });
      expect((await call('PUT', '/library-panels/error-ratio', { panel, version: 1 })).json.error).toMatchObject({ code: 'version_conflict', yourVersion: 1, currentVersion: 2 });
      const invalid = await call('POST', '/library-panels', { panel: { ...panel, type: 'pie-chart' } });
      expect(invalid.status).toBe(400);
      expect(invalid.json.error.code).toBe('invalid_panel');
      // Into a dashboard: a copy with the dashboard's own id and place, saved as its next version.
      const target = (await call('GET', '/dashboards/payments')).json;
      const saved = (await call('GET', '/library-panels/error-ratio')).json.panel;
      const { dashboard: withPanel, ids } = addTemplatePanels(parseDashboard(target.dashboard), [saved], []);
      const put = await call('PUT', '/dashboards/payments', { dashboard: withPanel, version: target.version });
      expect(put.status).toBe(200);
      expect(put.json.dashboard.panels.find((p: { id: number }) => p.id === ids[0]).title).toBe('Errors');
      expect((await call('DELETE', '/library-panels/error-ratio')).status).toBe(204);
      expect((await call('GET', '/library-panels/error-ratio')).status).toBe(404);
    });

    it('answers wrong requests with the status and what to do', async () => {
      expect((await call('GET', '/dashboards/nope')).json.error.message).toBe('no dashboard with uid nope');
      const wrongMethod = await call('PATCH', '/dashboards/checkout');
      expect(wrongMethod.status).toBe(405);
      expect(wrongMethod.headers.get('allow')).toBe('GET, PUT, DELETE');
      expect((await call('POST', '/dashboards', 'title=x', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
      const broken = await call('POST', '/dashboards', '{"dashboard": {');
      expect(broken.status).toBe(400);
      expect(broken.json.error.code).toBe('invalid_json');
      expect((await call('POST', '/dashboards', { dashboard: board('big', { description: 'y'.repeat(4 * 1024 * 1024) }) })).status).toBe(413);
      expect((await call('GET', '/dashboards/..%2F..%2Fetc')).status).toBe(400);
      expect((await call('GET', '/elsewhere')).status).toBe(404);
      expect((await call('POST', '/dashboards', { nothing: true })).json.error.message).toContain('{ "dashboard"');
    });
  });
}

describe('the embedded store on disk', () => {
  it('keeps dashboards across a restart, migrates once, and refuses a database from a newer promkit', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'promkit-pglite-'));
    try {
      const first = await pgliteDashboardStore({ dataDir: dir });
      await first.create('kept', { title: 'Kept', tags: [], definition: JSON.stringify(board('Kept', { uid: 'kept' })) });
      await first.close();
      const again = await pgliteDashboardStore({ dataDir: dir });
      expect((await again.get('kept'))?.title).toBe('Kept');
      await again.close();
      const raw = await pgliteClient({ dataDir: dir });
      expect((await raw.query<{ n: number }>('SELECT count(*)::int AS n FROM promkit_schema')).rows[0]!.n).toBe(3);
      await raw.query("INSERT INTO promkit_schema (version, name) VALUES (99, 'from the future')");
      await raw.close();
      await expect(pgliteDashboardStore({ dataDir: dir })).rejects.toThrow(/schema is at version 99, newer than this promkit knows \(3\): upgrade @promkit\/adapters/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

const SECRET = 'promkit-stored-secret-7f3a';
const KEY = Buffer.alloc(32, 7).toString('base64');

/** A Prometheus that wants SECRET as a bearer token: the real one behind a check. */
async function bearerUpstream(): Promise<{ url: string; stop: () => Promise<void> }> {
  const upstream = inject('prometheusUrl');
  const server = createServer(async (req, res) => {
    if (req.headers.authorization !== `Bearer ${SECRET}`) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"status":"error","errorType":"unauthorized","error":"bad token"}');
      return;
    }
    const answer = await fetch(`${upstream}${req.url}`);
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(await answer.text());
  });
  const port = await listenOnLoopback(server);
  return { url: `http://127.0.0.1:${port}`, stop: () => new Promise((r) => server.close(() => r())) };
}

for (const [name, open] of Object.entries(stores)) {
  describe(`datasources on ${name}: credentials write-only, sealed, used only by the server`, () => {
    let store: DashboardStore;
    let call: ReturnType<typeof client>;
    let upstream: Awaited<ReturnType<typeof bearerUpstream>>;
    const logged: string[] = [];
    const spies: { mockRestore: () => void }[] = [];
    const answers: string[] = [];
    beforeAll(async () => {
      store = await open();
      upstream = await bearerUpstream();
      const service = createDashboardService({ store, secretKey: KEY, basePath: '/api' });
      const logging = client(service);
      call = async (...args) => {
        const r = await logging(...args);
        answers.push(r.text);
        return r;
      };
      for (const method of ['log', 'warn', 'error', 'info', 'debug'] as const) spies.push(vi.spyOn(console, method).mockImplementation((...a: unknown[]) => void logged.push(a.map(String).join(' '))));
    });
    afterAll(async () => {
      for (const s of spies) s.mockRestore();
      await upstream.stop();
      await store.close();
    });

    it('stores credentials sealed, never answers them, and tests the connection with them on the server', async () => {
      const created = await call('POST', '/datasources', { datasource: { name: 'main', url: upstream.url, scrapeInterval: '15s' }, credentials: { type: 'bearer', token: SECRET } });
      expect(created.status).toBe(201);
      expect(created.headers.get('location')).toBe(`/api/datasources/${created.json.id}`);
      expect(created.json).toMatchObject({ name: 'main', hasCredentials: true, default: false, datasource: { name: 'main', url: upstream.url } });
      const id = created.json.id as string;
      const raw = await store.getDatasource(id);
      expect(raw!.secret).toMatch(/^aes-gcm-v1:/);
      expect(raw!.secret).not.toContain(SECRET);
      expect(raw!.definition).not.toContain(SECRET);
      const tested = await call('POST', `/datasources/${id}/test`);
      expect(tested.json).toMatchObject({ ok: true, version: expect.stringMatching(/^2\./) });
      // Saved without credentials: they stay.
      expect((await call('PUT', `/datasources/${id}`, { datasource: { name: 'main', url: upstream.url, tenant: 'team-a' } })).json.hasCredentials).toBe(true);
      expect((await call('POST', `/datasources/${id}/test`)).json.ok).toBe(true);
      // Wrong credentials: the test says so, without the token.
      await call('PUT', `/datasources/${id}`, { datasource: { name: 'main', url: upstream.url }, credentials: { type: 'bearer', token: `${SECRET}-wrong` } });
      const refused = await call('POST', `/datasources/${id}/test`);
      expect(refused.json.ok).toBe(false);
      expect(refused.json.error.message).toMatch(/401|unauthori/i);
      await call('PUT', `/datasources/${id}`, { datasource: { name: 'main', url: upstream.url }, credentials: { type: 'bearer', token: SECRET } });
      expect((await call('GET', '/datasources')).json.datasources.map((d: { name: string }) => d.name)).toContain('main');
    });

    it('the datasource proxy forwards reads with the opened credentials, and refuses the rest', async () => {
      const { id } = (await call('GET', '/datasources')).json.datasources.find((d: { name: string }) => d.name === 'main');
      const proxy = createDatasourceProxy({ store, secretKey: KEY, basePath: '/dsp' });
      const read = await proxy(new Request(`http://promkit.test/dsp/${id}/api/v1/query?query=up`));
      expect(read.status).toBe(200);
      expect(((await read.json()) as { status: string }).status).toBe('success');
      expect((await proxy(new Request(`http://promkit.test/dsp/${id}/api/v1/admin/tsdb/snapshot`, { method: 'POST' }))).status).toBe(403);
      expect((await proxy(new Request('http://promkit.test/dsp/nope/api/v1/query?query=up'))).status).toBe(404);
      const otherKey = createDatasourceProxy({ store, secretKey: Buffer.alloc(32, 9).toString('base64'), basePath: '/dsp' });
      const unreadable = await otherKey(new Request(`http://promkit.test/dsp/${id}/api/v1/query?query=up`));
      expect(unreadable.status).toBe(500);
      expect(await unreadable.text()).toContain('was the secret key changed?');
    });

    it('checks definitions and credentials, keeps names unique and one default', async () => {
      const bad = async (body: unknown) => (await call('POST', '/datasources', body)).json.error;
      expect((await bad({ datasource: { name: 'x', url: `http://user:${SECRET}@example.test` } })).message).toContain('not in the URL');
      expect((await bad({ datasource: { name: 'x', url: 'http://example.test', headers: { Authorization: 'Bearer x' } } })).message).toContain('not in headers');
      expect((await bad({ datasource: { name: 'x', url: 'ftp://example.test' } })).message).toContain('http(s)');
      expect((await bad({ datasource: { name: 'x', type: 'host', source: 'runs' } })).message).toContain('it lives in the dashboard, not in the service');
      expect((await call('POST', '/datasources', { datasource: { name: 'relative', url: '/prometheus' } })).status).toBe(201);
      expect((await bad({ datasource: { name: '', url: 'http://example.test' } })).code).toBe('invalid_datasource');
      expect((await bad({ datasource: { name: 'x', url: 'http://example.test' }, credentials: { type: 'bearer' } })).code).toBe('invalid_credentials');
      expect((await call('POST', '/datasources', { datasource: { name: 'main', url: 'http://example.test' } })).status).toBe(409);
      const second = await call('POST', '/datasources', { datasource: { name: 'second', url: 'http://example.test' } });
      const first = (await call('GET', '/datasources')).json.datasources.find((d: { name: string }) => d.name === 'main');
      await call('POST', `/datasources/${first.id}/default`);
      await call('POST', `/datasources/${second.json.id}/default`);
      const defaults = (await call('GET', '/datasources')).json.datasources.filter((d: { default: boolean }) => d.default).map((d: { name: string }) => d.name);
      expect(defaults).toEqual(['second']);
      const removed = await call('PUT', `/datasources/${second.json.id}`, { datasource: { name: 'second', url: 'http://example.test' }, credentials: null });
      expect(removed.json.hasCredentials).toBe(false);
      expect((await call('DELETE', `/datasources/${second.json.id}`)).status).toBe(204);
      expect((await call('GET', `/datasources/${second.json.id}`)).status).toBe(404);
    });

    it('no answer and no log line ever held the secret', () => {
      expect(answers.length).toBeGreaterThan(15);
      expect(answers.filter((a) => a.includes(SECRET))).toEqual([]);
      expect(logged.filter((l) => l.includes(SECRET))).toEqual([]);
    });
  });
}

describe('the secret key', () => {
  it('is checked when the service starts, and without one credentials are refused with what to do', async () => {
    expect(() => createDashboardService({ store: {} as DashboardStore, secretKey: 'too-short' })).toThrow(/32 random bytes in base64 .*openssl rand -base64 32/);
    const store = await pgliteDashboardStore();
    const call = client(createDashboardService({ store, secretKey: '', basePath: '/api' }));
    const refused = await call('POST', '/datasources', { datasource: { name: 'x', url: 'http://example.test' }, credentials: { type: 'bearer', token: SECRET } });
    expect(refused.status).toBe(501);
    expect(refused.json.error.message).toContain('PROMKIT_SECRET_KEY');
    expect((await call('POST', '/datasources', { datasource: { name: 'x', url: 'http://example.test' } })).status).toBe(201);
    await store.close();
  });
});
