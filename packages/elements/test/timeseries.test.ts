/** The time series option builder, in Node: pure input → option. */
import { fullTimeLabel } from '../src/charts/time-format.js';
import type { TooltipContent, TooltipRenderer } from '../src/charts/tooltip.js';
import { describe, expect, it } from 'vitest';
import type { Exemplar, FieldDefaults, Frame } from '@promkit/core';
import { interleave, percentFrames, timeseriesOption, tooltipContent, type TimeseriesInput } from '../src/charts/timeseries.js';
import { frame, theme } from './fixtures.js';
import { valueColor } from '../src/charts/value-color.js';


function input(field: FieldDefaults, frames: Frame[], extra: Partial<TimeseriesInput> = {}): TimeseriesInput {
  return {
    series: frames.map((f, i) => ({ name: f.labels['name']!, refId: 'A', frame: f, field: i === 0 ? field : {} })),
    field,
    options: {},
    range: { from: 0, to: 100_000 },
    stepMs: 10_000,
    theme,
    timeZone: 'UTC',
    ...extra,
  };
}

type Option = { series: Record<string, unknown>[]; dataset: { source: Float64Array }[]; yAxis: Record<string, unknown>; animation: boolean; tooltip: { formatter?: (p: unknown) => string } };

describe('interleave', () => {
  it('gives series that share a legend name different ids (ECharts refuses duplicates)', () => {
    const same = [frame('appended', [[0, 1]]), frame('appended', [[0, 2]]), frame('other', [[0, 3]])];
    const o = timeseriesOption(input({}, same)) as unknown as Option;
    expect(o.series.map((s) => s['id'])).toEqual(['A:appended', 'A:appended#1', 'A:other']);
  });

  it('writes [t, v, …] and a NaN row where samples are missing', () => {
    const f = frame('a', [[0, 1], [10, 2], [40, 3]]);
    expect([...interleave(f, 15)]).toEqual([0, 1, 10, 2, 11, Number.NaN, 40, 3]);
    expect([...interleave(f, Number.POSITIVE_INFINITY)]).toEqual([0, 1, 10, 2, 40, 3]);
  });
});

describe('interleave with null as zero', () => {
  it('a gap drops to zero a step after the last sample and rises a step before the next', () => {
    const f = frame('a', [[0, 5], [10_000, 6], [60_000, 7]]);
    expect([...interleave(f, 15_000, undefined, 10_000)]).toEqual([0, 5, 10_000, 6, 20_000, 0, 50_000, 0, 60_000, 7]);
    expect([...interleave(f, 15_000)]).toEqual([0, 5, 10_000, 6, 10_001, Number.NaN, 60_000, 7]);
  });
});

