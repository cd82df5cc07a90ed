/** Grafana pie charts import as pie charts: pie or donut, slice labels, legend values, reducer; and go back the same. */
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
