/** Data links: a title and a URL made from each value (its labels, time, row), drawn by tables, stats and time series. */
import { html, type TemplateResult } from 'lit';
import type { Panel, PanelLink, PanelType } from '@promkit/core';
import { addDataLink, removeDataLink, updateDataLink } from '@promkit/core/edit';
import type { EditorContext } from './context.js';
import { checkbox, field, section, textInput } from './controls.js';

/** The panel types that draw data links (a table's values, a stat's tiles, a time series' points). */
export const DATA_LINK_TYPES: readonly PanelType[] = ['timeseries', 'table', 'stat'];

const URL_HINT = 'Macros: ${__field.labels.X}, ${__series.name}, ${__value.raw}, ${__value.time}, ${__data.fields.X}, ${__url_time_range}; variables as $name.';

export function renderDataLinks(ctx: EditorContext): TemplateResult {
  const links = ctx.panel.fieldConfig.defaults.links ?? [];
  const add = html`<button type="button" class="add" @click=${() => ctx.edit('data-links', (p) => addDataLink(p))}>+ Add data link</button>`;
  return section('data-links', 'Data links', [
    ...links.map((link, i) => renderDataLink(ctx, link, i)),
    ...(links.length === 0 ? [html`<p class="empty">Link each value to a page made from it, e.g. /nodes?name=\${__field.labels.instance}.</p>`] : []),
  ], add);
}

function renderDataLink(ctx: EditorContext, link: PanelLink, i: number): TemplateResult {
  const key = (name: string) => `data-link-${i}-${name}`;
  const change = (name: string, changes: Partial<PanelLink>) => ctx.edit(key(name), (p: Panel) => updateDataLink(p, i, changes));
  return html`<div class="card" role="group" aria-label=${`Data link ${i + 1}`}>
    <div class="card-head">
      <span class="ref">${i + 1}</span>
      <span class="spacer"></span>
      <button type="button" class="icon danger" aria-label=${`Remove data link ${i + 1}`} title="Remove" @click=${() => ctx.edit('data-links', (p) => removeDataLink(p, i))}>✕</button>
    </div>
    ${field(ctx, key('title'), 'Title', textInput(ctx, key('title'), link.title, (v) => change('title', { title: v })))}
    ${field(ctx, key('url'), 'URL', textInput(ctx, key('url'), link.url, (v) => change('url', { url: v.trim() }), { placeholder: '/details?id=${__field.labels.instance}' }), URL_HINT)}
    ${checkbox(key('blank'), 'Open in a new tab', link.targetBlank === true, (on) => change('blank', { targetBlank: on || undefined }))}
  </div>`;
}
