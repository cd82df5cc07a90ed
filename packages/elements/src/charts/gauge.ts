/**
 * Gauge panel → ECharts option: an arc per the field's min–max, coloured by thresholds. A value
 * that is not finite says so ("+Inf", "-Inf", "NaN"); `+Inf` fills the arc to the max, `-Inf` and
 * NaN leave it empty.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { FieldDefaults } from '@promkit/core';
import { resolveColor, type ChartTheme } from '../theme/theme.js';
import { valueText, type ReducedValue } from './reduce.js';

/** `size`: the smaller side of one gauge's box, px (text and arc scale with it). */
export function gaugeOption(values: ReducedValue[], field: FieldDefaults, theme: ChartTheme, size = 200): EChartsCoreOption {
  // Grafana's proportions: a thick arc and a value that fills the middle.
  const fontSize = Math.round(Math.max(12, Math.min(56, size / 6)));
  const width = Math.round(Math.max(6, Math.min(28, size / 10)));
  const min = field.min ?? 0;
  const max = field.max ?? 100;
  const steps = field.thresholds?.steps ?? [{ value: null, color: 'green' }];
  const percentage = field.thresholds?.mode === 'percentage';
  // Arc colour stops: each threshold colours the arc up to the next threshold.
  const stops = steps.map((step, i) => {
    const next = steps[i + 1]?.value;
    const end = next === undefined || next === null ? 1 : percentage ? next / 100 : (next - min) / (max - min || 1);
    return [Math.min(1, Math.max(0, end)), resolveColor(step.color, theme) ?? theme.grid] as [number, string];
  });
  const n = values.length;
  return {
    animation: false,
    textStyle: { fontFamily: theme.fontFamily, color: theme.text },
    series: values.map((v, i) => ({
      type: 'gauge',
      min,
      max,
      center: [`${((i + 0.5) / n) * 100}%`, '58%'],
      radius: `${Math.min(88, 170 / n)}%`,
      startAngle: 210,
      endAngle: -30,
      progress: { show: true, width, itemStyle: { color: v.color ?? theme.palette[0] } },
      axisLine: { lineStyle: { width, color: [[1, theme.grid]] } },
      axisTick: { show: false },
      splitLine: { show: false },
      axisLabel: { show: false },
      pointer: { show: false },
      anchor: { show: false },
      title: { show: n > 1, offsetCenter: [0, '62%'], color: theme.textMuted, fontSize: theme.fontSize },
      detail: {
        valueAnimation: false,
        offsetCenter: [0, '6%'],
        // Within the arc: about 0.6 em a character across a bit over half the gauge.
        fontSize: Math.max(12, Math.min(fontSize, Math.round((size * 0.55) / (Math.max(3, valueText(v).length) * 0.6)))),
        fontWeight: 600,
        color: v.color ?? theme.text,
        formatter: () => valueText(v),
      },
      data: [{ value: arcValue(v.value, min, max), name: v.name }],
    })).concat(
      values.map((_, i) => ({
        type: 'gauge',
        min,
        max,
        center: [`${((i + 0.5) / n) * 100}%`, '58%'],
        radius: `${Math.min(88, 170 / n) + 6}%`,
        startAngle: 210,
        endAngle: -30,
        axisLine: { lineStyle: { width: 3, color: stops } },
        progress: { show: false },
        axisTick: { show: false },
        splitLine: { show: false },
        axisLabel: { show: false },
        pointer: { show: false },
        anchor: { show: false },
        title: { show: false },
        detail: { show: false },
        data: [],
      })) as never[],
    ),
  };
}

/** Where the arc ends for a value: infinities at the ends of the scale, NaN at its start. */
export function arcValue(value: number, min: number, max: number): number {
  if (Number.isFinite(value)) return value;
  return value === Number.POSITIVE_INFINITY ? max : min;
}

/** The filled share (0–1) of a bar or arc from min to max: `+Inf` fills it, `-Inf` and NaN leave it empty. */
export function fillShare(value: number, min: number, max: number): number {
  if (Number.isNaN(value)) return 0;
  return Math.max(0, Math.min(1, (value - min) / (max - min || 1)));
}
