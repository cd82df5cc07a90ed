/** One number per series for stat, gauge and bar gauge panels, with its display and colour. */
import { formatValue, mapValue, reduce, type FieldDefaults, type FormattedValue, type Frame, type Reducer } from '@promkit/core';
import type { ChartTheme } from '../theme/theme.js';
import { valueColor, type ValueSpan } from './value-color.js';

export interface ReducedValue {
  name: string;
  value: number;
  /** The value before the last sample (for the trend arrow). */
  previous: number;
  formatted: FormattedValue;
  /** Colour from value mappings, the colour scheme or thresholds, resolved for the theme. */
  color: string | undefined;
  frame: Frame;
}

/** A reduced value's formatted text in one string, prefix and suffix included: "1.50 KiB". */
export function valueText(v: Pick<ReducedValue, 'formatted'>): string {
  return `${v.formatted.prefix}${v.formatted.text}${v.formatted.suffix}`;
}

/** Reduces a series and formats it, applying value mappings and its colour (`span`: the panel's values, for a colour scheme without min and max). */
export function reduceSeries(name: string, frame: Frame, field: FieldDefaults, calc: Reducer, theme: ChartTheme, span?: ValueSpan): ReducedValue {
  const value = reduce(frame.values, calc);
  const previous = frame.values.length > 1 ? reduce(frame.values.subarray(0, frame.values.length - 1), calc) : Number.NaN;
  const mapped = mapValue(value, field);
  const formatted = mapped?.text !== undefined ? { prefix: '', text: mapped.text, suffix: '' } : formatValue(value, field.unit ?? 'none', field.decimals);
  return { name, value, previous, formatted, color: valueColor(value, field, theme, span), frame };
}
