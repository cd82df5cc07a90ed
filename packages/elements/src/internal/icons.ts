/** Small inline SVG icons: no icon font or emoji needed, crisp at any pixel ratio, coloured by currentColor. */
import { svg } from 'lit';

const icon = (path: ReturnType<typeof svg>) =>
  svg`<svg width="14" height="14" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" class="icon">${path}</svg>`;

export const clockIcon = icon(svg`<circle cx="8" cy="8" r="6.25"></circle><path d="M8 4.5V8l2.5 1.5"></path>`);
export const refreshIcon = icon(svg`<path d="M13.5 8a5.5 5.5 0 1 1-1.6-3.9"></path><path d="M13.5 2.5v3h-3"></path>`);
export const shareIcon = icon(svg`<path d="M6.5 9.5 9.5 6.5M7 4.5l1.2-1.2a2.5 2.5 0 0 1 3.5 3.5L10.5 8M9 11.5l-1.2 1.2a2.5 2.5 0 0 1-3.5-3.5L5.5 8"></path>`);
export const fullscreenIcon = icon(svg`<path d="M2.5 6V2.5H6M10 2.5h3.5V6M13.5 10v3.5H10M6 13.5H2.5V10"></path>`);
export const expandIcon = icon(svg`<path d="M9.5 2.5h4v4M13.5 2.5 9 7M6.5 13.5h-4v-4M2.5 13.5 7 9"></path>`);
export const infoIcon = icon(svg`<circle cx="8" cy="8" r="6.25"></circle><path d="M8 7.25V11M8 5v.01"></path>`);
export const linkIcon = icon(svg`<path d="M9 3.5h3.5V7M12.5 3.5 7.5 8.5M11 9.5v3H3.5V5h3"></path>`);
