/**
 * Bar gauge panels: one horizontal bar per series, filled from the field's min to its max, as
 * Grafana draws them: bars share the height, the name goes above its bar when the row is tall
 * enough (beside it otherwise), and gradient and LCD bars show the field's colour scale (its
 * thresholds or scheme) along the bar, LCD with its unlit cells dimmed.
 */
import { html, type TemplateResult } from 'lit';
import type { FieldDefaults } from '@promkit/core';
import { cssProps } from '../../../internal/css-props.js';
import { fillShare } from '../../../charts/gauge.js';
import { valueText, type ReducedValue } from '../../../charts/reduce.js';
import { valueColor, type ValueSpan } from '../../../charts/value-color.js';
import type { ChartTheme } from '../../../theme/theme.js';

/** How many colours of the scale a bar shows along its length. */
const SCALE_STEPS = 24;

/** `color` fills bars whose value has no colour of its own; `displayMode` is Grafana's bar look (basic by default). */
export function renderBars(values: readonly ReducedValue[], field: FieldDefaults, theme: ChartTheme, color: string | undefined, displayMode: 'basic' | 'gradient' | 'lcd' = 'basic'): TemplateResult {
  const min = field.min ?? 0;
  // Without a max, the largest value fills its bar (whatever the unit's scale).
  const largest = Math.max(...values.map((v) => (Number.isFinite(v.value) ? v.value : min)));
  const max = field.max ?? (largest > min ? largest : min + 1);
  const scale = displayMode === 'basic' ? undefined : colourScale(field, theme, { min, max }, color);
  return html`<div class=${`bars ${displayMode}`} part="chart" role="list" aria-labelledby="title" ${cssProps({ '--bar-scale': scale })}>
    ${values.map((v) => {
      const share = fillShare(v.value, min, max);
      return html`<div class="bar-row" role="listitem" aria-label=${v.name ? `${v.name}: ${valueText(v)}` : valueText(v)}><div class="bar-layout">
        <span class="legend-name">${v.name}</span>
        <div class="bar-track"><div class="bar-fill" ${cssProps({ width: `${(share * 100).toFixed(2)}%`, '--bar-share': share > 0 ? share.toFixed(4) : undefined, '--bar-color': v.color ?? color })}></div></div>
        <span class="bar-value" ${cssProps({ color: v.color })}>${valueText(v)}</span>
      </div></div>`;
    })}
  </div>`;
}

/** The field's colours from `min` to `max` (thresholds, a scheme, mappings) as a CSS gradient along a bar. */
export function colourScale(field: FieldDefaults, theme: ChartTheme, span: ValueSpan, fallback: string | undefined): string {
  const stops = Array.from({ length: SCALE_STEPS }, (_, k) => {
    const at = k / (SCALE_STEPS - 1);
    return `${valueColor(span.min + (span.max - span.min) * at, field, theme, span) ?? fallback ?? theme.palette[0]} ${(at * 100).toFixed(1)}%`;
  });
  return `linear-gradient(90deg, ${stops.join(', ')})`;
}
