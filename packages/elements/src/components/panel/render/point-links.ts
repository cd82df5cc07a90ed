/**
 * The data links of a clicked point of a time series: a small menu where the click was, headed by
 * the series, its time and value, with one link per entry (the field's links, expanded for that
 * point). Placed inside the chart box, opening away from the nearer edges so a narrow panel keeps it whole.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { cssProps } from '../../../internal/css-props.js';
import type { DataLinkTarget } from './data-link.js';

export interface PointLinks {
  /** Where the click was, px within the chart box. */
  x: number;
  y: number;
  /** The chart box' size, px: the menu opens toward the side with more room. */
  width: number;
  height: number;
  series: string;
  /** The point's time and value, as the tooltip writes them. */
  time: string;
  value: string;
  links: readonly DataLinkTarget[];
}

/** The menu for `menu` (nothing when closed); `onClose` is told of Escape and of a followed link. */
export function renderPointLinks(menu: PointLinks | undefined, onClose: () => void): TemplateResult | typeof nothing {
  if (!menu) return nothing;
  const place = {
    ...(menu.x > menu.width / 2 ? { right: `${Math.round(menu.width - menu.x)}px` } : { left: `${Math.round(menu.x)}px` }),
    ...(menu.y > menu.height / 2 ? { bottom: `${Math.round(menu.height - menu.y)}px` } : { top: `${Math.round(menu.y)}px` }),
  };
  const keydown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    onClose();
  };
  const label = `Links of ${menu.series} at ${menu.time}`;
  return html`<div class="point-links" part="point-links" role="dialog" aria-label=${label} ${cssProps(place)} @keydown=${keydown}>
    <div class="point-head"><span class="point-series">${menu.series}</span> <span class="point-at">${menu.time} · ${menu.value}</span></div>
    <ul>
      ${menu.links.map(
        (link) => html`<li><a href=${link.href} target=${link.targetBlank ? '_blank' : nothing} rel=${link.targetBlank ? 'noopener noreferrer' : nothing} @click=${onClose}>${link.title}</a></li>`,
      )}
    </ul>
  </div>`;
}
