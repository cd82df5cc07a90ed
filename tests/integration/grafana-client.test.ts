/**
 * GrafanaClient against the Grafana contract server (tests/harness/grafana-contract.mjs): Grafana
 * cannot be installed here, so this checks the client against Grafana's documented HTTP API.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GrafanaApiError, GrafanaClient, GrafanaConflictError, provisioningFiles, toGrafana, type GrafanaDashboard } from '@promkit/core/grafana';
import { isPromkitError, type DashboardInput } from '@promkit/core';
import { parse } from 'yaml';
import { startMisbehavingUpstream } from '../harness/misbehaving-upstream.mjs';
import { CONTRACT_DATASOURCES, CONTRACT_PROXY_USER, CONTRACT_TOKEN, CONTRACT_USER, startGrafanaContract } from '../harness/grafana-contract.mjs';

let grafana: Awaited<ReturnType<typeof startGrafanaContract>>;
beforeAll(async () => {
  grafana = await startGrafanaContract();
});
afterAll(() => grafana.stop());

const example = (name: string) => JSON.parse(readFileSync(new URL(`../../examples/dashboards/${name}.json`, import.meta.url), 'utf8')) as DashboardInput;
const exported = (name: string): GrafanaDashboard => toGrafana(example(name)).dashboard;
const client = (options: Partial<ConstructorParameters<typeof GrafanaClient>[0]> = {}) => new GrafanaClient({ url: grafana.url, auth: { type: 'token', token: CONTRACT_TOKEN }, ...options });

/** The rejection of a promise, to assert on. */
async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

