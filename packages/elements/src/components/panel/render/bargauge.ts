/** Bar gauge panels: one horizontal bar per series, filled from the field's min to its max. */
import { html, type TemplateResult } from 'lit';
import type { FieldDefaults } from '@promkit/core';
import { cssProps } from '../../../internal/css-props.js';
import { fillShare } from '../../../charts/gauge.js';
import { valueText, type ReducedValue } from '../../../charts/reduce.js';

/** `color` fills bars whose value has no colour of its own; `displayMode` is Grafana's bar look (basic by default). */
export function renderBars(values: readonly ReducedValue[], field: FieldDefaults, color: string | undefined, displayMode: 'basic' | 'gradient' | 'lcd' = 'basic'): TemplateResult {
  const min = field.min ?? 0;
  // Without a max, the largest value fills its bar (whatever the unit's scale).
  const largest = Math.max(...values.map((v) => (Number.isFinite(v.value) ? v.value : min)));
  const max = field.max ?? (largest > min ? largest : min + 1);
  return html`<div class=${`bars ${displayMode}`} part="chart" role="list" aria-labelledby="title">
    ${values.map((v) => {
      const share = fillShare(v.value, min, max);
      return html`<div class="bar-row" role="listitem" aria-label=${v.name ? `${v.name}: ${valueText(v)}` : valueText(v)}>
        <span class="legend-name">${v.name}</span>
        <div class="bar-track"><div class="bar-fill" ${cssProps({ width: `${(share * 100).toFixed(2)}%`, '--bar-color': v.color ?? color })}></div></div>
        <span class="bar-value" ${cssProps({ color: v.color })}>${valueText(v)}</span>
      </div>`;
    })}
  </div>`;
}
