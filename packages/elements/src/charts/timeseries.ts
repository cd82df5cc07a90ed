/**
 * Time series panel → ECharts option. Pure: frames, settings and theme in, option out.
 *
 * Each series is one dataset whose source is a flat Float64Array `[t0, v0, t1, v1, …]` (ECharts'
 * typed-array source), never an array of `[t, v]` pairs; LTTB sampling keeps drawing fast. Nothing
 * animates: a live chart redraws at every refresh, and lines that morph each time read as noise
 * (and cost a frame loop per chart). Missing steps become gaps.
 *
 * Samples that are not finite (`+Inf`, `-Inf`, `NaN`: division by zero, a quantile in the `+Inf`
 * bucket) are drawn as Grafana draws them: as gaps in the line, never as points at the axis edge,
 * so the y axis keeps the scale of the finite data. The tooltip still names them ("+Inf", "-Inf",
 * "NaN") at their time, and a finite sample left alone between two gaps is drawn as a point.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { axisTickInterval, formatTickText, formatValueText, isByValue, parseRgb, reduce, type AnnotationEvent, type Exemplar, type FieldDefaults, type Frame, type PanelOptions } from '@promkit/core';
import { resolveColor, type ChartTheme } from '../theme/theme.js';
import { domTooltip, type TooltipContent, type TooltipRenderer } from './tooltip.js';
import { axisTimeLabel, fullTimeLabel } from './time-format.js';
import { valueColor } from './value-color.js';

export interface TimeseriesSeries {
  name: string;
  refId: string;
  frame: Frame;
  field: FieldDefaults;
  /** Hidden from the chart (toggled off in the legend). */
  hidden?: boolean;
}

export interface TimeseriesInput {
  series: TimeseriesSeries[];
  /** Panel-level settings (axis unit, thresholds, stacking come from the first series' field). */
  field: FieldDefaults;
  options: PanelOptions;
  /** The x axis spans this, epoch ms. */
  range: { from: number; to: number };
  /** Step of the data, ms: a wider gap between samples is drawn as a gap. */
  stepMs: number;
  theme: ChartTheme;
  timeZone: string;
  /** Where the pointer is, in value units, for the `single` tooltip (set by the element). */
  pointer?: { value: number | undefined };
  /** Renders the tooltip's content; default `domTooltip`. */
  renderTooltip?: TooltipRenderer;
  /** Annotation events: a dashed line at each mark's time, a band over each region. */
  annotations?: readonly AnnotationEvent[];
  /** Exemplars of targets that ask for them, each with the refId of its target: drawn as diamonds in the colour of its target's first series. */
  exemplars?: readonly (Exemplar & { refId: string })[];
}

/** Points beyond which ECharts' large mode is on. */
const LARGE = 2_000;

/** The colour of series i: an override's fixed colour, else the palette. */
export function seriesColor(field: FieldDefaults, index: number, theme: ChartTheme): string {
  const fixed = field.color?.mode === 'fixed' ? resolveColor(field.color.fixedColor, theme) : undefined;
  return fixed ?? theme.palette[index % theme.palette.length]!;
}

/**
 * Every series' colour: seriesColor by its place, or, where its field colours by value (a
 * continuous scheme, shades), the colour of its `color.seriesBy` value (the last by default)
 * within the range of every series' values, as Grafana colours lines under a scheme.
 */
export function seriesColors(series: readonly Pick<TimeseriesSeries, 'field' | 'frame'>[], theme: ChartTheme): string[] {
  if (!series.some((s) => isByValue(s.field.color?.mode))) return series.map((s, i) => seriesColor(s.field, i, theme));
  const span = spanOf(series);
  return series.map((s, i) => {
    const by = s.field.color?.seriesBy;
    if (!isByValue(s.field.color?.mode)) return seriesColor(s.field, i, theme);
    const value = reduce(s.frame.values, by === 'min' ? 'min' : by === 'max' ? 'max' : 'lastNotNull');
    return (Number.isFinite(value) ? valueColor(value, s.field, theme, span) : undefined) ?? seriesColor(s.field, i, theme);
  });
}

