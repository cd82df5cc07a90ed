/** The heatmap's colour scale: from no count to `max`, the most counted in one cell. */
import { html, type TemplateResult } from 'lit';
import { formatValueText } from '@promkit/core';
import { cssProps } from '../../../internal/css-props.js';
import { heatScale } from '../../../charts/heatmap.js';
import type { ChartTheme } from '../../../theme/theme.js';

export function renderHeatScale(max: number, theme: ChartTheme): TemplateResult {
  return html`<div part="legend" class="heat-scale">
    <span>0</span><span class="heat-bar" ${cssProps({ backgroundImage: `linear-gradient(to right, ${heatScale(theme).join(', ')})` })}></span><span>${formatValueText(max, 'short')}</span>
  </div>`;
}
