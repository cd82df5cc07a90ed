/** Grafana panel types and options promkit draws since issue 21: pie charts (pie or donut, slice labels, legend values, reducer, the old plugin), heatmaps that bucket raw series (`calculate`); each imports without a note and goes back the same. */
import { describe, expect, it } from 'vitest';
import { fromGrafana, toGrafana } from '@promkit/core/grafana';

const pie = (options: Record<string, unknown>, type = 'piechart') => ({
  title: 'Pies',
  schemaVersion: 39,
  panels: [{ id: 1, type, title: 'Share', gridPos: { x: 0, y: 0, w: 8, h: 8 }, targets: [{ refId: 'A', expr: 'sum by (code) (rate(http_requests_total[5m]))' }], fieldConfig: { defaults: { unit: 'reqps' }, overrides: [] }, options }],
});

describe('Grafana piechart', () => {
  it('imports as a pie chart with its type, labels, legend values and reducer, without a warning', () => {
    const { dashboard, warnings } = fromGrafana(
      pie({ pieType: 'donut', displayLabels: ['name', 'percent'], legend: { displayMode: 'table', placement: 'right', showLegend: true, values: ['value', 'percent'] }, reduceOptions: { calcs: ['mean'], values: false, fields: '' }, tooltip: { mode: 'single' } }),
    );
    expect(warnings).toEqual([]);
    expect(dashboard.panels[0]).toMatchObject({
      type: 'piechart',
      options: { pieType: 'donut', displayLabels: ['name', 'percent'], legend: { displayMode: 'table', placement: 'right', calcs: [], values: ['value', 'percent'] }, reduceOptions: { calcs: ['mean'] } },
    });
  });

  it('keeps what promkit draws of a hidden legend and defaults (right, as Grafana places it), and drops unknown labels', () => {
    const { dashboard } = fromGrafana(pie({ displayLabels: ['name', 'sparkle'], legend: { showLegend: false } }));
    expect(dashboard.panels[0]).toMatchObject({ type: 'piechart', options: { displayLabels: ['name'], legend: { displayMode: 'hidden', placement: 'right' } } });
  });

  it('the old grafana-piechart-panel plugin is a pie chart too, its panel-level settings read', () => {
    const old = pie({}, 'grafana-piechart-panel');
    Object.assign(old.panels[0]!, { pieType: 'donut', legendType: 'Under graph', legend: { show: true, values: true, percentage: true }, valueName: 'current', format: 'bytes', strokeWidth: 1 });
    const { dashboard, warnings } = fromGrafana(old);
    expect(dashboard.panels[0]).toMatchObject({
      type: 'piechart',
      fieldConfig: { defaults: { unit: 'bytes' } },
      options: { pieType: 'donut', legend: { displayMode: 'list', placement: 'bottom', values: ['value', 'percent'] }, reduceOptions: { calcs: ['lastNotNull'] } },
    });
    expect(warnings.map((w) => w.path)).toEqual([]);
  });

  it('round-trips exactly', () => {
    const { dashboard } = fromGrafana(pie({ pieType: 'pie', displayLabels: ['value'], legend: { displayMode: 'list', placement: 'bottom', values: ['percent'] }, reduceOptions: { calcs: ['lastNotNull'] } }));
    expect(fromGrafana(toGrafana(dashboard).dashboard).dashboard).toEqual(dashboard);
  });
});

describe('Grafana heatmap calculate', () => {
  const heat = (calculation: Record<string, unknown>) => ({
    title: 'H',
    schemaVersion: 39,
    panels: [{ id: 1, type: 'heatmap', title: 'Raw', gridPos: { x: 0, y: 0, w: 12, h: 8 }, targets: [{ refId: 'A', expr: 'rate(x[5m])' }], fieldConfig: { defaults: {}, overrides: [] }, options: { calculate: true, calculation } }],
  });

  it('keeps calculate with its value bands (count or size, written as strings too), and says what it leaves out', () => {
    const { dashboard, warnings } = fromGrafana(heat({ yBuckets: { mode: 'size', value: '0.5', scale: { type: 'log', log: 2 } }, xBuckets: { mode: 'size', value: '1m' } }));
    expect(dashboard.panels[0]).toMatchObject({ type: 'heatmap', options: { calculate: true, calculation: { yBuckets: { mode: 'size', value: 0.5 } } } });
    expect(warnings.map((w) => w.path)).toEqual(['panels[0].options.calculation.yBuckets.scale', 'panels[0].options.calculation.xBuckets']);
    expect(fromGrafana(heat({})).dashboard.panels[0]).toMatchObject({ options: { calculate: true } });
    expect(fromGrafana(heat({})).warnings).toEqual([]);
  });
});

