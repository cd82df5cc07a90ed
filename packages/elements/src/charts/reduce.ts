/** One number per series for stat, gauge and bar gauge panels, with its display and colour. */
import { formatValue, mapValue, reduce, thresholdColor, type FieldDefaults, type FormattedValue, type Frame, type Reducer } from '@promkit/core';
import { resolveColor, type ChartTheme } from '../theme/theme.js';

export interface ReducedValue {
  name: string;
  value: number;
  /** The value before the last sample (for the trend arrow). */
  previous: number;
  formatted: FormattedValue;
  /** Colour from thresholds or value mappings, resolved for the theme. */
  color: string | undefined;
  frame: Frame;
}

/** Reduces a series and formats it, applying value mappings and thresholds. */
export function reduceSeries(name: string, frame: Frame, field: FieldDefaults, calc: Reducer, theme: ChartTheme): ReducedValue {
  const value = reduce(frame.values, calc);
  const previous = frame.values.length > 1 ? reduce(frame.values.subarray(0, frame.values.length - 1), calc) : Number.NaN;
  const mapped = mapValue(value, field);
  const formatted = mapped?.text !== undefined ? { prefix: '', text: mapped.text, suffix: '' } : formatValue(value, field.unit ?? 'none', field.decimals);
  // As in Grafana: a mapping's colour wins, then a fixed colour scheme, then the thresholds.
  const fixed = field.color?.mode === 'fixed' ? field.color.fixedColor : undefined;
  const color = mapped?.color ?? fixed ?? thresholdColor(value, field.thresholds, field.min ?? 0, field.max ?? 100);
  return { name, value, previous, formatted, color: color === undefined ? undefined : resolveColor(color, theme), frame };
}
