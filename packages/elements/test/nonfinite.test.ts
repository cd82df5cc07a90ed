/** Chart builders with +Inf, -Inf and NaN samples: finite data drawn, infinities named, scales finite. */
import type { TooltipContent, TooltipRenderer } from '../src/charts/tooltip.js';
import { describe, expect, it } from 'vitest';
import type { FieldDefaults, Frame } from '@promkit/core';
import { interleave, lonePoints, percentFrames, timeseriesOption, type TimeseriesInput } from '../src/charts/timeseries.js';
import { arcValue, fillShare, gaugeOption } from '../src/charts/gauge.js';
import { bucketCounts } from '../src/charts/heatmap.js';
import { reduceSeries } from '../src/charts/reduce.js';
import { sortedRows, tableModel } from '../src/charts/table.js';
import { frame, theme } from './fixtures.js';

const INF = Number.POSITIVE_INFINITY;
const NAN = Number.NaN;


function input(field: FieldDefaults, frames: Frame[], extra: Partial<TimeseriesInput> = {}): TimeseriesInput {
  return {
    series: frames.map((f) => ({ name: f.labels['name']!, refId: 'A', frame: f, field })),
    field,
    options: { tooltip: { mode: 'multi', sort: 'none' } },
    range: { from: 0, to: 100_000 },
    stepMs: 10_000,
    theme,
    timeZone: 'UTC',
    renderTooltip: asText,
    ...extra,
  };
}

/** Tooltip content as text, values in <b>, for the assertions (the element renders DOM). */
const asText = ((c: TooltipContent) => [c.heading, ...c.rows.map((r) => `${r.name} <b>${r.value}</b>`)].join(' ')) as unknown as TooltipRenderer;

type Option = {
  series: Record<string, unknown>[];
  dataset: { source: Float64Array }[];
  tooltip: { formatter: (p: unknown) => string };
};

describe('timeseries with infinities', () => {
  const spiky = frame('a', [[0, 1], [10_000, INF], [20_000, 2], [30_000, 3], [40_000, -INF], [50_000, NAN], [60_000, 4]]);

  it('draws infinities as gaps, so the y axis scales to the finite samples', () => {
    expect([...interleave(spiky, 15_000)]).toEqual([0, 1, 10_000, NAN, 20_000, 2, 30_000, 3, 40_000, NAN, 50_000, NAN, 60_000, 4]);
    const o = timeseriesOption(input({}, [spiky])) as unknown as Option;
    expect(o.dataset[0]!.source.every((v) => Number.isFinite(v) || Number.isNaN(v))).toBe(true);
  });

  it('a finite sample with a gap on both sides is drawn as a point, the others as a line', () => {
    expect([...lonePoints(interleave(spiky, 15_000))]).toEqual([0, 60_000]);
    const o = timeseriesOption(input({}, [spiky])) as unknown as Option;
    const s = o.series[0]!;
    expect(s['showSymbol']).toBe(true);
    const symbol = s['symbol'] as (v: number[]) => string;
    expect([0, 20_000, 30_000, 60_000].map((t) => symbol([t, 1]))).toEqual(['circle', 'none', 'none', 'circle']);
    // A plain line has no points to add.
    const plain = timeseriesOption(input({}, [frame('b', [[0, 1], [10_000, 2]])])) as unknown as Option;
    expect([plain.series[0]!['showSymbol'], plain.series[0]!['symbol']]).toEqual([false, 'emptyCircle']);
    // Connected over gaps, nothing is alone.
    const spanned = timeseriesOption(input({ custom: { spanNulls: true } }, [spiky])) as unknown as Option;
    expect(spanned.series[0]!['showSymbol']).toBe(false);
  });

  it('the tooltip names an infinite sample at its time and leaves out gaps where no sample is', () => {
    const other = frame('b', [[0, 5], [40_000, 6]]);
    const o = timeseriesOption(input({ unit: 'bytes' }, [spiky, other])) as unknown as Option;
    const at = (t: number, a: number, b: number) =>
      o.tooltip.formatter([
        { seriesName: 'a', seriesIndex: 0, color: theme.palette[0], value: [t, a], axisValue: t },
        { seriesName: 'b', seriesIndex: 1, color: theme.palette[1], value: [t, b], axisValue: t },
      ]);
    const plain = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
    expect(plain(at(10_000, NAN, NAN))).toMatch(/ a \+Inf$/);
    expect(plain(at(40_000, NAN, 6))).toMatch(/ a -Inf b 6 B$/);
    expect(plain(at(50_000, NAN, NAN))).toMatch(/ a NaN$/);
  });

  it('sorts tooltip rows with infinities at the ends', () => {
    const frames = [frame('a', [[0, INF]]), frame('b', [[0, 2]]), frame('c', [[0, -INF]])];
    const o = timeseriesOption(input({}, frames, { options: { tooltip: { mode: 'multi', sort: 'desc' } } })) as unknown as Option;
    const html = o.tooltip.formatter(frames.map((f, i) => ({ seriesName: f.labels['name'], seriesIndex: i, color: theme.palette[0], value: [0, NAN], axisValue: 0 })));
    expect([...html.matchAll(/<b>([^<]*)<\/b>/g)].map((m) => m[1])).toEqual(['+Inf', '-Inf']);
    const sorted = o.tooltip.formatter([
      { seriesName: 'b', seriesIndex: 1, color: theme.palette[0], value: [0, 2], axisValue: 0 },
      { seriesName: 'a', seriesIndex: 0, color: theme.palette[0], value: [0, NAN], axisValue: 0 },
      { seriesName: 'c', seriesIndex: 2, color: theme.palette[0], value: [0, NAN], axisValue: 0 },
    ]);
    expect([...sorted.matchAll(/<b>([^<]*)<\/b>/g)].map((m) => m[1])).toEqual(['+Inf', '2', '-Inf']);
  });

  it('100 % stacking leaves infinite samples out of the totals', () => {
    const frames = [frame('a', [[0, 1], [10_000, INF]]), frame('b', [[0, 3], [10_000, 2]])];
    expect(percentFrames(frames).map((f) => [...f.values])).toEqual([[25, NAN], [75, 100]]);
  });
});