describe('Grafana barchart', () => {
  const bars = (options: Record<string, unknown>) => ({
    title: 'B',
    schemaVersion: 39,
    panels: [{ id: 1, type: 'barchart', title: 'By method', gridPos: { x: 0, y: 0, w: 12, h: 8 }, targets: [{ refId: 'A', expr: 'sum by (method) (rate(http_requests_total[5m]))', instant: true, format: 'table' }], fieldConfig: { defaults: { unit: 'reqps' }, overrides: [] }, options }],
  });

  it('imports as a bar chart with orientation, stacking, values, widths, label angle, legend and tooltip; xField and colorByField are named', () => {
    const { dashboard, warnings } = fromGrafana(
      bars({
        orientation: 'horizontal',
        stacking: 'percent',
        showValue: 'always',
        groupWidth: 0.6,
        barWidth: 0.9,
        xTickLabelRotation: -45,
        xTickLabelSpacing: 0,
        barRadius: 0.1,
        fullHighlight: false,
        xField: 'method',
        colorByField: 'Value',
        legend: { displayMode: 'list', placement: 'right', showLegend: true, calcs: [] },
        tooltip: { mode: 'multi', sort: 'desc' },
      }),
    );
    expect(dashboard.panels[0]).toMatchObject({
      type: 'barchart',
      options: { orientation: 'horizontal', stacking: 'percent', showValue: 'always', groupWidth: 0.6, barWidth: 0.9, xTickLabelRotation: -45, legend: { displayMode: 'list', placement: 'right', calcs: [] }, tooltip: { mode: 'multi', sort: 'desc' } },
    });
    expect(warnings.map((w) => w.path)).toEqual(['panels[0].options.xField', 'panels[0].options.colorByField']);
  });

  it('round-trips exactly', () => {
    const { dashboard } = fromGrafana(bars({ stacking: 'normal', groupWidth: 0.7, showValue: 'never' }));
    expect(fromGrafana(toGrafana(dashboard).dashboard).dashboard).toEqual(dashboard);
  });
});

describe('fill gradients', () => {
  it("a current panel's gradientMode is kept; a legacy graph's fillGradient, on the panel or a series override, becomes an opacity gradient as Grafana's migration makes it", () => {
    const current = fromGrafana({ title: 'G', schemaVersion: 39, panels: [{ id: 1, type: 'timeseries', title: 'T', gridPos: { x: 0, y: 0, w: 12, h: 8 }, targets: [{ refId: 'A', expr: 'up' }], fieldConfig: { defaults: { custom: { fillOpacity: 20, gradientMode: 'hue' } }, overrides: [] } }] });
    expect(current.dashboard.panels[0]).toMatchObject({ fieldConfig: { defaults: { custom: { fillOpacity: 20, gradientMode: 'hue' } } } });
    expect(current.warnings).toEqual([]);
    const graph = fromGrafana({
      title: 'G',
      schemaVersion: 26,
      panels: [{ id: 1, type: 'graph', title: 'Old', gridPos: { x: 0, y: 0, w: 12, h: 8 }, targets: [{ refId: 'A', expr: 'up' }], fill: 1, fillGradient: 4, seriesOverrides: [{ alias: 'b', fill: 3, fillGradient: 0 }, { alias: '/c.*/', fillGradient: 10 }] }],
    });
    expect(graph.warnings.filter((w) => w.path.includes('fillGradient'))).toEqual([]);
    expect(graph.dashboard.panels[0]).toMatchObject({
      fieldConfig: {
        defaults: { custom: { fillOpacity: 10, gradientMode: 'opacity' } },
        overrides: [
          { matcher: { id: 'byName', options: 'b' }, properties: [{ id: 'custom.fillOpacity', value: 30 }, { id: 'custom.gradientMode', value: 'none' }] },
          { matcher: { id: 'byRegexp', options: '/c.*/' }, properties: [{ id: 'custom.gradientMode', value: 'opacity' }] },
        ],
      },
    });
  });
});