describe('GrafanaClient (classic API)', () => {
  it('publishes a promkit dashboard, reads it back, finds it, and deletes it', async () => {
    const g = client();
    const dashboard = exported('app-overview');
    const saved = await g.publish(dashboard, { message: 'from promkit' });
    expect(saved).toEqual({ uid: 'app-overview', version: 1, url: `${grafana.url}/d/app-overview/shop-api-overview` });
    expect(grafana.requests.at(-1)).toMatchObject({ method: 'POST', path: '/api/dashboards/db', body: { overwrite: false, message: 'from promkit', dashboard: { uid: 'app-overview', id: null } } });
    expect(grafana.requests.at(-1)!.headers.authorization).toBe(`Bearer ${CONTRACT_TOKEN}`);

    const stored = await g.get('app-overview');
    expect(stored.version).toBe(1);
    expect(stored.dashboard.panels).toEqual(dashboard.panels);
    expect((await g.search({ query: 'shop' })).map((h) => [h.uid, h.type])).toEqual([['app-overview', 'dash-db']]);
    expect(await g.search({ tags: ['no-such-tag'] })).toEqual([]);

    await g.delete('app-overview');
    const gone = await failure(g.get('app-overview'));
    expect(gone).toBeInstanceOf(GrafanaApiError);
    expect(gone).toMatchObject({ status: 404, message: expect.stringContaining('Dashboard not found') });
  });

  it('updates with the version it read; a stale version is a typed version-mismatch conflict unless overwriting', async () => {
    const g = client();
    const first = await g.publish(exported('prometheus-self'));
    const read = await g.get(first.uid);
    const second = await g.publish({ ...read.dashboard, title: 'Prometheus itself (2)' });
    expect(second.version).toBe(2);

    grafana.touch(first.uid); // someone else saves meanwhile: version 3
    const stale = await failure(g.publish({ ...read.dashboard, version: 2 } as GrafanaDashboard));
    expect(stale).toBeInstanceOf(GrafanaConflictError);
    expect(isPromkitError(stale, 'GrafanaConflictError')).toBe(true);
    expect(stale).toMatchObject({ status: 412, reason: 'version-mismatch', message: expect.stringContaining('re-read it, or publish with overwrite') });

    const forced = await g.publish(read.dashboard, { overwrite: true });
    expect(forced.version).toBe(4);
  });

  it('a title taken in the folder by another dashboard is a name-exists conflict', async () => {
    const g = client();
    await g.publish({ ...exported('hosts'), uid: 'hosts-a' });
    const clash = await failure(g.publish({ ...exported('hosts'), uid: 'hosts-b' }));
    expect(clash).toMatchObject({ name: 'GrafanaConflictError', status: 412, reason: 'name-exists' });
  });

  it('makes nested folders once, publishes into them, and names a missing folder', async () => {
    const g = client();
    const service = await g.ensureFolder('Platform/Checkout');
    const again = await g.ensureFolder(['Platform', 'Checkout']);
    expect(again.uid).toBe(service.uid);
    expect(service.parentUid).toBeDefined();
    expect(grafana.requests.filter((r) => r.method === 'POST' && r.path === '/api/folders').length).toBe(2);

    await g.publish({ ...exported('service-overview'), uid: 'svc-in-folder' }, { folderUid: service.uid });
    expect((await g.get('svc-in-folder')).folderUid).toBe(service.uid);
    expect((await g.search({ folderUids: [service.uid] })).map((h) => h.uid)).toEqual(['svc-in-folder']);

    const missing = await failure(g.publish(exported('service-overview'), { folderUid: 'no-such-folder' }));
    expect(missing).toMatchObject({ name: 'GrafanaApiError', status: 400, message: expect.stringContaining('folder not found') });
    await expect(g.ensureFolder(' / ')).rejects.toThrow(/needs a folder title/);
  });

  it('looks a datasource up by name and starts the ${datasource} variable on it', async () => {
    const g = client();
    expect(await g.datasourceUid('Prometheus')).toBe(CONTRACT_DATASOURCES[0]!.uid);
    await g.publish({ ...exported('prometheus-self'), uid: 'with-ds', title: 'With datasource' }, { datasource: 'Prometheus' });
    const stored = await g.get('with-ds');
    expect(stored.dashboard.templating.list[0]).toMatchObject({ name: 'datasource', current: { text: 'Prometheus', value: CONTRACT_DATASOURCES[0]!.uid } });
    expect(await failure(g.datasourceUid('Loki'))).toMatchObject({ status: 404, message: expect.stringContaining('Data source not found') });
  });

  it('shares a dashboard publicly: one share per dashboard, a URL with its token and theme, update and delete', async () => {
    const g = client();
    await g.publish({ ...exported('prometheus-self'), uid: 'to-share', title: 'To share' });
    const shared = await g.createPublicDashboard('to-share', { timeSelectionEnabled: true });
    expect(shared).toMatchObject({ dashboardUid: 'to-share', isEnabled: true, timeSelectionEnabled: true, annotationsEnabled: false });
    expect(g.publicUrl(shared, { theme: 'light' })).toBe(`${grafana.url}/public-dashboards/${shared.accessToken}?theme=light`);

    const twice = await failure(g.createPublicDashboard('to-share'));
    expect(twice).toMatchObject({ name: 'GrafanaApiError', status: 400, code: 'publicdashboards.dashboardIsPublic' });
    expect((await g.getPublicDashboard('to-share')).accessToken).toBe(shared.accessToken);
    expect(await g.updatePublicDashboard('to-share', shared.uid, { isEnabled: false })).toMatchObject({ isEnabled: false, timeSelectionEnabled: true });
    await g.deletePublicDashboard('to-share', shared.uid);
    expect(await failure(g.getPublicDashboard('to-share'))).toMatchObject({ status: 404, code: 'publicdashboards.notFound' });
    expect(await failure(g.createPublicDashboard('no-such-dashboard'))).toMatchObject({ status: 404, code: 'publicdashboards.dashboardNotFound' });
  });

  it('signs in with basic auth or an auth-proxy header, acts in the org it names, and explains a refusal', async () => {
    const basic = client({ auth: { type: 'basic', ...CONTRACT_USER }, orgId: 2 });
    await basic.publish({ ...exported('prometheus-self'), uid: 'org-two' });
    expect(grafana.requests.at(-1)!.headers['x-grafana-org-id']).toBe('2');
    expect(await failure(client().get('org-two'))).toMatchObject({ status: 404 });
    const proxy = client({ auth: { type: 'proxy', user: CONTRACT_PROXY_USER }, orgId: 2 });
    expect((await proxy.get('org-two')).dashboard.uid).toBe('org-two');

    const badToken = await failure(client({ auth: { type: 'token', token: 'wrong' } }).search());
    expect(badToken).toMatchObject({ name: 'GrafanaApiError', status: 401, code: 'api-key.invalid', message: expect.stringContaining('Check the token') });
    const unreachable = await failure(new GrafanaClient({ url: 'http://127.0.0.1:9', timeout: 2000 }).search());
    expect(unreachable).toMatchObject({ name: 'NetworkError', message: expect.stringContaining('Cannot reach Grafana') });
    expect(() => new GrafanaClient({ url: 'grafana.example.com' })).toThrow(/must start with http/);
  });
});

