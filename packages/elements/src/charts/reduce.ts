/** One number per series for stat, gauge and bar gauge panels, with its display and colour. */
import { formatSampleValue, formatValue, matchesGrafanaRegex, reduce, type FieldDefaults, type FormattedValue, type Frame, type Reducer } from '@promkit/core';
import { resolveColor, type ChartTheme } from '../theme/theme.js';
import { thresholdColor } from './fields.js';

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

/**
 * The first value mapping that applies to a value. A value mapping for an infinity matches by
 * Grafana's key (`Infinity`, `-Infinity`) or as Prometheus writes it (`+Inf`, `-Inf`).
 */
export function mapValue(value: number, field: FieldDefaults): { text?: string | undefined; color?: string | undefined } | undefined {
  for (const m of field.mappings ?? []) {
    const byValue = m.type === 'value' ? (m.options[String(value)] ?? m.options[formatSampleValue(value)]) : undefined;
    if (byValue) return byValue;
    if (m.type === 'range' && (m.options.from === null || value >= m.options.from) && (m.options.to === null || value <= m.options.to)) {
      return m.options.result;
    }
    if (m.type === 'special' && Number.isNaN(value) && ['nan', 'null', 'null+nan'].includes(m.options.match)) return m.options.result;
    if (m.type === 'regex' && matchesGrafanaRegex(m.options.pattern, String(value))) return m.options.result;
  }
  return undefined;
}
