/** The builder's icons: 14 px strokes in the text colour. */
import { svg } from 'lit';

const icon = (path: ReturnType<typeof svg>) =>
  svg`<svg width="14" height="14" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" class="icon">${path}</svg>`;

/** Move up. */
export const upIcon = icon(svg`<path d="m4 10 4-4 4 4"></path>`);
/** Move down; an open disclosure. */
export const downIcon = icon(svg`<path d="m4 6 4 4 4-4"></path>`);
/** Remove, close. */
export const removeIcon = icon(svg`<path d="m4.5 4.5 7 7M11.5 4.5l-7 7"></path>`);
/** Browse a list. */
export const browseIcon = icon(svg`<path d="M2.5 3.5h11M2.5 8h11M2.5 12.5h6"></path>`);
/** A closed disclosure (inside an element already hidden from assistive technology). */
export const rightIcon = svg`<svg width="14" height="14" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" class="icon"><path d="m6 4 4 4-4 4"></path></svg>`;
