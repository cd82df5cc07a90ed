import { describe, expect, it } from 'vitest';
import { parseDashboard, timeSettings, timeZoneOrBrowser, withDefaultUrl, type Datasource } from '@promkit/core';

/** A datasource's URL (a host one has none). */
const urlOf = (ds: Datasource) => (ds.type === 'host' ? undefined : ds.url);

const { datasources } = parseDashboard({
  schemaVersion: 1,
  title: 'ds',
  datasources: [
    { name: 'first', url: 'http://first:9090' },
    { name: 'main', url: 'http://main:9090', default: true },
  ],
});

describe('withDefaultUrl', () => {
  it('points the default datasource at the URL and leaves the others alone', () => {
    const result = withDefaultUrl(datasources, 'http://host:9090');
    expect(result.map((ds) => [ds.name, urlOf(ds)])).toEqual([
      ['first', 'http://first:9090'],
      ['main', 'http://host:9090'],
    ]);
    expect(urlOf(datasources[1]!)).toBe('http://main:9090');
  });

  it('takes the first datasource when none is marked default', () => {
    const result = withDefaultUrl([datasources[0]!, { ...datasources[1]!, default: false }], 'http://host:9090');
    expect(result.map(urlOf)).toEqual(['http://host:9090', 'http://main:9090']);
  });

  it('makes one default Prometheus datasource when there are none', () => {
    expect(withDefaultUrl([], 'http://host:9090')).toEqual([
      { name: 'default', type: 'prometheus', url: 'http://host:9090', backend: 'prometheus', scrapeInterval: '15s', default: true },
    ]);
  });

  it('keeps the datasources as they are without a URL', () => {
    expect(withDefaultUrl(datasources, undefined)).toEqual(datasources);
    expect(withDefaultUrl(datasources, '')).toEqual(datasources);
  });
});

describe('timeZoneOrBrowser', () => {
  const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;

  it('uses a timezone that exists, with no error', () => {
    expect(timeZoneOrBrowser('Europe/Berlin')).toEqual({ timeZone: 'Europe/Berlin' });
    expect(timeZoneOrBrowser('utc')).toEqual({ timeZone: 'UTC' });
    expect(timeZoneOrBrowser(undefined)).toEqual({ timeZone: browser });
  });

  it("falls back to the browser's timezone and says why", () => {
    const choice = timeZoneOrBrowser('Mars/Olympus');
    expect(choice.timeZone).toBe(browser);
    expect(choice.error?.name).toBe('InvalidArgumentError');
    expect(choice.error?.message).toContain('Unknown timezone "Mars/Olympus"');
  });
});

describe('timeSettings', () => {
  const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const dashboard = parseDashboard({ schemaVersion: 1, title: 't', time: { from: 'now-1h', to: 'now' }, refresh: '30s', timezone: 'utc' });

  it("takes the dashboard's own settings when the host asks for none", () => {
    expect(timeSettings(dashboard, {})).toEqual({ range: { from: 'now-1h', to: 'now' }, refresh: '30s', refreshMs: 30_000, timeZone: 'UTC' });
  });

  it('lets what the host asks for win, an empty refresh included (off)', () => {
    expect(timeSettings(dashboard, { from: 'now-2d', to: 'now-1d', refresh: '', timeZone: 'Europe/Berlin' })).toEqual({
      range: { from: 'now-2d', to: 'now-1d' },
      refresh: '',
      refreshMs: 0,
      timeZone: 'Europe/Berlin',
    });
  });

  it('has defaults without a dashboard, and reads epoch-ms times as text', () => {
    expect(timeSettings(undefined, {})).toEqual({ range: { from: 'now-6h', to: 'now' }, refresh: '', refreshMs: 0, timeZone: browser });
    const fixed = parseDashboard({ schemaVersion: 1, title: 't', time: { from: 1000, to: 2000 } });
    expect(timeSettings(fixed, {}).range).toEqual({ from: '1000', to: '2000' });
  });

  it("shows times in the browser's timezone when the one asked for does not exist, and says why", () => {
    const settings = timeSettings(dashboard, { timeZone: 'Mars/Olympus' });
    expect(settings.timeZone).toBe(browser);
    expect(settings.timeZoneError?.message).toContain('Mars/Olympus');
  });
});