/** A vertical gradient over a line's own box: the top of the box is offset 0. */
type VerticalGradient = { type: 'linear'; x: 0; y: 0; x2: 0; y2: 1; colorStops: { offset: number; color: string }[] };

/**
 * A line coloured by value along its height, as Grafana draws `gradientMode: scheme` under a
 * colour scheme: the line's box runs from its highest value (top) to its lowest, and each height
 * takes the scheme's colour for its value within `span` (every series' values). Undefined when
 * the line is flat or the field does not colour by value.
 */
export function schemeLine(values: ArrayLike<number>, field: FieldDefaults, theme: ChartTheme, span: { min: number; max: number }): VerticalGradient | undefined {
  if (!isByValue(field.color?.mode)) return undefined;
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) (low = Math.min(low, v)), (high = Math.max(high, v));
  }
  if (!(high > low)) return undefined;
  const STOPS = 8;
  const colorStops = Array.from({ length: STOPS + 1 }, (_, k) => {
    const offset = k / STOPS;
    return { offset, color: valueColor(high - (high - low) * offset, field, theme, span) ?? theme.palette[0]! };
  });
  return { type: 'linear', x: 0, y: 0, x2: 0, y2: 1, colorStops };
}

/** The lowest and highest finite value of every series, if any. */
function spanOf(series: readonly Pick<TimeseriesSeries, 'frame'>[]): { min: number; max: number } | undefined {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const s of series) for (const v of s.frame.values) if (Number.isFinite(v)) (min = Math.min(min, v)), (max = Math.max(max, v));
  return min <= max ? { min, max } : undefined;
}

/** An area's fill: the series colour, or with a gradient mode a fade from it at the line to clear at the bottom. */
export function fillColor(color: string, gradientMode: NonNullable<FieldDefaults['custom']>['gradientMode'], below = false): string | { type: 'linear'; x: 0; y: 0; x2: 0; y2: 1; colorStops: { offset: number; color: string }[] } {
  const rgb = parseRgb(color);
  if (!gradientMode || gradientMode === 'none' || !rgb) return color;
  // Strongest at the line, clear towards zero: below the zero line the area's top is the clear end.
  const clear = `rgba(${rgb.join(', ')}, 0)`;
  return { type: 'linear', x: 0, y: 0, x2: 0, y2: 1, colorStops: below ? [{ offset: 0, color: clear }, { offset: 1, color }] : [{ offset: 0, color }, { offset: 1, color: clear }] };
}

/** True when a series is drawn below the zero line: no drawn value above zero (`[t, v, …]` source). */
function drawnBelowZero(source: ArrayLike<number>): boolean {
  let any = false;
  for (let i = 1; i < source.length; i += 2) {
    const v = source[i]!;
    if (v > 0) return false;
    if (v < 0) any = true;
  }
  return any;
}

/**
 * A frame as one flat [t, v, t, v, …] array, NaN rows marking gaps wider than `maxGapMs`. Values
 * that are not finite become NaN (gaps): ECharts would stretch the axis to an infinity.
 */
export function interleave(frame: Frame, maxGapMs: number, transform?: (v: number) => number, zeroGapsStepMs?: number): Float64Array {
  const { timestamps: t, values: v } = frame;
  let gaps = 0;
  for (let i = 1; i < t.length; i++) if (t[i]! - t[i - 1]! > maxGapMs) gaps++;
  // A gap is one NaN point (the line breaks), or with `zeroGapsStepMs` a zero a step after the
  // last sample and one a step before the next (the line drops to zero: Grafana's "null as zero").
  const perGap = zeroGapsStepMs ? 2 : 1;
  const out = new Float64Array((t.length + gaps * perGap) * 2);
  let o = 0;
  for (let i = 0; i < t.length; i++) {
    if (i > 0 && t[i]! - t[i - 1]! > maxGapMs) {
      if (zeroGapsStepMs) {
        out[o++] = t[i - 1]! + zeroGapsStepMs;
        out[o++] = 0;
        out[o++] = t[i]! - zeroGapsStepMs;
        out[o++] = 0;
      } else {
        out[o++] = t[i - 1]! + 1;
        out[o++] = Number.NaN;
      }
    }
    out[o++] = t[i]!;
    const value = transform ? transform(v[i]!) : v[i]!;
    out[o++] = Number.isFinite(value) ? value : Number.NaN;
  }
  return out;
}

