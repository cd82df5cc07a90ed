/**
 * Annotation marks over a time series: a button per event at its time (as wide as its region),
 * its title, time and text on hover and focus, so each can be reached by keyboard and read by a
 * screen reader; pressing one calls `onPick`. The lines and bands themselves are in the chart.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { AnnotationEvent, TimeRange } from '@promkit/core';
import { cssProps } from '../../../internal/css-props.js';
import { fullTimeLabel } from '../../../charts/time-format.js';

/** The plot's left and right edge in px within the chart box, for the range's start and end. */
export type PlotSpan = readonly [left: number, right: number];

export function renderAnnotationMarks(
  events: readonly AnnotationEvent[],
  plot: PlotSpan | undefined,
  range: TimeRange | undefined,
  timeZone: string,
  onPick: (event: AnnotationEvent) => void,
  /** The CSS colour of an annotation's colour (named colours follow the theme). */
  colorOf: (color: string) => string | undefined = (c) => c,
): TemplateResult | typeof nothing {
  if (!plot || !range || events.length === 0 || range.to <= range.from) return nothing;
  const [left, right] = plot;
  const x = (t: number) => left + ((Math.min(Math.max(t, range.from), range.to) - range.from) / (range.to - range.from)) * (right - left);
  // An event newer than the range's end arrived live: it sits at the right edge until the range moves on.
  const shown = events.filter((e) => (e.timeEnd ?? e.time) >= range.from);
  return html`<div class="annotation-marks" part="annotations">
    ${shown.map((e) => {
      const start = x(e.time);
      const width = e.timeEnd === undefined ? undefined : Math.max(8, x(e.timeEnd) - start);
      const when = `${fullTimeLabel(e.time, timeZone)}${e.timeEnd === undefined ? '' : ` – ${fullTimeLabel(e.timeEnd, timeZone)}`}`;
      const label = [e.title, when, e.text, e.tags.length ? `tags: ${e.tags.join(', ')}` : ''].filter(Boolean).join('\n');
      return html`<button
        type="button"
        class=${width === undefined ? 'annotation-mark' : 'annotation-mark region'}
        part="annotation"
        title=${label}
        aria-label=${`${e.annotation}: ${label.replaceAll('\n', '; ')}`}
        ${cssProps({ left: `${width === undefined ? start - 5 : start}px`, width: width === undefined ? undefined : `${width}px`, '--mark-color': colorOf(e.color) })}
        @click=${() => onPick(e)}
      ></button>`;
    })}
  </div>`;
}
