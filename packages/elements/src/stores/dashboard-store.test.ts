/**
 * The page-side stores in Chromium: httpStore against @promkit/adapters' real dashboard service
 * (PGlite, served by the test runner at /dashboard-service), localStorageStore against this
 * browser's own storage; saving, reading back, listing, conflicts and removal alike.
 */
import { expect } from 'chai';
import { DashboardConflictError, DashboardStoreError, httpStore, localStorageStore, type DashboardStoreClient } from './dashboard-store.js';

const board = (uid: string, title: string) => ({ uid, title, schemaVersion: 1 as const, tags: ['store-test'], panels: [] });
const unique = () => `s${Math.random().toString(36).slice(2, 12)}`;

const stores: Record<string, () => DashboardStoreClient> = {
  httpStore: () => httpStore('/dashboard-service'),
  localStorageStore: () => localStorageStore(`promkit-test-${unique()}:`),
};

for (const [name, make] of Object.entries(stores)) {
  describe(name, () => {
    it('keeps saved panels in a library beside the dashboards: saved exactly, searched, listed apart, removed', async () => {
      const store = make();
      const tag = unique();
      const panel = { id: 7, type: 'stat' as const, title: `Errors ${tag} "quoted" <b>`, gridPos: { x: 3, y: 9, w: 6, h: 4 }, targets: [{ refId: 'A', expr: 'sum(rate(http_requests_total{code=~"5.."}[5m]))' }] };
      const saved = await store.library!.save(panel);
      expect([saved.title, saved.version, saved.panel]).to.deep.equal([panel.title, 1, panel]);
      await store.library!.save({ ...panel, title: `Latency ${tag}` });
      expect((await store.library!.list({ search: tag })).map((p) => p.title)).to.deep.equal([panel.title, `Latency ${tag}`]);
      expect((await store.library!.list({ search: `errors ${tag}` }))[0]!.panel).to.deep.equal(panel);
      const uid = unique();
      await store.save(board(uid, `Errors ${tag} board`), undefined);
      expect((await store.list({ search: tag })).map((d) => d.title), 'saved panels are not dashboards').to.deep.equal([`Errors ${tag} board`]);
      await store.library!.remove(saved.uid);
      expect((await store.library!.list({ search: tag })).map((p) => p.title)).to.deep.equal([`Latency ${tag}`]);
      await store.library!.remove(saved.uid);
    });

    it('saves a new dashboard at version 1, reads it back, and saves the next version', async () => {
      const store = make();
      const uid = unique();
      const first = await store.save(board(uid, 'First'), undefined);
      expect(first.version).to.equal(1);
      expect((await store.load(uid))!.dashboard).to.deep.equal(board(uid, 'First'));
      const second = await store.save(board(uid, 'Second'), 1);
      expect(second.version).to.equal(2);
      expect((await store.load(uid))!.dashboard.title).to.equal('Second');
      expect(await store.load(unique())).to.equal(undefined);
    });

    it('refuses a save from an older version with a DashboardConflictError naming both', async () => {
      const store = make();
      const uid = unique();
      await store.save(board(uid, 'A'), undefined);
      await store.save(board(uid, 'B'), 1);
      try {
        await store.save(board(uid, 'stale'), 1);
        expect.fail('saved over a newer version');
      } catch (error) {
        expect(error).to.be.instanceOf(DashboardConflictError);
        expect((error as DashboardConflictError).current).to.equal(2);
        expect((error as Error).message).to.contain('version 2');
      }
      try {
        await store.save(board(uid, 'again as new'), undefined);
        expect.fail('created over an existing dashboard');
      } catch (error) {
        expect(error).to.be.instanceOf(DashboardConflictError);
      }
    });

    it('clones to a new uid at version 1, titled as a copy', async () => {
      const store = make();
      const uid = unique();
      await store.save(board(uid, 'Original'), undefined);
      const copy = await store.clone(uid);
      expect(copy.uid).to.not.equal(uid);
      expect(copy.version).to.equal(1);
      expect(copy.dashboard.title).to.equal('Original (copy)');
      expect((await store.clone(uid, { uid: `${uid}-b`, title: 'Named' })).dashboard.title).to.equal('Named');
      expect((await store.load(uid))!.dashboard.title).to.equal('Original');
    });

    it('lists by search and tag, and removes', async () => {
      const store = make();
      const uid = unique();
      await store.save(board(uid, `Findable ${uid}`), undefined);
      expect((await store.list({ search: uid.toUpperCase() })).map((d) => d.uid)).to.deep.equal([uid]);
      expect((await store.list({ tag: 'store-test' })).map((d) => d.uid)).to.include(uid);
      expect((await store.list({ uid })).map((d) => d.uid)).to.deep.equal([uid]);
      expect(await store.list({ uid: unique() })).to.deep.equal([]);
      await store.remove(uid);
      expect(await store.load(uid)).to.equal(undefined);
    });
  });
}

describe('httpStore errors', () => {
  it('names what the service said', async () => {
    const store = httpStore('/dashboard-service');
    try {
      await store.save({ uid: unique(), title: '', schemaVersion: 1 } as never, undefined);
      expect.fail('saved an invalid dashboard');
    } catch (error) {
      expect(error).to.be.instanceOf(DashboardStoreError);
      expect((error as DashboardStoreError).status).to.equal(400);
      expect((error as Error).message).to.match(/Saving dashboard .* failed \(400\): the dashboard has 1 problem/);
    }
  });
});
