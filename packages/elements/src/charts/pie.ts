/**
 * Pie chart panel → ECharts option: one slice per series, its reduced value (the panel's first
 * reducer), coloured as the time series would be (a fixed colour or override, else the palette
 * by series). A donut leaves the middle open. Slice labels say what `displayLabels` asks (name,
 * value, percent), as canvas text on the slice; negative, NaN and infinite values have no slice, since a pie
 * cannot draw them (the legend still lists them).
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { PanelOptions } from '@promkit/core';
import type { ChartTheme } from '../theme/theme.js';
import { valueText, type ReducedValue } from './reduce.js';

/** A slice: its series' reduced value and colour, and its share of the whole (undefined when it has no slice). */
export interface PieSlice {
  value: ReducedValue;
  color: string;
  share: number | undefined;
}

/** Each series' slice, its colour and share of the sum of the values drawn (`hidden`: toggled off in the legend, no slice). */
export function pieSlices(values: readonly ReducedValue[], colors: readonly string[], hidden: readonly boolean[] = []): PieSlice[] {
  const drawn = (v: number, i: number) => Number.isFinite(v) && v >= 0 && !hidden[i];
  const total = values.reduce((sum, v, i) => sum + (drawn(v.value, i) ? v.value : 0), 0);
  return values.map((value, i) => ({ value, color: colors[i]!, share: drawn(value.value, i) && total > 0 ? value.value / total : undefined }));
}

/** What a slice's label or legend cell says of it: its name, formatted value, or percent ('–' without a share). */
export function sliceText(slice: PieSlice, what: 'name' | 'value' | 'percent'): string {
  if (what === 'name') return slice.value.name;
  if (what === 'value') return valueText(slice.value);
  return slice.share === undefined ? '–' : percentText(slice.share);
}

/** A share as Grafana writes it in pies: whole percent, one decimal under 10 %. */
export function percentText(share: number): string {
  const percent = share * 100;
  return `${percent > 0 && percent < 10 ? percent.toFixed(1) : percent.toFixed(0)}%`;
}

export function pieOption(slices: readonly PieSlice[], options: PanelOptions, theme: ChartTheme): EChartsCoreOption {
  const labels = options.displayLabels ?? [];
  const labelOf = (slice: PieSlice) => labels.map((what) => sliceText(slice, what)).join(' · ');
  const drawn = slices.filter((s) => s.share !== undefined);
  return {
    animation: false,
    textStyle: { fontFamily: theme.fontFamily, color: theme.text },
    series: [
      {
        type: 'pie',
        radius: options.pieType === 'donut' ? ['45%', '75%'] : [0, '75%'],
        center: ['50%', '50%'],
        avoidLabelOverlap: true,
        silent: false,
        itemStyle: { borderColor: theme.background, borderWidth: 1 },
        // On the slice, as Grafana writes them; a slice too thin for its label goes without.
        label: { show: labels.length > 0, position: 'inside', color: '#ffffff', textBorderColor: 'rgba(0, 0, 0, 0.45)', textBorderWidth: 2, fontSize: theme.fontSize, formatter: (p: { dataIndex: number }) => labelOf(drawn[p.dataIndex]!) },
        labelLine: { show: false },
        minShowLabelAngle: 12,
        emphasis: { scale: false },
        data: drawn.map((s) => ({ name: s.value.name, value: s.value.value, itemStyle: { color: s.color } })),
      },
    ],
  };
}
