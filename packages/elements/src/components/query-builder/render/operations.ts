/** The chain of operations: added from the catalogue, each a card that can be moved up or down and removed. */
import { html, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { VISUAL_OPERATIONS, type Operation, type VisualQuery } from '@promkit/core/edit';
import { catalogueGroups, labelOf } from '../catalogue.js';
import { downIcon, removeIcon, upIcon } from '../icons.js';
import type { BuilderContext } from './context.js';
import { operationParams } from './operation-params.js';
import { addRow, moved, removeRow } from './rows.js';

/** The operations block with its catalogue to add from. */
export function renderOperations(ctx: BuilderContext, q: VisualQuery): TemplateResult {
  const ids = ctx.ids('operations');
  const rows = q.operations.map((op, index) => ({ op, index, id: ids[index]! }));
  return html`<div class="block">
    <div class="block-head">
      <span class="block-title" id="operations-title">Operations</span>
      <label class="visually-hidden" for="add-operation">Add an operation</label>
      <select id="add-operation" class="add add-select" @change=${(e: Event) => {
        const select = e.target as HTMLSelectElement;
        const entry = VISUAL_OPERATIONS.find((o) => o.id === select.value);
        select.value = '';
        if (entry) addRow(ctx, 'operations', entry.make(), (id) => `op-${id}-card`);
      }}>
        <option value="" selected>+ Operation</option>
        ${catalogueGroups().map(
          (g) => html`<optgroup label=${g.group}>${g.entries.map((o) => html`<option value=${o.id}>${o.label}</option>`)}</optgroup>`,
        )}
      </select>
    </div>
    ${rows.length === 0
      ? html`<p class="empty">The raw samples. Add an operation such as Rate or Sum; each applies to everything above it.</p>`
      : html`<ol class="operations" aria-labelledby="operations-title">
          ${repeat(rows, (r) => r.id, ({ op, index, id }) => operationCard(ctx, op, index, id, rows.length))}
        </ol>`}
  </div>`;
}

/** Moves operation `index` (id `id`) by `by` places; the focus stays on its arrow, or the other one at either end. */
function moveOperation(ctx: BuilderContext, index: number, id: number, by: number): void {
  const ids = moved(ctx.ids('operations'), index, by);
  ctx.setIds('operations', ids);
  ctx.commit({ ...ctx.query, operations: moved(ctx.query.operations, index, by) });
  const to = index + by;
  ctx.focusAfter(`op-${id}-${(by < 0 && to === 0) || (by > 0 && to === ids.length - 1) ? (by < 0 ? 'down' : 'up') : by < 0 ? 'up' : 'down'}`);
}

function removeOperation(ctx: BuilderContext, index: number, id: number): void {
  ctx.dropDrafts(`op-${id}-`);
  removeRow(ctx, 'operations', index, id, (x) => `op-${x}-remove`, 'add-operation');
}

function operationCard(ctx: BuilderContext, op: Operation, index: number, id: number, count: number): TemplateResult {
  const label = labelOf(op);
  const key = (f: string) => `op-${id}-${f}`;
  return html`<li class="card op" id=${key('card')} tabindex="-1" aria-label=${`Operation ${index + 1}: ${label}`}>
    <div class="card-head">
      <span class="ref" aria-hidden="true">${index + 1}</span>
      <strong class="title">${label}</strong>
      <span class="spacer"></span>
      <button type="button" class="icon" id=${key('up')} aria-label=${`Move ${label} up`} ?disabled=${index === 0} @click=${() => moveOperation(ctx, index, id, -1)}>${upIcon}</button>
      <button type="button" class="icon" id=${key('down')} aria-label=${`Move ${label} down`} ?disabled=${index === count - 1} @click=${() => moveOperation(ctx, index, id, 1)}>${downIcon}</button>
      <button type="button" class="icon danger" id=${key('remove')} aria-label=${`Remove ${label}`} @click=${() => removeOperation(ctx, index, id)}>${removeIcon}</button>
    </div>
    ${operationParams(ctx, op, id, label)}
  </li>`;
}
