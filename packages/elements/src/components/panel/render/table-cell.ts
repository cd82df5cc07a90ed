/**
 * A table's value cell as its field asks (`custom.cellOptions`): the value formatted or mapped,
 * in plain text, coloured text, on a coloured background with text that reads on it, or with a
 * gauge bar from the field's min to max. Colours come from the value's mapping, else the field's
 * colour scheme or thresholds, as in Grafana (charts/value-color.ts); every style goes through CSSOM.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatValueText, mapValue, type FieldDefaults } from '@promkit/core';
import { cssProps } from '../../../internal/css-props.js';
import type { ChartTheme } from '../../../theme/theme.js';
import { valueColor } from '../../../charts/value-color.js';
import { readableOn } from './stat.js';
import type { DataLinkTarget } from './data-link.js';

/** `link`: the value's data link for its row, if its field has links. */
export function renderValueCell(value: number | undefined, field: FieldDefaults, theme: ChartTheme, timeZone: string, link?: (text: string) => DataLinkTarget | undefined): TemplateResult {
  if (value === undefined) return html`<td class="number"></td>`;
  const mapped = mapValue(value, field);
  const shown = mapped?.text ?? formatValueText(value, field.unit ?? 'none', field.decimals, { timeZone });
  const text = linked(shown, link);
  const cell = field.custom?.cellOptions;
  if (!cell || cell.type === 'auto') return html`<td class="number">${text}</td>`;
  const min = field.min ?? 0;
  const max = field.max ?? 100;
  const color = valueColor(value, field, theme);
  if (cell.type === 'color-text') return html`<td class="number color-text" ${cssProps({ color })}>${text}</td>`;
  if (cell.type === 'color-background') {
    return html`<td class="number cell-background" ${cssProps(color ? { backgroundColor: color, color: readableOn(color) } : {})}>${text}</td>`;
  }
  const share = Number.isFinite(value) && max > min ? Math.min(1, Math.max(0, (value - min) / (max - min))) : 0;
  return html`<td class="number cell-gauge ${cell.mode ?? 'basic'}">
    <span class="cell-gauge-track" aria-hidden="true"><span class="cell-gauge-bar" ${cssProps({ width: `${(share * 100).toFixed(1)}%`, '--gauge-color': color })}></span></span>
    <span class="cell-gauge-text">${text}</span>${nothing}
  </td>`;
}

/** A label column's cell: its text, a link when the column's field has data links (as Grafana links text fields too). */
export function renderTextCell(text: string, link?: (text: string) => DataLinkTarget | undefined): TemplateResult {
  return html`<td>${linked(text, link)}</td>`;
}

/** `shown` as the anchor of its data link, or as it is without one. */
function linked(shown: string, link: ((text: string) => DataLinkTarget | undefined) | undefined): TemplateResult | string {
  const target = link?.(shown);
  return target
    ? html`<a class="data-link" href=${target.href} title=${target.title || nothing} target=${target.targetBlank ? '_blank' : nothing} rel=${target.targetBlank ? 'noopener noreferrer' : nothing}>${shown}</a>`
    : shown;
}