describe('GrafanaClient failures (the same ky → promkit errors as the Prometheus client)', () => {
  it('an aborted call is a CanceledError; a stalled Grafana is a TimeoutError at the per-call timeout', async () => {
    const stalled = await startMisbehavingUpstream({ upstream: grafana.url, mode: 'stall-before-headers' });
    try {
      const g = new GrafanaClient({ url: stalled.url, auth: { type: 'token', token: CONTRACT_TOKEN } });
      const controller = new AbortController();
      const pending = failure(g.search({}, { signal: controller.signal }));
      controller.abort();
      expect(await pending).toMatchObject({ name: 'CanceledError', message: expect.stringContaining('Request canceled') });
      const late = await failure(g.get('x', { timeout: 200 }));
      expect(late).toMatchObject({ name: 'TimeoutError', side: 'client', message: expect.stringContaining('within 200 ms') });
    } finally {
      await stalled.stop();
    }
  });
});

describe('GrafanaClient (Kubernetes-style API)', () => {
  it('creates a Dashboard resource, replaces it at the version it read when overwriting, and refuses otherwise', async () => {
    const g = client({ api: 'kubernetes' });
    const created = await g.publish({ ...exported('service-overview'), uid: 'k8s-svc' }, { message: 'first' });
    expect(grafana.requests.at(-1)).toMatchObject({ method: 'POST', path: '/apis/dashboard.grafana.app/v1beta1/namespaces/default/dashboards', body: { kind: 'Dashboard', metadata: { name: 'k8s-svc', annotations: { 'grafana.app/message': 'first' } } } });
    const read = await g.get('k8s-svc');
    expect(read.version).toBe(created.version);
    expect(read.dashboard.title).toBe('Service overview');

    const exists = await failure(g.publish({ ...exported('service-overview'), uid: 'k8s-svc' }));
    expect(exists).toMatchObject({ name: 'GrafanaConflictError', status: 409, reason: 'exists' });
    const replaced = await g.publish({ ...exported('service-overview'), uid: 'k8s-svc', title: 'Service (v2)' }, { overwrite: true });
    expect(replaced.version).not.toBe(created.version);
    expect((await g.get('k8s-svc')).dashboard.title).toBe('Service (v2)');

    await g.delete('k8s-svc');
    expect(await failure(g.get('k8s-svc'))).toMatchObject({ status: 404, code: 'NotFound' });
    expect(await failure(client({ api: 'kubernetes', orgId: 2, namespace: 'default' }).get('x'))).toMatchObject({ status: 403 });
    await expect(g.publish({ ...exported('service-overview'), uid: undefined } as GrafanaDashboard)).rejects.toThrow(/needs a dashboard uid/);
  });
});

describe('provisioningFiles', () => {
  it('writes one JSON file per dashboard and the provider YAML Grafana reads', () => {
    const files = provisioningFiles([exported('app-overview'), exported('hosts')], { folder: 'promkit', path: '/etc/dashboards' });
    expect(files.map((f) => f.path)).toEqual(['dashboards/app-overview.json', 'dashboards/hosts.json', 'provisioning/dashboards/promkit.yaml']);
    expect(JSON.parse(files[0]!.content)).toEqual(exported('app-overview'));
    expect(parse(files[2]!.content)).toEqual({
      apiVersion: 1,
      providers: [{ name: 'promkit', orgId: 1, folder: 'promkit', type: 'file', disableDeletion: false, allowUiUpdates: false, updateIntervalSeconds: 30, options: { path: '/etc/dashboards' } }],
    });
    expect(() => provisioningFiles([{ ...exported('hosts'), uid: undefined } as GrafanaDashboard])).toThrow(/has no uid/);
    expect(() => provisioningFiles([exported('hosts'), exported('hosts')])).toThrow(/Two dashboards have the uid "hosts"/);
  });
});