/** Times of the finite points with a gap (or the end) on both sides: a line cannot show them. */
export function lonePoints(source: Float64Array): Set<number> {
  const lone = new Set<number>();
  const rows = source.length / 2;
  const gap = (row: number) => row < 0 || row >= rows || Number.isNaN(source[row * 2 + 1]!);
  for (let row = 0; row < rows; row++) if (!gap(row) && gap(row - 1) && gap(row + 1)) lone.add(source[row * 2]!);
  return lone;
}

/**
 * Each series divided by the sum of all series at the same timestamp, × 100 (100 % stacking).
 * Infinite samples are gaps, left out of the totals (an infinite total would flatten the others to 0).
 */
export function percentFrames(frames: Frame[]): Frame[] {
  const totals = new Map<number, number>();
  for (const f of frames) {
    for (let i = 0; i < f.timestamps.length; i++) {
      const v = f.values[i]!;
      if (Number.isFinite(v)) totals.set(f.timestamps[i]!, (totals.get(f.timestamps[i]!) ?? 0) + v);
    }
  }
  return frames.map((f) => ({
    labels: f.labels,
    timestamps: f.timestamps,
    values: f.values.map((v, i) => {
      const total = totals.get(f.timestamps[i]!) ?? 0;
      return total === 0 || !Number.isFinite(v) ? Number.NaN : (v / total) * 100;
    }),
  }));
}

/**
 * The value axis as Grafana scales it: the drawn values' extent padded by a tenth of it each way,
 * reaching zero only when the padding would cross it (a flat line at v spans 0 to 2v), so a
 * series between 60 % and 68 % is not squashed against a zero line; bars always keep zero. Ticks
 * read as round numbers in the unit (512 MiB, 1 GiB; 15 min, 1 hour, from core's
 * axisTickInterval), else 1, 2 or 5 times a power of ten, and the axis ends on ticks. Hard bounds
 * stay as set; soft bounds widen the axis to reach them. What it leaves to ECharts is null, not
 * missing: a redraw merges into the last option, whose bounds must not linger.
 */
export function valueAxisScale(
  unit: string,
  /** The values drawn: every `stride`-th from `offset` (an interleaved `[t, v, …]` dataset is stride 2, offset 1). */
  frames: readonly { values: ArrayLike<number>; stride?: number; offset?: number }[],
  bounds: { min?: number; max?: number; softMin?: number; softMax?: number },
  keepZero = false,
): { interval: number | null; min: number | null; max: number | null } {
  const { min, max } = bounds;
  const chartsOwn = { interval: null, min: min ?? null, max: max ?? null };
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const f of frames) {
    for (let i = f.offset ?? 0; i < f.values.length; i += f.stride ?? 1) {
      const v = f.values[i]!;
      if (!Number.isFinite(v)) continue;
      if (v < low) low = v;
      if (v > high) high = v;
    }
  }
  if (low > high) return chartsOwn;
  const pad = high > low ? (high - low) / 10 : Math.abs(high) || 1;
  let from = min ?? (low >= 0 && low - pad < 0 ? 0 : low - pad);
  let to = max ?? (high <= 0 && high + pad > 0 ? 0 : high + pad);
  if (min === undefined) from = Math.min(from, bounds.softMin ?? from, keepZero ? 0 : from);
  if (max === undefined) to = Math.max(to, bounds.softMax ?? to, keepZero ? 0 : to);
  if (!(to > from)) return chartsOwn;
  const interval = axisTickInterval(unit, from, to) ?? roundStep((to - from) / 6);
  return {
    interval,
    min: min ?? onTick(Math.floor(from / interval + 1e-9), interval),
    max: max ?? onTick(Math.ceil(to / interval - 1e-9), interval),
  };
}

