/** State timeline spans and status history cells from a series' samples. */
import { describe, expect, it } from 'vitest';
import { stateSpans } from '@promkit/core';
import { fromGrafana } from '@promkit/core/grafana';

const t = (...s: number[]) => Float64Array.from(s, (x) => x * 1000);
const v = (...x: number[]) => Float64Array.from(x);

describe('stateSpans', () => {
  it('merges consecutive samples of one value; each span lasts until the next value, the last for a step', () => {
    expect(stateSpans(t(0, 15, 30, 45, 60), v(1, 1, 2, 2, 1), { stepMs: 15_000, merge: true })).toEqual([
      { from: 0, to: 30_000, value: 1 },
      { from: 30_000, to: 60_000, value: 2 },
      { from: 60_000, to: 75_000, value: 1 },
    ]);
  });

  it('without merging (a status history) gives a cell per sample', () => {
    expect(stateSpans(t(0, 15, 30), v(1, 1, 1), { stepMs: 15_000, merge: false }).map((s) => [s.from, s.to])).toEqual([[0, 15_000], [15_000, 30_000], [30_000, 45_000]]);
  });

  it('a gap (missing samples) ends a span a step after its last sample; NaN is no state and breaks a run', () => {
    expect(stateSpans(t(0, 15, 90, 105), v(1, 1, 1, 1), { stepMs: 15_000, merge: true })).toEqual([
      { from: 0, to: 30_000, value: 1 },
      { from: 90_000, to: 120_000, value: 1 },
    ]);
    expect(stateSpans(t(0, 15, 30), v(3, Number.NaN, 3), { stepMs: 15_000, merge: true })).toEqual([
      { from: 0, to: 15_000, value: 3 },
      { from: 30_000, to: 45_000, value: 3 },
    ]);
  });

  it('infinite values are states of their own', () => {
    expect(stateSpans(t(0, 15), v(Infinity, Infinity), { stepMs: 15_000, merge: true })).toEqual([{ from: 0, to: 30_000, value: Infinity }]);
  });
});

describe('Grafana state-timeline and status-history', () => {
  const board = (type: string, options: Record<string, unknown>) => ({
    title: 'States',
    schemaVersion: 39,
    panels: [{ id: 1, type, title: 'Up', gridPos: { x: 0, y: 0, w: 12, h: 6 }, targets: [{ refId: 'A', expr: 'up' }], fieldConfig: { defaults: {}, overrides: [] }, options }],
  });

  it('import as the same panel types, with merge, values and row height, without a note or warning', () => {
    const timeline = fromGrafana(board('state-timeline', { mergeValues: false, showValue: 'never', rowHeight: 0.7, alignValue: 'left', legend: { showLegend: false } }));
    expect(timeline.dashboard.panels[0]).toMatchObject({ type: 'state-timeline', options: { mergeValues: false, showValue: 'never', rowHeight: 0.7, legend: { displayMode: 'hidden' } } });
    expect(timeline.warnings).toEqual([]);
    const history = fromGrafana(board('status-history', { showValue: 'always', rowHeight: 5, mergeValues: true }));
    expect(history.dashboard.panels[0]).toMatchObject({ type: 'status-history', options: { showValue: 'always' } });
    expect(history.dashboard.panels[0]!.type === 'status-history' && history.dashboard.panels[0]!.options).not.toHaveProperty('rowHeight');
  });
});
