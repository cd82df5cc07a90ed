/** Stat panels: one big value per series, with a trend arrow and an optional sparkline. */
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { Frame } from '@promkit/core';
import { cssProps } from '../../../internal/css-props.js';
import type { ReducedValue } from '../../../charts/reduce.js';

/** `sparklines`: draw each series as a small area behind its value, in `color` unless the value has one. */
export function renderStats(values: readonly ReducedValue[], sparklines: boolean, color: string): TemplateResult {
  return html`<div class="stats-wrap"><div class="stats" part="chart" role="group" aria-labelledby="title">
      ${values.map((v) => {
        const trend = Number.isFinite(v.previous) && Number.isFinite(v.value) && v.value !== v.previous ? (v.value > v.previous ? '▲' : '▼') : '';
        const label = `${v.name}: ${v.formatted.prefix}${v.formatted.text}${v.formatted.suffix}`;
        // Characters the line is wide (the unit is drawn smaller): long values shrink to fit.
        const chars = `${v.formatted.prefix}${v.formatted.text}`.length + 0.6 * v.formatted.suffix.trim().length + (trend ? 1 : 0);
        const style = { '--stat-chars': Math.max(4, chars).toFixed(1), color: v.color };
        return html`<div class=${sparklines ? 'stat has-sparkline' : 'stat'} role="img" aria-label=${label}>
          ${sparklines ? sparkline(v.frame, v.color ?? color) : nothing}
          <span class="stat-line" ${cssProps(style)}>
            <span class="stat-value">${v.formatted.prefix}${v.formatted.text}<span class="stat-unit">${v.formatted.suffix.trim()}</span></span>
            ${trend ? html`<span class="trend" aria-hidden="true">${trend}</span>` : nothing}
          </span>
          ${values.length > 1 ? html`<span class="stat-name">${v.name}</span>` : nothing}
        </div>`;
      })}
    </div></div>`;
}

/** A small area chart behind a stat value, as inline SVG. */
export function sparkline(frame: Frame, color: string) {
  const values = [...frame.values].filter((v) => Number.isFinite(v));
  if (values.length < 2) return nothing;
  const t0 = frame.timestamps[0]!;
  const span = frame.timestamps.at(-1)! - t0 || 1;
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const points: string[] = [];
  frame.timestamps.forEach((t, i) => {
    const v = frame.values[i]!;
    if (Number.isFinite(v)) points.push(`${(((t - t0) / span) * 100).toFixed(2)},${(30 - ((v - lo) / (hi - lo || 1)) * 28).toFixed(2)}`);
  });
  return svg`<svg class="sparkline" viewBox="0 0 100 30" preserveAspectRatio="none" aria-hidden="true">
    <polygon points="0,30 ${points.join(' ')} 100,30" fill=${color} fill-opacity="0.18"></polygon>
    <polyline points=${points.join(' ')} fill="none" stroke=${color} stroke-width="1.5" vector-effect="non-scaling-stroke"></polyline>
  </svg>`;
}
