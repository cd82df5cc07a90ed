/**
 * The colour of one value, as Grafana picks it: its value mapping's colour, else the field's
 * colour mode — a fixed colour, a continuous scheme or shades (by where the value lies between
 * the field's min and max, else the panel's `span` of values), else its thresholds — resolved
 * for the theme. Stat, gauge, bar gauge and table cells all colour through this.
 */
import { isByValue, mapValue, parseRgb, schemeColor, thresholdColor, valueFraction, type FieldDefaults } from '@promkit/core';
import { resolveColor, type ChartTheme } from '../theme/theme.js';

/** The lowest and highest value the panel shows, for a scheme when the field sets no min or max. */
export interface ValueSpan {
  min: number;
  max: number;
}

export function valueColor(value: number, field: FieldDefaults, theme: ChartTheme, span?: ValueSpan): string | undefined {
  const mode = field.color?.mode;
  const picked = mapValue(value, field)?.color ?? (mode === 'fixed' ? field.color?.fixedColor : undefined) ?? byValue(value, field, theme, span);
  return resolveColor(picked ?? thresholdColor(value, field.thresholds, field.min ?? 0, field.max ?? 100), theme);
}

function byValue(value: number, field: FieldDefaults, theme: ChartTheme, span: ValueSpan | undefined): string | undefined {
  const mode = field.color?.mode;
  if (!isByValue(mode)) return undefined;
  const fraction = valueFraction(value, field.min ?? span?.min ?? 0, field.max ?? span?.max ?? 100);
  if (fraction === undefined) return undefined;
  return schemeColor(mode, fraction, (color) => parseRgb(resolveColor(color, theme) ?? ''), field.color?.fixedColor);
}