describe('timeseriesOption', () => {
  it("under a continuous scheme a line takes the colour of its last (or seriesBy) value within every series' range, as Grafana colours them; the palette otherwise", () => {
    const field: FieldDefaults = { color: { mode: 'continuous-GrYlRd' } };
    const frames = [frame('low', [[0, 10], [10_000, 0]]), frame('high', [[0, 0], [10_000, 100]])];
    const colorsOf = (f: FieldDefaults) => (timeseriesOption({ ...input(f, frames), series: frames.map((fr) => ({ name: fr.labels['name']!, refId: 'A', frame: fr, field: f })) }) as unknown as Option).series.map((s) => s['color']);
    const [low, high] = colorsOf(field);
    expect([low, high]).toEqual([valueColor(0, field, theme, { min: 0, max: 100 }), valueColor(100, field, theme, { min: 0, max: 100 })]);
    expect(low).not.toBe(high);
    expect(colorsOf({ color: { mode: 'continuous-GrYlRd', seriesBy: 'max' } })[0]).toBe(valueColor(10, field, theme, { min: 0, max: 100 }));
    expect(colorsOf({})).toEqual([theme.palette[0], theme.palette[1]]);
  });

  it("exemplars: diamonds in their target's colour at their time and value; the tooltip names one within half a step by its labels; a toggled-off target's go too", () => {
    const exemplars: (Exemplar & { refId: string })[] = [
      { refId: 'A', seriesLabels: {}, labels: { trace_id: '<b>x</b>' }, value: 1.5, time: 20_000 },
      { refId: 'A', seriesLabels: {}, labels: {}, value: Number.NaN, time: 30_000 },
      { refId: 'B', seriesLabels: {}, labels: { trace_id: 'b' }, value: 2, time: 20_000 },
    ];
    const frames = [frame('a', [[0, 1], [10_000, 2], [20_000, 1]])];
    const i = { ...input({ unit: 'short' }, frames), exemplars };
    const o = timeseriesOption(i) as unknown as Option;
    const scatter = o.series.find((s) => s['id'] === 'exemplars') as { symbol: string; data: { value: number[]; itemStyle: { color: string } }[] };
    expect(scatter.symbol).toBe('diamond');
    expect(scatter.data).toEqual([{ value: [20_000, 1.5, 0], itemStyle: { color: theme.palette[0] } }]);
    const params = [
      { seriesName: 'a', seriesIndex: 0, color: '#000001', value: [20_000, 1], axisValue: 20_000 },
      { seriesName: 'Exemplars', seriesIndex: 1, color: '#000001', value: [20_000, 1.5, 0], axisValue: 20_000 },
    ];
    expect(tooltipContent(params, i, 'short').rows.map((r) => [r.name, r.value])).toEqual([['a', '1'], ['Exemplar trace_id=<b>x</b>', '1.50']]);
    expect(tooltipContent(params.map((p) => ({ ...p, axisValue: 0 })), i, 'short').rows.map((r) => r.name), 'far from the pointer').toEqual(['a']);
    const hidden = timeseriesOption({ ...i, series: i.series.map((s) => ({ ...s, hidden: true })) }) as unknown as Option;
    expect(hidden.series.some((s) => s['id'] === 'exemplars')).toBe(false);
  });

  it('a fill fades from the series colour at the line to clear with a gradient mode (opacity; hue and scheme drawn so too), flat without', () => {
    const fill = (custom: NonNullable<FieldDefaults['custom']>) => (timeseriesOption(input({ custom }, [frame('a', [[0, 1], [10_000, 2]])])) as unknown as Option).series[0]!['areaStyle'] as { opacity: number; color: unknown };
    expect(fill({ fillOpacity: 40 })).toEqual({ opacity: 0.4, color: theme.palette[0] });
    expect(fill({ fillOpacity: 40, gradientMode: 'none' }).color).toBe(theme.palette[0]);
    for (const gradientMode of ['opacity', 'hue', 'scheme'] as const) {
      expect(fill({ fillOpacity: 40, gradientMode })).toEqual({
        opacity: 0.4,
        color: { type: 'linear', x: 0, y: 0, x2: 0, y2: 1, colorStops: [{ offset: 0, color: '#000001' }, { offset: 1, color: 'rgba(0, 0, 1, 0)' }] },
      });
    }
    expect((timeseriesOption(input({ custom: { gradientMode: 'opacity' } }, [frame('a', [[0, 1]])])) as unknown as Option).series[0]!['areaStyle'], 'no fill, no gradient').toBeUndefined();
  });

  it('one Float64Array dataset per series, LTTB sampling, palette colours, units on the axis', () => {
    const o = timeseriesOption(input({ unit: 'bytes' }, [frame('a', [[0, 1024], [10_000, 2048]]), frame('b', [[0, 1], [10_000, 2]])])) as unknown as Option;
    expect(o.dataset.map((d) => d.source)).toEqual([Float64Array.of(0, 1024, 10_000, 2048), Float64Array.of(0, 1, 10_000, 2)]);
    expect(o.series.map((s) => [s['type'], s['sampling'], s['color'], s['datasetIndex']])).toEqual([
      ['line', 'lttb', theme.palette[0], 0],
      ['line', 'lttb', theme.palette[1], 1],
    ]);
    expect((o.yAxis['axisLabel'] as { formatter: (v: number) => string }).formatter(1536)).toBe('1.5 KiB');
    expect(o.animation).toBe(false);
  });

  it("a byte axis ticks at round powers of 1024, ending on a tick; other units keep the chart's own ticks", () => {
    const gib = 1024 ** 3;
    const o = timeseriesOption(input({ unit: 'bytes' }, [frame('a', [[0, 0.2 * gib], [10_000, 2.7 * gib]])])) as unknown as Option;
    const y = o.yAxis as { interval: number; min: number; max: number; axisLabel: { formatter: (v: number) => string } };
    expect(y.interval).toBe(gib / 2);
    expect(y.max).toBe(3 * gib);
    expect(y.min).toBe(0);
    expect([1, 2, 3, 4, 5, 6].map((k) => y.axisLabel.formatter(k * y.interval))).toEqual(['512 MiB', '1 GiB', '1.5 GiB', '2 GiB', '2.5 GiB', '3 GiB']);
    const plain = timeseriesOption(input({ unit: 'short' }, [frame('a', [[0, 0], [10_000, 2700]])])) as unknown as Option;
    expect([plain.yAxis['min'], plain.yAxis['max'], plain.yAxis['interval']], '1, 2 or 5 times a power of ten').toEqual([0, 3000, 500]);
    // A set minimum stays as set.
    expect((timeseriesOption(input({ unit: 'bytes', min: gib }, [frame('a', [[0, 1.2 * gib], [10_000, 2.7 * gib]])])) as unknown as Option).yAxis['min']).toBe(gib);
  });

  it('negative-Y draws a series below the axis and the tooltip gives its samples as they are', () => {
    const frames = [frame('rx', [[0, 5], [10_000, 7]]), frame('tx', [[0, 3], [10_000, 4]])];
    const field: FieldDefaults = { custom: { transform: 'negative-Y' } };
    const o = timeseriesOption(input(field, frames)) as unknown as Option;
    expect(o.dataset.map((d) => [...d.source])).toEqual([[0, -5, 10_000, -7], [0, 3, 10_000, 4]]);
    const params = [{ seriesIndex: 0, seriesName: 'rx', color: 'red', axisValue: 10_000, value: [10_000, -7] }, { seriesIndex: 1, seriesName: 'tx', color: 'blue', axisValue: 10_000, value: [10_000, 4] }];
    expect(tooltipContent(params, input(field, frames), 'none').rows.map((r) => [r.name, r.value])).toEqual([['rx', '7'], ['tx', '4']]);
  });

  it('hideFrom: viz leaves a series out of the chart, tooltip out of the tooltip', () => {
    const frames = [frame('a', [[0, 1]]), frame('b', [[0, 2]]), frame('c', [[0, 3]])];
    const series = (s: TimeseriesInput['series']) => s.map((x, i) => ({ ...x, field: i === 0 ? { custom: { hideFrom: { viz: true, legend: false, tooltip: false } } } : i === 1 ? { custom: { hideFrom: { viz: false, legend: false, tooltip: true } } } : {} }));
    const base = input({}, frames);
    const withHidden = { ...base, series: series(base.series) };
    const o = timeseriesOption(withHidden) as unknown as Option;
    expect(o.series.map((s) => s['name'])).toEqual(['b', 'c']);
    const params = [{ seriesIndex: 0, seriesName: 'b', color: 'red', axisValue: 0, value: [0, 2] }, { seriesIndex: 1, seriesName: 'c', color: 'blue', axisValue: 0, value: [0, 3] }];
    expect(tooltipContent(params, withHidden, 'none').rows.map((r) => r.name)).toEqual(['c']);
  });

  it('soft min and max widen the axis to reach them, never narrow it; a hard min wins', () => {
    const y = (field: FieldDefaults, points: [number, number][]) => (timeseriesOption(input(field, [frame('a', points)])) as unknown as Option).yAxis as { min: number; max: number };
    const soft = y({ custom: { axisSoftMin: -10, axisSoftMax: 100 } }, [[0, 5], [10_000, 20]]);
    expect(soft.min).toBeLessThanOrEqual(-10);
    expect(soft.max).toBeGreaterThanOrEqual(100);
    expect(y({ custom: { axisSoftMax: 100 } }, [[0, 5], [10_000, 150]]).max, 'a soft max never narrows').toBeGreaterThanOrEqual(150);
    expect(y({ min: 0, custom: { axisSoftMin: -10 } }, [[0, 5]]).min).toBe(0);
  });

  it('scales the value axis as Grafana does: the values padded by a tenth, zero only when the padding would reach it; bars keep zero', () => {
    const y = (field: FieldDefaults, points: [number, number][]) => (timeseriesOption(input(field, [frame('a', points)])) as unknown as Option).yAxis as { min: number; max: number; interval: number };
    // 60 % to 68 %: not squashed against zero.
    const memory = y({ unit: 'percentunit' }, [[0, 0.6], [10_000, 0.68]]);
    expect(memory.min).toBeGreaterThan(0.5);
    expect(memory.max).toBeLessThan(0.75);
    expect(Math.abs(memory.min / memory.interval - Math.round(memory.min / memory.interval)), 'ends on a tick').toBeLessThan(1e-9);
    // Near zero, the axis starts there.
    expect(y({}, [[0, 0.01], [10_000, 0.38]]).min).toBe(0);
    // A flat line at 1 spans 0 to 2.
    expect([y({}, [[0, 1], [10_000, 1]]).min, y({}, [[0, 1], [10_000, 1]]).max]).toEqual([0, 2]);
    // Below zero, mirrored.
    expect(y({}, [[0, -0.68], [10_000, -0.6]]).max).toBeLessThan(-0.5);
    // Bars stand on zero.
    expect(y({ custom: { drawStyle: 'bars' } }, [[0, 60], [10_000, 68]]).min).toBe(0);
  });

  it('draws 1-pixel lines unless lineWidth says otherwise (wider strokes cost canvas several times the time)', () => {
    const frames = [frame('a', [[0, 1], [10_000, 3]]), frame('b', [[0, 3], [10_000, 1]])];
    const widths = (field: FieldDefaults) => (timeseriesOption(input(field, frames)) as unknown as Option).series.map((s) => (s['lineStyle'] as { width: number }).width);
    expect(widths({})).toEqual([1, 1]);
    expect(widths({ custom: { lineWidth: 3 } })).toEqual([3, 1]);
    expect(widths({ custom: { drawStyle: 'points' } })).toEqual([0, 1]);
  });

  it('stacks normally, or to 100 % with a percent axis', () => {
    const frames = [frame('a', [[0, 1], [10_000, 3]]), frame('b', [[0, 3], [10_000, 1]])];
    const normal = timeseriesOption(input({ custom: { stacking: { mode: 'normal' } } }, frames)) as unknown as Option;
    expect(normal.series.map((s) => s['stack'])).toEqual(['A', 'A']);
    // ECharts' own range, said as null: a redraw merges into the last option, whose scaled bounds must not linger.
    expect([normal.yAxis['min'], normal.yAxis['max'], normal.yAxis['interval']]).toEqual([null, null, null]);
    const percent = timeseriesOption(input({ custom: { stacking: { mode: 'percent' } } }, frames)) as unknown as Option;
    expect(percent.dataset.map((d) => [...d.source])).toEqual([
      [0, 25, 10_000, 75],
      [0, 75, 10_000, 25],
    ]);
    expect(percent.yAxis).toMatchObject({ min: 0, max: 100 });
    expect(percentFrames(frames).map((f) => [...f.values])).toEqual([[25, 75], [75, 25]]);
  });

  it('log axis: base and non-positive values as gaps', () => {
    const o = timeseriesOption(input({ custom: { axisScale: { type: 'log', log: 2 } } }, [frame('a', [[0, 0], [10_000, 8]])])) as unknown as Option;
    expect(o.yAxis).toMatchObject({ type: 'log', logBase: 2 });
    expect([...o.dataset[0]!.source]).toEqual([0, Number.NaN, 10_000, 8]);
  });

  it('threshold lines and bands in threshold colours', () => {
    const thresholds = { mode: 'absolute' as const, steps: [{ value: null, color: 'green' }, { value: 80, color: 'red' }] };
    const o = timeseriesOption(input({ thresholds, custom: { thresholdsStyle: { mode: 'line+area' } } }, [frame('a', [[0, 1]])])) as unknown as Option;
    const markLine = o.series[0]!['markLine'] as { data: { yAxis: number; lineStyle: { color: string } }[] };
    expect(markLine.data.map((d) => [d.yAxis, d.lineStyle.color])).toEqual([[80, theme.named['red']]]);
    const markArea = o.series[0]!['markArea'] as { data: [{ yAxis: unknown; itemStyle: { color: string } }, { yAxis: unknown }][] };
    expect(markArea.data.map(([a, b]) => [a.yAxis, b.yAxis, a.itemStyle.color])).toEqual([
      ['min', 80, theme.named['green']],
      [80, 'max', theme.named['red']],
    ]);
  });

  it('hidden series are left out; fixed override colours win', () => {
    const i = input({}, [frame('a', [[0, 1]]), frame('b', [[0, 2]])]);
    i.series[0]!.hidden = true;
    i.series[1]!.field = { color: { mode: 'fixed', fixedColor: 'orange' } };
    const o = timeseriesOption(i) as unknown as Option;
    expect(o.series.map((s) => [s['name'], s['color']])).toEqual([['b', theme.named['orange']]]);
  });

  it('the tooltip keeps series names as text and sorts; single mode shows the series nearest the pointer', () => {
    const pointer = { value: 9 as number | undefined };
    const asContent = ((c: TooltipContent) => c) as unknown as TooltipRenderer;
    const hostile = '<img src=x onerror=alert(1)>';
    const i = input({}, [frame(hostile, [[0, 1]]), frame('b', [[0, 10]])], { options: { tooltip: { mode: 'multi', sort: 'desc' } }, pointer, renderTooltip: asContent });
    const o = timeseriesOption(i) as unknown as { tooltip: { formatter: (p: unknown) => TooltipContent } };
    const params = [
      { seriesName: hostile, color: theme.palette[0], value: [0, 1], axisValue: 0 },
      { seriesName: 'b', color: theme.palette[1], value: [0, 10], axisValue: 0 },
    ];
    const content = o.tooltip.formatter(params);
    expect(content.heading).toBe(fullTimeLabel(0, 'UTC'));
    expect(content.rows).toEqual([
      { color: theme.palette[1], name: 'b', value: '10' },
      { color: theme.palette[0], name: hostile, value: '1' },
    ]);
    const single = timeseriesOption({ ...i, options: { tooltip: { mode: 'single', sort: 'none' } } }) as unknown as { tooltip: { formatter: (p: unknown) => TooltipContent } };
    expect(single.tooltip.formatter(params).rows.map((r) => r.name)).toEqual(['b']);
  });
});

