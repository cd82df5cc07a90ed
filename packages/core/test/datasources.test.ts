import { describe, expect, it } from 'vitest';
import { DatasourceRegistry, createClient, parseDashboard, type PrometheusDatasource } from '@promkit/core';
import { fixtureFetch } from './fixture-fetch.js';

const dashboard = parseDashboard({
  schemaVersion: 1,
  title: 'ds',
  datasources: [
    { name: 'local', url: 'http://prom:9090', scrapeInterval: '30s' },
    { name: 'mimir', url: 'https://mimir', backend: 'mimir', tenant: 'team-a', authRef: 'mimir-token', default: true },
    { name: 'vm', url: 'http://vm', backend: 'victoriametrics', tenant: '7', headers: { 'X-Source': 'dash' } },
  ],
});

describe('datasources', () => {
  it('build clients with the backend preset, tenant, headers and a host-supplied credential', async () => {
    const { fetch, requests } = fixtureFetch(JSON.stringify({ status: 'success', data: [] }));
    const registry = new DatasourceRegistry(dashboard, {
      resolveAuth: (ref) => (ref === 'mimir-token' ? { type: 'bearer', token: 't0k3n' } : undefined),
      clientOptions: { fetch },
    });
    expect(registry.defaultName).toBe('mimir');
    await registry.client().labels();
    await registry.client('vm').labels();
    expect(requests[0]!.url.href).toBe('https://mimir/prometheus/api/v1/labels');
    expect(requests[0]!.headers.get('authorization')).toBe('Bearer t0k3n');
    expect(requests[0]!.headers.get('x-scope-orgid')).toBe('team-a');
    expect(requests[1]!.url.href).toBe('http://vm/select/7/prometheus/api/v1/labels');
    expect(requests[1]!.headers.get('x-source')).toBe('dash');
    expect(registry.client('vm')).toBe(registry.client('vm'));
    expect(registry.scrapeInterval('local')).toBe(30);
  });

  it('a missing credential or datasource is a clear error', () => {
    expect(() => createClient(dashboard.datasources[1] as PrometheusDatasource)).toThrow(
      'Datasource "mimir" needs the credential "mimir-token", and none was supplied: pass resolveAuth to supply it.',
    );
    expect(() => new DatasourceRegistry(dashboard).client('nope')).toThrow('No datasource named "nope" (known: "local", "mimir", "vm").');
  });
});