/** The `k`-th tick, without the float noise of the product (0.58, not 0.5800000000000001). */
const onTick = (k: number, interval: number) => Number((k * interval).toPrecision(12));

/** 1, 2 or 5 times a power of ten, at least `raw`. */
function roundStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].find((m) => m * power >= raw * (1 - 1e-9)) ?? 10;
  return step * power;
}

/** The series the chart draws: not toggled off in the legend, not hidden from the chart by `custom.hideFrom.viz`. */
export function drawnSeries<S extends Pick<TimeseriesSeries, 'hidden' | 'field'>>(series: readonly S[]): S[] {
  return series.filter((s) => !s.hidden && !s.field.custom?.hideFrom?.viz);
}

/** A sample as the chart places it: negated for `custom.transform: negative-Y`, then `gap` (a log axis' non-positive values). */
function valueOnChart(field: FieldDefaults, gap: ((v: number) => number) | undefined): ((v: number) => number) | undefined {
  if (field.custom?.transform !== 'negative-Y') return gap;
  return gap ? (v) => gap(-v) : (v) => -v;
}

/** The y axis' hard and soft bounds: `min`/`max` fix it; `custom.axisSoftMin`/`axisSoftMax` widen it to reach them. */
function boundsOf(field: FieldDefaults): { min?: number; max?: number; softMin?: number; softMax?: number } {
  const c = field.custom ?? {};
  return {
    ...(field.min !== undefined ? { min: field.min } : {}),
    ...(field.max !== undefined ? { max: field.max } : {}),
    ...(c.axisSoftMin !== undefined ? { softMin: c.axisSoftMin } : {}),
    ...(c.axisSoftMax !== undefined ? { softMax: c.axisSoftMax } : {}),
  };
}

