/**
 * The dashboard service's contract, run the same on both stores: PGlite in this process and a real
 * PostgreSQL server (Debian's, started for the run). Create, read back exactly, search, tags,
 * versions, the 409 of concurrent saves, schema problems, hostile and huge strings stored as they
 * are, clone, delete, the HTTP errors, and a PGlite data directory surviving a restart.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDashboardService, pgliteDashboardStore, postgresDashboardStore, pgliteClient, type DashboardStore } from '@promkit/adapters/dashboards';
import { startPostgres } from '../harness/postgres.mjs';

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
      expect((await raw.query<{ n: number }>('SELECT count(*)::int AS n FROM promkit_schema')).rows[0]!.n).toBe(1);
      await raw.query("INSERT INTO promkit_schema (version, name) VALUES (99, 'from the future')");
      await raw.close();
      await expect(pgliteDashboardStore({ dataDir: dir })).rejects.toThrow(/schema is at version 99, newer than this promkit knows \(1\): upgrade @promkit\/adapters/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