describe('a line under a colour scheme with gradientMode scheme', () => {
  it('is coloured by value along its height, as Grafana draws it: its highest value at the top of its box', () => {
    const field: FieldDefaults = { color: { mode: 'continuous-GrYlRd' }, min: 0, max: 1, custom: { gradientMode: 'scheme' } };
    const o = timeseriesOption(input(field, [frame('cpu', [[0, 0.1], [10_000, 0.9], [20_000, 0.2]])])) as unknown as Option;
    const line = (o.series[0]!['lineStyle'] as { color: { colorStops: { offset: number; color: string }[] } }).color;
    const stops = line.colorStops;
    expect(stops[0]!.offset).toBe(0);
    expect(stops.at(-1)!.offset).toBe(1);
    const rgb = (c: string) => c.match(/\d+/g)!.map(Number);
    const [topR, topG] = rgb(stops[0]!.color);
    const [bottomR, bottomG] = rgb(stops.at(-1)!.color);
    expect(topR! > topG!, `the top (0.9) is red: ${stops[0]!.color}`).toBe(true);
    expect(bottomG! > bottomR!, `the bottom (0.1) is green: ${stops.at(-1)!.color}`).toBe(true);
    // Without the scheme gradient, one colour (its last value's).
    const plain = timeseriesOption(input({ ...field, custom: {} }, [frame('cpu', [[0, 0.1], [10_000, 0.9]])])) as unknown as Option;
    expect(typeof (plain.series[0]!['lineStyle'] as { color: unknown }).color).toBe('string');
  });
});
