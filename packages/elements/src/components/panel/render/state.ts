/**
 * State timeline and status history panels, drawn in HTML (no chart code to load): a row per
 * series, its name beside it, and its states along a shared time axis — spans of one value
 * (a state timeline, consecutive equal samples merged) or a cell per sample, centred on it (a
 * status history).
 * Each span is coloured as a stat would colour its value (mapping, scheme, thresholds), says its
 * mapped text or formatted value when it fits, and tells its value and time on hover; the row says
 * all of it to a screen reader. Positions are percentages set through CSSOM.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatValueText, mapValue, roundInterval, stateSpans, type FieldDefaults, type Panel, type StateSpan, type TimeRange } from '@promkit/core';
import { resolveColor } from '../../../theme/theme.js';
import { cssProps } from '../../../internal/css-props.js';
import { valueColor } from '../../../charts/value-color.js';
import { axisTimeLabel, fullTimeLabel } from '../../../charts/time-format.js';
import type { TimeseriesSeries } from '../../../charts/timeseries.js';
import type { ChartTheme } from '../../../theme/theme.js';
import { readableOn } from './stat.js';

export interface StateInput {
  spec: Panel;
  series: readonly TimeseriesSeries[];
  range: TimeRange;
  stepMs: number;
  theme: ChartTheme;
  timeZone: string;
}

export function renderStates(input: StateInput): TemplateResult {
  const { spec, range, theme, timeZone } = input;
  const span = Math.max(1, range.to - range.from);
  const at = (ms: number) => Math.min(100, Math.max(0, ((ms - range.from) / span) * 100));
  const showValue = spec.options.showValue ?? 'auto';
  const merge = spec.type === 'state-timeline' && spec.options.mergeValues !== false;
  const rows = input.series.filter((s) => !s.field.custom?.hideFrom?.viz);
  const textOf = (s: TimeseriesSeries, value: number) => mapValue(value, s.field)?.text ?? formatValueText(value, s.field.unit ?? 'none', s.field.decimals, { timeZone });
  const row = (s: TimeseriesSeries) => {
    // A status history's cell is centred on its sample, as in Grafana; a timeline's span starts at it.
    const shift = spec.type === 'status-history' ? input.stepMs / 2 : 0;
    const spans = stateSpans(s.frame.timestamps, s.frame.values, { stepMs: input.stepMs, merge })
      .map((x) => ({ ...x, from: x.from - shift, to: x.to - shift }))
      .filter((x) => x.to > range.from && x.from < range.to);
    const said = spans.slice(0, 20).map((x) => `${textOf(s, x.value)} from ${fullTimeLabel(x.from, timeZone)}`).join('; ');
    return html`<div class="state-row" role="listitem" aria-label=${`${s.name}: ${said}${spans.length > 20 ? '; …' : ''}`}>
      <span class="state-name" title=${s.name}>${s.name}</span>
      <span class="state-track" aria-hidden="true">${spans.map((x) => cell(s, x))}</span>
    </div>`;
  };
  const cell = (s: TimeseriesSeries, x: StateSpan) => {
    const text = textOf(s, x.value);
    const color = valueColor(x.value, s.field, theme) ?? theme.palette[0] ?? 'currentColor';
    const left = at(x.from);
    const width = at(x.to) - left;
    // Cells of a few pixels go without the gap between them, which would take half their colour.
    return html`<span class=${width < 1 ? 'state-span thin' : 'state-span'} title=${`${s.name}: ${text}\n${fullTimeLabel(x.from, timeZone)} – ${fullTimeLabel(x.to, timeZone)}`} ${cssProps({ left: `${left.toFixed(3)}%`, width: `${width.toFixed(3)}%`, backgroundColor: color, color: readableOn(color) })}
      >${showValue === 'always' || (showValue === 'auto' && fits(text, width)) ? html`<span class="state-text">${text}</span>` : nothing}</span
    >`;
  };
  // One name column for every row, as wide as the longest name (up to 16 characters).
  const nameWidth = Math.min(16, Math.max(3, ...rows.map((s) => s.name.length)));
  return html`<div part="chart" class="states" ${cssProps({ '--state-fill': String(spec.options.rowHeight ?? 0.9), '--state-names': `${nameWidth}ch` })}>
    <div class="state-rows" role="list" aria-labelledby="title">${rows.map(row)}</div>
    <div class="state-axis" aria-hidden="true"><span class="state-name"></span><span class="state-track">${timeTicks(range).map(
      (t) => html`<span class=${at(t) > 95 ? 'state-tick end' : at(t) < 5 ? 'state-tick start' : 'state-tick'} ${cssProps({ left: `${at(t).toFixed(3)}%` })}>${axisTimeLabel(t, span, timeZone)}</span>`,
    )}</span></div>
    ${spec.options.legend?.displayMode === 'hidden' ? nothing : renderStateLegend(spec.fieldConfig.defaults, theme)}
  </div>`;
}

/**
 * What the colours mean, as Grafana's state timeline legend says it: each value mapping with a
 * colour (its text), else each threshold step (`< 80`, `80+`). Nothing when neither colours.
 */
function renderStateLegend(field: FieldDefaults, theme: ChartTheme): TemplateResult | typeof nothing {
  const mapped = (field.mappings ?? []).flatMap((m) =>
    m.type === 'value' ? Object.entries(m.options).map(([value, r]) => ({ text: r.text ?? value, color: r.color })) : [{ text: m.options.result.text ?? '', color: m.options.result.color }],
  );
  const steps = field.thresholds?.mode === 'absolute' ? field.thresholds.steps : [];
  const unit = field.unit ?? 'none';
  const items = mapped.some((m) => m.color)
    ? mapped.filter((m) => m.color && m.text)
    : steps.length > 1
      ? steps.map((s, i) => ({ text: i === 0 ? `< ${formatValueText(steps[1]!.value ?? 0, unit, field.decimals)}` : `${formatValueText(s.value ?? 0, unit, field.decimals)}+`, color: s.color }))
      : [];
  if (items.length === 0) return nothing;
  return html`<div part="legend"><ul class="legend-list">${items.map(
    (item) => html`<li class="legend-key"><span class="swatch slice" ${cssProps({ backgroundColor: resolveColor(item.color, theme) })}></span><span class="legend-name">${item.text}</span></li>`,
  )}</ul></div>`;
}

/**
 * Whether a span's text likely fits in it (`auto`): about a character per 1.2 % of the track,
 * which holds for the narrow panels of a dashboard and errs towards no text in a wide one.
 */
function fits(text: string, widthPercent: number): boolean {
  return widthPercent >= text.length * 1.2;
}

/** About five round times within the range (on a round interval: 10 min, 1 h, …), for the axis. */
function timeTicks(range: TimeRange): number[] {
  const every = roundInterval((range.to - range.from) / 5 / 1000) * 1000;
  const ticks: number[] = [];
  for (let t = Math.ceil(range.from / every) * every; t <= range.to && ticks.length < 12; t += every) ticks.push(t);
  return ticks;
}