export function timeseriesOption(input: TimeseriesInput): EChartsCoreOption {
  const { theme, field, options } = input;
  const custom = field.custom ?? {};
  const stacking = custom.stacking?.mode ?? 'none';
  const log = custom.axisScale?.type === 'log';
  const unit = stacking === 'percent' ? 'percent' : (field.unit ?? 'none');
  const visible = drawnSeries(input.series);
  const frames = stacking === 'percent' ? percentFrames(visible.map((s) => s.frame)) : visible.map((s) => s.frame);
  const points = frames.reduce((n, f) => n + f.timestamps.length, 0);
  const large = points > LARGE;
  const spanNulls = custom.spanNulls;
  const maxGap = spanNulls === true ? Number.POSITIVE_INFINITY : Math.max(typeof spanNulls === 'number' ? spanNulls : 0, input.stepMs * 1.5);
  const nonPositiveToGap = log ? (v: number) => (v > 0 ? v : Number.NaN) : undefined;

  const datasets = frames.map((frame, i) => {
    const zeros = visible[i]!.field.nullValueMode === 'null as zero' ? input.stepMs : undefined;
    return { source: interleave(frame, maxGap, valueOnChart(visible[i]!.field, nonPositiveToGap), zeros), dimensions: ['time', 'value'] };
  });
  // Legends may name two series alike (`legendFormat` without the label that tells them apart); ids must differ.
  const seen = new Map<string, number>();
  const idOf = (base: string) => {
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n === 0 ? base : `${base}#${n}`;
  };
  const colors = seriesColors(input.series, theme);
  const valueSpan = spanOf(input.series);
  const series = visible.map((s, i) => {
    const index = input.series.indexOf(s);
    const c = s.field.custom ?? {};
    const color = colors[index]!;
    const draw = c.drawStyle ?? 'line';
    const fill = (c.fillOpacity ?? (stacking === 'none' ? 0 : 30)) / 100;
    const allPoints = draw === 'points' || c.showPoints === 'always';
    // A line needs two neighbours: finite samples between gaps (say, +Inf every other step) get a point.
    const lone = allPoints || draw === 'bars' || spanNulls === true ? new Set<number>() : lonePoints(datasets[i]!.source);
    return {
      id: idOf(`${s.refId}:${s.name}`),
      name: s.name,
      type: draw === 'bars' ? 'bar' : 'line',
      datasetIndex: i,
      encode: { x: 'time', y: 'value' },
      color,
      showSymbol: allPoints || lone.size > 0,
      // Always set: a refresh merges into the last option, which may hold the callback.
      symbol: !allPoints && lone.size > 0 ? (value: ArrayLike<number>) => (lone.has(value[0]!) ? 'circle' : 'none') : 'emptyCircle',
      symbolSize: draw === 'points' ? 4 : 3,
      sampling: 'lttb',
      connectNulls: spanNulls === true,
      lineStyle: { width: draw === 'points' ? 0 : (c.lineWidth ?? 1), color: (c.gradientMode === 'scheme' && stacking === 'none' && !c.transform && valueSpan && schemeLine(s.frame.values, s.field, theme, valueSpan)) || color },
      ...(fill > 0 && draw !== 'points' ? { areaStyle: { opacity: fill, color: fillColor(color, c.gradientMode, stacking === 'none' && drawnBelowZero(datasets[i]!.source)) } } : {}),
      ...(stacking !== 'none' ? { stack: c.stacking?.group ?? 'A' } : {}),
      emphasis: { disabled: true },
      ...(draw === 'bars' ? { barMaxWidth: 12 } : {}),
      large,
      ...(i === 0 ? thresholdMarks(field, theme) : {}),
    };
  });

  const span = input.range.to - input.range.from;
  return {
    animation: false,
    textStyle: { fontFamily: theme.fontFamily, fontSize: theme.fontSize, color: theme.text },
    color: theme.palette,
    backgroundColor: 'transparent',
    // The grid holds the axes' labels and names (ECharts 6's outer bounds; containLabel leaves names out).
    grid: { left: 8, right: 16, top: 12, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    dataset: datasets,
    xAxis: {
      type: 'time',
      min: input.range.from,
      max: input.range.to,
      axisLine: { lineStyle: { color: theme.axis } },
      axisTick: { show: false },
      axisLabel: { color: theme.textMuted, hideOverlap: true, formatter: (value: number) => axisTimeLabel(value, span, input.timeZone) },
      splitLine: { show: true, lineStyle: { color: theme.grid } },
    },
    yAxis: {
      type: log ? 'log' : 'value',
      ...(log ? { logBase: custom.axisScale?.log ?? 10 } : {}),
      // Grafana's axis label: along the axis, beside its tick labels.
      name: custom.axisLabel ?? '',
      nameLocation: 'middle',
      nameRotate: custom.axisPlacement === 'right' ? -90 : 90,
      nameGap: 6,
      nameMoveOverlap: true,
      nameTextStyle: { color: theme.textMuted },
      position: custom.axisPlacement === 'right' ? 'right' : 'left',
      show: custom.axisPlacement !== 'hidden',
      // Log and stacked axes take ECharts' own range (percent stacks 0–100) within the field's bounds.
      ...(log || stacking !== 'none'
        ? { interval: null, min: field.min ?? (stacking === 'percent' ? 0 : null), max: field.max ?? (stacking === 'percent' ? 100 : null) }
        : valueAxisScale(unit, datasets.map((d) => ({ values: d.source, stride: 2, offset: 1 })), boundsOf(field), visible.some((s) => (s.field.custom?.drawStyle ?? custom.drawStyle) === 'bars'))),
      axisLabel: { color: theme.textMuted, formatter: (value: number) => formatTickText(value, unit, field.decimals) },
      splitLine: { lineStyle: { color: theme.grid } },
    },
    tooltip:
      options.tooltip?.mode === 'none'
        ? { show: false }
        : {
            trigger: 'axis',
            confine: true,
            backgroundColor: theme.tooltipBackground,
            borderColor: theme.border,
            textStyle: { color: theme.text, fontFamily: theme.fontFamily, fontSize: theme.fontSize },
            axisPointer: { type: 'line', lineStyle: { color: theme.axis } },
            formatter: (params: TooltipParam[]) => (input.renderTooltip ?? domTooltip)(tooltipContent(params, input, unit)),
          },
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    series: [...series, ...exemplarSeries(input, visible, colors), ...annotationSeries(input.annotations ?? [], theme)],
  };
}

/**
 * The exemplars as one series of diamonds after the lines (the tooltip names each by its labels, at
 * its own time). A toggled-off target's exemplars go with its series. Drawn as a line series with
 * no line, so no chart code beyond the lines' loads for them. `seriesColors`: every series' colour (seriesColors).
 */
function exemplarSeries(input: TimeseriesInput, visible: readonly TimeseriesSeries[], seriesColors: readonly string[]) {
  const colors = new Map<string, string>();
  for (const s of visible) if (!colors.has(s.refId)) colors.set(s.refId, seriesColors[input.series.indexOf(s)]!);
  const shown = (input.exemplars ?? []).map((e, i) => ({ e, i })).filter(({ e }) => colors.has(e.refId) && Number.isFinite(e.value));
  if (shown.length === 0) return [];
  return [
    {
      id: 'exemplars',
      name: 'Exemplars',
      type: 'line',
      lineStyle: { width: 0, opacity: 0 },
      showSymbol: true,
      symbol: 'diamond',
      symbolSize: 8,
      z: 3,
      emphasis: { disabled: true },
      itemStyle: { borderColor: input.theme.background, borderWidth: 1 },
      // [time, value, index into input.exemplars]
      data: shown.sort((a, b) => a.e.time - b.e.time).map(({ e, i }) => ({ value: [e.time, e.value, i], itemStyle: { color: colors.get(e.refId) } })),
    },
  ];
}

/** The annotations' lines and bands, as a series of no data of its own (the marks' buttons are DOM, over the chart). */
function annotationSeries(events: readonly AnnotationEvent[], theme: ChartTheme) {
  if (events.length === 0) return [];
  const marks = events.filter((e) => e.timeEnd === undefined);
  const regions = events.filter((e) => e.timeEnd !== undefined);
  return [
    {
      id: '__annotations',
      type: 'line',
      data: [],
      silent: true,
      tooltip: { show: false },
      markLine: {
        silent: true,
        symbol: 'none',
        label: { show: false },
        data: marks.map((e) => ({ xAxis: e.time, lineStyle: { color: resolveColor(e.color, theme), type: 'dashed', width: 1 } })),
      },
      markArea: {
        silent: true,
        data: regions.map((e) => [{ xAxis: e.time, itemStyle: { color: resolveColor(e.color, theme), opacity: 0.12 } }, { xAxis: e.timeEnd }]),
      },
    },
  ];
}

/** Threshold lines and bands, drawn with the first series. */
function thresholdMarks(field: FieldDefaults, theme: ChartTheme) {
  const style = field.custom?.thresholdsStyle?.mode ?? 'off';
  const steps = field.thresholds?.mode === 'absolute' ? field.thresholds.steps : [];
  if (style === 'off' || steps.length < 2) return {};
  const marks: Record<string, unknown> = {};
  if (style === 'line' || style === 'line+area') {
    marks['markLine'] = {
      silent: true,
      symbol: 'none',
      label: { show: false },
      data: steps
        .filter((s) => s.value !== null)
        .map((s) => ({ yAxis: s.value, lineStyle: { color: resolveColor(s.color, theme), type: 'dashed', width: 1 } })),
    };
  }
  if (style === 'area' || style === 'line+area') {
    marks['markArea'] = {
      silent: true,
      data: steps.map((s, i) => [
        { yAxis: s.value ?? 'min', itemStyle: { color: resolveColor(s.color, theme), opacity: 0.08 } },
        { yAxis: steps[i + 1]?.value ?? 'max' },
      ]),
    };
  }
  return marks;
}

/** What ECharts passes an axis tooltip's formatter, per series. */
export interface TooltipParam {
  seriesName: string;
  /** Index among the drawn (visible) series. */
  seriesIndex?: number;
  color: string;
  value: ArrayLike<number> | number[];
  axisValue: number;
}

/** The sample a frame has at time t, or undefined (binary search: timestamps ascend). */
function sampleAt(frame: Frame, t: number): number | undefined {
  const ts = frame.timestamps;
  let lo = 0;
  let hi = ts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ts[mid]! === t) return frame.values[mid];
    if (ts[mid]! < t) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/**
 * What the tooltip shows at the pointer's time. A gap drawn for a sample that is not finite shows
 * that sample ("+Inf"); a gap where no sample is shows no row.
 */
export function tooltipContent(params: TooltipParam[], input: TimeseriesInput, unit: string): TooltipContent {
  if (params.length === 0) return { heading: '', rows: [] };
  const visible = drawnSeries(input.series);
  // The exemplar series comes after the lines: an exemplar within half a step of the pointer is named by its labels.
  const exemplarRows = params.flatMap((p) => {
    const exemplar = p.seriesIndex === visible.length ? input.exemplars?.[Number(p.value[2])] : undefined;
    if (!exemplar || Math.abs(exemplar.time - params[0]!.axisValue) > input.stepMs / 2) return [];
    const labels = Object.entries(exemplar.labels).map(([k, v]) => `${k}=${v}`).join(', ');
    return [{ color: p.color, name: `Exemplar${labels ? ` ${labels}` : ''}`, value: formatValueText(exemplar.value, unit, input.field.decimals) }];
  });
  let rows = params.filter((p) => p.seriesIndex === undefined || p.seriesIndex < visible.length).flatMap((p) => {
    const custom = p.seriesIndex === undefined ? undefined : visible[p.seriesIndex]?.field.custom;
    if (custom?.hideFrom?.tooltip) return [];
    // A negative-Y series is drawn negated: the tooltip gives the sample as it is.
    if (custom?.transform === 'negative-Y' && !Number.isNaN(Number(p.value[1]))) return [{ ...p, value: [Number(p.value[0]), -Number(p.value[1])] }];
    if (!Number.isNaN(Number(p.value[1]))) return [p];
    const frame = p.seriesIndex === undefined ? undefined : visible[p.seriesIndex]?.frame;
    const sample = frame ? sampleAt(frame, Number(p.value[0])) : undefined;
    return sample === undefined || Number.isFinite(sample) ? [] : [{ ...p, value: [Number(p.value[0]), sample] }];
  });
  const sort = input.options.tooltip?.sort ?? 'none';
  // Compared, not subtracted: +Inf − +Inf is NaN, which breaks a sort.
  const order = (a: number, b: number) => (a < b ? -1 : a > b ? 1 : 0);
  if (sort !== 'none') rows = [...rows].sort((a, b) => order(Number(a.value[1]), Number(b.value[1])) * (sort === 'asc' ? 1 : -1));
  if (input.options.tooltip?.mode === 'single' && input.pointer?.value !== undefined && rows.length > 1) {
    const target = input.pointer.value;
    rows = [rows.reduce((best, p) => (Math.abs(Number(p.value[1]) - target) < Math.abs(Number(best.value[1]) - target) ? p : best))];
  }
  return {
    heading: fullTimeLabel(params[0]!.axisValue, input.timeZone),
    rows: [...rows.map((p) => ({ color: p.color, name: p.seriesName, value: formatValueText(Number(p.value[1]), unit, input.field.decimals) })), ...exemplarRows],
  };
}
