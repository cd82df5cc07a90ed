/** Data links: URLs expanded for one value as Grafana expands them, every macro percent-encoded, unsafe results refused; Grafana's field links imported. */
import { describe, expect, it } from 'vitest';
import { dashboardLinkUrl, dataLinkTitle, dataLinkUrl, type DataLinkSource } from '@promkit/core';
import { fromGrafana, toGrafana } from '@promkit/core/grafana';

const source: DataLinkSource = {
  seriesName: 'api-1',
  labels: { instance: 'api-1', node: 'n 1&x=2' },
  value: { raw: 0.25, text: '25%' },
  row: { pod: 'web-7', namespace: 'shop' },
  range: { from: 1_000, to: 61_000 },
  variables: { cluster: { value: 'eu', text: 'eu' } },
};

describe('dataLinkUrl', () => {
  it('fills in the value, its row, its labels, the time range and variables; macro values are percent-encoded', () => {
    expect(dataLinkUrl('/d/pods?var-pod=${__data.fields.pod}&ns=${__data.fields["namespace"]}&${__url_time_range}&${cluster:queryparam}', source)).toBe('/d/pods?var-pod=web-7&ns=shop&from=1000&to=61000&var-cluster=eu');
    expect(dataLinkUrl('/nodes?node=${__field.labels.node}&v=${__value.raw}&t=${__value.text}&s=${__series.name}', source)).toBe('/nodes?node=n%201%26x%3D2&v=0.25&t=25%25&s=api-1');
    // A point of a time series: its time in epoch ms; a value without one keeps the macro as written.
    expect(dataLinkUrl('/trace?at=${__value.time}', { ...source, value: { ...source.value, time: 1_700_000_000_000.4 } })).toBe('/trace?at=1700000000000');
    expect(dataLinkUrl('/trace?at=${__value.time}', source)).toBe('/trace?at=${__value.time}');
  });

  it('keeps what names nothing as written, and refuses a URL that is not http(s), mailto or relative once filled in', () => {
    expect(dataLinkUrl('/x?a=${__data.fields.missing}', source)).toBe('/x?a=${__data.fields.missing}');
    expect(dataLinkUrl('javascript:alert(${__value.raw})', source)).toBeUndefined();
    expect(dataLinkUrl('${__field.labels.instance}', { ...source, labels: { instance: 'javascript:alert(1)' } })).toBe('javascript%3Aalert(1)');
  });
});

describe('dataLinkTitle', () => {
  it('fills in the same macros and variables as text, nothing encoded', () => {
    expect(dataLinkTitle('Node ${__field.labels.node} in ${cluster} at ${__value.text}', source)).toBe('Node n 1&x=2 in eu at 25%');
  });
});

describe('Grafana data links', () => {
  it('are kept on field defaults with their URL templates (an unsafe one is named and left out), and go back the same', () => {
    const grafana = {
      title: 'G',
      schemaVersion: 39,
      panels: [{ id: 1, type: 'table', title: 'Pods', gridPos: { x: 0, y: 0, w: 12, h: 8 }, targets: [{ refId: 'A', expr: 'up', instant: true }], fieldConfig: { defaults: { links: [{ title: 'Pod details', url: '/d/pods?var-pod=${__data.fields.pod}&${__url_time_range}', targetBlank: true }, { title: 'bad', url: 'javascript:alert(1)' }] }, overrides: [] } }],
    };
    const { dashboard, warnings } = fromGrafana(grafana);
    expect(dashboard.panels[0]).toMatchObject({ fieldConfig: { defaults: { links: [{ title: 'Pod details', url: '/d/pods?var-pod=${__data.fields.pod}&${__url_time_range}', targetBlank: true }] } } });
    expect(warnings.map((w) => w.path)).toEqual(['panels[0].fieldConfig.defaults.links[1].url']);
    expect(fromGrafana(toGrafana(dashboard).dashboard).dashboard).toEqual(dashboard);
  });
});

describe('links to Grafana dashboards', () => {
  it('go where the page shows its dashboards, their query kept', () => {
    expect(dashboardLinkUrl('/d/abc123/node-exporter?var-host=a&from=1&to=2', '/boards/{uid}')).toBe('/boards/abc123?var-host=a&from=1&to=2');
    expect(dashboardLinkUrl('/d/abc123', '#/dash/{uid}')).toBe('#/dash/abc123');
    expect(dashboardLinkUrl('/d-solo/abc123/x?panelId=2', '/view?board={uid}')).toBe('/view?board=abc123&panelId=2');
    expect(dashboardLinkUrl('/d/a%20b/x', '/boards/{uid}'), 'a uid that is not one stays a link as written').toBe('/d/a%20b/x');
  });

  it('leave every other URL, and all URLs without a template, as they are', () => {
    expect(dashboardLinkUrl('/d/abc123/x', undefined)).toBe('/d/abc123/x');
    expect(dashboardLinkUrl('https://grafana.example/d/abc123/x', '/boards/{uid}')).toBe('https://grafana.example/d/abc123/x');
    expect(dashboardLinkUrl('/dashboards/abc', '/boards/{uid}')).toBe('/dashboards/abc');
  });

  it("apply to data links once their macros are filled in: a label's value lands in the query, not the path", () => {
    const source = { seriesName: 'a', labels: { host: 'web 1' }, value: { raw: 1, text: '1' }, dashboardUrl: '/boards/{uid}' };
    expect(dataLinkUrl('/d/nodes/node?var-host=${__field.labels.host}', source)).toBe('/boards/nodes?var-host=web%201');
    expect(dataLinkUrl('/d/nodes/node?var-host=${__field.labels.host}', { ...source, dashboardUrl: undefined })).toBe('/d/nodes/node?var-host=web%201');
  });

  it('are checked like every link once sent: a template that makes them unsafe makes no link', () => {
    const source = { seriesName: 'a', labels: {}, value: { raw: 1, text: '1' }, dashboardUrl: 'javascript:alert(1)//{uid}' };
    expect(dataLinkUrl('/d/nodes/node', source)).toBe(undefined);
    expect(dataLinkUrl('https://example.com/d/x', source), 'other links are not touched').toBe('https://example.com/d/x');
  });
});