describe('stat, gauge and bar gauge with infinities', () => {
  const thresholds = { mode: 'absolute' as const, steps: [{ value: null, color: 'green' }, { value: 80, color: 'red' }] };

  it('reduce to +Inf, written "+Inf", in the colour of the highest threshold', () => {
    const r = reduceSeries('a', frame('a', [[0, 3], [10_000, INF]]), { unit: 'percent', thresholds }, 'lastNotNull', theme);
    expect(r.formatted).toEqual({ prefix: '', text: '+Inf', suffix: '' });
    expect(r.color).toBe(theme.named['red']);
    expect(reduceSeries('a', frame('a', [[0, 3], [10_000, -INF]]), { thresholds }, 'lastNotNull', theme).color).toBe(theme.named['green']);
    expect(reduceSeries('a', frame('a', [[0, INF], [10_000, 5]]), {}, 'mean', theme).formatted.text).toBe('+Inf');
  });

  it('a gauge points at the max for +Inf and at the min for -Inf and NaN, and says which', () => {
    expect([arcValue(INF, 0, 100), arcValue(-INF, 0, 100), arcValue(NAN, 0, 100), arcValue(42, 0, 100)]).toEqual([100, 0, 0, 42]);
    const value = reduceSeries('a', frame('a', [[0, INF]]), { min: 10, max: 50 }, 'lastNotNull', theme);
    const o = gaugeOption([value], { min: 10, max: 50 }, theme) as { series: { data: { value: number }[]; detail: { formatter: () => string } }[] };
    expect(o.series[0]!.data[0]!.value).toBe(50);
    expect(o.series[0]!.detail.formatter()).toBe('+Inf');
  });

  it('a bar fills for +Inf and stays empty for -Inf and NaN', () => {
    expect([fillShare(INF, 0, 10), fillShare(-INF, 0, 10), fillShare(NAN, 0, 10), fillShare(5, 0, 10), fillShare(20, 0, 10)]).toEqual([1, 0, 0, 0.5, 1]);
  });
});

describe('table and heatmap with infinities', () => {
  it('table cells keep +Inf, -Inf and NaN; a descending sort puts +Inf first and NaN last', () => {
    const rows = [INF, 1, NAN, -INF].map((v, i) => ({ name: String(i), refId: 'A', frame: frame(String(i), [[0, v]], { k: String(i) }), field: {} }));
    const model = tableModel(rows, [{ refId: 'A' }]);
    expect(model.rows.map((r) => r.values['A'])).toEqual([INF, 1, NAN, -INF]);
    const desc = sortedRows(model, { column: 'Value', desc: true }).map((r) => r.labels['k']);
    expect(desc.slice(0, 2)).toEqual(['0', '1']);
    expect(desc.slice(2).sort()).toEqual(['2', '3']);
  });

  it('heatmap: a non-finite count is no cell and no part of the colour scale', () => {
    const bucket = (le: string, values: number[]) => frame(le, values.map((v, i) => [i * 10_000, v] as [number, number]), { le });
    const data = bucketCounts([bucket('1', [2, INF, 1]), bucket('+Inf', [5, INF, NAN])]);
    // Cells: [time, bucket, count] for bucket 1 (times 0, 1, 2), then +Inf.
    const counts = [...data.cells].filter((_, i) => i % 3 === 2);
    expect(counts).toEqual([2, NAN, 1, 3, NAN, NAN]);
    expect(data.max).toBe(3);
  });
});