describe("Grafana 12's field defaults", () => {
  const withCustom = (custom: Record<string, unknown>) => fromGrafana({ title: 'G', schemaVersion: 41, panels: [{ id: 1, type: 'timeseries', title: 'T', gridPos: { x: 0, y: 0, w: 12, h: 8 }, targets: [{ refId: 'A', expr: 'up' }], fieldConfig: { defaults: { custom }, overrides: [] } }] });

  it('showValues off (its default, and what promkit draws) imports quietly; on is named, since values are not written at the points', () => {
    expect(withCustom({ showValues: false }).warnings).toEqual([]);
    expect(withCustom({ showValues: true }).warnings.map((w) => w.path)).toEqual(['panels[0].fieldConfig.defaults.custom.showValues']);
  });

  it('a column footer without reducers and unwrapped cell text (its defaults) import quietly; a footer with reducers and wrapped text are named', () => {
    expect(withCustom({ footer: { reducers: [] }, wrapText: false }).warnings).toEqual([]);
    expect(withCustom({ footer: { reducers: ['sum'] }, wrapText: true }).warnings.map((w) => w.path)).toEqual(['panels[0].fieldConfig.defaults.custom.footer', 'panels[0].fieldConfig.defaults.custom.wrapText']);
  });
});

describe('Grafana exemplars', () => {
  it("a target's exemplar switch is kept (drawn on time series) and goes back the same", () => {
    const { dashboard, warnings } = fromGrafana({ title: 'E', schemaVersion: 39, panels: [{ id: 1, type: 'timeseries', title: 'T', gridPos: { x: 0, y: 0, w: 12, h: 8 }, targets: [{ refId: 'A', expr: 'rate(x_bucket[5m])', exemplar: true }, { refId: 'B', expr: 'up', exemplar: false }] }] });
    expect(warnings).toEqual([]);
    expect(dashboard.panels[0]).toMatchObject({ targets: [{ refId: 'A', exemplar: true }, { refId: 'B' }] });
    expect((dashboard.panels[0] as { targets: object[] }).targets[1]).not.toHaveProperty('exemplar');
    expect(toGrafana(dashboard).dashboard.panels[0]).toMatchObject({ targets: [{ refId: 'A', exemplar: true }, {}] });
    expect(fromGrafana(toGrafana(dashboard).dashboard).dashboard).toEqual(dashboard);
  });
});

describe('Grafana histogram', () => {
  const histogram = (options: Record<string, unknown>, custom: Record<string, unknown> = {}) => ({
    title: 'H',
    schemaVersion: 39,
    panels: [{ id: 1, type: 'histogram', title: 'Latency', gridPos: { x: 0, y: 0, w: 12, h: 8 }, targets: [{ refId: 'A', expr: 'x' }], fieldConfig: { defaults: { unit: 's', custom }, overrides: [] }, options }],
  });

  it('imports as a histogram (no longer a note) with its bands, combine, legend and stacking, and goes back the same', () => {
    const { dashboard, warnings } = fromGrafana(histogram({ bucketCount: 20, bucketSize: 0.25, bucketOffset: 0.1, combine: true, legend: { displayMode: 'list', placement: 'bottom', showLegend: true, calcs: [] } }, { stacking: { mode: 'normal' } }));
    expect(warnings).toEqual([]);
    expect(dashboard.panels[0]).toMatchObject({ type: 'histogram', fieldConfig: { defaults: { custom: { stacking: { mode: 'normal' } } } }, options: { bucketCount: 20, bucketSize: 0.25, bucketOffset: 0.1, combine: true } });
    expect(fromGrafana(toGrafana(dashboard).dashboard).dashboard).toEqual(dashboard);
    expect(fromGrafana(histogram({ bucketSize: -1 })).dashboard.panels[0]).not.toHaveProperty('options.bucketSize');
  });
});

describe("Grafana 7's heatmap", () => {
  it("reads the panel's own yAxis format and decimals as the bands' unit and decimals; a log axis is named", () => {
    const old = (yAxis: Record<string, unknown>) =>
      fromGrafana({ title: 'H', schemaVersion: 26, panels: [{ id: 1, type: 'heatmap', title: 'Latency', gridPos: { x: 0, y: 0, w: 12, h: 8 }, targets: [{ refId: 'A', expr: 'sum by (le) (rate(x_bucket[5m]))', format: 'heatmap' }], dataFormat: 'tsbuckets', xAxis: { show: true }, yAxis, cards: {}, color: { mode: 'spectrum' } }] });
    const { dashboard, warnings } = old({ format: 's', decimals: 1, logBase: 1, show: true, splitFactor: null });
    expect(dashboard.panels[0]).toMatchObject({ type: 'heatmap', fieldConfig: { defaults: { unit: 's', decimals: 1 } } });
    expect(warnings).toEqual([]);
    expect(old({ format: 'bytes', logBase: 2 }).warnings.map((w) => w.path)).toEqual(['panels[0].yAxis.logBase']);
  });
});
