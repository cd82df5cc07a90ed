/** Stat panels: one big value per series, with a trend arrow and an optional sparkline. */
import { html, nothing, svg, type TemplateResult } from 'lit';
import { parseRgb, type Frame } from '@promkit/core';
import type { DataLinkTarget } from './data-link.js';
import { cssProps } from '../../../internal/css-props.js';
import { valueText, type ReducedValue } from '../../../charts/reduce.js';

/** How stat tiles show their values: Grafana's stat options. */
export interface StatLook {
  /** Draw each series as a small area behind its value. */
  sparklines: boolean;
  /** What the value's colour paints: its text (default), the tile's background, or nothing. */
  colorMode?: 'value' | 'background' | 'background_solid' | 'none' | undefined;
  /** The value, the name, both, or neither (`auto`: the name only beside other series). */
  textMode?: 'auto' | 'value' | 'value_and_name' | 'name' | 'none' | undefined;
}

/** `color`: the sparkline's colour for a value without one of its own; `links`: each value's data link, if any (the tile is then the link). */
export function renderStats(values: readonly ReducedValue[], look: StatLook, color: string, links: readonly (DataLinkTarget | undefined)[] = []): TemplateResult {
  const colorMode = look.colorMode ?? 'value';
  const textMode = look.textMode ?? 'auto';
  const background = colorMode === 'background' || colorMode === 'background_solid';
  const showValue = textMode !== 'name' && textMode !== 'none';
  // A name line over the value (textMode name shows the name as the value instead).
  const nameLine = textMode === 'value_and_name' || (textMode === 'auto' && values.length > 1);
  const trendOf = (v: ReducedValue) => (Number.isFinite(v.previous) && Number.isFinite(v.value) && v.value !== v.previous ? (v.value > v.previous ? '▲' : '▼') : '');
  // Characters the widest line is (a unit is drawn smaller): every tile's value takes the size that
  // fits it, so values side by side read alike, as Grafana aligns them.
  const chars = Math.max(4, ...values.map((v) => (textMode === 'name' ? v.name.length : `${v.formatted.prefix}${v.formatted.text}`.length + 0.6 * v.formatted.suffix.trim().length + (trendOf(v) ? 1 : 0))));
  return html`<div class="stats-wrap"><div class="stats" part="chart" role="group" aria-labelledby="title">
      ${values.map((v, i) => {
        const trend = trendOf(v);
        const label = v.name ? `${v.name}: ${valueText(v)}` : valueText(v);
        const tile = { '--stat-chars': chars.toFixed(1), ...(background && v.color ? { '--stat-bg': v.color, '--stat-fg': readableOn(v.color) } : {}) };
        const classes = ['stat', look.sparklines ? 'has-sparkline' : '', nameLine ? 'has-name' : '', background && v.color ? `background ${colorMode === 'background_solid' ? 'solid' : ''}` : ''].filter(Boolean).join(' ');
        const style = { color: colorMode === 'value' ? v.color : undefined };
        // The name above its value, as Grafana stacks them.
        const content = html`${look.sparklines ? sparkline(v.frame, background ? 'currentColor' : (v.color ?? color)) : nothing}
          ${nameLine ? html`<span class="stat-name">${v.name}</span>` : nothing}
          ${showValue
            ? html`<span class="stat-line" ${cssProps(style)}>
                <span class="stat-value">${v.formatted.prefix}${v.formatted.text}<span class="stat-unit">${v.formatted.suffix.trim()}</span></span>
                ${trend ? html`<span class="trend" aria-hidden="true">${trend}</span>` : nothing}
              </span>`
            : textMode === 'name'
              ? html`<span class="stat-line" ${cssProps(style)}><span class="stat-value">${v.name || valueText(v)}</span></span>`
              : nothing}`;
        const link = links[i];
        return link
          ? html`<a class="${classes} data-link" href=${link.href} aria-label=${link.title ? `${label} (${link.title})` : label} target=${link.targetBlank ? '_blank' : nothing} rel=${link.targetBlank ? 'noopener noreferrer' : nothing} ${cssProps(tile)}>${content}</a>`
          : html`<div class=${classes} role="img" aria-label=${label} ${cssProps(tile)}>${content}</div>`;
      })}
    </div></div>`;
}

/** Near-white or near-black, whichever reads on `color` (a hex or rgb() colour; others get white). */
export function readableOn(color: string): string {
  const channels = parseRgb(color);
  if (!channels) return '#ffffff';
  const [r, g, b] = channels.map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  // WCAG relative luminance: above about 0.4, dark text reads better than white.
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b! > 0.4 ? '#111217' : '#ffffff';
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
