/** The label filters: label, matcher and value per row, with the names and values the server offers. */
import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { LabelFilter, LabelMatchOp, VisualQuery } from '@promkit/core/edit';
import { MATCH_OPS } from '../catalogue.js';
import { removeIcon } from '../icons.js';
import type { BuilderContext } from './context.js';
import { addRow, removeRow } from './rows.js';

/** The query with filter `index` changed. */
function setFilter(ctx: BuilderContext, index: number, change: Partial<LabelFilter>): VisualQuery {
  const labels = ctx.query.labels.map((f, i) => (i === index ? { ...f, ...change } : f));
  return { ...ctx.query, labels };
}

/** The filters block; its datalist `label-names` also serves the label lists of operations and binary queries. */
export function renderFilters(ctx: BuilderContext, q: VisualQuery): TemplateResult {
  const names = ctx.suggestions(`labels:${q.metric}`);
  const ids = ctx.ids('labels');
  const rows = q.labels.map((f, index) => ({ f, index, id: ids[index]! }));
  const add = () => addRow(ctx, 'labels', { label: '', op: '=', value: '' }, (id) => `filter-${id}-label`);
  return html`<div class="block">
    <div class="block-head">
      <span class="block-title" id="filters-title">Label filters</span>
      <button type="button" class="add" id="add-filter" @click=${add}>+ Filter</button>
    </div>
    <datalist id="label-names">${names.map((n) => html`<option value=${n}></option>`)}</datalist>
    ${rows.length === 0
      ? html`<p class="empty">Every series of the metric. Add a filter to narrow by a label.</p>`
      : html`<ul class="filters" aria-labelledby="filters-title">
          ${repeat(rows, (r) => r.id, ({ f, index, id }) => filterRow(ctx, q, f, index, id))}
        </ul>`}
  </div>`;
}

function filterRow(ctx: BuilderContext, q: VisualQuery, f: LabelFilter, index: number, id: number): TemplateResult {
  const at = () => ctx.ids('labels').indexOf(id);
  const values = ctx.suggestions(`values:${q.metric}:${f.label}`);
  const n = index + 1;
  return html`<li class="filter">
    <label class="visually-hidden" for=${`filter-${id}-label`}>Filter ${n} label</label>
    <input
      id=${`filter-${id}-label`}
      class="filter-label"
      type="text"
      list="label-names"
      spellcheck="false"
      autocomplete="off"
      placeholder="label"
      .value=${live(f.label)}
      @change=${(e: Event) => ctx.commit(setFilter(ctx, at(), { label: (e.target as HTMLInputElement).value.trim() }))}
    />
    <label class="visually-hidden" for=${`filter-${id}-op`}>Filter ${n} match</label>
    <select id=${`filter-${id}-op`} class="filter-op" @change=${(e: Event) => ctx.commit(setFilter(ctx, at(), { op: (e.target as HTMLSelectElement).value as LabelMatchOp }))}>
      ${MATCH_OPS.map((m) => html`<option value=${m.op} title=${m.title} ?selected=${m.op === f.op}>${m.op}</option>`)}
    </select>
    <label class="visually-hidden" for=${`filter-${id}-value`}>Filter ${n} value</label>
    <input
      id=${`filter-${id}-value`}
      class="filter-value"
      type="text"
      list=${`filter-${id}-values`}
      spellcheck="false"
      autocomplete="off"
      placeholder=${f.op.includes('~') ? 'regex' : 'value'}
      .value=${live(f.value)}
      @change=${(e: Event) => ctx.commit(setFilter(ctx, at(), { value: (e.target as HTMLInputElement).value }))}
    />
    <datalist id=${`filter-${id}-values`}>${values.map((v) => html`<option value=${v}></option>`)}</datalist>
    <button
      type="button"
      class="icon danger"
      id=${`filter-${id}-remove`}
      aria-label=${`Remove filter ${n}${f.label ? ` (${f.label})` : ''}`}
      @click=${() => removeRow(ctx, 'labels', at(), id, (x) => `filter-${x}-remove`, 'add-filter')}
    >${removeIcon}</button>
  </li>`;
}
